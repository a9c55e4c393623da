import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart, toCsv, upload, type SubmitBody } from '../../../test/fixtures/ingest/files.js';
import { createIngestTestApp } from '../../../test/fixtures/ingest/test-app.js';
import { json, type SessionHeaders, type TestApp } from '../../../test/helpers/app.js';
import { addDays, TEST_TODAY, yearOf } from '../../../test/helpers/clock.js';
import { makeDepartment, newUscc, penaltyRow } from '../../../test/helpers/factories.js';

let t: TestApp;
let dept: { code: string; uscc: string };
let clerk: SessionHeaders;
let otherClerk: SessionHeaders;
let operator: SessionHeaders;

beforeAll(async () => {
  t = await createIngestTestApp();
  dept = await makeDepartment(t);
  await makeDepartment(t, 'SWJ', '市税务局');
  clerk = await t.loginAs('department', 'SCJGJ');
  otherClerk = await t.loginAs('department', 'SWJ');
  operator = await t.loginAs('operator');
});
afterAll(() => t.close());

const pushJson = (session: SessionHeaders | null, records: unknown[], extra: Record<string, unknown> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/v1/submissions', payload: { department: 'SCJGJ', category: 'penalty', records, ...extra }, headers: session ?? {} });
const YEAR = yearOf(TEST_TODAY);
const rows = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => penaltyRow({ uscc: newUscc(), name: `${prefix}${i}号有限公司`, wsh: `${prefix}罚〔${YEAR}〕${i}号`, dept }));
const recordByKey = async (key: string) => (await t.db.pool.query('select id, state, version, fields from record where source_key = $1', [key])).rows[0];

