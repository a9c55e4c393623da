import type { Command } from 'commander';
import type { Platform } from '../../platform.js';
import { sweepPublication } from './service.js';

type WithPlatform = <T>(fn: (p: Platform) => Promise<T>) => Promise<T>;

/** `xinyong sweep`: the publication sweep, run now. */
export function registerSweepCommand(program: Command, withPlatform: WithPlatform): void {
  program
    .command('sweep')
    .description('end publication windows (records → expired) and list entries past their planned expiry, now')
    .action(() =>
      withPlatform(async (p) => {
        const r = await sweepPublication({ pool: p.pool, clock: p.clock });
        console.log(`sweep done: ${r.records} records expired, ${r.entries} list entries exited in ${r.ms} ms`);
      }),
    );
}
