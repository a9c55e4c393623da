import { withTx, type Db, type Pool } from '../../db/pool.js';
import { NotFoundError, ValidationError } from '../../errors.js';
import { isIsoDate } from '../../lib/clock.js';
import { actorOf, appendAudit } from '../access/audit.js';
import { requireRole, type Viewer } from '../access/viewer.js';
import * as repo from './repo.js';
import { addWorkingDays, calendarOf, workingDaysBetween, type DayKind, type Deadline, type WorkingCalendar } from './working-days.js';

/** The calendar as operators last edited it; loaded per call (a few dozen rows a year). */
export async function loadCalendar(db: Db): Promise<WorkingCalendar> {
  const [days, years] = await Promise.all([repo.allDays(db), repo.publishedYears(db)]);
  return calendarOf(days, years);
}

function checkDate(date: string, field = 'date'): void {
  if (!isIsoDate(date)) throw new ValidationError(`“${date}”不是有效日期（应为 YYYY-MM-DD）`, [{ field, message: 'expected YYYY-MM-DD' }]);
}

/** N working days after a date (deadlines such as 7 working days after a decision). */
export async function workingDaysAfter(db: Db, date: string, days: number): Promise<Deadline> {
  checkDate(date);
  return addWorkingDays(date, days, await loadCalendar(db));
}

/** Working days after `from` up to and including `to`. */
export async function workingDaysFromTo(db: Db, from: string, to: string): Promise<{ days: number; provisional: boolean }> {
  checkDate(from, 'from');
  checkDate(to, 'to');
  return workingDaysBetween(from, to, await loadCalendar(db));
}

export async function calendarYear(db: Db, year: number) {
  const [y, items] = await Promise.all([repo.findYear(db, year), repo.daysOfYear(db, year)]);
  return { year, published: y?.published ?? false, source: y?.source ?? null, items: items.map((d) => ({ date: d.day, kind: d.kind, name: d.name })), total: items.length };
}

const weekday = (date: string) => {
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
  return dow !== 0 && dow !== 6;
};

/** An operator declares a holiday or a make-up working day (调休上班); audited. */
export async function setCalendarDay(pool: Pool, viewer: Viewer, date: string, input: { kind: DayKind; name?: string | null }): Promise<{ date: string; kind: DayKind; name: string }> {
  requireRole(viewer, 'admin', 'operator');
  checkDate(date);
  if (input.kind === 'workday' && weekday(date)) {
    throw new ValidationError(`${date} 是周一至周五，本就是工作日；调休上班日应为周六或周日`, [{ field: 'kind', message: 'make-up working days fall on weekends' }]);
  }
  const day = { day: date, kind: input.kind, name: (input.name ?? '').trim() };
  await withTx(pool, async (tx) => {
    const previous = await repo.findDay(tx, date, true);
    await repo.upsertDay(tx, day);
    await appendAudit(tx, { actor: actorOf(viewer), action: 'calendar.day.set', ip: viewer.ip, details: { date, kind: day.kind, name: day.name, previous } });
  });
  return { date, kind: day.kind, name: day.name };
}

/** Remove a listed day, so it follows the Monday–Friday rule again; audited. */
export async function removeCalendarDay(pool: Pool, viewer: Viewer, date: string): Promise<void> {
  requireRole(viewer, 'admin', 'operator');
  checkDate(date);
  await withTx(pool, async (tx) => {
    const previous = await repo.findDay(tx, date, true);
    if (!previous) throw new NotFoundError('calendar day', date);
    await repo.deleteDay(tx, date);
    await appendAudit(tx, { actor: actorOf(viewer), action: 'calendar.day.remove', ip: viewer.ip, details: { date, previous } });
  });
}

/** Mark a year's schedule as published (deadlines in it stop being provisional); audited. */
export async function setCalendarYear(pool: Pool, viewer: Viewer, year: number, input: { published: boolean; source?: string | null }) {
  requireRole(viewer, 'admin', 'operator');
  await withTx(pool, async (tx) => {
    const previous = await repo.findYear(tx, year);
    await repo.upsertYear(tx, { year, published: input.published, source: input.source?.trim() || null });
    await appendAudit(tx, { actor: actorOf(viewer), action: 'calendar.year.set', ip: viewer.ip, details: { year, published: input.published, source: input.source ?? null, previous } });
  });
  return calendarYear(pool, year);
}
