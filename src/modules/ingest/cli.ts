import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { once } from 'node:events';
import path from 'node:path';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import type { Config } from '../../config.js';
import { systemViewer } from '../access/viewer.js';
import type { Platform } from '../../platform.js';
import { errorsCsv } from './errors-csv.js';
import { DEFAULT_BATCH_SIZE } from './pipeline.js';
import { errorsCsvUrl } from './schema.js';
import * as ingest from './service.js';
import type { SubmissionFormat } from './types.js';

type WithPlatform = <T>(fn: (p: Platform, config: Config) => Promise<T>) => Promise<T>;

interface ImportOptions {
  department: string;
  category: string;
  encoding?: string;
  mapping?: string;
  format?: SubmissionFormat;
  ignoreUnknown?: boolean;
  batchSize: number;
  progress: boolean;
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** Returns the number of rejected rows. */
async function importFile(p: Platform, file: string, opts: ImportOptions): Promise<number> {
  const size = (await stat(file)).size;
  const bar = new cliProgress.SingleBar({
    format: '导入 [{bar}] {percentage}% | {read}/{size} | {rows} 行 | 拒收 {rejected} | {speed} 行/秒 | ETA {eta_formatted}',
    hideCursor: true, etaBuffer: 50,
  }, cliProgress.Presets.shades_classic);
  const started = Date.now();
  if (opts.progress) bar.start(Math.max(size, 1), 0, { read: mb(0), size: mb(size), rows: 0, rejected: 0, speed: 0 });
  let result: ingest.SubmissionResult;
  try {
    result = await ingest.submitFile(
      { pool: p.pool, pd: p.pd, clock: p.clock },
      systemViewer,
      { department: opts.department, category: opts.category, encoding: opts.encoding ?? null, mapping: opts.mapping ?? null, format: opts.format ?? null, ignoreUnknown: opts.ignoreUnknown ?? false, fileName: path.basename(file) },
      createReadStream(file, { highWaterMark: 256 * 1024 }),
      {
        batchSize: opts.batchSize,
        onProgress: (pr) => {
          const secs = Math.max((Date.now() - started) / 1000, 0.001);
          if (opts.progress) bar.update(pr.bytes, { read: mb(pr.bytes), rows: pr.rows, rejected: pr.counts.rejected, speed: Math.round(pr.rows / secs) });
        },
      },
    );
  } finally {
    if (opts.progress) bar.stop();
  }
  const c = result.counts;
  const secs = (Date.now() - started) / 1000;
  console.log(`报送批次 #${result.id}：接收 ${c.received} 行，新增 ${c.created}，更新 ${c.updated}，未变 ${c.unchanged}，撤销 ${c.revoked}，拒收 ${c.rejected}，警告 ${c.warnings}（${secs.toFixed(1)} 秒，${Math.round(c.received / Math.max(secs, 0.001))} 行/秒）`);
  if (c.rejected > 0) console.log(`被拒收的行及原因：xinyong submission-errors ${result.id} --out errors.csv（或 GET ${errorsCsvUrl(result.id)}）；修正后可直接重新导入该文件`);
  return c.rejected;
}

/** `xinyong import` (a department file, with a progress bar) and `xinyong submission-errors`. */
export function registerIngestCommands(program: Command, withPlatform: WithPlatform): void {
  program
    .command('import')
    .description('import a department file (CSV in UTF-8 or GBK, XLSX, JSON Lines): streamed, validated, versioned; exit 1 when rows were rejected')
    .argument('<file>', 'the file to import')
    .requiredOption('--department <code>', 'submitting department code')
    .requiredOption('--category <code>', 'category code, e.g. penalty or licence')
    .option('--encoding <name>', 'utf-8 | gbk | gb18030 (detected when absent)')
    .option('--mapping <name>', 'column mapping of an old layout, e.g. legacy2016')
    .option('--format <format>', 'csv | xlsx | jsonl (detected when absent)')
    .option('--ignore-unknown', 'drop columns outside the catalog instead of refusing the file')
    .option('--batch-size <n>', 'rows per transaction', (v) => Number.parseInt(v, 10), DEFAULT_BATCH_SIZE)
    .option('--no-progress', 'no progress bar')
    .action(async (file: string, opts: ImportOptions) => {
      const rejected = await withPlatform((p) => importFile(p, file, opts));
      if (rejected > 0) process.exitCode = 1;
    });

  program
    .command('submission-errors')
    .description('write the rejected rows of a submission as CSV (original columns + 错误行号 + 错误原因) to fix and re-import')
    .argument('<id>', 'submission id', (v) => Number.parseInt(v, 10))
    .option('--out <file>', 'output file (default: standard output)')
    .action((id: number, opts: { out?: string }) =>
      withPlatform(async (p) => {
        const s = await ingest.getSubmission(p.pool, systemViewer, id);
        const out = opts.out ? createWriteStream(opts.out) : process.stdout;
        for await (const chunk of errorsCsv(p.pool, s)) if (!out.write(chunk)) await once(out, 'drain');
        if (opts.out) {
          (out as ReturnType<typeof createWriteStream>).end();
          await once(out, 'finish');
          console.error(`submission #${id}: ${s.rejected} rejected rows written to ${opts.out}`);
        }
      }),
    );
}
