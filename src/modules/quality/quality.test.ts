import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIngestTestApp } from '../../../test/fixtures/ingest/test-app.js';
import { json, type SessionHeaders, type TestApp } from '../../../test/helpers/app.js';
import { addDays, at, monthOf, monthsAfter, TEST_TODAY, yearOf } from '../../../test/helpers/clock.js';
import { licenceRow, makeDepartment, newUscc, penaltyRow } from '../../../test/helpers/factories.js';
import { fixedClock } from '../../lib/clock.js';
import { systemViewer } from '../access/viewer.js';
import { loadCalendar, setCalendarDay, setCalendarYear } from '../calendar/service.js';
import { addWorkingDays, WEEKENDS_ONLY } from '../calendar/working-days.js';
import { submitRecords } from '../ingest/service.js';
import type { QualityReport } from './types.js';

let t: TestApp;
let operator: SessionHeaders;
let clerk: SessionHeaders;

// The period reported on is last month and this month of the injected clock; the month before
// last is outside it.
const THIS_MONTH = monthOf(TEST_TODAY);
const LAST_MONTH = monthOf(monthsAfter(TEST_TODAY, -1));
const EARLIER = monthOf(monthsAfter(TEST_TODAY, -2));
const PERIOD = `from=${LAST_MONTH.from}&to=${THIS_MONTH.to}`;
/** Working days a department has to report a penalty or licence decision (national catalog). */
const DUE = 7;

const on = (day: string) => fixedClock(at(day));
const submit = (day: string, department: string, category: string, records: Record<string, unknown>[]) =>
  submitRecords({ pool: t.db.pool, pd: t.db.pd, clock: on(day) }, systemViewer, { department, category }, records);

beforeAll(async () => {
  t = await createIngestTestApp();
  const scj = await makeDepartment(t, 'SCJGJ', '市市场监督管理局');
  await makeDepartment(t, 'SWJ', '市税务局');
  const jtj = await makeDepartment(t, 'JTJ', '市交通运输局');
  operator = await t.loginAs('operator');
  clerk = await t.loginAs('department', 'SCJGJ');
  for (const [dept, categories] of [['SCJGJ', ['penalty', 'licence']], ['SWJ', ['penalty']]] as const) {
    const res = await t.app.inject({ method: 'PUT', url: `/api/v1/quality/obligations/${dept}`, headers: operator, payload: { categories } });
    expect(res.statusCode).toBe(200);
  }
  // A holiday week opens last month, as the National Day week opens October, and the schedules
  // of the years involved are published, so deadlines are final rather than provisional.
  for (let i = 0; i < 7; i += 1) await setCalendarDay(t.db.pool, systemViewer, addDays(LAST_MONTH.from, i), { kind: 'holiday', name: '国庆节' });
  for (const year of [yearOf(TEST_TODAY) - 1, yearOf(TEST_TODAY)]) await setCalendarYear(t.db.pool, systemViewer, year, { published: true });
  const calendar = await loadCalendar(t.db.pool);
  const due = (decided: string) => addWorkingDays(decided, DUE, calendar).date;
  /** Adjacent decision dates around a receipt day: the later falls due on it or after (on time), the earlier before it (late). */
  const aroundDeadline = (received: string) => {
    let late = addDays(received, -1);
    while (due(late) >= received) late = addDays(late, -1);
    return { late, onTime: addDays(late, 1) };
  };

  const p = (wsh: string, decided: string, extra: Record<string, string> = {}, uscc = newUscc(), name = `${wsh}有限公司`) =>
    penaltyRow({ uscc, name, wsh, dept: scj, overrides: { CF_JDRQ: decided, ...extra } });
  const good = newUscc();
  const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
  // Decided the day before the holiday week and received on its deadline: on time only thanks to the week.
  const r1Decided = EARLIER.to;
  const received1 = due(r1Decided);
  expect(received1 > addWorkingDays(r1Decided, DUE, WEEKENDS_ONLY).date).toBe(true);
  expect(received1 <= LAST_MONTH.to).toBe(true);
  const r1 = p('甲1', r1Decided);
  const r2uscc = newUscc();
  const r2 = p('甲2', aroundDeadline(received1).late, {}, r2uscc); // due before it is received: late
  const { CF_YJ: _yj, ...r4 } = p('甲4', addDays(received1, -6));
  await submit(received1, 'SCJGJ', 'penalty', [r1, r2, p('甲3', addDays(received1, -6), {}, bad), r4]);
  // Today: r1 again (unchanged), one due today (on time), one due yesterday or sooner (late) under a name differing from the one on file.
  const today = aroundDeadline(TEST_TODAY);
  await submit(TEST_TODAY, 'SCJGJ', 'penalty', [r1, p('甲5', today.onTime, { BZ: '补充说明' }), p('甲6', today.late, {}, r2uscc, '另一个名称有限公司')]);
  await submit(TEST_TODAY, 'JTJ', 'licence', [licenceRow({ uscc: newUscc(), name: '交通许可有限公司', wsh: '乙1', dept: jtj, overrides: { XK_JDRQ: addDays(TEST_TODAY, -5) } })]);
  // Outside the period (received the month before last, late): not counted.
  await submit(EARLIER.from, 'SCJGJ', 'penalty', [p('甲0', aroundDeadline(EARLIER.from).late)]);
});
afterAll(() => t.close());

const report = async (session: SessionHeaders, qs = PERIOD) => {
  const res = await t.app.inject({ url: `/api/v1/quality?${qs}`, headers: session });
  expect(res.statusCode, res.body).toBe(200);
  return json<QualityReport>(res);
};

