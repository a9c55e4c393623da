import type { Command } from 'commander';
import type { Platform } from '../../platform.js';
import { exchangeStatus } from './service.js';

type WithPlatform = <T>(fn: (p: Platform) => Promise<T>) => Promise<T>;

/** `xinyong exchange status`: each target's cursor, lag, last error and open/dead batches. */
export function registerExchangeCommands(program: Command, withPlatform: WithPlatform): void {
  const exchange = program.command('exchange').description('信用信息共享交换: delivery to upper platforms and department systems');
  exchange
    .command('status')
    .description('each target: acknowledged ledger position, lag, open and dead-lettered batches, last error')
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }) =>
      withPlatform(async (p) => {
        const targets = await exchangeStatus(p.pool);
        if (opts.json) return console.log(JSON.stringify(targets, null, 2));
        if (!targets.length) return console.log('no exchange targets');
        for (const t of targets) {
          const state = !t.active ? 'inactive' : t.pausedAt ? `PAUSED since ${t.pausedAt} (dead-lettered batch; resume it)` : t.nextAttemptAt ? `retrying (try ${t.attempts + 1} at ${t.nextAttemptAt})` : 'ok';
          console.log(`#${t.id} ${t.name} [${t.kind}] ${t.baseUrl}\n  cursor ${t.cursor} · lag ${t.lag} changes · open batches ${t.pendingBatches} · dead ${t.deadBatches} · last delivered ${t.lastDeliveredAt ?? 'never'} · ${state}${t.lastError ? `\n  last error: ${t.lastError}` : ''}`);
        }
      }),
    );
}
