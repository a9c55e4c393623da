/**
 * Collection (归集) speed beside a same-run baseline.
 *
 *   npx tsx bench/ingest.ts [rows=1000000] [--bytes N] [--batch-size N] [--again] [--verify] [--read-only]
 *
 * Starts a throw-away embedded PostgreSQL (fsync off; or uses DATABASE_URL), migrates and seeds
 * the catalog, writes a valid penalty CSV (--bytes: as many rows as fill N bytes, e.g. 2e9 to show
 * memory stays flat), then measures in the same run:
 *   - raw COPY of that file into an unindexed table with the file's columns (the floor), and
 *   - the real import path: streaming CSV → full row validation → subjects → records with
 *     publication windows → hash-chained ledger, in batches (xinyong import / POST /submissions).
 * Prints rows/s of both, the ratio, and the import's peak RSS; then the storage floor: the rows the import
 * wrote, COPYed back into the real tables (and into index-free copies of them), i.e. the best any
 * import that keeps those rows could do. --read-only streams the file through
 * decoding, CSV parsing and the full row validation without writing (e.g. a 2 GB file: memory stays flat).
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { chmod, mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { randomBytes } from 'node:crypto';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { ensureEmbedded } from '../src/db/embedded.js';
import { migrate } from '../src/db/migrate.js';
import { createPool, type Pool } from '../src/db/pool.js';
import { systemClock } from '../src/lib/clock.js';
import { PersonalData } from '../src/lib/personal-data.js';
import { addDepartment } from '../src/modules/access/service.js';
import { systemViewer } from '../src/modules/access/viewer.js';
import { seedNationalCatalog } from '../src/modules/catalog/service.js';
import { getCategory } from '../src/modules/catalog/service.js';
import { RowShaper } from '../src/modules/ingest/columns.js';
import { RowPreparer } from '../src/modules/ingest/prepare.js';
import { submitFile } from '../src/modules/ingest/service.js';
import { openSource } from '../src/modules/ingest/sources.js';
import { verifyLedger } from '../src/modules/records/ledger.js';
import { HEADERS, writePenaltyCsv } from './ingest-data.js';

function args() {
  const argv = process.argv.slice(2);
  const flag = (name: string) => {
    const i = argv.indexOf(name);
    if (i < 0) return null;
    const v = argv[i + 1];
    argv.splice(i, 2);
    return v ?? null;
  };
  const has = (name: string) => {
    const i = argv.indexOf(name);
    if (i >= 0) argv.splice(i, 1);
    return i >= 0;
  };
  const bytes = flag('--bytes');
  const batch = flag('--batch-size');
  const again = has('--again');
  const verify = has('--verify');
  const readOnly = has('--read-only');
  const rows = Number(argv[0] ?? 1_000_000);
  if (!Number.isInteger(rows) || rows <= 0) throw new Error('usage: tsx bench/ingest.ts [rows] [--bytes N] [--batch-size N] [--again] [--verify]');
  return { rows, bytes: bytes ? Number(bytes) : null, batchSize: batch ? Number(batch) : undefined, again, verify, readOnly };
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

async function rawCopy(pool: Pool, file: string, table: string, unlogged: boolean): Promise<number> {
  await pool.query(`drop table if exists ${table}`);
  await pool.query(`create ${unlogged ? 'unlogged ' : ''}table ${table} (${HEADERS.map((h) => `${h.toLowerCase()} text`).join(', ')})`);
  const client = await pool.connect();
  try {
    const started = performance.now();
    await pipeline(createReadStream(file, { highWaterMark: 1 << 20 }), client.query(copyFrom(`copy ${table} from stdin with (format csv, header true)`)));
    return performance.now() - started;
  } finally {
    client.release();
    await pool.query(`drop table ${table}`);
  }
}

/** The tables an import writes for each row, in the order their foreign keys need. */
const ROW_TABLES = ['record', 'record_receipt', 'record_version', 'record_personal'];

async function copyFile(pool: Pool, sql: string, file: string): Promise<void> {
  const client = await pool.connect();
  try {
    await pipeline(createReadStream(file, { highWaterMark: 1 << 20 }), client.query(copyFrom(sql)));
  } finally {
    client.release();
  }
}

