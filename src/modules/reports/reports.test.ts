import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, type SessionHeaders } from '../../../test/helpers/app.js';
import { addDays, monthsAfter, TEST_NOW, TEST_TODAY, yearOf, yearsAfter } from '../../../test/helpers/clock.js';
import { makeDepartment, newCitizenId, newUscc, penaltyRow, licenceRow } from '../../../test/helpers/factories.js';
import { withTx } from '../../db/pool.js';
import { transitionRecord } from '../records/service.js';
import { missingGlyphs } from './pdf/fonts.js';
import { createReportTestApp } from './test-app.js';
import { pdfText } from './test-pdf.js';

// Today is the injected clock's date (TEST_TODAY, China time); every date below derives from it.
const TODAY = TEST_TODAY;
const YEAR = yearOf(TODAY);
/** Report numbers carry the day of issue: XY-YYYYMMDD-NNNNNN. */
const day = (date: string) => date.replace(/-/g, '');
// Document numbers carry the year of decision: licences (factory default) last year, penalties this year.
const licenceNo = (n: number) => `通市监许〔${YEAR - 1}〕${n}号`;
const penaltyNo = (n: number) => `通市监处罚〔${YEAR}〕${n}号`;
// The factory's penalties are decided some 260 days ago; a certificate period from ten months ago covers them.
const SINCE = monthsAfter(TODAY, -10);
type T = Awaited<ReturnType<typeof createReportTestApp>>;
let t: T;
let dept: { code: string; uscc: string };
let admin: SessionHeaders;
let clerk: SessionHeaders;
const usccA = newUscc();
const usccB = newUscc();
const nameA = '南通市琍喆科技发展有限公司';
const nameB = '南通市清白贸易有限公司';
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

interface Issued { number: string; verifyCode: string; url: string; verifyUrl: string; pdfSha256: string; kind: string }

const file = async (category: string, fields: Record<string, string>, department = 'SCJGJ'): Promise<number> => {
  const r = await t.app.inject({ method: 'POST', url: '/api/v1/records', payload: { department, category, fields }, headers: admin });
  if (r.statusCode !== 201) throw new Error(r.body);
  return json(r).id as number;
};

