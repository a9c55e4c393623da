import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, type SessionHeaders, type TestApp } from '../../../test/helpers/app.js';
import { addDays, at, monthsAfter, TEST_TODAY } from '../../../test/helpers/clock.js';
import { makeDepartment, newUscc, penaltyRow } from '../../../test/helpers/factories.js';
import { withTx } from '../../db/pool.js';
import { appendEvents } from '../events/service.js';
import { createReportTestApp } from '../reports/test-app.js';

// The rule: every read of non-public data is audited once, as the real caller, with purpose and
// IP; reads of public data are not audited. One subject with an A (penalty), a B (contract
// performance) and a C (tax arrears) record, read through each route that can show them.

let t: TestApp;
let admin: SessionHeaders;
let clerk: SessionHeaders;
let lender: SessionHeaders;
let owner: SessionHeaders;
let subjectId: number;
const uscc = newUscc();
const name = '南通审计读取测试有限公司';
const ids = { penalty: 0, contract: 0, tax: 0 };
const IP = '203.0.113.7';

interface AuditRow {
  action: string;
  actorKind: string;
  actorId: string | null;
  purpose: string | null;
  ip: string | null;
  subjectId: number | null;
  categories: string[];
  details: Record<string, unknown>;
}

/** The last audit seq: what a read adds is everything after it. */
const mark = async (): Promise<number> => Number((await t.db.pool.query('select coalesce(max(seq), 0) as s from audit_log')).rows[0].s);
const addedSince = async (seq: number): Promise<AuditRow[]> => (await t.db.pool.query<AuditRow>(
  `select action, actor_kind as "actorKind", actor_id as "actorId", purpose, ip, subject_id::int as "subjectId", categories, details
   from audit_log where seq > $1 order by seq`, [seq])).rows;

/** Run a request and return its response with the audit rows it added. */
async function audited(opts: InjectOptions): Promise<{ status: number; body: string; rows: AuditRow[] }> {
  const before = await mark();
  const res = await t.app.inject(opts);
  return { status: res.statusCode, body: res.body, rows: await addedSince(before) };
}

const get = (url: string, headers: Record<string, string> = {}, purpose?: string) =>
  audited({ url, headers: { ...headers, ...(purpose ? { 'x-purpose': encodeURIComponent(purpose) } : {}) }, remoteAddress: IP });

const userIdOf = async (headers: SessionHeaders): Promise<string> => {
  const me = json<{ username: string }>(await t.app.inject({ url: '/api/v1/auth/me', headers }));
  return String((await t.db.pool.query('select id from app_user where username = $1', [me.username])).rows[0].id);
};

async function file(category: string, fields: Record<string, string>): Promise<number> {
  const r = await t.app.inject({ method: 'POST', url: '/api/v1/records', headers: admin, payload: { department: 'SCJGJ', category, fields } });
  expect(r.statusCode, r.body).toBe(201);
  return json<{ id: number }>(r).id;
}

async function apiKey(scopes: string[]): Promise<{ id: number; bearer: Record<string, string> }> {
  const r = await t.app.inject({ method: 'POST', url: '/api/v1/keys', headers: admin, payload: { department: 'SCJGJ', scopes } });
  expect(r.statusCode, r.body).toBe(201);
  const k = json<{ id: number; key: string }>(r);
  return { id: k.id, bearer: { authorization: `Bearer ${k.key}` } };
}

interface Issued { number: string; verifyCode: string }
async function issue(headers: Record<string, string>, purpose?: string): Promise<Issued> {
  const r = await t.app.inject({ method: 'POST', url: '/api/v1/reports', headers, payload: { subject: uscc, kind: 'public', ...(purpose ? { purpose } : {}) } });
  expect(r.statusCode, r.body).toBe(201);
  return json<Issued>(r);
}

beforeAll(async () => {
  t = await createReportTestApp();
  const dept = await makeDepartment(t);
  admin = await t.loginAs('admin');
  clerk = await t.loginAs('department', 'SCJGJ');
  lender = await t.loginAs('lender');
  ids.penalty = await file('penalty', penaltyRow({ uscc, name, wsh: 'AR-1', dept }));
  ids.contract = await file('contract_performance', { ZTMC: name, TYSHXYDM: uscc, XXBH: 'AR-B1', HTMC: '设备采购合同', QDRQ: addDays(TEST_TODAY, -200), LXZT: '正常履行' });
  ids.tax = await file('tax_arrears', { ZTMC: name, TYSHXYDM: uscc, XXBH: 'AR-C1', SZ: '增值税', QSJE: '2.5', RDRQ: addDays(TEST_TODAY, -100), ZGSWJG: '市税务局' });
  subjectId = json<{ id: number }>(await t.app.inject({ url: `/api/v1/subjects/${uscc}` })).id;
  owner = await t.loginAs('subject', undefined, subjectId);
  const lenderName = json<{ username: string }>(await t.app.inject({ url: '/api/v1/auth/me', headers: lender })).username;
  const g = await t.app.inject({
    method: 'POST', url: '/api/v1/grants', headers: owner,
    payload: { grantee: lenderName, scope: ['contract_performance'], purpose: '贷款审查', expiresAt: at(monthsAfter(TEST_TODAY, 3), '00:00') },
  });
  expect(g.statusCode, g.body).toBe(201);
});
afterAll(() => t.close());

