import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type SessionHeaders, type TestApp } from '../../../test/helpers/app.js';
import { TEST_TODAY, yearOf } from '../../../test/helpers/clock.js';
import type { TestDatabase } from '../../../test/helpers/db.js';
import { newCitizenId, newUscc, penaltyRow } from '../../../test/helpers/factories.js';
import type { App } from '../../app.js';
import { KEY_ROUTES, keyScopesFor } from './key-scope-hook.js';
import { PDF } from '../rules/test-app.js';
import { addDepartment } from './service.js';
import { SCOPES, systemViewer, type Scope } from './viewer.js';

// Every route a department system can reach with an API key checks the key's scope: a key with one
// scope walks every operation of the OpenAPI document, with real ids from the fixtures, and every
// route outside that scope answers 403 (never 200). The app is the real one, central hook and all.

type Schema = { type?: string | string[]; enum?: unknown[]; const?: unknown; format?: string; minimum?: number; anyOf?: Schema[] };
type Parameter = { in: 'path' | 'query' | 'header'; name: string; required?: boolean; schema?: Schema };
type Operation = { parameters?: Parameter[]; requestBody?: unknown };
type Reply = Awaited<ReturnType<App['inject']>>;

let t: TestApp;
let db: TestDatabase;
let app: App;
let admin: SessionHeaders;
const uscc = newUscc();
const ids: Record<string, string> = {};

async function ok(res: Reply | Promise<Reply>): Promise<Record<string, unknown>> {
  const r = await res;
  expect(r.statusCode, r.body).toBeLessThan(300);
  return json(r);
}

const post = (url: string, payload: object, headers: Record<string, string>) => app.inject({ method: 'POST', url: `/api/v1${url}`, payload, headers });

async function keyWith(scopes: Scope[]): Promise<Record<string, string>> {
  const k = await ok(post('/keys', { department: 'SCJGJ', scopes }, admin));
  return { authorization: `Bearer ${k.key as string}` };
}

beforeAll(async () => {
  t = await createTestApp();
  ({ db, app } = t);
  const dept = { uscc: newUscc('1', '1') };
  await addDepartment(db.pool, systemViewer, { code: 'SCJGJ', name: '市市场监督管理局', uscc: dept.uscc, region: '320600' });
  admin = await t.loginAs('admin');
  const name = '南通密钥范围测试有限公司';
  const record = async (wsh: string) => ok(post('/records', { department: 'SCJGJ', category: 'penalty', fields: penaltyRow({ uscc, name, wsh, dept }) }, admin));
  const forRepair = await record('KS-1');
  const forObjection = await record('KS-2');
  ids.record = String(forRepair.id);
  const subject = await t.loginAs('subject', undefined, forRepair.subjectId as number);
  const materials = ['commitment_letter', 'performance_proof', 'identity_proof'].map((code) => ({ code, file: PDF(`${code}.pdf`) }));
  const repair = await ok(post('/repairs', { record: forRepair.id, statement: '已整改', materials }, subject));
  ids.repair = String(repair.id);
  ids.repairFile = String((await ok(app.inject({ url: `/api/v1/repairs/${ids.repair}`, headers: admin })) as { files: { id: number }[] }).files[0]!.id);
  const objection = await ok(post('/objections', { record: forObjection.id, grounds: 'wrong', reason: '记录有误', evidence: [PDF('证明.pdf')] }, subject));
  ids.objection = String(objection.id);
  ids.trackingNo = objection.trackingNo as string;
  ids.objectionFile = String((await ok(app.inject({ url: `/api/v1/objections/${ids.objection}`, headers: admin })) as { files: { id: number }[] }).files[0]!.id);
  await ok(post('/commitment-items', { code: 'KS-ITEM', name: '密钥测试承诺', type: 'voluntary', department: 'SCJGJ', templateText: '{主体名称}承诺：{承诺事由}' }, admin));
  ids.commitment = String((await ok(post('/commitments', { item: 'KS-ITEM', matter: '依法经营' }, subject))).id);
  ids.entry = String((await ok(post('/lists/focus_watch/entries', { subject: uscc, basisRecords: [forRepair.id], reason: '存在失信行为' }, admin))).id);
  ids.submission = String((await ok(post('/submissions', { department: 'SCJGJ', category: 'penalty', records: [penaltyRow({ uscc, name, wsh: 'KS-3', dept })] }, admin))).id);
  const clerk = await keyWith(['reviews:write']);
  ids.review = String((await ok(post('/reviews', { scenario: 'procurement', parties: [{ code: uscc }] }, clerk))).id);
  const report = await ok(post('/reports', { subject: uscc, kind: 'public' }, { ...admin, 'x-purpose': 'test' }));
  ids.report = report.number as string;
  ids.verifyCode = report.verifyCode as string;
  ids.grant = '1';
  ids.key = String((await ok(post('/keys', { department: 'SCJGJ', scopes: ['archive:read'] }, admin))).id);
}, 180_000);
afterAll(() => t?.close());

/** A real value for each path parameter, so a route outside the scope would otherwise answer 200. */
function pathValue(path: string, name: string): string {
  const byPath: [RegExp, string][] = [
    [/\/repairs\/\{id\}/, ids.repair!], [/\/objections\/\{id\}/, ids.objection!], [/\/commitments\/\{id\}/, ids.commitment!],
    [/\/records\/\{id\}/, ids.record!], [/\/list-entries\/\{id\}/, ids.entry!], [/\/submissions\/\{id\}/, ids.submission!],
    [/\/reviews\/\{id\}/, ids.review!], [/\/keys\/\{id\}/, ids.key!], [/\/grants\/\{id\}/, ids.grant!],
  ];
  if (name === 'id') return byPath.find(([re]) => re.test(path))?.[1] ?? '1';
  if (name === 'fileId') return path.startsWith('/api/v1/repairs') ? ids.repairFile! : ids.objectionFile!;
  const named: Record<string, string> = {
    code: path.startsWith('/api/v1/subjects') ? uscc : path.startsWith('/api/v1/catalog') ? 'penalty' : path.startsWith('/api/v1/lists') ? 'focus_watch' : path.startsWith('/api/v1/rules') ? 'objection' : 'x',
    trackingNo: ids.trackingNo!, number: ids.report!, department: 'SCJGJ', date: TEST_TODAY, year: String(yearOf(TEST_TODAY)), ref: 'enterprise', hitId: '1',
  };
  return named[name] ?? 'x';
}