/**
 * The storage floor: the rows the import wrote (records, receipts, ledger entries, personal
 * data), taken out with COPY TO and loaded again with COPY FROM in the same way as the raw COPY,
 * (a) into the real tables with their indexes, foreign keys and triggers (emptied in a
 * transaction that is rolled back) and (b) into copies of them without any index or constraint.
 * No parsing, validation, hashing or lookups: what no import that keeps these rows can beat.
 */
async function storageFloor(pool: Pool, dir: string): Promise<{ realMs: number; bareMs: number; bytes: number }> {
  let bytes = 0;
  for (const t of ROW_TABLES) {
    const client = await pool.connect();
    try {
      await pipeline(client.query(copyTo(`copy ${t} to stdout`)), createWriteStream(path.join(dir, `${t}.copy`)));
    } finally {
      client.release();
    }
    bytes += (await stat(path.join(dir, `${t}.copy`))).size;
  }
  const client = await pool.connect();
  let realMs = 0;
  try {
    await client.query('begin');
    await client.query(`truncate ${ROW_TABLES.join(', ')} cascade`);
    const started = performance.now();
    for (const t of ROW_TABLES) await pipeline(createReadStream(path.join(dir, `${t}.copy`), { highWaterMark: 1 << 20 }), client.query(copyFrom(`copy ${t} from stdin`)));
    realMs = performance.now() - started;
  } finally {
    await client.query('rollback');
    client.release();
  }
  for (const t of ROW_TABLES) await pool.query(`create table bench_bare_${t} (like ${t})`);
  const started = performance.now();
  for (const t of ROW_TABLES) await copyFile(pool, `copy bench_bare_${t} from stdin`, path.join(dir, `${t}.copy`));
  const bareMs = performance.now() - started;
  for (const t of ROW_TABLES) {
    await pool.query(`drop table bench_bare_${t}`);
    await rm(path.join(dir, `${t}.copy`));
  }
  return { realMs, bareMs, bytes };
}

async function importOnce(pool: Pool, pd: PersonalData, file: string, batchSize: number | undefined, label: string) {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 200);
  const started = performance.now();
  let last = 0;
  const r = await submitFile({ pool, pd, clock: systemClock }, systemViewer, { department: 'SCJGJ', category: 'penalty', fileName: path.basename(file) }, createReadStream(file, { highWaterMark: 256 * 1024 }), {
    batchSize,
    onProgress: (p) => {
      if (p.rows - last >= 100_000) {
        last = p.rows;
        process.stderr.write(`\r${label}: ${fmt(p.rows)} rows, ${mb(p.bytes)}, ${fmt(p.rows / ((performance.now() - started) / 1000))} rows/s, rss ${mb(process.memoryUsage().rss)}   `);
      }
    },
  });
  const ms = performance.now() - started;
  clearInterval(sampler);
  process.stderr.write('\n');
  return { ms, counts: r.counts, peak: Math.max(peak, process.memoryUsage().rss) };
}

/** Decode, parse and validate every row without writing: the streaming part of the import alone. */
async function readOnly(pool: Pool, file: string) {
  const category = await getCategory(pool, 'penalty');
  const source = await openSource(createReadStream(file, { highWaterMark: 256 * 1024 }), {});
  const shaper = new RowShaper(category, null, { department: { name: '南通市市场监督管理局', uscc: null } }, { ignoreUnknown: false, excel: false });
  const preparer = new RowPreparer(category, systemClock.today());
  let peak = process.memoryUsage().rss;
  let rows = 0;
  let rejected = 0;
  const started = performance.now();
  for await (const src of source.rows) {
    rows += 1;
    if (src.unreadable || preparer.prepare(shaper.shape(src, source.columns)).type === 'rejected') rejected += 1;
    if (rows % 50_000 === 0) {
      peak = Math.max(peak, process.memoryUsage().rss);
      process.stderr.write(`\rread-only: ${fmt(rows)} rows, ${mb(source.bytes())}, rss ${mb(process.memoryUsage().rss)}   `);
    }
  }
  process.stderr.write('\n');
  return { rows, rejected, ms: performance.now() - started, peak: Math.max(peak, process.memoryUsage().rss) };
}

