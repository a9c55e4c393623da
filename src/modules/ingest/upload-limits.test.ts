import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PENALTY_HEADERS, penaltyDataset } from '../../../test/fixtures/ingest/dataset.js';
import { multipart, toCsv, upload, type SubmitBody } from '../../../test/fixtures/ingest/files.js';
import { listenOnPort, postOverSocket } from '../../../test/fixtures/ingest/http-client.js';
import { createIngestTestApp } from '../../../test/fixtures/ingest/test-app.js';
import { xlsxBomb } from '../../../test/fixtures/ingest/zip-bomb.js';
import { json, type SessionHeaders, type TestApp } from '../../../test/helpers/app.js';
import { TEST_TODAY } from '../../../test/helpers/clock.js';
import { makeDepartment } from '../../../test/helpers/factories.js';
import { MAX_COLUMNS, MAX_ERROR_ROWS, MAX_FIELD_CHARS, MAX_RECORD_CHARS, MAX_XLSX_INFLATED_BYTES } from './limits.js';

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

interface ErrorBody {
  error: { code: string; message: string; details: { row?: number; field?: string; message: string; submissionId?: number }[] };
}

/** The file as the raw body of a real HTTP request (a reset connection fails the test with ECONNRESET). */
const postRaw = (body: Buffer | string, type = 'text/csv') =>
  postOverSocket(`${base}/api/v1/submissions?department=SCJGJ&category=penalty`, { ...clerk, 'content-type': type }, Buffer.from(body));

/** Rows with document numbers of their own (each test files other records). */
const rowsOf = (n: number, seed: number) => penaltyDataset(n, seed, TEST_TODAY, dept.uscc).map((r) => ({ ...r, CF_WSH: `${seed}-${r.CF_WSH}` }));

