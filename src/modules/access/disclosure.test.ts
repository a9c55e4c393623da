import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type SessionHeaders, type TestApp } from '../../../test/helpers/app.js';
import { addDays, at, daysFromNow, monthOf, monthsAfter, TEST_TODAY } from '../../../test/helpers/clock.js';
import { makeDepartment, newUscc, penaltyRow } from '../../../test/helpers/factories.js';

// Issue 5's proof: the same subject read by the public, a department, a lender with and without
// the subject's grant, the subject itself and the credit center; each sees exactly its classes.

let t: TestApp;
let admin: SessionHeaders;
let clerk: SessionHeaders;
let lender: SessionHeaders;
let owner: SessionHeaders;
const uscc = newUscc();

type Archive = { categories: { code: string }[]; scope: { notice: string | null } };
const read = async (headers: Record<string, string> = {}, purpose?: string) => {
  const res = await t.app.inject({ url: `/api/v1/subjects/${uscc}/archive`, headers: { ...headers, ...(purpose ? { 'x-purpose': encodeURIComponent(purpose) } : {}) } });
  expect(res.statusCode, res.body).toBe(200);
  return json<Archive>(res);
};
const seen = (a: Archive) => a.categories.map((c) => c.code).sort();
const audits = async () => Number((await t.db.pool.query("select count(*) from audit_log where action = 'archive_read'")).rows[0].count);

beforeAll(async () => {
  t = await createTestApp();
  const dept = await makeDepartment(t);
  admin = await t.loginAs('admin');
  clerk = await t.loginAs('department', 'SCJGJ');
  lender = await t.loginAs('lender');
  const file = async (category: string, fields: Record<string, string>) => {
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/records', headers: admin, payload: { department: 'SCJGJ', category, fields } });
    expect(r.statusCode, r.body).toBe(201);
  };
  const name = '南通授权测试有限公司';
  await file('penalty', penaltyRow({ uscc, name, wsh: 'A-1', dept }));
  await file('contract_performance', { ZTMC: name, TYSHXYDM: uscc, XXBH: 'B-1', HTMC: '供货合同', QDRQ: addDays(TEST_TODAY, -324), LXZT: '正常履行' });
  await file('social_insurance', { ZTMC: name, TYSHXYDM: uscc, XXBH: 'B-2', SSQ: monthOf(monthsAfter(TEST_TODAY, -2)).from, JFZT: '正常缴纳' });
  await file('tax_arrears', { ZTMC: name, TYSHXYDM: uscc, XXBH: 'C-1', SZ: '增值税', QSJE: '1.5', RDRQ: addDays(TEST_TODAY, -297), ZGSWJG: '市税务局' });
  const subjectId = json<{ id: number }>(await t.app.inject({ url: `/api/v1/subjects/${uscc}` })).id;
  owner = await t.loginAs('subject', undefined, subjectId);
});
afterAll(() => t.close());