const request = async (payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/v1/reports', payload, headers });

const issue = async (payload: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Issued> => {
  const r = await request(payload, headers);
  if (r.statusCode !== 201) throw new Error(r.body);
  return json<Issued>(r);
};

const download = async (rep: Issued, headers: Record<string, string> = {}, code: string | null = rep.verifyCode): Promise<Buffer> => {
  const r = await t.app.inject({ url: `/api/v1/reports/${rep.number}.pdf${code ? `?code=${code}` : ''}`, headers });
  if (r.statusCode !== 200) throw new Error(`${r.statusCode} ${r.body}`);
  expect(r.headers['content-type']).toBe('application/pdf');
  return r.rawPayload;
};

const subjectId = async (uscc: string) => Number((await t.db.pool.query('select id from subject where uscc = $1', [uscc])).rows[0].id);

let anonA: Issued;
let anonPdf: Buffer;

beforeAll(async () => {
  t = await createReportTestApp();
  dept = await makeDepartment(t);
  await makeDepartment(t, 'STHJJ', '市生态环境局');
  admin = await t.loginAs('admin');
  clerk = await t.loginAs('department', 'SCJGJ');
  const reg = (uscc: string, name: string) => ({ ZTMC: name, TYSHXYDM: uscc, XXBH: `REG-${uscc}`, FDDBR: '王建国', CLRQ: monthsAfter(TODAY, -137), DJJG: '南通市市场监督管理局', DJZT: '存续', ZS: '江苏省南通市崇川区工农路100号' });
  await file('registration', reg(usccA, nameA));
  await file('registration', reg(usccB, nameB));
  await file('licence', licenceRow({ uscc: usccA, name: nameA, wsh: licenceNo(88), dept }));
  await file('licence', licenceRow({ uscc: usccB, name: nameB, wsh: licenceNo(89), dept }));
  await file('penalty', penaltyRow({ uscc: usccA, name: nameA, wsh: penaltyNo(12), dept }));
  const disputed = await file('penalty', penaltyRow({ uscc: usccA, name: nameA, wsh: penaltyNo(13), dept }));
  await withTx(t.db.pool, (db) => transitionRecord({ db, clock: t.clock }, disputed, 'disputed', { kind: 'system', id: null, name: 'test' }, '当事人提出异议'));
  await file('contract_performance', { ZTMC: nameA, TYSHXYDM: usccA, XXBH: 'HT-1', HTMC: '钢材供货合同', QDRQ: addDays(TODAY, -324), LXZT: '违约' });
  anonA = await issue({ subject: usccA, kind: 'public' });
  anonPdf = await download(anonA);
});
afterAll(() => t.close());

describe('public report (公共信用信息报告)', () => {
  it('issues a numbered report with a verification code and a URL', () => {
    expect(anonA.number).toMatch(new RegExp(`^XY-${day(TODAY)}-\\d{6}$`));
    expect(anonA.verifyCode).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
    expect(anonA.verifyUrl).toBe(`https://credit.example.gov.cn/verify/${anonA.number}?code=${anonA.verifyCode}`);
    expect(anonA.pdfSha256).toBe(sha(anonPdf));
  });

  it('prints the sections, the subject, decision numbers, empty-section notes and page numbers in Chinese', async () => {
    const { pages, flat, info } = await pdfText(anonPdf);
    for (const s of [nameA, usccA, '公共信用信息报告', '报告概要', '信息概览', '信用建议', '登记注册基本信息', '行政管理信息', '行政许可', '行政处罚',
      '严重失信主体名单信息', '经营异常名录信息', '信用承诺及履行情况信息', '信用评价信息', '司法判决信息', '诚实守信相关荣誉信息',
      licenceNo(88), penaltyNo(12), penaltyNo(13), '异议处理中', '查询期内无相关信息', '存续', '行政处罚2条',
      // A public report is valid for 30 days from issue.
      anonA.number, `核验码：${anonA.verifyCode}`, '信用示范市公共信用信息平台', `有效期至${addDays(TODAY, 30)}`, '社会公众（社会公开信息）']) {
      expect(flat, s).toContain(s.replace(/\s+/g, ''));
    }
    pages.forEach((p, i) => expect(p.replace(/\s+/g, '')).toContain(`第${i + 1}页/共${pages.length}页`));
    expect(info.Keywords).toBe(`xinyong-report:${anonA.number} verify-code:${anonA.verifyCode}`);
    expect(missingGlyphs(pages.join(''))).toEqual([]);
  });

  it('gives the anonymous public only public data, and the subject its own authorised data too', async () => {
    expect((await pdfText(anonPdf)).flat).not.toContain('钢材供货合同');
    const own = await t.loginAs('subject', undefined, await subjectId(usccA));
    const mine = await issue({ subject: usccA, kind: 'public' }, own);
    const { flat } = await pdfText(await download(mine, own, null));
    expect(flat).toContain('钢材供货合同');
    expect(flat).toContain('合同履行信息');
    expect(flat).toContain('主体本人（社会公开信息、授权查询信息）');
  });

  it('refuses anonymous reports on natural persons and staff requests without a purpose', async () => {
    const person = newCitizenId();
    const caseNo = `(${YEAR})苏06执1号`;
    await file('court_judgment', { ZTMC: '王小明', ZJHM: person, XXBH: caseNo, AH: caseNo, ZXFY: '南通市中级人民法院', LARQ: addDays(TODAY, -238) });
    expect((await request({ subject: person, kind: 'public' })).statusCode).toBe(403);
    // The person's own report: masked ID on paper, and verifiable later (its code is kept encrypted).
    const pid = Number((await t.db.pool.query("select id from subject where kind = 'natural_person'")).rows[0].id);
    const me = await t.loginAs('subject', undefined, pid);
    const mine = await issue({ subject: person, kind: 'public' }, me);
    const { flat } = await pdfText(await download(mine, me, null));
    expect(flat).toContain('（自然人版）');
    expect(flat).toContain(`${person.slice(0, 4)}**********${person.slice(14)}`);
    expect(flat).toContain(caseNo);
    expect(flat).not.toContain(person);
    expect(flat).not.toContain('登记注册基本信息');
    expect(json(await t.app.inject({ url: `/api/v1/reports/${mine.number}/verify?code=${mine.verifyCode}` }))).toMatchObject({ genuine: true, factsChanged: false });
    const r = await request({ subject: usccA, kind: 'public' }, clerk);
    expect(r.statusCode).toBe(400);
    expect(json(r)).toMatchObject({ error: { details: [{ field: 'purpose' }] } });
  });

  it('audits every request with its purpose', async () => {
    await issue({ subject: usccB, kind: 'public', purpose: '政府采购资格审查' }, clerk);
    const rows = (await t.db.pool.query("select actor_kind, purpose, details->>'number' as number from audit_log where action = 'report_issued' order by seq")).rows;
    expect(rows[0]).toMatchObject({ actor_kind: 'anonymous', number: anonA.number });
    expect(rows.at(-1)).toMatchObject({ actor_kind: 'department', purpose: '政府采购资格审查' });
  });
});

describe('verification', () => {
  it('confirms a genuine report with the right code, and names its hash', async () => {
    const r = await t.app.inject({ url: `/api/v1/reports/${anonA.number}/verify?code=${anonA.verifyCode.toLowerCase()}` });
    expect(r.statusCode).toBe(200);
    expect(json(r)).toMatchObject({ genuine: true, number: anonA.number, kind: 'public', subjectName: nameA, pdfSha256: sha(anonPdf), factsChanged: false, issuedAt: new Date(TEST_NOW).toISOString() });
  });

  it('says only "not genuine" for a wrong code, and 404 for an unknown number', async () => {
    const wrong = await t.app.inject({ url: `/api/v1/reports/${anonA.number}/verify?code=ZZZZ2222` });
    expect(wrong.statusCode).toBe(200);
    expect(json(wrong)).toEqual({ genuine: false, number: anonA.number, reason: 'wrong_code', message: expect.any(String) });
    expect(wrong.body).not.toContain(nameA);
    expect((await t.app.inject({ url: `/api/v1/reports/XY-${day(TODAY)}-999999/verify?code=ABCD2345` })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/v1/reports/nonsense/verify?code=ABCD2345' })).statusCode).toBe(404);
  });

  it('accepts the uploaded genuine PDF and detects a modified or forged one by its hash', async () => {
    const post = (body: Buffer) => t.app.inject({ method: 'POST', url: '/api/v1/reports/verify-file', payload: body, headers: { 'content-type': 'application/pdf' } });
    expect(json(await post(anonPdf))).toMatchObject({ genuine: true, number: anonA.number });
    const tampered = Buffer.from(anonPdf);
    const at = Math.floor(tampered.length / 2);
    tampered.writeUInt8(tampered.readUInt8(at) ^ 0xff, at);
    expect(json(await post(tampered))).toMatchObject({ genuine: false, number: anonA.number, reason: 'hash_mismatch', pdfSha256: sha(tampered) });
    expect(json(await post(Buffer.from('%PDF-1.7 forged')))).toMatchObject({ genuine: false, reason: 'unknown_file' });
  });

  it('flips factsChanged once a new record is filed about the subject', async () => {
    await file('penalty', penaltyRow({ uscc: usccA, name: nameA, wsh: penaltyNo(99), dept, overrides: { CF_JDRQ: addDays(TODAY, -5) } }));
    const r = json(await t.app.inject({ url: `/api/v1/reports/${anonA.number}/verify?code=${anonA.verifyCode}` }));
    expect(r).toMatchObject({ genuine: true, factsChanged: true });
    expect(r.currentFactsHash).not.toBe(r.factsHash);
  });

  it('serves a readable verification page', async () => {
    const ok = await t.app.inject({ url: `/verify/${anonA.number}?code=${anonA.verifyCode}` });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['content-type']).toContain('text/html');
    expect(ok.body).toContain('报告真实有效');
    expect(ok.body).toContain(sha(anonPdf));
    expect(ok.body).toContain('已发生变化');
    expect(ok.body).toContain('lang="zh-CN"');
    expect((await t.app.inject({ url: `/verify/${anonA.number}?code=WRONG222` })).body).toContain('核验未通过');
    expect((await t.app.inject({ url: `/verify/${anonA.number}` })).body).toContain('name="code"');
    const unknown = await t.app.inject({ url: `/verify/XY-${day(yearsAfter(TODAY, -6))}-000001?code=ABCD2345` });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('未找到报告编号');
  });

  it('gives the PDF to code holders of public reports and to requesters only', async () => {
    expect((await t.app.inject({ url: `/api/v1/reports/${anonA.number}.pdf` })).statusCode).toBe(401);
    expect((await t.app.inject({ url: `/api/v1/reports/${anonA.number}.pdf?code=ZZZZ2222` })).statusCode).toBe(403);
    const cert = await issue({ subject: usccA, kind: 'certificate', purpose: '招标投标' }, clerk);
    expect((await t.app.inject({ url: `/api/v1/reports/${cert.number}.pdf?code=${cert.verifyCode}` })).statusCode).toBe(403);
    expect((await download(cert, clerk, null)).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await download(cert, admin, null)).length).toBeGreaterThan(1000);
  });
});

describe('certificate report (专用信用报告)', () => {
  it('states no violations for a clean subject, per domain', async () => {
    const own = await t.loginAs('subject', undefined, await subjectId(usccB));
    const rep = await issue({ subject: usccB, kind: 'certificate', domains: ['market', '生态环境'] }, own);
    const { flat } = await pdfText(await download(rep, own, null));
    expect(flat).toContain('专用信用报告');
    expect(flat).toContain('无违法违规记录证明版');
    expect(flat).toContain('市场监管领域');
    expect(flat).toContain('生态环境领域');
    expect(flat).toContain('该主体在上述领域未发现违法违规记录');
    // The default period: the three years up to today.
    expect(flat).toContain(`${yearsAfter(TODAY, -3)}至${TODAY}`);
    expect(flat).not.toContain('通市监许'); // licences are not violations
  });

  it('lists the penalties of a subject that has them, only in their domain', async () => {
    const rep = await issue({ subject: usccA, kind: 'certificate', purpose: '政府采购', domains: ['market', 'ecology'], from: SINCE }, clerk);
    const { flat } = await pdfText(await download(rep, clerk, null));
    expect(flat).toContain('发现违法违规记录3条');
    expect(flat).toContain(penaltyNo(12));
    expect(flat).toContain(`${SINCE}至${TODAY}，未发现违法违规记录`);
    expect(flat).toContain('异议处理中');
  });

  it('requires a login, and rejects unknown domains naming the valid ones', async () => {
    expect((await request({ subject: usccA, kind: 'certificate' })).statusCode).toBe(401);
    const r = await request({ subject: usccA, kind: 'certificate', purpose: '审批', domains: ['nowhere'] }, clerk);
    expect(r.statusCode).toBe(400);
    expect(json(r)).toMatchObject({ error: { code: 'unknown_domain', details: [{ field: 'domains[0]' }] } });
  });
});
