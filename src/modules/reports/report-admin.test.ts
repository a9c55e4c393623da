import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, type SessionHeaders } from '../../../test/helpers/app.js';
import { addDays, monthsAfter, TEST_TODAY, yearOf } from '../../../test/helpers/clock.js';
import { makeDepartment, newUscc, penaltyRow } from '../../../test/helpers/factories.js';
import { REPORT_BATCH_LOCK } from '../../db/locks.js';
import { registerReportCommands, ReportNotGenuineError, type WithPlatform } from './commands.js';
import { createReportTestApp } from './test-app.js';

// 报告管理 on the real app and database: the register of issued reports (with real verification
// counts), revocation as the public then sees it, and batch jobs with progress and row errors.

type T = Awaited<ReturnType<typeof createReportTestApp>>;
let t: T;
let admin: SessionHeaders;
let operator: SessionHeaders;
let clerk: SessionHeaders;
const clean = newUscc();
const fined = newUscc();
const cleanName = '南通市守信报告管理测试有限公司';
const finedName = '南通市撤销报告测试化工有限公司';

interface Issued { number: string; verifyCode: string }
interface Row { number: string; kind: string; kindName: string; subjectName: string; subjectCode: string; purpose: string | null; requesterRole: string; requesterName: string | null; departmentName: string | null; issuedAt: string; verifiedCount: number; revoked: boolean; revokedAt: string | null; revokedReason: string | null }
interface Job { id: number; status: string; total: number; done: number; okCount: number; errorCount: number; rows: { row: number; input: string; ok: boolean; number: string | null; error: string | null }[]; downloadable: boolean; error: string | null }