describe('JSON push', () => {
  it('creates records, counts them, and shows the submission', async () => {
    const res = await pushJson(clerk, rows('推送', 3));
    expect(res.statusCode).toBe(201);
    const body = json<SubmitBody>(res);
    expect(body).toMatchObject({ status: 'completed', counts: { received: 3, created: 3, updated: 0, unchanged: 0, rejected: 0 }, errors: [] });
    const got = json(await t.app.inject({ url: `/api/v1/submissions/${body.id}`, headers: clerk }));
    expect(got).toMatchObject({ id: body.id, department: 'SCJGJ', category: 'penalty', format: 'json', status: 'completed', counts: { received: 3, created: 3 }, receivedOn: TEST_TODAY });
  });

  it('is idempotent, versions a changed row and revokes a row marked as revoked', async () => {
    const batch = rows('幂等', 3);
    expect(json<SubmitBody>(await pushJson(clerk, batch)).counts).toMatchObject({ created: 3 });
    const again = json<SubmitBody>(await pushJson(clerk, batch));
    expect(again.counts).toMatchObject({ received: 3, created: 0, updated: 0, unchanged: 3 });
    const changed = [{ ...batch[0]!, CF_NR: '罚款人民币8000元', CF_NR_FK: '0.8' }, { CF_WSH: batch[1]!.CF_WSH, _revoked: true }, batch[2]!];
    const third = json<SubmitBody>(await pushJson(clerk, changed));
    expect(third.counts).toMatchObject({ received: 3, created: 0, updated: 1, unchanged: 1, revoked: 1, rejected: 0 });
    const r0 = await recordByKey(batch[0]!.CF_WSH!);
    expect(r0).toMatchObject({ state: 'active', version: 2 });
    expect(r0.fields.CF_NR_FK).toBe('0.8');
    const versions = await t.db.pool.query('select op, reason from record_version where record_id = $1 order by version', [r0.id]);
    expect(versions.rows).toEqual([{ op: 'create', reason: expect.stringMatching(/^报送批次 #\d+$/) }, { op: 'update', reason: `报送批次 #${third.id}` }]);
    expect(await recordByKey(batch[1]!.CF_WSH!)).toMatchObject({ state: 'revoked', version: 2 });
    // Revoking again changes nothing; revoking a key nobody filed is an error naming the key.
    const fourth = json<SubmitBody>(await pushJson(clerk, [{ 撤销标志: '是', 行政处罚决定书文号: batch[1]!.CF_WSH }, { CF_WSH: '无此文号', CXBZ: '1' }]));
    expect(fourth.counts).toMatchObject({ received: 2, unchanged: 1, revoked: 0, rejected: 1 });
    expect(fourth.errors).toEqual([{ row: 2, field: 'CF_WSH', code: 'revoke_unknown_key', message: '没有业务主键为“无此文号”的记录可撤销' }]);
  });

  it('names the row, field and check digit of a wrong USCC, and still stores the good rows', async () => {
    const good = newUscc();
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const batch = [...rows('校验', 2), penaltyRow({ uscc: bad, name: '错码有限公司', wsh: `校验罚〔${YEAR}〕99号`, dept })];
    const body = json<SubmitBody>(await pushJson(clerk, batch));
    expect(body.counts).toMatchObject({ received: 3, created: 2, rejected: 1 });
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]).toMatchObject({ row: 3, field: 'CF_XDR_SHXYM', code: 'invalid_uscc' });
    expect(body.errors[0]!.message).toContain(`第18位校验码应为 ${good[17]}，实为 ${bad[17]}`);
    expect(await recordByKey(`校验罚〔${YEAR}〕99号`)).toBeUndefined();
  });

  it('warns when the name differs from the subject on file, with both names', async () => {
    const uscc = newUscc();
    await pushJson(clerk, [penaltyRow({ uscc, name: '原名有限公司', wsh: '名称罚1', dept })]);
    const body = json<SubmitBody>(await pushJson(clerk, [penaltyRow({ uscc, name: '另一个名字有限公司', wsh: '名称罚2', dept })]));
    expect(body.counts).toMatchObject({ created: 1, warnings: 1 });
    expect(body.warnings).toEqual([{ row: 1, field: 'CF_XDR_MC', code: 'name_mismatch', message: '主体名称与库中不一致：库中为“原名有限公司”，报送为“另一个名字有限公司”' }]);
  });

  it('rejects the later of two rows with the same key, naming the earlier row', async () => {
    const [a, b] = rows('重复', 2);
    const body = json<SubmitBody>(await pushJson(clerk, [a, b, { ...a!, CF_NR: '另一内容' }]));
    expect(body.counts).toMatchObject({ received: 3, created: 2, rejected: 1 });
    expect(body.errors[0]).toMatchObject({ row: 3, field: 'CF_WSH', code: 'duplicate_key' });
    expect(body.errors[0]!.message).toContain('第 1 行');
  });

  it('refuses keys outside the catalog unless told to ignore them', async () => {
    const res = await pushJson(clerk, [{ ...rows('未知', 1)[0], 私人备注: 'x' }]);
    expect(res.statusCode).toBe(400);
    expect(json(res)).toMatchObject({ error: { code: 'unknown_columns', details: [{ field: '私人备注' }] } });
    const ok = await pushJson(clerk, [{ ...rows('未知', 1)[0], 私人备注: 'x' }], { ignoreUnknown: true });
    expect(json<SubmitBody>(ok).counts).toMatchObject({ created: 1 });
  });
});

describe('contract', () => {
  it('validates a JSON batch against its schema and documents the routes in OpenAPI', async () => {
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/submissions', payload: { department: 'SCJGJ', category: 'penalty', records: 'x' }, headers: clerk });
    expect(bad.statusCode).toBe(400);
    expect(json(bad)).toMatchObject({ error: { code: 'validation_failed' } });
    const doc = json<{ paths: Record<string, unknown> }>(await t.app.inject({ url: '/api/docs/json' }));
    for (const p of ['/api/v1/submissions', '/api/v1/submissions/{id}', '/api/v1/submissions/{id}/errors.csv', '/api/v1/quality', '/api/v1/calendar/working-days/add']) expect(doc.paths, p).toHaveProperty([p]);
  });
});

describe('authorisation', () => {
  it('lets a clerk submit and read only for its own department', async () => {
    expect((await pushJson(otherClerk, rows('越权', 1))).statusCode).toBe(403);
    expect((await pushJson(null, rows('匿名', 1))).statusCode).toBe(401);
    const id = json<SubmitBody>(await pushJson(clerk, rows('本部门', 1))).id;
    expect((await t.app.inject({ url: `/api/v1/submissions/${id}`, headers: otherClerk })).statusCode).toBe(403);
    expect((await t.app.inject({ url: `/api/v1/submissions/${id}/errors.csv`, headers: otherClerk })).statusCode).toBe(403);
    expect((await t.app.inject({ url: `/api/v1/submissions/${id}`, headers: operator })).statusCode).toBe(200);
    expect((await upload(t, otherClerk, { content: toCsv(rows('越权文件', 1)) })).statusCode).toBe(403);
  });

  it('lists the history of the clerk\'s own department', async () => {
    const mine = json<{ items: { department: string }[]; total: number }>(await t.app.inject({ url: '/api/v1/submissions?pageSize=200', headers: clerk }));
    expect(mine.total).toBeGreaterThan(0);
    expect(new Set(mine.items.map((i) => i.department))).toEqual(new Set(['SCJGJ']));
    expect((await t.app.inject({ url: '/api/v1/submissions?department=SCJGJ', headers: otherClerk })).statusCode).toBe(403);
    expect(json<{ total: number }>(await t.app.inject({ url: '/api/v1/submissions?department=SWJ', headers: operator })).total).toBe(0);
  });
});

describe('file upload', () => {
  it('reads Chinese labels, a UTF-8 BOM and quoted newlines, numbering data rows without the header', async () => {
    const batch = rows('标签', 3);
    batch[1]!.CF_SY = '第一行事实\n第二行事实，含"引号"';
    // A past decision as departments often write it (YYYY/M/D, unpadded), then with month 13.
    const [y, m, d] = addDays(TEST_TODAY, -259).split('-').map(Number) as [number, number, number];
    batch[2]!.CF_JDRQ = `${y}/${m}/${d}`;
    const labels: Record<string, string> = { CF_XDR_MC: '行政相对人名称', CF_XDR_SHXYM: '统一社会信用代码', CF_WSH: '行政处罚决定书文号', CF_SY: '违法事实', CF_JDRQ: '处罚决定日期' };
    const headers = Object.keys(batch[0]!);
    const csv = toCsv(batch, headers).replace(/^[^\r\n]*/, headers.map((h) => labels[h] ?? h).join(','));
    const broken = csv.replace(`${y}/${m}/${d}`, `${y}/13/${d}`);
    const res = await upload(t, clerk, { content: `\uFEFF${broken}` });
    expect(res.statusCode).toBe(201);
    const body = json<SubmitBody>(res);
    expect(body.counts).toMatchObject({ received: 3, created: 2, rejected: 1 });
    expect(body.errors[0]).toMatchObject({ row: 3, field: 'CF_JDRQ', code: 'invalid_date' });
    expect((await recordByKey(batch[1]!.CF_WSH!)).fields.CF_SY).toBe('第一行事实\n第二行事实，含"引号"');
  });

  it('rejects a row with broken quoting alone and reads on', async () => {
    const batch = rows('引号', 3);
    const csv = toCsv(batch).replace(`,${batch[1]!.CF_WSH},`, `,"${batch[1]!.CF_WSH}"多余,`);
    const body = json<SubmitBody>(await upload(t, clerk, { content: csv }));
    expect(body.counts).toMatchObject({ received: 3, created: 2, rejected: 1 });
    expect(body.errors[0]).toMatchObject({ row: 2, code: 'malformed_csv' });
    expect(body.errors[0]!.message).toContain('文件第 3 行');
  });

  it('detects a GBK file and reads it like UTF-8', async () => {
    const batch = rows('国标', 2);
    const res = await upload(t, clerk, { content: iconv.encode(toCsv(batch), 'gbk') });
    expect(res.statusCode).toBe(201);
    expect(json<SubmitBody>(res).counts).toMatchObject({ created: 2 });
    expect((await t.db.pool.query('select s.name from record r join subject s on s.id = r.subject_id where r.source_key = $1', [batch[0]!.CF_WSH])).rows[0].name).toBe('国标0号有限公司');
    const sub = json(await t.app.inject({ url: `/api/v1/submissions/${json<SubmitBody>(res).id}`, headers: clerk }));
    expect(sub).toMatchObject({ format: 'csv', encoding: 'gb18030', fileName: 'penalties.csv' });
  });

  it('accepts the file as a raw request body with department and category in the query', async () => {
    const res = await t.app.inject({
      method: 'POST', url: '/api/v1/submissions?department=SCJGJ&category=penalty&fileName=raw.csv', payload: toCsv(rows('原始', 2)),
      headers: { ...clerk, 'content-type': 'text/csv' },
    });
    expect(res.statusCode).toBe(201);
    expect(json<SubmitBody>(res).counts).toMatchObject({ created: 2 });
  });

  it('reads JSON Lines, a bad line being one rejected row', async () => {
    const [a, b] = rows('行', 2);
    const content = `${JSON.stringify(a)}\n{not json\n\n${JSON.stringify(b)}\n`;
    const body = json<SubmitBody>(await upload(t, clerk, { name: 'p.jsonl', content }));
    expect(body.counts).toMatchObject({ received: 3, created: 2, rejected: 1 });
    expect(body.errors[0]).toMatchObject({ row: 2, code: 'invalid_json' });
  });

  const fileError = async (content: Buffer | string, fields: Record<string, string> = {}, category = 'penalty') => {
    const res = await upload(t, clerk, { content, fields, category });
    return { status: res.statusCode, error: json<{ error: { code: string; message: string; details: { field?: string }[] } }>(res).error };
  };

  it('refuses a GBK file declared as UTF-8, a UTF-16 file and binary content as wrong encoding', async () => {
    const gbk = iconv.encode(toCsv(rows('编码', 1)), 'gbk');
    expect(await fileError(gbk, { encoding: 'utf-8' })).toMatchObject({ status: 400, error: { code: 'wrong_encoding' } });
    expect(await fileError(iconv.encode(toCsv(rows('编码', 1)), 'utf16le', { addBOM: true }))).toMatchObject({ status: 400, error: { code: 'wrong_encoding' } });
    expect(await fileError(Buffer.from([0x43, 0x46, 0x00, 0x01, 0xff, 0xfe, 0x00]))).toMatchObject({ status: 400, error: { code: 'wrong_encoding' } });
    expect(await fileError(toCsv(rows('编码', 1)), { encoding: 'big5' })).toMatchObject({ status: 400, error: { code: 'unsupported_encoding' } });
  });

  it('refuses a file without a header, with an unknown column, or empty', async () => {
    const batch = rows('表头', 2);
    const noHeader = toCsv(batch).split('\r\n').slice(1).join('\r\n');
    expect(await fileError(noHeader)).toMatchObject({ status: 400, error: { code: 'missing_header' } });
    const extra = toCsv(batch.map((r) => ({ ...r, 内部编号: '1' })));
    const unknown = await fileError(extra);
    expect(unknown).toMatchObject({ status: 400, error: { code: 'unknown_columns', details: [{ field: '内部编号' }] } });
    expect(unknown.error.message).toContain('内部编号');
    expect(json<SubmitBody>(await upload(t, clerk, { content: extra, fields: { ignoreUnknown: 'true' } })).counts).toMatchObject({ created: 2 });
    expect(await fileError('')).toMatchObject({ status: 400, error: { code: 'empty_file' } });
    expect(await fileError('\uFEFF\r\n\r\n')).toMatchObject({ status: 400, error: { code: 'empty_file' } });
    expect(await fileError(toCsv(batch).split('\r\n')[0]!)).toMatchObject({ status: 400, error: { code: 'empty_file', message: '文件只有表头，没有数据行' } });
    const missingCol = toCsv(batch.map(({ CF_YJ: _yj, ...r }) => r));
    expect(await fileError(missingCol)).toMatchObject({ status: 400, error: { code: 'missing_columns', details: [{ field: 'CF_YJ' }] } });
  });

  it('answers 404 for an unknown category and 400 for a malformed XLSX', async () => {
    expect(await fileError(toCsv(rows('类别', 1)), {}, 'no_such_category')).toMatchObject({ status: 404, error: { code: 'unknown_category' } });
    const notXlsx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]);
    expect(await fileError(notXlsx)).toMatchObject({ status: 400, error: { code: 'malformed_xlsx' } });
  });

  it('needs a file part', async () => {
    const body = multipart({ department: 'SCJGJ', category: 'penalty' }, { name: 'x.csv', content: 'a' });
    const noFile = Buffer.from(body.payload.toString('latin1').replace(/name="file"/, 'name="other"'), 'latin1');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/submissions', payload: noFile, headers: { ...body.headers, ...clerk } });
    expect(json(res)).toMatchObject({ error: { code: 'missing_file' } });
  });

  it('answers 400 naming the field for a request without a body and for an unknown format', async () => {
    const empty = await t.app.inject({ method: 'POST', url: '/api/v1/submissions?department=SCJGJ&category=penalty', headers: clerk });
    expect(empty.statusCode, empty.body).toBe(400);
    expect(json(empty)).toMatchObject({ error: { code: 'missing_body' } });
    const res = await t.app.inject({
      method: 'POST', url: '/api/v1/submissions?department=SCJGJ&category=penalty&format=docx', payload: toCsv(rows('格式', 1)),
      headers: { ...clerk, 'content-type': 'text/csv' },
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(json(res)).toMatchObject({ error: { details: [{ field: 'querystring.format', message: 'format 应为以下之一：csv、xlsx、jsonl' }] } });
    const form = multipart({ department: 'SCJGJ', category: 'penalty', format: 'docx' }, { name: 'x.csv', content: toCsv(rows('格式', 1)) });
    const fromForm = await t.app.inject({ method: 'POST', url: '/api/v1/submissions', payload: form.payload, headers: { ...form.headers, ...clerk } });
    expect(fromForm.statusCode, fromForm.body).toBe(400);
    expect(json(fromForm)).toMatchObject({ error: { details: [{ field: 'format' }] } });
  });
});

describe('errors.csv', () => {
  it('stores a rejected row of a natural person with the ID number masked', async () => {
    const { newCitizenId } = await import('../../../test/helpers/factories.js');
    const id = newCitizenId();
    const person = { ...rows('个人', 1)[0]!, CF_XDR_LB: '自然人', CF_XDR_SHXYM: '', CF_FRDB: '', CF_XDR_ZJLX: '身份证', CF_XDR_ZJHM: id, CF_CFLB: '打板子' };
    const body = json<SubmitBody>(await upload(t, clerk, { content: toCsv([person]) }));
    expect(body.counts).toMatchObject({ rejected: 1 });
    const csv = (await t.app.inject({ url: `/api/v1/submissions/${body.id}/errors.csv`, headers: clerk })).body;
    expect(csv).not.toContain(id);
    expect(csv).toContain(`${id.slice(0, 4)}**********${id.slice(-4)}`);
    const raw = (await t.db.pool.query('select raw from submission_error where submission_id = $1', [body.id])).rows[0].raw;
    expect(JSON.stringify(raw)).not.toContain(id);
  });
  it('gives back the rejected rows with 错误行号 and 错误原因; the fixed file is accepted as it is', async () => {
    const batch = rows('更正', 3);
    batch[1]!.CF_CFLB = '打板子';
    const impossible = `${YEAR}-02-30`;
    const corrected = addDays(TEST_TODAY, -30);
    batch[2]!.CF_JDRQ = impossible;
    const first = json<SubmitBody>(await upload(t, clerk, { content: toCsv(batch) }));
    expect(first.counts).toMatchObject({ created: 1, rejected: 2 });
    const csvRes = await t.app.inject({ url: `/api/v1/submissions/${first.id}/errors.csv`, headers: clerk });
    expect(csvRes.statusCode).toBe(200);
    expect(csvRes.headers['content-type']).toContain('text/csv');
    expect(csvRes.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const text = csvRes.body.replace(/^\uFEFF/, '');
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe([...Object.keys(batch[0]!), '错误行号', '错误原因'].join(','));
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(',2,');
    expect(lines[1]).toContain('打板子');
    expect(lines[2]).toContain(`,3,处罚决定日期：“${impossible}”不是有效日期`);
    const fixed = text.replace('打板子', '警告').replace(impossible, corrected);
    const second = json<SubmitBody>(await upload(t, clerk, { content: fixed, name: 'fixed.csv' }));
    expect(second.counts).toMatchObject({ received: 2, created: 2, rejected: 0 });
  });
});
