import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../src/lib/canonical-json.js';
import { appendAudit, verifyAudit } from '../src/modules/access/audit.js';
import { verifyLedger } from '../src/modules/records/ledger.js';
import { createTestApp, json, type SessionHeaders, type TestApp } from './helpers/app.js';
import { makeDepartment, newUscc, penaltyRow } from './helpers/factories.js';

// Any sequence of UTF-16 code units: lone surrogates, NUL and other controls included.
const units = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 24 }).map((a) => String.fromCharCode(...a));
const anyText = fc.oneof(units, fc.string({ unit: 'binary', maxLength: 24 }), fc.constantFrom('a\ud800b', '\udc00', 'x\u0000y', '\ud83d\ude00', ''));

let t: TestApp;
let admin: SessionHeaders;
let clerk: SessionHeaders;
let dept: { code: string; uscc: string };

beforeAll(async () => {
  t = await createTestApp();
  dept = await makeDepartment(t);
  admin = await t.loginAs('admin');
  clerk = await t.loginAs('department', dept.code);
});
afterAll(async () => t?.close());

const submit = (records: Record<string, string>[]) =>
  t.app.inject({ method: 'POST', url: '/api/v1/submissions', payload: { department: dept.code, category: 'penalty', records }, headers: clerk });

describe('hash chains over hostile text', () => {
  it('hashes text exactly as PostgreSQL stores it (property: store, read back, same canonical JSON)', async () => {
    await t.db.pool.query('create table text_roundtrip (id serial primary key, t text)');
    await fc.assert(fc.asyncProperty(anyText.filter((s) => !s.includes('\u0000')), async (s) => {
      const back = (await t.db.pool.query<{ t: string }>('insert into text_roundtrip (t) values ($1) returning t', [s])).rows[0]!.t;
      expect(canonicalJson({ s: back })).toBe(canonicalJson({ s }));
    }), { numRuns: 300 });
  });

  it('keeps the audit chain intact whatever text an entry carries (property: append, then verify)', async () => {
    await fc.assert(fc.asyncProperty(anyText, anyText, anyText, async (name, purpose, note) => {
      await appendAudit(t.db.pool, { actor: { kind: 'anonymous', id: null, name }, action: 'login_failed', purpose, ip: '127.0.0.1', details: { note, [name]: purpose } });
      expect((await verifyAudit(t.db.pool)).broken).toBeNull();
    }), { numRuns: 150 });
  });

  it('refuses a login name with a lone surrogate or NUL as a 400 naming the field, writing nothing to the audit log', async () => {
    const before = Number((await t.db.pool.query('select count(*) as n from audit_log')).rows[0].n);
    for (const username of ['a\ud800b', 'a\u0000b']) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: 'whatever12' } });
      expect(res.statusCode).toBe(400);
      expect(json<{ error: { code: string; details: { field: string }[] } }>(res).error).toMatchObject({ code: 'invalid_text', details: [{ field: 'body.username' }] });
    }
    expect(Number((await t.db.pool.query('select count(*) as n from audit_log')).rows[0].n)).toBe(before);
    expect((await verifyAudit(t.db.pool)).broken).toBeNull();
  });

  it('answers any login name with 400 or 401 and the audit chain verifies after each (property)', async () => {
    await fc.assert(fc.asyncProperty(anyText, async (username) => {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: 'not the password' } });
      expect([400, 401]).toContain(res.statusCode);
    }), { numRuns: 40 });
    expect((await verifyAudit(t.db.pool)).broken).toBeNull();
  });

  it('keeps the record ledger intact whatever a revoke reason says (property)', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => penaltyRow({ uscc: newUscc(), name: `反例测试${i}有限公司`, wsh: `罚〔反例〕${i}号`, dept }));
    expect((await submit(rows)).statusCode).toBe(201);
    const ids = (await t.db.pool.query<{ id: string }>(`select id from record where source_key like '罚〔反例〕%' order by id`)).rows.map((r) => Number(r.id));
    let next = 0;
    await fc.assert(fc.asyncProperty(anyText, async (reason) => {
      const id = ids[next % ids.length]!;
      next += 1;
      const res = await t.app.inject({ method: 'POST', url: `/api/v1/records/${id}/revoke`, payload: { reason: `撤销：${reason}` }, headers: admin });
      expect(res.statusCode).toBeLessThan(500);
    }), { numRuns: 30 });
    const report = await verifyLedger(t.db.pool);
    expect(report.broken).toBeNull();
    expect(report.outOfLedger).toEqual([]);
  });
});