const issue = async (payload: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Issued> => {
  const r = await t.app.inject({ method: 'POST', url: '/api/v1/reports', payload, headers });
  if (r.statusCode !== 201) throw new Error(r.body);
  return json<Issued>(r);
};
const list = async (query: string, headers: SessionHeaders = operator) => {
  const r = await t.app.inject({ url: `/api/v1/reports?${query}`, headers });
  expect(r.statusCode, r.body).toBe(200);
  return json<{ items: Row[]; total: number }>(r);
};
const rowOf = async (number: string) => (await list(`q=${number}`)).items.find((r) => r.number === number)!;
const revoke = (number: string, reason: string, headers: SessionHeaders = operator) =>
  t.app.inject({ method: 'POST', url: `/api/v1/reports/${number}/revoke`, headers, payload: { reason } });
const lastAudit = async (action: string) =>
  (await t.db.pool.query<{ actor_name: string; subject_id: number | null; purpose: string | null; details: Record<string, unknown> }>(
    'select actor_name, subject_id, purpose, details from audit_log where action = $1 order by seq desc limit 1', [action])).rows[0];

async function waitForJob(id: number, headers: SessionHeaders = operator): Promise<Job> {
  for (let i = 0; i < 300; i++) {
    const job = json<Job>(await t.app.inject({ url: `/api/v1/reports/batches/${id}`, headers }));
    if (job.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`batch ${id} still running`);
}

beforeAll(async () => {
  t = await createReportTestApp();
  const dept = await makeDepartment(t);
  admin = await t.loginAs('admin');
  operator = await t.loginAs('operator');
  clerk = await t.loginAs('department', 'SCJGJ');
  const file = async (category: string, fields: Record<string, string>) => {
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/records', payload: { department: 'SCJGJ', category, fields }, headers: admin });
    if (r.statusCode !== 201) throw new Error(r.body);
  };
  await file('registration', { ZTMC: cleanName, TYSHXYDM: clean, XXBH: 'R-A1', CLRQ: monthsAfter(TEST_TODAY, -60), DJJG: '南通市市场监督管理局', DJZT: '存续' });
  await file('penalty', penaltyRow({ uscc: fined, name: finedName, wsh: `通市监处罚〔${yearOf(TEST_TODAY)}〕31号`, dept }));
});
afterAll(() => t.close());

describe('issued reports (已出具报告)', () => {
  it('lists a report with subject, kind, purpose, requester and date, and counts real verifications only', async () => {
    const rep = await issue({ subject: clean, kind: 'certificate', purpose: '政府采购资格审查' }, clerk);
    let row = await rowOf(rep.number);
    expect(row).toMatchObject({
      number: rep.number, kind: 'certificate', kindName: '专用信用报告', subjectName: cleanName, subjectCode: clean,
      purpose: '政府采购资格审查', requesterRole: 'department', departmentName: '市市场监督管理局', verifiedCount: 0, revoked: false,
    });
    expect(row.issuedAt).toBe(t.clock.now().toISOString());

    // The API, the public verify page and the file check count; a wrong code and the bare page do not.
    expect(json(await t.app.inject({ url: `/api/v1/reports/${rep.number}/verify?code=${rep.verifyCode}` }))).toMatchObject({ genuine: true, revoked: false });
    expect((await t.app.inject({ url: `/verify/${rep.number}?code=${rep.verifyCode}` })).body).toContain('报告真实有效');
    await t.app.inject({ url: `/api/v1/reports/${rep.number}/verify?code=ZZZZ2222` });
    await t.app.inject({ url: `/verify/${rep.number}` });
    const pdf = (await t.app.inject({ url: `/api/v1/reports/${rep.number}.pdf`, headers: clerk })).rawPayload;
    await t.app.inject({ method: 'POST', url: '/api/v1/reports/verify-file', payload: pdf, headers: { 'content-type': 'application/pdf' } });
    row = await rowOf(rep.number);
    expect(row.verifiedCount).toBe(3);
    const counted = await t.db.pool.query<{ via: string; at: Date }>('select via, at from report_verification v join report r on r.id = v.report_id where r.number = $1 order by v.id', [rep.number]);
    expect(counted.rows.map((x) => x.via)).toEqual(['code', 'code', 'file']);
    expect(counted.rows[0]!.at.toISOString()).toBe(t.clock.now().toISOString());
  });

  it('filters by number, code, name, kind, requester, state and issue date', async () => {
    const anon = await issue({ subject: fined, kind: 'public' });
    const numbers = (r: { items: Row[] }) => r.items.map((x) => x.number);
    expect(numbers(await list(`q=${anon.number}`))).toEqual([anon.number]);
    expect(numbers(await list(`q=${fined}`))).toContain(anon.number);
    expect(numbers(await list(`q=${encodeURIComponent('撤销报告测试')}`))).toContain(anon.number);
    expect(numbers(await list(`q=${encodeURIComponent('撤销报告测试')}&kind=certificate`))).not.toContain(anon.number);
    expect(numbers(await list('requester=public'))).toContain(anon.number);
    expect(numbers(await list('requester=department'))).not.toContain(anon.number);
    expect(numbers(await list('state=valid'))).toContain(anon.number);
    expect(numbers(await list('state=revoked'))).not.toContain(anon.number);
    expect(numbers(await list(`from=${TEST_TODAY}&to=${TEST_TODAY}`))).toContain(anon.number);
    expect((await list(`to=${addDays(TEST_TODAY, -1)}`)).total).toBe(0);
    const page = await list('pageSize=1&page=1');
    expect(page.items).toHaveLength(1);
    expect(page.total).toBeGreaterThanOrEqual(2);
  });

  it('is for the credit center only, and names a bad filter field', async () => {
    expect((await t.app.inject({ url: '/api/v1/reports' })).statusCode).toBe(401);
    const refused = await t.app.inject({ url: '/api/v1/reports', headers: clerk });
    expect(refused.statusCode).toBe(403);
    expect(json(refused)).toMatchObject({ error: { message: '报告管理仅限信用中心工作人员使用' } });
    const bad = await t.app.inject({ url: `/api/v1/reports?from=${TEST_TODAY}&to=${addDays(TEST_TODAY, -3)}`, headers: operator });
    expect(bad.statusCode).toBe(400);
    expect(json(bad)).toMatchObject({ error: { details: [{ field: 'from' }] } });
    expect((await t.app.inject({ url: '/api/v1/reports?state=gone', headers: operator })).statusCode).toBe(400);
  });
});

describe('revocation (撤销)', () => {
  it('revokes with a reason, audited; verification then says revoked, when and why', async () => {
    const rep = await issue({ subject: fined, kind: 'public' });
    const reason = '出具所依据的行政处罚信息有误，已更正';
    const res = await revoke(rep.number, reason);
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res)).toMatchObject({ number: rep.number, revoked: true, revokedReason: reason, revokedAt: t.clock.now().toISOString() });
    expect(await lastAudit('report_revoked')).toMatchObject({ details: { number: rep.number, kind: 'public', reason } });
    expect((await lastAudit('report_revoked'))!.subject_id).toBe(Number((await t.db.pool.query('select id from subject where uscc = $1', [fined])).rows[0].id));

    const api = json(await t.app.inject({ url: `/api/v1/reports/${rep.number}/verify?code=${rep.verifyCode}` }));
    expect(api).toMatchObject({ genuine: true, revoked: true, revokedReason: reason, revokedAt: t.clock.now().toISOString() });
    const page = (await t.app.inject({ url: `/verify/${rep.number}?code=${rep.verifyCode}` })).body;
    expect(page).toContain('该报告已被撤销，不再有效');
    expect(page).toContain(TEST_TODAY);
    expect(page).toContain(reason);
    expect(page).not.toContain('报告真实有效');
    // A wrong code learns nothing, not even that the report was revoked.
    expect((await t.app.inject({ url: `/verify/${rep.number}?code=ZZZZ2222` })).body).not.toContain('撤销');

    expect((await list('state=revoked')).items.map((x) => x.number)).toContain(rep.number);
    expect((await list('state=valid')).items.map((x) => x.number)).not.toContain(rep.number);
  });

  it('makes xinyong verify-report fail on the revoked file, saying so', async () => {
    const rep = await issue({ subject: clean, kind: 'public' });
    const pdf = (await t.app.inject({ url: `/api/v1/reports/${rep.number}.pdf?code=${rep.verifyCode}` })).rawPayload;
    const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'xy-revoked-')), 'report.pdf');
    await writeFile(file, pdf);
    expect((await revoke(rep.number, '报告依据的信息有误')).statusCode).toBe(200);
    const withPlatform: WithPlatform = (fn) => fn({ pool: t.db.pool, pd: t.db.pd, clock: t.clock, embedded: null, close: async () => undefined }, t.deps.config);
    const lines: string[] = [];
    const program = new Command().exitOverride();
    registerReportCommands(program, withPlatform, { log: (l) => lines.push(l) });
    await expect(program.parseAsync(['node', 'xinyong', 'verify-report', file])).rejects.toBeInstanceOf(ReportNotGenuineError);
    expect(lines.join('\n')).toContain('REVOKED');
    expect(lines.join('\n')).toContain('报告依据的信息有误');
  });

  it('refuses a second revocation (409), no reason (400 naming it), an unknown number (404) and non-center staff (403)', async () => {
    const rep = await issue({ subject: clean, kind: 'public' });
    const blank = await revoke(rep.number, '  ');
    expect(blank.statusCode).toBe(400);
    expect(json(blank)).toMatchObject({ error: { details: [{ field: 'reason' }] } });
    expect((await revoke(rep.number, '主体申请撤销', clerk)).statusCode).toBe(403);
    expect((await revoke(rep.number, '主体申请撤销')).statusCode).toBe(200);
    const again = await revoke(rep.number, '再次撤销', admin);
    expect(again.statusCode).toBe(409);
    expect(json(again)).toMatchObject({ error: { message: expect.stringContaining('已于') } });
    expect((await revoke(`XY-${TEST_TODAY.replace(/-/g, '')}-999999`, '不存在')).statusCode).toBe(404);
  });
});

