import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PENALTY_HEADERS, penaltyDataset } from '../../../test/fixtures/ingest/dataset.js';
import { toCsv, upload, type SubmitBody } from '../../../test/fixtures/ingest/files.js';
import { createIngestTestApp } from '../../../test/fixtures/ingest/test-app.js';
import { json, type SessionHeaders, type TestApp } from '../../../test/helpers/app.js';
import { TEST_NOW, TEST_TODAY } from '../../../test/helpers/clock.js';
import { makeDepartment } from '../../../test/helpers/factories.js';
import { systemViewer } from '../access/viewer.js';
import { markInterruptedSubmissions, submitFile } from './service.js';

vi.setConfig({ testTimeout: 120_000 });

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const RUNNER = path.join(ROOT, 'test/fixtures/ingest/run-cli.ts');
const N = 3000;
const BATCH = 500;
/** Rows of the import left running: past the 64 KB sample read before anything starts, short of a batch. */
const LIVE = 400;

let t: TestApp;
let clerk: SessionHeaders;
let dir: string;
let file: string;

beforeAll(async () => {
  t = await createIngestTestApp();
  const dept = await makeDepartment(t);
  clerk = await t.loginAs('department', 'SCJGJ');
  dir = await mkdtemp(path.join(os.tmpdir(), 'xinyong-interrupted-'));
  file = path.join(dir, 'penalties.csv');
  await writeFile(file, toCsv(penaltyDataset(N, 51, TEST_TODAY, dept.uscc), PENALTY_HEADERS));
});
afterAll(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

const one = async <T>(sql: string, params: unknown[] = []): Promise<T> => (await t.db.pool.query(sql, params)).rows[0] as T;

/** `xinyong import` in a child process, killed with SIGKILL once its first batches are in: as a server killed mid-import. */
async function killedImport(): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', RUNNER, 'import', '--department', 'SCJGJ', '--category', 'penalty', '--batch-size', String(BATCH), '--no-progress', file], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: t.db.url, DATA_DIR: dir, XINYONG_HMAC_KEY: '07'.repeat(32), XINYONG_ENCRYPTION_KEY: '09'.repeat(32), XINYONG_NOW: TEST_NOW },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  for (let i = 0; ; i += 1) {
    const s = await one<{ id: number; created: number } | undefined>('select id, created from submission order by id desc limit 1');
    if (s && s.created >= BATCH) {
      child.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');
      return s.id;
    }
    if (child.exitCode !== null || i > 1200) throw new Error(`the import ended (or never started) before it could be killed: ${out}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('start-up after the server was killed mid-import', () => {
  it('marks the cut-off submissions interrupted (not one still running), shows it in words, and the same file re-submitted completes', async () => {
    const killed = await killedImport();
    const stored = Number((await one<{ n: string }>('select count(*) as n from record_receipt where first_submission_id = $1', [killed])).n);
    expect(stored).toBeGreaterThanOrEqual(BATCH);
    expect(stored).toBeLessThan(N);
    expect(await one('select status from submission where id = $1', [killed])).toEqual({ status: 'processing' });

    // Another import, alive and waiting for the rest of its file (fewer rows than a batch so far), holds its submission: it is left alone.
    const stalled = new PassThrough();
    stalled.write(toCsv(penaltyDataset(LIVE, 52, TEST_TODAY).map((r) => ({ ...r, CF_WSH: `活-${r.CF_WSH}` })), PENALTY_HEADERS));
    const live = submitFile(t.deps, systemViewer, { department: 'SCJGJ', category: 'penalty' }, stalled);
    const liveId = await (async () => {
      for (let i = 0; i < 1000; i += 1) {
        const s = await one<{ id: number; status: string }>('select id, status from submission order by id desc limit 1');
        if (s.id !== killed && s.status === 'processing') return s.id;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error('the live import did not start');
    })();

    expect(await markInterruptedSubmissions(t.db.pool, t.clock)).toEqual([killed]);
    const got = json<{ status: string; error: { code: string; message: string }; counts: { created: number } }>(await t.app.inject({ url: `/api/v1/submissions/${killed}`, headers: clerk }));
    expect(got).toMatchObject({ status: 'interrupted', error: { code: 'server_restart' }, counts: { created: stored } });
    expect(got.error.message).toContain('已中断（服务重启）');
    expect(await one('select status, at from submission_event where submission_id = $1 order by id desc limit 1', [killed])).toEqual({ status: 'interrupted', at: t.clock.now() });
    expect(await one('select status from submission where id = $1', [liveId])).toEqual({ status: 'processing' });
    // Running it again (the next start-up) finds nothing more.
    expect(await markInterruptedSubmissions(t.db.pool, t.clock)).toEqual([]);

    stalled.end();
    expect((await live).counts).toMatchObject({ received: LIVE, created: LIVE });

    const again = await upload(t, clerk, { content: await readFile(file) });
    expect(again.statusCode).toBe(201);
    expect(json<SubmitBody>(again).counts).toMatchObject({ received: N, created: N - stored, unchanged: stored, rejected: 0 });
    expect(Number((await one<{ n: string }>('select count(*) as n from record')).n)).toBe(N + LIVE);
  });
});
