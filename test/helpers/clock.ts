import { addMonths, cstDate, fixedClock, isIsoDate, type Clock } from '../../src/lib/clock.js';

/**
 * The instant every test's injected clock starts from. Tests never name a calendar date relative
 * to today by hand: they derive dates from this (or from the clock they were given), so the suite
 * passes on any day and with the clock moved: `XINYONG_TEST_NOW=2028-02-29T10:00:00+08:00 npx
 * vitest run` (npm test runs the suite once more that way, on a leap day at least 400 days ahead;
 * see scripts/test-moved-clock.mjs).
 */
export const TEST_NOW: string = checkedNow(process.env.XINYONG_TEST_NOW ?? '2026-11-25T10:00:00+08:00');

function checkedNow(iso: string): string {
  if (Number.isNaN(Date.parse(iso))) throw new Error(`XINYONG_TEST_NOW is not an ISO 8601 time: ${iso}`);
  return iso;
}

/** Today in China (YYYY-MM-DD) at TEST_NOW. */
export const TEST_TODAY: string = cstDate(new Date(TEST_NOW));

/** A clock a test can move (publication windows, deadlines passing, validity ending). */
export interface MovableClock extends Clock {
  set(iso: string): void;
}

export function movableClock(iso: string = TEST_NOW): MovableClock {
  let c = fixedClock(iso);
  return { now: () => c.now(), today: () => c.today(), set: (next) => { c = fixedClock(next); } };
}

function checkDay(date: string): void {
  if (!isIsoDate(date)) throw new Error(`not a YYYY-MM-DD date: ${date}`);
}

/** A calendar date N days after (negative: before) a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  checkDay(date);
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** N calendar months after a date, clamped to the month's last day (as the platform counts). */
export function monthsAfter(date: string, months: number): string {
  checkDay(date);
  return addMonths(date, months);
}

/** N years after a date (29 Feb becomes 28 Feb in a common year). */
export function yearsAfter(date: string, years: number): string {
  return monthsAfter(date, years * 12);
}

/** The instant of a China date at a local time, as an ISO string with +08:00. */
export function at(date: string, time = '10:00'): string {
  checkDay(date);
  return `${date}T${time.length === 5 ? `${time}:00` : time}+08:00`;
}

/** Today at TEST_NOW shifted by N days, as an instant at a local time. */
export function daysFromNow(days: number, time = '10:00'): string {
  return at(addDays(TEST_TODAY, days), time);
}

/** First and last day of the month a date falls in. */
export function monthOf(date: string): { from: string; to: string; month: string } {
  checkDay(date);
  const month = date.slice(0, 7);
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}`, month };
}

/** The year of a date as a number. */
export function yearOf(date: string): number {
  checkDay(date);
  return Number(date.slice(0, 4));
}

/** Days from one date to another (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  checkDay(from);
  checkDay(to);
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The weekday of a date, 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  checkDay(date);
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** The first Monday–Friday on or after a date (not a holiday check: ask the calendar for that). */
export function weekdayOnOrAfter(date: string): string {
  let d = date;
  while (weekdayOf(d) === 0 || weekdayOf(d) === 6) d = addDays(d, 1);
  return d;
}