describe('who sees what', () => {
  it('public: A only', async () => {
    expect(seen(await read())).toEqual(['penalty']);
  });

  it('department with a purpose: A + C, one audit entry', async () => {
    const before = await audits();
    expect(seen(await read(clerk, '行政审批'))).toEqual(['penalty', 'tax_arrears']);
    expect(await audits()).toBe(before + 1);
  });

  it('lets the admin find the audit entries of a subject by its USCC or its id, and refuses others', async () => {
    await read(clerk, '行政审批');
    type Audit = { items: { subjectId: number | null; action: string; purpose: string | null }[]; total: number };
    const byCode = json<Audit>(await t.app.inject({ url: `/api/v1/audit?subject=${uscc}`, headers: admin }));
    expect(byCode.total).toBeGreaterThan(0);
    expect(byCode.items.some((e) => e.action === 'archive_read' && e.purpose === '行政审批')).toBe(true);
    const id = byCode.items[0]!.subjectId!;
    expect(byCode.items.every((e) => e.subjectId === id)).toBe(true);
    expect(json<Audit>(await t.app.inject({ url: `/api/v1/audit?subject=${id}`, headers: admin })).total).toBe(byCode.total);
    expect((await t.app.inject({ url: `/api/v1/audit?subject=${newUscc()}`, headers: admin })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/v1/audit?subject=${uscc}`, headers: clerk })).statusCode).toBe(403);
  });

  it('lender without a grant: A only, told why, nothing audited', async () => {
    const before = await audits();
    const a = await read(lender, '贷款审查');
    expect(seen(a)).toEqual(['penalty']);
    expect(a.scope.notice).toContain('未获该主体授权');
    expect(await audits()).toBe(before);
  });

  it('lender with the subject\'s grant: A + the granted B categories; revoking the grant takes effect at once', async () => {
    const g = await t.app.inject({ method: 'POST', url: '/api/v1/grants', headers: owner, payload: { grantee: (await lenderName()), scope: ['contract_performance'], purpose: '贷款审查', expiresAt: at(monthsAfter(TEST_TODAY, 5), '00:00') } });
    expect(g.statusCode, g.body).toBe(201);
    const before = await audits();
    expect(seen(await read(lender, '贷款审查'))).toEqual(['contract_performance', 'penalty']);
    expect(await audits()).toBe(before + 1);
    const revoke = await t.app.inject({ method: 'DELETE', url: `/api/v1/grants/${json(g).id}`, headers: owner });
    expect(revoke.statusCode).toBe(200);
    expect(seen(await read(lender, '贷款审查'))).toEqual(['penalty']);
  });

  it('the subject itself: A + all its B, never C; and it sees who read its data', async () => {
    expect(seen(await read(owner))).toEqual(['contract_performance', 'penalty', 'social_insurance']);
    const log = json<{ items: { actorKind: string; purpose: string }[] }>(await t.app.inject({ url: '/api/v1/me/access-log', headers: owner }));
    expect(log.items.map((i) => `${i.actorKind}:${i.purpose}`)).toEqual(expect.arrayContaining(['department:行政审批', 'lender:贷款审查']));
    expect((await t.app.inject({ url: '/api/v1/me/access-log', headers: clerk })).statusCode).toBe(403);
  });

  it('the credit center: A + B + C', async () => {
    expect(seen(await read(admin, '信用核查'))).toEqual(['contract_performance', 'penalty', 'social_insurance', 'tax_arrears']);
  });

  it('refuses grants to anyone but lenders and departments, and expired or missing purposes', async () => {
    const nextMonth = monthsAfter(TEST_TODAY, 1);
    const toOperator = await t.app.inject({ method: 'POST', url: '/api/v1/grants', headers: owner, payload: { grantee: 'admin1', purpose: 'x', expiresAt: nextMonth } });
    expect([400, 404]).toContain(toOperator.statusCode);
    // A date alone is valid through that day: a grant until yesterday ended at today's midnight.
    const past = await t.app.inject({ method: 'POST', url: '/api/v1/grants', headers: owner, payload: { grantee: 'SCJGJ', purpose: '审批', expiresAt: addDays(TEST_TODAY, -1) } });
    expect(json(past)).toMatchObject({ error: { details: [{ field: 'expiresAt' }] } });
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/grants', headers: lender, payload: { grantee: 'SCJGJ', purpose: 'x', expiresAt: nextMonth } })).statusCode).toBe(403);
  });
});

async function lenderName(): Promise<string> {
  return json<{ username: string }>(await t.app.inject({ url: '/api/v1/auth/me', headers: lender })).username;
}

describe('API keys', () => {
  it('are shown once, scoped, attributed in the ledger, and refused immediately once revoked', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/keys', headers: admin, payload: { department: 'SCJGJ', scopes: ['records:write', 'archive:read'], expiresAt: daysFromNow(401, '08:00') } });
    expect(created.statusCode, created.body).toBe(201);
    const { id, key } = json<{ id: number; key: string }>(created);
    const bearer = { authorization: `Bearer ${key}` };
    expect(JSON.stringify(json(await t.app.inject({ url: '/api/v1/keys', headers: admin })))).not.toContain(key);
    const rec = await t.app.inject({ method: 'POST', url: '/api/v1/records', headers: bearer, payload: { department: 'SCJGJ', category: 'penalty', fields: penaltyRow({ uscc: newUscc(), name: '密钥报送有限公司', wsh: 'K-1', dept: { uscc: newUscc('1', '1') } }) } });
    expect(rec.statusCode, rec.body).toBe(201);
    const versions = json<{ items: { actorKind: string; actorId: string }[] }>(await t.app.inject({ url: `/api/v1/records/${json(rec).id}/versions`, headers: admin }));
    expect(versions.items[0]).toMatchObject({ actorKind: 'department', actorId: `key:${id}` });
    expect(seen(json<Archive>(await t.app.inject({ url: `/api/v1/subjects/${uscc}/archive`, headers: { ...bearer, 'x-purpose': 'audit' } })))).toEqual(['penalty', 'tax_arrears']);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/keys/${id}`, headers: admin })).statusCode).toBe(200);
    const refused = await t.app.inject({ url: '/api/v1/auth/me', headers: bearer });
    expect(refused.statusCode).toBe(401);
    expect(json(refused)).toMatchObject({ error: { message: 'API 密钥已被吊销' } });
  });

  it('without the scope cannot write; an unknown key is refused', async () => {
    const { key } = json<{ key: string }>(await t.app.inject({ method: 'POST', url: '/api/v1/keys', headers: admin, payload: { department: 'SCJGJ', scopes: ['archive:read'] } }));
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/records', headers: { authorization: `Bearer ${key}` }, payload: { department: 'SCJGJ', category: 'penalty', fields: {} } });
    expect(res.statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { authorization: 'Bearer xy_000000000000_forgedforgedforgedforged' } })).statusCode).toBe(401);
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/keys', headers: admin, payload: { department: 'SCJGJ', scopes: ['everything'] } });
    expect(json(bad)).toMatchObject({ error: { details: [{ field: 'scopes' }] } });
  });
});