async function main(): Promise<void> {
  const a = args();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'xinyong-bench-ingest-'));
  await chmod(dir, 0o755);
  const server = process.env.DATABASE_URL ? null : await ensureEmbedded({ dataDir: dir, database: 'bench', fast: true, sharedBuffersMb: null });
  const pool = createPool(process.env.DATABASE_URL ?? server!.url, 4);
  try {
    await migrate(pool);
    await seedNationalCatalog(pool);
    await addDepartment(pool, systemViewer, { code: 'SCJGJ', name: '南通市市场监督管理局' });
    const pd = new PersonalData({ hmacKey: randomBytes(32), encryptionKey: randomBytes(32) });
    const file = path.join(dir, 'penalties.csv');
    const genStart = performance.now();
    const gen = await writePenaltyCsv(file, a.bytes ? { bytes: a.bytes } : { rows: a.rows });
    const size = (await stat(file)).size;
    console.log(`file: ${fmt(gen.rows)} penalty rows, ${mb(size)} (generated in ${((performance.now() - genStart) / 1000).toFixed(1)} s)`);

    if (a.readOnly) {
      const r = await readOnly(pool, file);
      console.log(`read + validate only: ${fmt(r.rows)} rows (${fmt(r.rejected)} rejected) at ${fmt(r.rows / (r.ms / 1000))} rows/s, ${(size / 1024 / 1024 / (r.ms / 1000)).toFixed(1)} MB/s; peak RSS ${mb(r.peak)} for a ${mb(size)} file`);
      return;
    }
    const copyMs = await rawCopy(pool, file, 'bench_raw_copy', false);
    const copyUnloggedMs = await rawCopy(pool, file, 'bench_raw_copy_unlogged', true);
    const imp = await importOnce(pool, pd, file, a.batchSize, 'import');
    const copyRate = gen.rows / (copyMs / 1000);
    const impRate = gen.rows / (imp.ms / 1000);
    console.log(`raw COPY into an unindexed table:          ${fmt(copyRate)} rows/s (${(copyMs / 1000).toFixed(1)} s); unlogged table: ${fmt(gen.rows / (copyUnloggedMs / 1000))} rows/s`);
    console.log(`import (validation, subjects, versioning): ${fmt(impRate)} rows/s (${(imp.ms / 1000).toFixed(1)} s) = ${((impRate / copyRate) * 100).toFixed(0)}% of raw COPY`);
    console.log(`import counts: ${JSON.stringify(imp.counts)}`);
    console.log(`peak RSS during import: ${mb(imp.peak)} (file ${mb(size)}); process max RSS ${mb(process.resourceUsage().maxRSS * 1024)}`);
    if (imp.counts.created === imp.counts.received) {
      const f = await storageFloor(pool, dir);
      const pct = (ms: number) => `${((gen.rows / (ms / 1000) / copyRate) * 100).toFixed(0)}% of raw COPY`;
      console.log(`storage floor, the import's own ${mb(f.bytes)} of rows COPYed into the real tables (indexes, keys, triggers): ${fmt(gen.rows / (f.realMs / 1000))} rows/s = ${pct(f.realMs)}; the import reaches ${((f.realMs / imp.ms) * 100).toFixed(0)}% of it`);
      console.log(`the same rows into copies of those tables without any index or constraint:        ${fmt(gen.rows / (f.bareMs / 1000))} rows/s = ${pct(f.bareMs)}`);
    }
    if (a.again) {
      const again = await importOnce(pool, pd, file, a.batchSize, 're-import');
      console.log(`re-import of the same file (all unchanged): ${fmt(gen.rows / (again.ms / 1000))} rows/s; counts ${JSON.stringify(again.counts)}`);
    }
    if (a.verify) {
      const started = performance.now();
      const v = await verifyLedger(pool);
      console.log(`verify-ledger: ${v.broken ? `BROKEN at ${v.broken.seq}` : 'intact'}, ${fmt(v.checked)} entries, out of ledger ${v.outOfLedger.length} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    }
  } finally {
    await pool.end();
    await server?.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
