import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PENALTY_HEADERS, penaltyDataset } from '../../../test/fixtures/ingest/dataset.js';
import { toCsv, type SubmitBody } from '../../../test/fixtures/ingest/files.js';
import { listenOnPort, openUpload, postOverSocket } from '../../../test/fixtures/ingest/http-client.js';
import { createIngestTestApp } from '../../../test/fixtures/ingest/test-app.js';
import { json, type SessionHeaders, type TestApp } from '../../../test/helpers/app.js';
import { TEST_TODAY } from '../../../test/helpers/clock.js';
import { makeDepartment } from '../../../test/helpers/factories.js';
import { DEFAULT_BATCH_SIZE } from './pipeline.js';

let t: TestApp;
let base: string;
let dept: { code: string; uscc: string };
let clerk: SessionHeaders;

beforeAll(async () => {
  t = await createIngestTestApp();
  dept = await makeDepartment(t);
  clerk = await t.loginAs('department', 'SCJGJ');
  base = await listenOnPort(t);
});
afterAll(() => t.close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: last ${JSON.stringify(v)}`);
    await sleep(50);
  }
}

interface Latest { id: number; status: string; created: number; error: { code: string; message: string } | null }
const latest = async (): Promise<Latest | null> =>
  (await t.db.pool.query<Latest>('select id, status, created, error from submission order by id desc limit 1')).rows[0] ?? null;
const storedBy = async (id: number) => Number((await t.db.pool.query('select count(*) as n from record_receipt where first_submission_id = $1', [id])).rows[0].n);

/** The same upload as the web console sends it (multipart, fields first) or as a department system does (raw body). */
function start(kind: 'raw' | 'multipart') {
  if (kind === 'raw') {
    return { upload: openUpload(`${base}/api/v1/submissions?department=SCJGJ&category=penalty`, { ...clerk, 'content-type': 'text/csv' }), preamble: '' };
  }
  const b = `----xinyong${randomBytes(6).toString('hex')}`;
  const field = (k: string, v: string) => `--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`;
  const preamble = `${field('department', 'SCJGJ')}${field('category', 'penalty')}--${b}\r\nContent-Disposition: form-data; name="file"; filename="penalties.csv"\r\nContent-Type: text/csv\r\n\r\n`;
  return { upload: openUpload(`${base}/api/v1/submissions`, { ...clerk, 'content-type': `multipart/form-data; boundary=${b}` }), preamble };
}

describe('a client that disconnects mid-upload', () => {
  it.each(['raw', 'multipart'] as const)('stops the import (%s body): the submission is marked, nothing is written after, and the server keeps serving', async (kind) => {
    const seed = kind === 'raw' ? 41 : 42;
    const rows = penaltyDataset(DEFAULT_BATCH_SIZE + 600, seed, TEST_TODAY, dept.uscc).map((r) => ({ ...r, CF_WSH: `${kind}-${r.CF_WSH}` }));
    const before = await latest();
    const { upload, preamble } = start(kind);
    // One whole batch and part of the next, then the client stalls…
    await upload.write(preamble + toCsv(rows, PENALTY_HEADERS));
    const running = (await until('the first batch to be written', latest, (s) => s !== null && s.id !== before?.id && s.created >= DEFAULT_BATCH_SIZE))!;
    expect(running.status).toBe('processing');
    // …and goes away.
    upload.destroy();
    expect(await upload.response).toBe(0);
    const ended = await until('the import to stop', latest, (s) => s!.status !== 'processing');
    expect(ended).toMatchObject({ id: running.id, status: 'failed', created: DEFAULT_BATCH_SIZE, error: { code: 'client_disconnected' } });
    expect(ended!.error!.message).toContain('请重新提交');
    // The committed batch stays; the half-read one was never written, and nothing comes later.
    expect(await storedBy(running.id)).toBe(DEFAULT_BATCH_SIZE);
    await sleep(300);
    expect(await storedBy(running.id)).toBe(DEFAULT_BATCH_SIZE);
    expect(json<{ status: string }>(await t.app.inject({ url: `/api/v1/submissions/${running.id}`, headers: clerk })).status).toBe('failed');
    // The server still takes uploads; the same file again completes (the first batch as unchanged).
    const again = await postOverSocket(`${base}/api/v1/submissions?department=SCJGJ&category=penalty`, { ...clerk, 'content-type': 'text/csv' }, Buffer.from(toCsv(rows, PENALTY_HEADERS)));
    expect(again.status).toBe(201);
    expect((JSON.parse(again.body) as SubmitBody).counts).toMatchObject({ received: rows.length, created: rows.length - DEFAULT_BATCH_SIZE, unchanged: DEFAULT_BATCH_SIZE });
  });
});