describe('GET /records/{id} and /records/{id}/versions', () => {
  it('public-class records: read without a purpose, nothing audited', async () => {
    for (const url of [`/api/v1/records/${ids.penalty}`, `/api/v1/records/${ids.penalty}/versions`]) {
      const r = await get(url, admin);
      expect(r.status, r.body).toBe(200);
      expect(r.rows).toEqual([]);
    }
  });

  it('refuses the anonymous before saying whether a record exists, and audits nothing', async () => {
    for (const id of [ids.tax, 999_999]) {
      const r = await get(`/api/v1/records/${id}`, {}, '看看');
      expect(r.status).toBe(401);
      expect(r.rows).toEqual([]);
    }
  });

  it('a shared-class record needs a purpose, from the credit center and the source department alike', async () => {
    for (const headers of [admin, clerk]) {
      for (const url of [`/api/v1/records/${ids.tax}`, `/api/v1/records/${ids.tax}/versions`]) {
        const r = await get(url, headers);
        expect(r.status, r.body).toBe(400);
        expect(JSON.parse(r.body)).toMatchObject({ error: { details: [{ field: 'purpose' }] } });
        expect(r.rows).toEqual([]);
      }
    }
  });

  it('with a purpose: exactly one record_read entry per read, as the caller, with purpose and IP', async () => {
    const adminId = await userIdOf(admin);
    const one = await get(`/api/v1/records/${ids.tax}`, admin, '税收征管核查');
    expect(one.status, one.body).toBe(200);
    expect(one.rows).toEqual([{
      action: 'record_read', actorKind: 'admin', actorId: adminId, purpose: '税收征管核查', ip: IP, subjectId,
      categories: ['tax_arrears'], details: expect.objectContaining({ recordId: ids.tax, view: 'record' }),
    }]);
    const versions = await get(`/api/v1/records/${ids.contract}/versions`, clerk, '报送核对');
    expect(versions.status, versions.body).toBe(200);
    expect(versions.rows).toEqual([{
      action: 'record_read', actorKind: 'department', actorId: await userIdOf(clerk), purpose: '报送核对', ip: IP, subjectId,
      categories: ['contract_performance'], details: expect.objectContaining({ recordId: ids.contract, view: 'versions', versions: 1 }),
    }]);
  });

  it('API keys: audited as key:<id>; a key without archive:read is refused', async () => {
    const reader = await apiKey(['archive:read']);
    const r = await get(`/api/v1/records/${ids.tax}`, reader.bearer, '数据交换核对');
    expect(r.status, r.body).toBe(200);
    expect(r.rows).toMatchObject([{ action: 'record_read', actorKind: 'department', actorId: `key:${reader.id}`, purpose: '数据交换核对', ip: IP }]);
    const writer = await apiKey(['records:write']);
    const refused = await get(`/api/v1/records/${ids.tax}`, writer.bearer, '数据交换核对');
    expect(refused.status).toBe(403);
    expect(refused.rows).toEqual([]);
  });
});

describe('GET /events', () => {
  it('credit center only, with a purpose; a page with events is audited once, an empty one not at all', async () => {
    await withTx(t.db.pool, (tx) => appendEvents(tx, t.clock.now(), [
      { type: 'record.expired', subjectId, payload: { recordId: ids.tax, category: 'tax_arrears' } },
      { type: 'record.expired', subjectId, payload: { recordId: ids.contract, category: 'contract_performance' } },
    ]));
    expect((await get('/api/v1/events', clerk, '交换')).status).toBe(403);
    const none = await get('/api/v1/events', admin);
    expect(none.status).toBe(400);
    expect(none.rows).toEqual([]);
    const page = await get('/api/v1/events', admin, '联合奖惩交换');
    expect(page.status, page.body).toBe(200);
    const { next, items } = JSON.parse(page.body) as { next: number; items: unknown[] };
    expect(items.length).toBeGreaterThanOrEqual(2);
    expect(page.rows).toEqual([{
      action: 'events_read', actorKind: 'admin', actorId: await userIdOf(admin), purpose: '联合奖惩交换', ip: IP, subjectId: null,
      categories: [], details: expect.objectContaining({ after: 0, next, events: items.length }),
    }]);
    const empty = await get(`/api/v1/events?after=${next}`, admin, '联合奖惩交换');
    expect(empty.status).toBe(200);
    expect(empty.rows).toEqual([]);
  });
});