describe('uploads the platform cannot read', () => {
  it('answers a 200 KB raw body that is not a CSV with a 400, not a reset connection', async () => {
    const res = await postRaw(randomBytes(200 * 1024), 'application/octet-stream');
    expect(res.status).toBe(400);
    const body = JSON.parse(res.body) as ErrorBody;
    expect(body.error.code).toBe('wrong_encoding');
    expect(body.error.details[0]).toMatchObject({ field: 'file' });
  });

  it(`refuses a CSV with 100,000 columns with a 400 naming the limit of ${MAX_COLUMNS}`, async () => {
    const header = ['CF_WSH', ...Array.from({ length: 99_999 }, (_, i) => `列${i}`)].join(',');
    const res = await postRaw(`${header}\n${'x,'.repeat(99_999)}x\n`);
    expect(res.status).toBe(400);
    const body = JSON.parse(res.body) as ErrorBody;
    expect(body.error.code).toBe('too_many_columns');
    expect(body.error.message).toContain(String(MAX_COLUMNS));
    expect(body.error.details[0]).toMatchObject({ row: 0, field: 'header' });
  });

  it('stops at a field longer than the limit (an unclosed quote running to the end of a multi-MB body) with a 400 naming the row and column', async () => {
    const good = toCsv(rowsOf(3, 31), PENALTY_HEADERS);
    const runaway = `${PENALTY_HEADERS.map((h) => (h === 'CF_WFXW' ? '"未闭合的引号' : 'x')).join(',')}\n${'后面的内容,都被当成了这个字段\n'.repeat(200_000)}`;
    const res = await postRaw(good + runaway);
    expect(res.status).toBe(400);
    const body = JSON.parse(res.body) as ErrorBody;
    expect(body.error.code).toBe('field_too_large');
    expect(body.error.message).toContain(String(MAX_FIELD_CHARS));
    expect(body.error.message).toContain('第 4 行');
    expect(body.error.details[0]).toMatchObject({ row: 4, field: 'CF_WFXW' });
    // The three good rows before it were read; the submission is marked failed with the reason.
    const id = body.error.details.find((d) => d.submissionId)!.submissionId!;
    const s = json<{ status: string; error: { code: string } }>(await t.app.inject({ url: `/api/v1/submissions/${id}`, headers: clerk }));
    expect(s).toMatchObject({ status: 'failed', error: { code: 'field_too_large' } });
  });

  it('answers the same runaway field in a multipart upload (as the web console sends it) with a 400 over the same connection', async () => {
    const content = `${toCsv(rowsOf(2, 34), PENALTY_HEADERS)}${PENALTY_HEADERS.map((h) => (h === 'CF_SY' ? '"没有闭合' : 'x')).join(',')}\n${'更多内容\n'.repeat(600_000)}`;
    const body = multipart({ department: 'SCJGJ', category: 'penalty' }, { name: 'penalties.csv', content, type: 'text/csv' });
    const res = await postOverSocket(`${base}/api/v1/submissions`, { ...clerk, ...body.headers }, body.payload);
    expect(res.status).toBe(400);
    expect((JSON.parse(res.body) as ErrorBody).error.details[0]).toMatchObject({ row: 3, field: 'CF_SY' });
  });

  it('stops at a JSON Lines line longer than the limit, naming the line', async () => {
    const first = JSON.stringify(rowsOf(1, 35)[0]);
    const res = await postRaw(`${first}\n{"CF_WSH":"${'长'.repeat(MAX_RECORD_CHARS + 10)}`, 'application/x-ndjson');
    expect(res.status).toBe(400);
    const body = JSON.parse(res.body) as ErrorBody;
    expect(body.error.code).toBe('record_too_large');
    expect(body.error.details[0]).toMatchObject({ field: 'file', row: 2 });
  });

  it('reads the zip-bomb fixture as a workbook when it is small (so the 400s below are the limits at work)', async () => {
    const res = await upload(t, clerk, { name: 'penalties.xlsx', content: await xlsxBomb(PENALTY_HEADERS, 1000) });
    expect(json<ErrorBody>(res).error).toMatchObject({ code: 'empty_file', message: '文件只有表头，没有数据行' });
  });

  it('refuses a zip-bomb .xlsx from its zip directory, before inflating it', async () => {
    const bomb = await xlsxBomb(PENALTY_HEADERS, MAX_XLSX_INFLATED_BYTES + 16 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const res = await upload(t, clerk, { name: 'penalties.xlsx', content: bomb });
    expect(res.statusCode).toBe(400);
    const body = json<ErrorBody>(res);
    expect(body.error.code).toBe('xlsx_too_large');
    expect(body.error.message).toContain(`${MAX_XLSX_INFLATED_BYTES / 1024 / 1024} MB`);
    expect(body.error.details[0]).toMatchObject({ field: 'file', entry: 'xl/worksheets/sheet1.xml' });
  });

  it('stops a zip-bomb .xlsx whose directory understates its size once inflating passes the limit', async () => {
    const bomb = await xlsxBomb(PENALTY_HEADERS, MAX_XLSX_INFLATED_BYTES + 16 * 1024 * 1024, 4096);
    const res = await upload(t, clerk, { name: 'penalties.xlsx', content: bomb });
    expect(res.statusCode).toBe(400);
    const body = json<ErrorBody>(res);
    expect(body.error.code).toBe('malformed_xlsx');
    expect(body.error.details[0]).toMatchObject({ field: 'file', entry: 'xl/worksheets/sheet1.xml' });
  });

  it(`gives up after ${MAX_ERROR_ROWS} rows with errors, naming the row it stopped at`, async () => {
    const bad = rowsOf(MAX_ERROR_ROWS + 500, 32).map((r) => ({ ...r, CF_CFLB: '打板子' }));
    const res = await upload(t, clerk, { content: toCsv(bad, PENALTY_HEADERS) });
    expect(res.statusCode).toBe(400);
    const body = json<ErrorBody>(res);
    expect(body.error.code).toBe('too_many_errors');
    expect(body.error.message).toContain(String(MAX_ERROR_ROWS));
    expect(body.error.details[0]).toMatchObject({ field: 'file', row: MAX_ERROR_ROWS + 1 });
  });

  it('still takes a good file after all that', async () => {
    const res = await postRaw(toCsv(rowsOf(5, 33), PENALTY_HEADERS));
    expect(res.status).toBe(201);
    expect((JSON.parse(res.body) as SubmitBody).counts).toMatchObject({ received: 5, created: 5 });
  });
});
