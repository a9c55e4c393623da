import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SessionHeaders, type TestApp } from './helpers/app.js';
import { TEST_TODAY, yearOf } from './helpers/clock.js';
import { makeDepartment, newUscc, penaltyRow } from './helpers/factories.js';

// Walks every operation of the OpenAPI document with hostile values, one field at a time, on the
// real app and database, as an administrator and as a department clerk: any 5xx is a defect.

type Schema = { type?: string | string[]; properties?: Record<string, Schema>; items?: Schema; anyOf?: Schema[]; enum?: unknown[]; const?: unknown; format?: string; minimum?: number; minLength?: number; required?: string[] };
type Parameter = { in: 'path' | 'query' | 'header'; name: string; schema?: Schema };
type Operation = { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> } };

const LONE = '%ED%A0%80'; // a lone surrogate's UTF-8 form, as a URL carries it
const URL_VALUES = ['%00', `a${LONE}b`, 'a%00b', '99999999999999999999', '1e309', '-1', '0', '1.5', '2026-13-45', 'x'.repeat(5000), "'%20or%201%3D1%20--", '..%2F..%2Fetc%2Fpasswd', '%E4%B8%89'];
const BODY_VALUES: unknown[] = ['a\u0000b', 'a\ud800b', '\udfff', '99999999999999999999', '1e309', '2026-13-45', 'x'.repeat(20000), -1, 0, 1.5, 1e20, 1e308, null, true, [], {}, ['a\u0000'], { '\u0000': 1 }];
const RAW_BODIES: { type: string; body: string }[] = [
  { type: 'application/json', body: '{"a":' },
  { type: 'application/json', body: '[]' },
  { type: 'application/json', body: 'null' },
  { type: 'application/json', body: '"x"' },
  { type: 'application/json', body: '{"n":1e400}' },
  { type: 'application/json', body: '{"s":"\\u0000"}' },
  { type: 'application/json', body: '{"s":"\\ud800"}' },
  { type: 'text/plain', body: '{"name":"x"}' },
  { type: 'application/x-www-form-urlencoded', body: 'a=1' },
  { type: 'application/octet-stream', body: '\u0000\u0001\u0002' },
];

let t: TestApp;
// Valid bodies for the main write routes, so a hostile value in one field meets the code behind the
// schema (the service, the database), not only the schema; other routes start from their schema.
let examples: Record<string, unknown> = {};
let uscc: string;
let codes: Record<string, string>;
const failures: string[] = [];
let requests = 0;
const statuses = new Map<number, number>();

function baseValue(s: Schema | undefined): unknown {
  if (!s) return 'x';
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  if (s.anyOf?.length) return baseValue(s.anyOf.find((a) => a.type !== 'null') ?? s.anyOf[0]);
  const type = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  switch (type) {
    case 'integer': case 'number': return Math.max(s.minimum ?? 1, 1);
    case 'boolean': return false;
    case 'array': return [baseValue(s.items)];
    case 'object': return Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, baseValue(v)]));
    default:
      if (s.format === 'date') return TEST_TODAY;
      if (s.format === 'date-time') return new Date().toISOString();
      return 'x'.repeat(Math.max(s.minLength ?? 1, 1));
  }
}

/** A path parameter a handler would find, so hostile values in the other fields reach deep. */
function pathBase(path: string, name: string): string {
  if (name === 'id' || name === 'fileId' || name === 'hitId') return '1';
  if (name === 'date') return TEST_TODAY;
  if (name === 'year') return String(yearOf(TEST_TODAY));
  if (name === 'department') return codes.department!;
  if (name === 'ref') return 'enterprise';
  if (name === 'code') {
    for (const [prefix, code] of Object.entries(codes)) if (path.startsWith(`/api/v1/${prefix}/`)) return code;
  }
  return 'x';
}

async function call(who: string, headers: SessionHeaders | Record<string, string>, method: string, url: string, payload?: { type: string; body: string }): Promise<void> {
  requests += 1;
  const res = await t.app.inject({
    method: method.toUpperCase() as 'GET', url,
    headers: { ...headers, ...(payload ? { 'content-type': payload.type } : {}) },
    ...(payload ? { payload: payload.body } : {}),
  });
  statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
  if (res.statusCode >= 500) failures.push(`${who} ${method.toUpperCase()} ${url.slice(0, 160)} ${payload ? `[${payload.type}] ${payload.body.slice(0, 80)}` : ''} → ${res.statusCode} ${res.body.slice(0, 200)}`);
}

