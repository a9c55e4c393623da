import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { Config } from '../../config.js';
import type { Platform } from '../../platform.js';
import { systemViewer } from '../access/viewer.js';
import { importEntries, type ImportRow } from './import.js';
import { verifyListLedger } from './ledger.js';

type WithPlatform = <T>(fn: (p: Platform, config: Config) => Promise<T>) => Promise<T>;

/** Rows of a JSON array or of JSON Lines: `{ code, name?, reason, documentNo?, decidedBy?, listedOn?, plannedExpiry? }`. */
export async function readImportFile(file: string): Promise<ImportRow[]> {
  const text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  if (/^\s*\[/.test(text)) return JSON.parse(text) as ImportRow[];
  return text.split(/\r?\n/).filter((l) => l.trim()).map((l, i) => {
    try {
      return JSON.parse(l) as ImportRow;
    } catch {
      throw new Error(`${file}: line ${i + 1} is not JSON`);
    }
  });
}

/** `xinyong lists import`, `xinyong verify-lists`. */
export function registerListCommands(program: Command, withPlatform: WithPlatform): void {
  const lists = program.command('lists').description('red / black / watch lists');
  lists
    .command('import <file>')
    .description('import externally decided entries (e.g. 失信被执行人) from a JSON array or JSON Lines; bad rows are reported, the rest imported')
    .requiredOption('--list <code>', 'list code, e.g. court_dishonest_debtor')
    .option('--department <code>', 'deciding department (default: the list\'s issuing department)')
    .action((file: string, opts: { list: string; department?: string }) =>
      withPlatform(async (p) => {
        const rows = await readImportFile(file);
        const r = await importEntries({ pool: p.pool, pd: p.pd, clock: p.clock }, systemViewer, opts.list, { department: opts.department, rows }, { kind: 'system', id: null, name: 'xinyong lists import' });
        console.log(`received ${r.received}: created ${r.created}, unchanged ${r.unchanged}, rejected ${r.rejected}`);
        for (const e of r.errors) console.log(`  row ${e.row}${e.field ? ` ${e.field}` : ''}: ${e.message}`);
        if (r.rejected) process.exitCode = 1;
      }),
    );

  program
    .command('verify-lists')
    .description('recompute the list-entry ledger hash chain; exit 1 naming the first broken link')
    .action(() =>
      withPlatform(async (p) => {
        const r = await verifyListLedger(p.pool);
        if (r.broken) {
          console.error(`list ledger BROKEN at seq ${r.broken.seq}: ${r.broken.reason}; ${r.checked} entries checked`);
          process.exitCode = 1;
        } else if (r.outOfLedger.length) {
          console.error(`list ledger chain intact (${r.checked}) but entries differ from it: ${r.outOfLedger.map((o) => `entry ${o.id} (${o.reason})`).join(', ')}`);
          process.exitCode = 1;
        } else {
          console.log(`list ledger intact: ${r.checked} entries, every list entry matches its latest version`);
        }
      }),
    );
}