describe('quality indicators', () => {
  it('computes the figures per department and category for a period', async () => {
    const r = await report(operator);
    expect(r.items.map((i) => `${i.department.code}/${i.category.code}`)).toEqual(['JTJ/licence', 'SCJGJ/licence', 'SCJGJ/penalty', 'SWJ/penalty']);
    const pen = r.items.find((i) => i.department.code === 'SCJGJ' && i.category.code === 'penalty')!;
    expect(pen).toMatchObject({
      obliged: true, reported: true, submissions: 2, received: 7, accepted: 5, rejected: 2, created: 4, unchanged: 1, warnings: 1,
      complianceRate: 0.7143,
      timeliness: { deadlineWorkingDays: 7, evaluated: 4, late: 2, timelyRate: 0.5, lateRate: 0.5, provisional: false },
      uscc: { rows: 7, wrong: 1, conflicts: 1, errorRate: 0.2857 },
    });
    expect(pen.rejectedByReason).toEqual([{ code: 'invalid_uscc', rows: 1 }, { code: 'missing_required', rows: 1 }]);
    // 13 optional penalty items; CF_NR_FK filled in all 5 stored rows and BZ in one.
    expect(pen.completeness).toMatchObject({ optionalFields: 13, rate: 0.0923 });
    expect(pen.completeness.fields.find((f) => f.code === 'CF_NR_FK')).toEqual({ code: 'CF_NR_FK', label: '罚款金额（万元）', filled: 5, rate: 1 });
    expect(pen.completeness.fields.find((f) => f.code === 'BZ')).toMatchObject({ filled: 1, rate: 0.2 });
    expect(r.items.find((i) => i.department.code === 'SCJGJ' && i.category.code === 'licence')).toMatchObject({ obliged: true, reported: false, received: 0, complianceRate: null });
    expect(r.items.find((i) => i.department.code === 'JTJ')).toMatchObject({ obliged: false, reported: true, received: 1, complianceRate: 1, timeliness: { evaluated: 1, late: 0, timelyRate: 1 } });
    expect(r.departments).toEqual([
      expect.objectContaining({ department: { code: 'JTJ', name: '市交通运输局' }, obligedCategories: 0, reportedCategories: 0, reportingRate: null, received: 1, complianceRate: 1 }),
      expect.objectContaining({ department: { code: 'SCJGJ', name: '市市场监督管理局' }, obligedCategories: 2, reportedCategories: 1, reportingRate: 0.5, received: 7, accepted: 5, complianceRate: 0.7143, evaluated: 4, late: 2, lateRate: 0.5, usccRows: 7, usccErrorRate: 0.2857 }),
      expect.objectContaining({ department: { code: 'SWJ', name: '市税务局' }, obligedCategories: 1, reportedCategories: 0, reportingRate: 0, received: 0, complianceRate: null }),
    ]);
  });

  it('counts a period by the day rows were received', async () => {
    const last = await report(operator, `department=SCJGJ&from=${LAST_MONTH.from}&to=${LAST_MONTH.to}`);
    expect(last.items.find((i) => i.category.code === 'penalty')).toMatchObject({ received: 4, accepted: 2, timeliness: { evaluated: 2, late: 1 } });
    const earlier = await report(operator, `department=SCJGJ&from=${EARLIER.from}&to=${EARLIER.to}`);
    expect(earlier.items.find((i) => i.category.code === 'penalty')).toMatchObject({ received: 1, timeliness: { evaluated: 1, late: 1 } });
  });

  it('exports CSV with the same figures', async () => {
    const res = await t.app.inject({ url: `/api/v1/quality.csv?${PERIOD}`, headers: operator });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toMatch(/^统计起,统计止,部门编码,部门名称,信息类别/);
    const pen = lines.find((l) => l.includes('SCJGJ,市市场监督管理局,penalty'))!;
    expect(pen).toContain(',是,是,2,7,5,2,71.43%,');
    expect(pen).toContain('50.00%');
    expect(pen).toContain('invalid_uscc:1; missing_required:1');
  });

  it('shows a clerk only its own department', async () => {
    const r = await report(clerk);
    expect(new Set(r.items.map((i) => i.department.code))).toEqual(new Set(['SCJGJ']));
    expect((await t.app.inject({ url: '/api/v1/quality?department=SWJ', headers: clerk })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/v1/quality' })).statusCode).toBe(401);
    expect((await t.app.inject({ url: `/api/v1/quality?from=${THIS_MONTH.to}&to=${LAST_MONTH.from}`, headers: operator })).statusCode).toBe(400);
  });

  it('lets only the credit center set obligations, audited', async () => {
    expect((await t.app.inject({ method: 'PUT', url: '/api/v1/quality/obligations/SCJGJ', headers: clerk, payload: { categories: [] } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'PUT', url: '/api/v1/quality/obligations/SCJGJ', headers: operator, payload: { categories: ['nope'] } })).statusCode).toBe(404);
    const mine = json<{ items: { department: string; category: string }[] }>(await t.app.inject({ url: '/api/v1/quality/obligations', headers: clerk }));
    expect(mine.items).toEqual([{ department: 'SCJGJ', category: 'licence' }, { department: 'SCJGJ', category: 'penalty' }]);
    expect(Number((await t.db.pool.query(`select count(*) from audit_log where action = 'quality.obligations.set'`)).rows[0].count)).toBe(2);
  });
});