async function walkOperation(who: string, headers: SessionHeaders | Record<string, string>, path: string, method: string, op: Operation): Promise<void> {
  const params = (op.parameters ?? []).filter((p) => p.in === 'path' || p.in === 'query');
  const base = new Map(params.map((p) => [p, p.in === 'path' ? pathBase(path, p.name) : encodeURIComponent(String(baseValue(p.schema)))]));
  const urlWith = (override?: [Parameter, string]) => {
    let url = path;
    const query: string[] = [];
    for (const p of params) {
      const v = override?.[0] === p ? override[1] : base.get(p)!;
      if (p.in === 'path') url = url.replace(`{${p.name}}`, v);
      else query.push(`${p.name}=${v}`);
    }
    return query.length ? `${url}?${query.join('&')}` : url;
  };
  const json = op.requestBody?.content['application/json']?.schema;
  const body = json ? (examples[`${method.toUpperCase()} ${path}`] ?? baseValue(json)) : undefined;
  const jsonPayload = (b: unknown) => (json ? { type: 'application/json', body: JSON.stringify(b) } : undefined);
  for (const p of params) for (const v of URL_VALUES) await call(who, headers, method, urlWith([p, v]), jsonPayload(body));
  if (!json) return;
  const fields = body && typeof body === 'object' && !Array.isArray(body) ? Object.keys(body) : [];
  for (const f of fields) {
    for (const v of BODY_VALUES) await call(who, headers, method, urlWith(), jsonPayload({ ...(body as object), [f]: v }));
  }
  for (const raw of RAW_BODIES) await call(who, headers, method, urlWith(), raw);
}

beforeAll(async () => {
  t = await createTestApp();
  const dept = await makeDepartment(t);
  const clerk = await t.loginAs('department', dept.code);
  uscc = newUscc();
  const rows = [penaltyRow({ uscc, name: '模糊测试有限公司', wsh: '罚〔模糊〕1号', dept })];
  await t.app.inject({ method: 'POST', url: '/api/v1/submissions', payload: { department: dept.code, category: 'penalty', records: rows }, headers: clerk });
  const first = async (sql: string) => String((await t.db.pool.query(sql)).rows[0]?.code ?? 'x');
  codes = {
    subjects: uscc, 'catalog/categories': 'penalty', department: dept.code,
    rules: await first('select code from rule_set order by code limit 1'),
    lists: await first('select code from list order by code limit 1'),
    measures: await first('select code from measure order by code limit 1'),
  };
  const row = penaltyRow({ uscc: newUscc(), name: '模糊测试二有限公司', wsh: '罚〔模糊〕2号', dept });
  examples = {
    'POST /api/v1/departments': { code: 'FUZZ', name: '模糊测试局', uscc: newUscc('1', '1'), region: '320600' },
    'POST /api/v1/users': { username: 'fuzz.user', password: 'correct horse battery', role: 'operator' },
    'POST /api/v1/subjects': { name: '模糊测试三有限公司', uscc: newUscc() },
    'POST /api/v1/records': { department: dept.code, category: 'penalty', fields: row },
    'PUT /api/v1/records/{id}': { fields: row, reason: '更正' },
    'POST /api/v1/records/{id}/revoke': { reason: '撤销' },
    'POST /api/v1/subjects/{code}/rename': { name: '模糊测试新名有限公司' },
    'POST /api/v1/reports': { subject: uscc, kind: 'public' },
    'POST /api/v1/objections': { record: 1, grounds: 'wrong', reason: '信息有误' },
  };
}, 120_000);
afterAll(async () => t?.close());

describe('every route under hostile input', () => {
  it('answers no request with a 5xx (administrator, department clerk, anonymous)', async () => {
    const doc = t.app.swagger() as { paths: Record<string, Record<string, Operation>> };
    const callers: [string, () => Promise<SessionHeaders | Record<string, string>>][] = [
      ['admin', () => t.loginAs('admin')],
      ['clerk', () => t.loginAs('department', codes.department)],
      ['anonymous', async () => ({})],
    ];
    for (const [who, login] of callers) {
      for (const [path, ops] of Object.entries(doc.paths)) {
        for (const [method, op] of Object.entries(ops)) {
          if (path === '/api/v1/auth/logout') continue; // would end the session the walk uses
          // A fresh session per operation: an operation may lock or disable the account it runs as.
          await walkOperation(who, await login(), path, method, op);
        }
      }
    }
    expect(requests).toBeGreaterThan(3000);
    // The walk reaches the services too: hundreds of its requests succeed (valid bases, benign values).
    expect((statuses.get(200) ?? 0) + (statuses.get(201) ?? 0)).toBeGreaterThan(200);
    expect(failures).toEqual([]);
  }, 900_000);
});
