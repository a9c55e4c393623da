import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PENALTY_HEADERS, penaltyDataset } from '../../../test/fixtures/ingest/dataset.js';
import { toCsv } from '../../../test/fixtures/ingest/files.js';
import { monthsAfter, TEST_NOW, TEST_TODAY } from '../../../test/helpers/clock.js';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/db.js';
import { addDepartment } from '../access/service.js';
import { systemViewer } from '../access/viewer.js';
import { verifyLedger } from '../records/ledger.js';

vi.setConfig({ testTimeout: 240_000 });

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const RUNNER = path.join(ROOT, 'test/fixtures/ingest/run-cli.ts');
const N = 8000;

let db: TestDatabase;
let dir: string;
let file: string;

beforeAll(async () => {
  db = await createTestDatabase();
  await addDepartment(db.pool, systemViewer, { code: 'SCJGJ', name: '南通市市场监督管理局' });
  dir = await mkdtemp(path.join(os.tmpdir(), 'xinyong-killed-'));
  file = path.join(dir, 'penalties.csv');
  await writeFile(file, toCsv(penaltyDataset(N, 11, TEST_TODAY), PENALTY_HEADERS));
});
afterAll(async () => {
  await db.drop();
  await rm(dir, { recursive: true, force: true });
});

function runImport(target = file): { child: ChildProcess; done: Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }> } {
  const child = spawn(process.execPath, ['--import', 'tsx', RUNNER, 'import', '--department', 'SCJGJ', '--category', 'penalty', '--batch-size', '500', '--no-progress', target], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: db.url, DATA_DIR: dir, XINYONG_HMAC_KEY: '07'.repeat(32), XINYONG_ENCRYPTION_KEY: '09'.repeat(32), XINYONG_NOW: TEST_NOW },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, out })));
  return { child, done };
}

const count = async (sql: string) => Number((await db.pool.query(sql)).rows[0].n);

describe('an import killed mid-way', () => {
  it('completes on re-run with no duplicates and no loss', async () => {
    const first = runImport();
    // Kill it once some batches are committed and before the end.
    for (let i = 0; i < 2400; i += 1) {
      const written = await count('select coalesce(max(created), 0) as n from submission');
      if (written >= 1000) break;
      const exited = await Promise.race([first.done.then(() => true), new Promise((r) => setTimeout(() => r(false), 50))]);
      if (exited) throw new Error(`import ended before it could be killed: ${(await first.done).out}`);
    }
    first.child.kill('SIGKILL');
    const killed = await first.done;
    expect(killed.signal).toBe('SIGKILL');
    const before = await count('select count(*) as n from record');
    expect(before).toBeGreaterThanOrEqual(1000);
    expect(before).toBeLessThan(N);
    expect(await count(`select count(*) as n from submission where status = 'processing'`)).toBe(1);

    const second = runImport();
    const result = await second.done;
    expect(result.code, result.out).toBe(0);
    expect(result.out).toMatch(new RegExp(`接收 ${N} 行，新增 ${N - before}，更新 0，未变 ${before}`));
    expect(await count('select count(*) as n from record')).toBe(N);
    expect(await count('select count(distinct source_key) as n from record')).toBe(N);
    expect(await count(`select count(*) as n from record_version where op = 'create'`)).toBe(N);
    expect(await count('select count(*) as n from record_version')).toBe(N);
    expect(await verifyLedger(db.pool)).toEqual({ checked: N, broken: null, outOfLedger: [] });
  });
});

describe('xinyong import', () => {
  it('prints a summary and exits 1 when rows were rejected, pointing at the errors file', async () => {
    const bad = path.join(dir, 'bad.csv');
    const rows: Record<string, string>[] = penaltyDataset(3, 12, TEST_TODAY).map((r) => ({ ...r, CF_JDRQ: monthsAfter(TEST_TODAY, -6), CF_WSH: `CLI-${r.CF_WSH}` }));
    rows[1]!.CF_CFLB = '打板子';
    await writeFile(bad, toCsv(rows, PENALTY_HEADERS));
    const r = await runImport(bad).done;
    expect(r.code, r.out).toBe(1);
    expect(r.out).toMatch(/接收 3 行，新增 2，更新 0，未变 0，撤销 0，拒收 1/);
    expect(r.out).toMatch(/xinyong submission-errors \d+ --out errors.csv/);
  });
});