describe('a collection batch with hostile text', () => {
  it('rejects only the bad rows, naming row and field, and keeps the others', async () => {
    const row = (i: number, overrides: Record<string, string> = {}) => penaltyRow({ uscc: newUscc(), name: `批次测试${i}有限公司`, wsh: `罚〔批次〕${i}号`, dept, overrides });
    const res = await submit([row(1), row(2, { CF_WFXW: '未按规定\u0000公示' }), row(3), row(4, { CF_XDR_MC: '某\ud800公司' })]);
    expect(res.statusCode, res.body).toBe(201);
    const body = json<{ counts: { created: number; rejected: number }; errors: { row: number; field: string; message: string }[] }>(res);
    expect(body.counts).toMatchObject({ created: 2, rejected: 2 });
    expect(body.errors.map((e) => [e.row, e.field])).toEqual([[2, 'CF_WFXW'], [4, 'CF_XDR_MC']]);
    expect(body.errors[0]!.message).toMatch(/空字符/);
    expect(body.errors[1]!.message).toMatch(/残缺的 Unicode 字符/);
    const stored = (await t.db.pool.query(`select source_key from record where source_key like '罚〔批次〕%' order by source_key`)).rows.map((r) => r.source_key);
    expect(stored).toEqual(['罚〔批次〕1号', '罚〔批次〕3号']);
    expect((await verifyLedger(t.db.pool)).broken).toBeNull();
  });

  it('refuses a batch whose field name carries NUL as an unknown column, naming it', async () => {
    const res = await submit([penaltyRow({ uscc: newUscc(), name: '列名测试有限公司', wsh: '罚〔列名〕1号', dept, overrides: { 'CF_\u0000X': '1' } })]);
    expect(res.statusCode).toBe(400);
    expect(json<{ error: { code: string; details: { field: string }[] } }>(res).error).toMatchObject({ code: 'unknown_columns', details: [{ field: 'CF_\u0000X' }] });
  });
});

describe('bad input is a 4xx, never a 5xx', () => {
  const cases: [string, () => Promise<{ statusCode: number; body: string }>, string][] = [
    ['NUL in a department name', () => t.app.inject({ method: 'POST', url: '/api/v1/departments', payload: { code: 'XX', name: 'a\u0000b', uscc: newUscc('1', '1'), region: '320600' }, headers: admin }), 'invalid_text'],
    ['an id beyond the integer range', () => t.app.inject({ method: 'DELETE', url: '/api/v1/grants/99999999999999999999', headers: admin }), 'validation_failed'],
    ['a page beyond the integer range', () => t.app.inject({ url: '/api/v1/publicity?type=penalty&page=99999999999999999999' }), 'validation_failed'],
    ['1e309 as an id', () => t.app.inject({ url: '/api/v1/records/1e309/versions', headers: admin }), 'invalid_text'],
    ['an impossible date in a query', () => t.app.inject({ url: '/api/v1/publicity?type=penalty&from=2026-13-45' }), 'validation_failed'],
    ['NUL in a query', () => t.app.inject({ url: '/api/v1/subjects?q=%00' }), 'invalid_text'],
    ['NUL in a path parameter', () => t.app.inject({ url: '/api/v1/subjects/%00/archive' }), 'invalid_text'],
    ['a JSON body sent as text/plain', () => t.app.inject({ method: 'POST', url: '/api/v1/departments', payload: JSON.stringify({ code: 'YY', name: 'y', uscc: newUscc('1', '1'), region: '320600' }), headers: { ...admin, 'content-type': 'text/plain' } }), 'unsupported_media_type'],
    ['1e400 as a JSON number', () => t.app.inject({ method: 'POST', url: '/api/v1/departments', payload: '{"code":"ZZ","name":"z","uscc":"x","region":"320600","n":1e400}', headers: { ...admin, 'content-type': 'application/json' } }), ''],
  ];
  for (const [what, call, code] of cases) {
    it(what, async () => {
      const res = await call();
      expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, res.body).toBeLessThan(500);
      if (code) expect(JSON.parse(res.body).error.code).toBe(code);
    });
  }

  it('counts nothing stored from a refused request', async () => {
    expect((await t.db.pool.query(`select count(*)::int as n from department where code in ('XX', 'YY', 'ZZ')`)).rows[0].n).toBe(0);
  });
});