function queryValue(p: Parameter): string | null {
  if (p.name === 'code' && p.schema?.type === 'string') return ids.verifyCode!;
  if (!p.required) return null;
  const s = p.schema ?? {};
  if (s.enum?.length) return String(s.enum[0]);
  if (s.format === 'date') return TEST_TODAY;
  if (s.type === 'integer' || s.type === 'number') return String(Math.max(s.minimum ?? 1, 1));
  return p.name === 'q' ? uscc : 'x';
}

function urlOf(path: string, op: Operation): string {
  let url = path;
  const query: string[] = [];
  for (const p of op.parameters ?? []) {
    if (p.in === 'path') url = url.replace(`{${p.name}}`, encodeURIComponent(pathValue(path, p.name)));
    else if (p.in === 'query') {
      const v = queryValue(p);
      if (v !== null) query.push(`${p.name}=${encodeURIComponent(v)}`);
    }
  }
  return query.length ? `${url}?${query.join('&')}` : url;
}

const scopeRefusal = (res: Reply) => res.statusCode === 403 && /"field":"scope"/.test(res.body);
const operations = () => Object.entries((app.swagger() as { paths: Record<string, Record<string, Operation>> }).paths)
  .flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method: method.toUpperCase(), op })));
const registered = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

describe('API key scopes', () => {
  it('lists only routes that exist', () => {
    const known = new Set(operations().map((o) => `${o.method} ${registered(o.path)}`));
    expect(Object.keys(KEY_ROUTES).filter((r) => !known.has(r))).toEqual([]);
  });

  for (const scope of SCOPES) {
    it(`a key with only ${scope} is refused on every route outside it, and never by scope inside it`, async () => {
      const bearer = await keyWith([scope]);
      const outside: string[] = [];
      const leaks: string[] = [];
      const wronglyRefused: string[] = [];
      for (const { path, method, op } of operations()) {
        const url = urlOf(path, op);
        const res = await app.inject({
          method: method as 'GET', url, headers: { ...bearer, 'x-purpose': 'scope test', ...(op.requestBody ? { 'content-type': 'application/json' } : {}) },
          ...(op.requestBody ? { payload: '{}' } : {}),
        });
        expect(res.statusCode, `${method} ${url}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
        const admits = keyScopesFor(method, registered(path))?.includes(scope) ?? false;
        if (!admits) {
          outside.push(`${method} ${path}`);
          if (!scopeRefusal(res)) leaks.push(`${method} ${url} → ${res.statusCode} ${res.body.slice(0, 120)}`);
        } else if (scopeRefusal(res)) {
          wronglyRefused.push(`${method} ${url}: ${res.body.slice(0, 160)}`);
        }
      }
      expect(outside.length).toBeGreaterThan(40);
      expect(leaks).toEqual([]);
      expect(wronglyRefused).toEqual([]);
    }, 120_000);
  }

  it('keeps a department\'s repair and objection case files from a key without archive:read', async () => {
    const writer = await keyWith(['records:write']);
    const reader = await keyWith(['archive:read']);
    const caseFiles = [
      `/api/v1/repairs/${ids.repair}`, `/api/v1/repairs/${ids.repair}/files/${ids.repairFile}`, '/api/v1/repairs',
      `/api/v1/objections/${ids.objection}`, `/api/v1/objections/${ids.objection}/files/${ids.objectionFile}`, '/api/v1/objections',
      `/api/v1/commitments/${ids.commitment}`, '/api/v1/commitments', `/api/v1/repairs/eligibility?record=${ids.record}`,
    ];
    for (const url of caseFiles) {
      const refused = await app.inject({ url, headers: writer });
      expect(refused.statusCode, url).toBe(403);
      expect(json(refused)).toMatchObject({ error: { code: 'forbidden', details: [{ field: 'scope' }] } });
      expect((await app.inject({ url, headers: reader })).statusCode, url).toBe(200);
    }
  });

  it('lets a key without archive:read find no natural person: the same refusal for any code', async () => {
    const person = newCitizenId();
    await ok(post('/subjects', { idNumber: person, name: '岳飞鹏' }, admin));
    const writer = await keyWith(['records:write']);
    const reader = await keyWith(['archive:read']);
    const nobody = newCitizenId();
    const refusedPerson = await app.inject({ url: `/api/v1/subjects/${person}`, headers: writer });
    const refusedNobody = await app.inject({ url: `/api/v1/subjects/${nobody}`, headers: writer });
    expect(refusedPerson.statusCode).toBe(403);
    expect(refusedPerson.body).toBe(refusedNobody.body);
    expect((await app.inject({ url: `/api/v1/subjects?q=${encodeURIComponent('岳飞鹏')}`, headers: writer })).statusCode).toBe(403);
    expect((await app.inject({ url: `/api/v1/subjects/${person}`, headers: reader })).statusCode).toBe(200);
    expect(json<{ total: number }>(await app.inject({ url: `/api/v1/subjects?q=${encodeURIComponent('岳飞鹏')}`, headers: reader })).total).toBe(1);
  });
});
