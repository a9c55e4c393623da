/** Kinds of exception to the Monday–Friday rule. */
export type DayKind = 'holiday' | 'workday';

/**
 * A working-day calendar: weekdays work, weekends rest, except for the listed days — public
 * holidays (休) and weekend days declared working days (调休上班).
 */
export interface WorkingCalendar {
  readonly days: ReadonlyMap<string, DayKind>;
  /** Years whose official schedule is loaded; any other year counts weekends only (provisional). */
  readonly publishedYears: ReadonlySet<number>;
}

export interface Deadline {
  date: string;
  /** True when a counted day lies in a year with no published schedule. */
  provisional: boolean;
}

const DAY_MS = 86_400_000;
/** Far enough for any rule in the catalog (longest deadlines are weeks) and cheap to walk. */
export const MAX_WORKING_DAYS = 3660;

export function calendarOf(days: Iterable<{ day: string; kind: DayKind }>, publishedYears: Iterable<number>): WorkingCalendar {
  return { days: new Map([...days].map((d) => [d.day, d.kind])), publishedYears: new Set(publishedYears) };
}

/** The empty calendar: weekends only, every year provisional. */
export const WEEKENDS_ONLY: WorkingCalendar = calendarOf([], []);

function toMs(date: string): number {
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`not a date (YYYY-MM-DD): ${date}`);
  }
  return ms;
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function workingAt(ms: number, cal: WorkingCalendar): boolean {
  const listed = cal.days.get(iso(ms));
  if (listed) return listed === 'workday';
  const dow = new Date(ms).getUTCDay();
  return dow !== 0 && dow !== 6;
}

const unpublished = (ms: number, cal: WorkingCalendar) => !cal.publishedYears.has(new Date(ms).getUTCFullYear());

export function isWorkingDay(date: string, cal: WorkingCalendar): boolean {
  return workingAt(toMs(date), cal);
}

/**
 * The date N working days after `date`: counting starts on the first working day after it, so
 * 0 gives the date itself. A count that passes through a year with no published schedule is
 * computed with weekends only there and flagged provisional.
 */
export function addWorkingDays(date: string, n: number, cal: WorkingCalendar): Deadline {
  if (!Number.isInteger(n) || n < 0 || n > MAX_WORKING_DAYS) throw new RangeError(`working days must be an integer 0..${MAX_WORKING_DAYS}, got ${n}`);
  let ms = toMs(date);
  let provisional = false;
  for (let left = n; left > 0;) {
    ms += DAY_MS;
    if (unpublished(ms, cal)) provisional = true;
    if (workingAt(ms, cal)) left -= 1;
  }
  return { date: iso(ms), provisional };
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: string, to: string, cal: WorkingCalendar): { days: number; provisional: boolean } {
  const end = toMs(to);
  let days = 0;
  let provisional = false;
  for (let ms = toMs(from) + DAY_MS; ms <= end; ms += DAY_MS) {
    if (unpublished(ms, cal)) provisional = true;
    if (workingAt(ms, cal)) days += 1;
  }
  return { days, provisional };
}