describe('hardening', () => {
  it('sends security headers and refuses oversized bodies', async () => {
    const res = await t.app.inject({ url: '/api/v1/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    const huge = await t.app.inject({ method: 'POST', url: '/api/v1/records', headers: { ...admin, 'content-type': 'application/json' }, payload: `{"x":"${'a'.repeat(11 * 1024 * 1024)}"}` });
    expect(huge.statusCode).toBe(413);
  });

  it('rate-limits anonymous searches but not signed-in staff', async () => {
    const limited = await createTestApp(undefined, { env: { RATE_LIMIT_PUBLIC: '5' } });
    try {
      const codes = [];
      for (let i = 0; i < 6; i += 1) codes.push((await limited.app.inject({ url: '/api/v1/subjects?q=abc' })).statusCode);
      expect(codes).toEqual([200, 200, 200, 200, 200, 429]);
      const staff = await limited.loginAs('operator');
      expect((await limited.app.inject({ url: '/api/v1/subjects?q=abc', headers: staff })).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('xinyong verify-audit exits 1 naming the tampered row', async () => {
    const cli = () => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'verify-audit'], {
      cwd: path.resolve(import.meta.dirname, '../../..'), encoding: 'utf8', timeout: 60_000,
      env: { ...process.env, DATABASE_URL: t.db.url, DATA_DIR: '/tmp/xinyong-test-unused', XINYONG_HMAC_KEY: '07'.repeat(32), XINYONG_ENCRYPTION_KEY: '09'.repeat(32) },
    });
    expect(cli().stdout).toMatch(/audit log intact: \d+ entries/);
    const seq = Number((await t.db.pool.query("select min(seq) as s from audit_log where action = 'archive_read'")).rows[0].s);
    await t.db.pool.query("update audit_log set purpose = '随便看看' where seq = $1", [seq]);
    const r = cli();
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`audit log BROKEN at seq ${seq}: hash_mismatch`);
  });
});
