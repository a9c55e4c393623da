import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { addDays, at, monthOf, monthsAfter, TEST_NOW, TEST_TODAY } from '../../../test/helpers/clock.js';
import type { TestDatabase } from '../../../test/helpers/db.js';
import type { App } from '../../app.js';
import { loadDemoCity } from '../../demo/load.js';
import { addDepartment } from '../access/service.js';
import { systemViewer, type Role } from '../access/viewer.js';
import { periodOf } from './service.js';

// The demo city and the list entries below are dated back from the test clock's today.
const TODAY = TEST_TODAY;
const HONOUR_LISTED = addDays(TODAY, -268);
const BLACKLIST_LISTED = addDays(TODAY, -319);
const BLACKLIST_EXITED = addDays(TODAY, -238);
/** The longest period the dashboard answers is 60 months. */
const LONGEST_FROM = monthsAfter(TODAY, -59);
let t: TestApp;
let db: TestDatabase;
let app: App;

/** The session cookie alone: these are GETs, no CSRF token needed. */
const cookieFor = async (role: Role, department?: string): Promise<string> => (await t.loginAs(role, department)).cookie;
const get = async (url: string, cookie?: string) => {
  const res = await app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
  return { status: res.statusCode, body: JSON.parse(res.body) as Record<string, unknown> & { items: Record<string, unknown>[] } };
};

beforeAll(async () => {
  t = await createTestApp(TEST_NOW, { seed: async (seeded) => { await loadDemoCity(seeded.pool, seeded.pd, { subjects: 120, seed: 7, today: TODAY }); } });
  ({ db, app } = t);
  // Two list entries (one exited) and one evaluation run with three results.
  const subjects = (await db.pool.query<{ id: number; uscc: string }>(`select id, uscc from subject where uscc is not null order by id limit 3`)).rows;
  await db.pool.query(
    `insert into list_entry (list_id, subject_id, decided_by, reason, listed_on, state, version, exit_reason, exited_on, created_at)
     select l.id, $1::bigint, '税务部门', '测试', $3::date, 'listed', 1, null, null::date, $6::timestamptz from list l where l.code = 'tax_a_grade'
     union all
     select l.id, $2::bigint, '人民法院', '测试', $4::date, 'exited', 2, 'court', $5::date, $7::timestamptz from list l where l.code = 'court_dishonest_debtor'`,
    [subjects[0]!.id, subjects[1]!.id, HONOUR_LISTED, BLACKLIST_LISTED, BLACKLIST_EXITED, at(HONOUR_LISTED), at(BLACKLIST_LISTED)],
  );
  const model = await db.pool.query<{ id: number }>(`insert into evaluation_model (code, version, name, subject_kinds, definition, created_by) values ('test_model', 1, '测试模型', '{legal_person}', '{}', 'test') returning id`);
  const run = await db.pool.query<{ id: number }>(
    `insert into evaluation_run (model_id, mode, as_of, high_water, status, started_by, started_at) values ($1, 'full', $2, $3, 'completed', 'test', $3) returning id`,
    [model.rows[0]!.id, TODAY, TEST_NOW],
  );
  for (const [i, s] of subjects.entries()) {
    await db.pool.query(`insert into evaluation_result (subject_id, run_id, score, grade, points, raw) values ($1, $2, $3, $4, '{}', '{}')`, [s.id, run.rows[0]!.id, 90 - i * 10, i === 0 ? 'A' : 'B']);
  }
  await addDepartment(db.pool, systemViewer, { code: 'TESTD', name: '测试局' });
});

afterAll(() => t?.close());

describe('dashboard aggregates', () => {
  it('counts records by category and month for the credit center, and only its own for a clerk', async () => {
    const all = await get(`/api/v1/dashboard/records?from=${LONGEST_FROM}&to=${TODAY}`, await cookieFor('operator'));
    expect(all.status).toBe(200);
    const total = all.body.items.reduce((s, r) => s + (r.count as number), 0);
    expect(total).toBeGreaterThan(0);
    expect(all.body.items[0]).toMatchObject({ month: expect.stringMatching(/^\d{4}-\d{2}$/), category: expect.any(String), categoryName: expect.any(String) });
    const clerk = await get(`/api/v1/dashboard/records?from=${LONGEST_FROM}&to=${TODAY}`, await cookieFor('department', 'TESTD'));
    expect(clerk.body.scope).toBe('department');
    expect(clerk.body.items).toEqual([]);
  });

  it('refuses anonymous callers and roles outside the staff', async () => {
    expect((await get('/api/v1/dashboard/districts')).status).toBe(401);
    expect((await get('/api/v1/dashboard/grades', await cookieFor('lender'))).status).toBe(403);
  });

  it('gives grades of the latest run by district and industry, with district names', async () => {
    const r = await get('/api/v1/dashboard/grades', await cookieFor('admin'));
    expect(r.status).toBe(200);
    expect((r.body.runs as unknown[]).length).toBe(1);
    expect(r.body.items.reduce((s, x) => s + (x.count as number), 0)).toBe(3);
    const region = r.body.items[0]!.region as { code: string; name: string };
    expect(region.code).toMatch(/^3206\d\d$/);
    expect(region.name).toMatch(/[区市县]$/);
  });

  it('counts list entries entered and exited per month', async () => {
    const r = await get(`/api/v1/dashboard/list-entries?from=${monthOf(BLACKLIST_LISTED).from}&to=${TODAY}`, await cookieFor('operator'));
    expect(r.body.items).toEqual(expect.arrayContaining([
      { month: monthOf(HONOUR_LISTED).month, kind: 'honour', entered: 1, exited: 0 },
      { month: monthOf(BLACKLIST_LISTED).month, kind: 'blacklist', entered: 1, exited: 0 },
      { month: monthOf(BLACKLIST_EXITED).month, kind: 'blacklist', entered: 0, exited: 1 },
    ]));
  });

  it('sums subjects, records and live list entries per district', async () => {
    const r = await get('/api/v1/dashboard/districts', await cookieFor('operator'));
    expect(r.body.items.reduce((s, x) => s + (x.subjects as number), 0)).toBeGreaterThan(100);
    expect(r.body.items.reduce((s, x) => s + (x.listed as number), 0)).toBe(1);
    expect(r.body.items.every((x) => /^\d{6}$/.test(x.region as string))).toBe(true);
  });

  it('answers a bad period with field details', async () => {
    const r = await get(`/api/v1/dashboard/records?from=${TODAY}&to=${addDays(TODAY, -1)}`, await cookieFor('operator'));
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).toContain('from');
    // By default the twelve calendar months up to today, the current one included.
    expect(periodOf({}, TODAY)).toEqual({ from: monthOf(monthsAfter(TODAY, -11)).from, to: TODAY });
  });

  it('lists a subject\'s live entries on public lists for anyone', async () => {
    const s = (await db.pool.query<{ uscc: string }>(`select uscc from subject where uscc is not null order by id limit 2`)).rows;
    const listed = await get(`/api/v1/subjects/${s[0]!.uscc}/list-entries`);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toHaveLength(1);
    expect(listed.body.items[0]).toMatchObject({ list: 'tax_a_grade', listKind: 'honour', state: 'listed' });
    const exited = await get(`/api/v1/subjects/${s[1]!.uscc}/list-entries`);
    expect(exited.body.items).toHaveLength(0);
  });
});