describe('reports', () => {
  let lenders: Issued;
  let anon: Issued;
  let lenderId: string;

  beforeAll(async () => {
    lenders = await issue(lender, '贷款审查');
    anon = await issue({});
    lenderId = await userIdOf(lender);
  });

  const pdf = (rep: Issued, headers: Record<string, string> = {}, purpose?: string) => get(`/api/v1/reports/${rep.number}.pdf?code=${rep.verifyCode}`, headers, purpose);

  it('a PDF holding authorised data, fetched by number and code: one report_read, anonymous, with IP and the report\'s purpose', async () => {
    const r = await pdf(lenders);
    expect(r.status).toBe(200);
    expect(r.rows).toEqual([{
      action: 'report_read', actorKind: 'anonymous', actorId: null, purpose: '贷款审查', ip: IP, subjectId,
      categories: expect.arrayContaining(['contract_performance']), details: expect.objectContaining({ number: lenders.number }),
    }]);
  });

  it('the requester fetching its own report again is audited as itself, with the purpose it declares', async () => {
    const r = await get(`/api/v1/reports/${lenders.number}.pdf`, lender, '放款复核');
    expect(r.status).toBe(200);
    expect(r.rows).toMatchObject([{ action: 'report_read', actorKind: 'lender', actorId: lenderId, purpose: '放款复核', ip: IP }]);
  });

  it('a public-only report, and the subject\'s own fetch, add nothing', async () => {
    const pub = await pdf(anon);
    expect(pub.status).toBe(200);
    expect(pub.rows).toEqual([]);
    const own = await issue(owner);
    const mine = await get(`/api/v1/reports/${own.number}.pdf`, owner);
    expect(mine.status).toBe(200);
    expect(mine.rows).toEqual([]);
  });

  it('a verification is audited once as report_verified by its real caller, never as an archive read', async () => {
    const api = await get(`/api/v1/reports/${lenders.number}/verify?code=${lenders.verifyCode}`);
    expect(api.status).toBe(200);
    expect(JSON.parse(api.body)).toMatchObject({ genuine: true });
    expect(api.rows).toEqual([{
      action: 'report_verified', actorKind: 'anonymous', actorId: null, purpose: null, ip: IP, subjectId,
      categories: [], details: expect.objectContaining({ number: lenders.number, via: 'code' }),
    }]);
    const page = await get(`/verify/${lenders.number}?code=${lenders.verifyCode}`);
    expect(page.status).toBe(200);
    expect(page.rows).toMatchObject([{ action: 'report_verified', actorKind: 'anonymous', ip: IP }]);
    const file = (await t.app.inject({ url: `/api/v1/reports/${lenders.number}.pdf`, headers: lender })).rawPayload;
    const upload = await audited({ method: 'POST', url: '/api/v1/reports/verify-file', payload: file, headers: { 'content-type': 'application/pdf' }, remoteAddress: IP });
    expect(JSON.parse(upload.body)).toMatchObject({ genuine: true });
    expect(upload.rows).toMatchObject([{ action: 'report_verified', actorKind: 'anonymous', ip: IP, details: { via: 'file' } }]);
  });

  it('verifying a public-only report, or with a wrong code, adds nothing', async () => {
    expect((await get(`/api/v1/reports/${anon.number}/verify?code=${anon.verifyCode}`)).rows).toEqual([]);
    const wrong = await get(`/api/v1/reports/${lenders.number}/verify?code=ZZZZ2222`);
    expect(JSON.parse(wrong.body)).toMatchObject({ genuine: false });
    expect(wrong.rows).toEqual([]);
  });
});

describe('the subject\'s access log', () => {
  type Log = { items: { actor: string | null; actorKind: string; purpose: string | null; categories: string[] }[]; total: number };
  const log = async () => json<Log>(await t.app.inject({ url: '/api/v1/me/access-log?pageSize=100', headers: owner }));

  it('shows the lender\'s reads and fetches of its data, but no verification', async () => {
    const before = await log();
    expect(before.items).toEqual(expect.arrayContaining([
      expect.objectContaining({ actorKind: 'lender', purpose: '贷款审查' }),
      expect.objectContaining({ actorKind: 'lender', purpose: '放款复核' }),
      expect.objectContaining({ actorKind: 'anonymous', purpose: '贷款审查' }),
      expect.objectContaining({ actorKind: 'admin', purpose: '税收征管核查', categories: ['tax_arrears'] }),
    ]));
    // Verifications (several above) never show, neither as the verifier nor as the report's requester.
    expect(before.items.some((i) => (i.actor ?? '').startsWith('核验重算'))).toBe(false);
    const rep = await issue(lender, '贷款审查');
    const afterIssue = await log();
    await t.app.inject({ url: `/api/v1/reports/${rep.number}/verify?code=${rep.verifyCode}` });
    await t.app.inject({ url: `/verify/${rep.number}?code=${rep.verifyCode}` });
    expect(await log()).toEqual(afterIssue);
  });
});
