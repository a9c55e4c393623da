import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type SessionHeaders, type TestApp } from '../../../test/helpers/app.js';
import { addDays, monthsAfter, TEST_TODAY } from '../../../test/helpers/clock.js';
import { makeDepartment, newCitizenId, newUscc, penaltyRow } from '../../../test/helpers/factories.js';

// Dates follow the test app's clock (TEST_TODAY): the factory's penalty was decided some eight
// months ago and is published for twelve; the old one was decided almost three years ago.
const OLD_DECIDED = monthsAfter(TEST_TODAY, -34);
let t: TestApp;
let dept: { code: string; uscc: string };
let admin: SessionHeaders;
let clerk: SessionHeaders;
const uscc = newUscc();
const personId = newCitizenId();

interface ArchiveBody {
  subject: Record<string, unknown>;
  categories: { code: string; disclosure: string; records: Record<string, unknown>[] }[];
  scope: { classes: string[]; publicOnly: boolean; notice: string | null };
}

const get = async (code: string, cookie?: SessionHeaders, purpose?: string) => {
  const res = await t.app.inject({
    url: `/api/v1/subjects/${code}/archive`,
    headers: { ...(cookie ?? {}), ...(purpose ? { 'x-purpose': encodeURIComponent(purpose) } : {}) },
  });
  expect(res.statusCode).toBe(200);
  return { body: json<ArchiveBody>(res), raw: res.body };
};
const codes = (b: ArchiveBody) => b.categories.map((c) => `${c.code}:${c.records.length}`).sort();

beforeAll(async () => {
  t = await createTestApp();
  dept = await makeDepartment(t);
  admin = await t.loginAs('admin');
  clerk = await t.loginAs('department', 'SCJGJ');
  const file = (category: string, fields: Record<string, string>) =>
    t.app.inject({ method: 'POST', url: '/api/v1/records', payload: { department: 'SCJGJ', category, fields }, headers: admin }).then((r) => {
      if (r.statusCode !== 201) throw new Error(r.body);
      return json(r).id as number;
    });
  const name = '南通市公开测试有限公司';
  await file('penalty', penaltyRow({ uscc, name, wsh: 'P-in-window', dept }));
  // ordinary class: published for 12 months from its decision, so no longer public today
  await file('penalty', penaltyRow({ uscc, name, wsh: 'P-expired', dept, overrides: { CF_JDRQ: OLD_DECIDED, CF_YXQ: monthsAfter(OLD_DECIDED, 12) } }));
  const revoked = await file('penalty', penaltyRow({ uscc, name, wsh: 'P-revoked', dept }));
  await t.app.inject({ method: 'POST', url: `/api/v1/records/${revoked}/revoke`, payload: { reason: '撤销' }, headers: admin });
  await file('contract_performance', { ZTMC: name, TYSHXYDM: uscc, XXBH: 'HT-1', HTMC: '供货合同', QDRQ: addDays(TEST_TODAY, -324), LXZT: '违约' });
  await file('tax_arrears', { ZTMC: name, TYSHXYDM: uscc, XXBH: 'QS-1', SZ: '增值税', QSJE: '12.5', RDRQ: addDays(TEST_TODAY, -297), ZGSWJG: '市税务局' });
  await file('penalty', {
    ...penaltyRow({ uscc: '', name: '王小明', wsh: 'P-person', dept }),
    CF_XDR_LB: '自然人', CF_XDR_SHXYM: '', CF_FRDB: '', CF_XDR_ZJLX: '身份证', CF_XDR_ZJHM: personId,
  });
  await file('court_judgment', { ZTMC: '王小明', ZJHM: personId, XXBH: '(2026)苏06执1号', AH: '(2026)苏06执1号', ZXFY: '南通市中级人民法院', LARQ: addDays(TEST_TODAY, -238) });
});
afterAll(() => t.close());

