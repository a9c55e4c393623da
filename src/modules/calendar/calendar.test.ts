import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIngestTestApp } from '../../../test/fixtures/ingest/test-app.js';
import { json, type SessionHeaders, type TestApp } from '../../../test/helpers/app.js';
import { addDays, TEST_TODAY, weekdayOf, weekdayOnOrAfter, yearOf } from '../../../test/helpers/clock.js';

let t: TestApp;
let operator: SessionHeaders;
let clerk: SessionHeaders;

beforeAll(async () => {
  t = await createIngestTestApp();
  operator = await t.loginAs('operator');
  const { addDepartment } = await import('../access/service.js');
  const { systemViewer } = await import('../access/viewer.js');
  await addDepartment(t.db.pool, systemViewer, { code: 'CAL', name: '日历测试局' });
  clerk = await t.loginAs('department', 'CAL');
});
afterAll(() => t.close());

// Operators add the schedule of the year after today's: the first year with none published (the
// seeded schedules, facts tested literally below, end with 2026).
const NEXT = Math.max(yearOf(TEST_TODAY) + 1, 2027);
const saturdayOnOrAfter = (date: string) => addDays(date, (6 - weekdayOf(date) + 7) % 7);

const add = (date: string, days: number) => t.app.inject({ url: `/api/v1/calendar/working-days/add?date=${date}&days=${days}` });

// The published 2025 and 2026 schedules are facts; 2027 is the first year the seed leaves unpublished.
describe('working days API', () => {
  it('answers from the seeded 2025 and 2026 schedules', async () => {
    expect(json(await add('2026-09-30', 7))).toEqual({ date: '2026-10-15', provisional: false });
    expect(json(await add('2025-01-24', 1))).toEqual({ date: '2025-01-26', provisional: false });
    expect(json(await add('2026-02-13', 2))).toEqual({ date: '2026-02-24', provisional: false });
  });

  it('flags a deadline in 2027 (not yet published) as provisional', async () => {
    expect(json(await add('2026-12-28', 7))).toEqual({ date: '2027-01-06', provisional: true });
  });

  it('refuses a malformed date or count with 400', async () => {
    expect((await add('2026-02-30', 1)).statusCode).toBe(400);
    expect((await add('2026-02-03', -1)).statusCode).toBe(400);
    expect((await t.app.inject({ url: '/api/v1/calendar/working-days/add?date=x&days=1' })).statusCode).toBe(400);
  });

  it('counts working days between two dates', async () => {
    expect(json(await t.app.inject({ url: '/api/v1/calendar/working-days/between?from=2025-01-27&to=2025-02-08' }))).toEqual({ days: 4, provisional: false });
  });

  it('lists a year with its holidays and make-up days', async () => {
    const y = json<{ year: number; published: boolean; items: { date: string; kind: string; name: string }[] }>(await t.app.inject({ url: '/api/v1/calendar/days?year=2026' }));
    expect(y.published).toBe(true);
    expect(y.items.filter((d) => d.kind === 'workday').map((d) => d.date)).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    expect(y.items.filter((d) => d.kind === 'holiday')).toHaveLength(3 + 9 + 3 + 5 + 3 + 3 + 7);
    expect(y.items.find((d) => d.date === '2026-02-17')).toEqual({ date: '2026-02-17', kind: 'holiday', name: '春节' });
  });
});

describe('editing the calendar', () => {
  it('lets an operator add a holiday to next year and publish the year, audited; deadlines follow', async () => {
    const holiday = weekdayOnOrAfter(`${NEXT}-01-01`);
    const before = addDays(holiday, -1);
    expect(json(await add(before, 1))).toEqual({ date: holiday, provisional: true });
    const put = await t.app.inject({ method: 'PUT', url: `/api/v1/calendar/days/${holiday}`, headers: operator, payload: { kind: 'holiday', name: '元旦' } });
    expect(put.statusCode).toBe(200);
    const after = weekdayOnOrAfter(addDays(holiday, 1));
    expect(json(await add(before, 1))).toEqual({ date: after, provisional: true });
    const pub = await t.app.inject({ method: 'PUT', url: `/api/v1/calendar/years/${NEXT}`, headers: operator, payload: { published: true, source: '国务院办公厅通知' } });
    expect(json(pub)).toMatchObject({ year: NEXT, published: true, items: [{ date: holiday, kind: 'holiday', name: '元旦' }] });
    expect(json(await add(before, 1))).toEqual({ date: after, provisional: false });
    const audit = await t.db.pool.query(`select action, details from audit_log where action like 'calendar.%' order by seq`);
    expect(audit.rows.map((r) => r.action)).toEqual(['calendar.day.set', 'calendar.year.set']);
    expect(audit.rows[0].details).toMatchObject({ date: holiday, kind: 'holiday', previous: null });
  });

  it('declares a make-up Saturday and removes it again', async () => {
    const saturday = saturdayOnOrAfter(`${NEXT}-02-01`);
    const friday = addDays(saturday, -1);
    const put = await t.app.inject({ method: 'PUT', url: `/api/v1/calendar/days/${saturday}`, headers: operator, payload: { kind: 'workday', name: '春节调休上班' } });
    expect(put.statusCode).toBe(200);
    expect(json(await add(friday, 1)).date).toBe(saturday);
    const del = await t.app.inject({ method: 'DELETE', url: `/api/v1/calendar/days/${saturday}`, headers: operator });
    expect(del.statusCode).toBe(204);
    expect(json(await add(friday, 1)).date).toBe(addDays(saturday, 2));
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/calendar/days/${saturday}`, headers: operator })).statusCode).toBe(404);
  });

  it('refuses a make-up day on a weekday', async () => {
    const res = await t.app.inject({ method: 'PUT', url: `/api/v1/calendar/days/${weekdayOnOrAfter(`${NEXT}-02-03`)}`, headers: operator, payload: { kind: 'workday' } });
    expect(res.statusCode).toBe(400);
  });

  it('allows only the credit center to edit', async () => {
    const url = `/api/v1/calendar/days/${weekdayOnOrAfter(`${NEXT}-05-03`)}`;
    expect((await t.app.inject({ method: 'PUT', url, headers: clerk, payload: { kind: 'holiday' } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'PUT', url, payload: { kind: 'holiday' } })).statusCode).toBeGreaterThanOrEqual(401);
  });
});