describe('batch jobs (批量出具)', () => {
  it('issues a report per good row, lists each bad row with its number and reason, and zips the PDFs', async () => {
    const start = await t.app.inject({
      method: 'POST', url: '/api/v1/reports/batches', headers: operator,
      payload: { kind: 'public', purpose: '招标投标资格审查', parties: [{ row: 2, code: clean }, { row: 3, code: '91320602MA1XY2345X' }, { row: 5, code: fined }] },
    });
    expect(start.statusCode, start.body).toBe(202);
    const started = json<Job>(start);
    expect(started).toMatchObject({ status: 'running', total: 3 });
    expect(await lastAudit('report_batch_started')).toMatchObject({ purpose: '招标投标资格审查', details: { batchId: started.id, kind: 'public', parties: 3 } });

    const job = await waitForJob(started.id);
    expect(job).toMatchObject({ status: 'completed', total: 3, done: 3, okCount: 2, errorCount: 1, downloadable: true });
    expect(job.rows.map((r) => [r.row, r.ok])).toEqual([[2, true], [3, false], [5, true]]);
    expect(job.rows[1]!.error).toMatch(/无效|校验/);
    expect(await lastAudit('report_batch_finished')).toMatchObject({ details: { batchId: started.id, reports: 2, errors: 1 } });

    const zip = await t.app.inject({ url: `/api/v1/reports/batches/${started.id}/zip`, headers: operator });
    expect(zip.statusCode).toBe(200);
    expect(zip.headers['content-type']).toBe('application/zip');
    const files = unzipSync(new Uint8Array(zip.rawPayload));
    expect(Object.keys(files).filter((f) => f.endsWith('.pdf'))).toHaveLength(2);
    const csv = strFromU8(files['summary.csv']!).replace(/^\ufeff/, '').trim().split('\r\n');
    expect(csv[2]).toMatch(/^3,91320602MA1XY2345X,失败,/);
    // Each report of the batch is in the register like any other.
    for (const r of job.rows.filter((x) => x.ok)) expect((await rowOf(r.number!)).purpose).toBe('招标投标资格审查');

    const listed = json<{ items: Job[] }>(await t.app.inject({ url: '/api/v1/reports/batches', headers: admin }));
    expect(listed.items.map((j) => j.id)).toContain(started.id);
  });

  it('checks the purpose and the list before starting, and keeps a clerk to its own jobs', async () => {
    const noPurpose = await t.app.inject({ method: 'POST', url: '/api/v1/reports/batches', headers: operator, payload: { kind: 'public', parties: [{ row: 1, code: clean }] } });
    expect(noPurpose.statusCode).toBe(400);
    expect(json(noPurpose)).toMatchObject({ error: { details: [{ field: 'purpose' }] } });
    const blank = await t.app.inject({ method: 'POST', url: '/api/v1/reports/batches', headers: operator, payload: { kind: 'public', purpose: '审查', parties: [{ row: 1, code: ' ' }] } });
    expect(json(blank)).toMatchObject({ error: { details: [{ field: 'parties' }] } });
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/reports/batches', payload: { kind: 'public', purpose: '审查', parties: [{ row: 1, code: clean }] } })).statusCode).toBe(401);

    const mine = json<Job>(await t.app.inject({ method: 'POST', url: '/api/v1/reports/batches', headers: clerk, payload: { kind: 'public', purpose: '行政审批', parties: [{ row: 1, code: clean }] } }));
    await waitForJob(mine.id, clerk);
    const other = await t.loginAs('department', 'SCJGJ');
    expect((await t.app.inject({ url: `/api/v1/reports/batches/${mine.id}`, headers: other })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/v1/reports/batches/${mine.id}/zip`, headers: other })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/v1/reports/batches/${mine.id}`, headers: operator })).statusCode).toBe(200);
  });

  it('shows a job whose process died as interrupted, and has no zip for it', async () => {
    const id = Number((await t.db.pool.query(
      `insert into report_batch (status, kind, purpose, total, created_at) values ('running', 'public', '审查', 5, $1) returning id`, [t.clock.now()],
    )).rows[0].id);
    // A live job holds its lock: it stays running while the lock is held.
    const held = await t.db.pool.connect();
    await held.query('select pg_advisory_lock($1, $2)', [REPORT_BATCH_LOCK, id]);
    expect(json<Job>(await t.app.inject({ url: `/api/v1/reports/batches/${id}`, headers: operator })).status).toBe('running');
    await held.query('select pg_advisory_unlock($1, $2)', [REPORT_BATCH_LOCK, id]);
    held.release();
    const job = json<Job>(await t.app.inject({ url: `/api/v1/reports/batches/${id}`, headers: operator }));
    expect(job).toMatchObject({ status: 'interrupted', downloadable: false });
    expect(job.error).toContain('服务在生成过程中停止');
    const zip = await t.app.inject({ url: `/api/v1/reports/batches/${id}/zip`, headers: operator });
    expect(zip.statusCode).toBe(409);
  });
});