describe('archive disclosure', () => {
  it('shows the anonymous public only public records inside their window, never revoked ones', async () => {
    const { body } = await get(uscc);
    expect(codes(body)).toEqual(['penalty:1']);
    const decided = penaltyRow({ uscc, name: '', wsh: '', dept }).CF_JDRQ;
    expect(body.categories[0]!.records[0]).toMatchObject({ sourceKey: 'P-in-window', CF_WSH: 'P-in-window', state: 'active', publishFrom: decided });
    expect(body.scope).toMatchObject({ classes: ['public'], publicOnly: true });
  });

  it('gives staff without a purpose only the public view, with a notice', async () => {
    const { body } = await get(uscc, clerk);
    expect(codes(body)).toEqual(['penalty:1']);
    expect(body.scope.notice).toContain('说明用途');
  });

  it('gives a department with a purpose public + shared (C), outside windows too, but not authorised (B) or revoked', async () => {
    const { body } = await get(uscc, clerk, '行政审批');
    expect(codes(body)).toEqual(['penalty:2', 'tax_arrears:1']);
  });

  it('gives the credit center every class including revoked records', async () => {
    const { body } = await get(uscc, admin, '信用核查');
    expect(codes(body)).toEqual(['contract_performance:1', 'penalty:3', 'tax_arrears:1']);
    expect(body.categories.find((c) => c.code === 'penalty')!.records.map((r) => r.state).sort()).toEqual(['active', 'active', 'revoked']);
  });

  it('audit-logs each non-public read with actor, purpose and categories, and not the public ones', async () => {
    const before = Number((await t.db.pool.query('select count(*) from audit_log where action = $1', ['archive_read'])).rows[0].count);
    await get(uscc);
    await get(uscc, clerk, '政府采购');
    const rows = (await t.db.pool.query('select actor_kind, actor_name, purpose, categories, subject_id from audit_log where action = $1 order by seq', ['archive_read'])).rows;
    expect(rows.length).toBe(before + 1);
    expect(rows.at(-1)).toMatchObject({ actor_kind: 'department', purpose: '政府采购', categories: ['penalty', 'tax_arrears'] });
  });

  it('hides a natural person from the public and masks the ID number for staff', async () => {
    // The public cannot look a person up by ID number at all: the same 404 as for a number no one has.
    expect((await t.app.inject({ url: `/api/v1/subjects/${personId}/archive` })).statusCode).toBe(404);
    const staff = await get(personId, admin, '信用核查');
    expect(staff.body.subject).toMatchObject({ kind: 'natural_person', idNumberMasked: `${personId.slice(0, 4)}**********${personId.slice(14)}` });
    expect(codes(staff.body)).toEqual(['court_judgment:1', 'penalty:1']);
    expect(staff.raw).not.toContain(personId);
    expect(staff.body.categories.find((c) => c.code === 'penalty')!.records[0]!.CF_XDR_ZJHM).toMatch(/^\d{4}\*{10}\d{3}[\dX]$/);
    const stored = (await t.db.pool.query("select field, value_cipher from record_personal where field = 'CF_XDR_ZJHM'")).rows;
    expect(stored.map((r) => t.db.pd.decrypt(r.value_cipher))).toEqual([personId]);
  });

  it('never stores the plain ID number', async () => {
    for (const table of ['subject', 'record', 'record_version', 'audit_log', 'subject_link']) {
      const r = await t.db.pool.query(`select count(*) from ${table} t where t::text like $1`, [`%${personId}%`]);
      expect(Number(r.rows[0].count), table).toBe(0);
    }
  });

  it('answers a malformed code with 400 naming the position and an unknown one with 404', async () => {
    const bad = uscc.slice(0, 17) + (uscc[17] === '0' ? '1' : '0');
    const res = await t.app.inject({ url: `/api/v1/subjects/${bad}/archive` });
    expect(res.statusCode).toBe(400);
    expect(json(res)).toMatchObject({ error: { code: 'invalid_code', details: [{ field: 'code', position: 18 }] } });
    const unknown = await t.app.inject({ url: `/api/v1/subjects/${newUscc()}/archive` });
    expect(unknown.statusCode).toBe(404);
  });
});
