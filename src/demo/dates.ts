/** Calendar days as integers (days since 1970-01-01, UTC) so date arithmetic stays exact. */

const DAY_MS = 86_400_000;
// Every demo date falls in a few decades: memoising the conversions saves millions of Date objects.
const isoCache = new Map<number, string>();
const dayCache = new Map<string, number>();

export function dayOf(iso: string): number {
  let day = dayCache.get(iso);
  if (day === undefined) {
    day = Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
    dayCache.set(iso, day);
  }
  return day;
}

export function isoOf(day: number): string {
  let iso = isoCache.get(day);
  if (iso === undefined) {
    iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
    isoCache.set(day, iso);
  }
  return iso;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Same calendar day `years` later (Feb 29 → Mar 1 when the target year has none). */
export function plusYears(iso: string, years: number): string {
  const y = Number(iso.slice(0, 4)) + years;
  const md = iso.slice(5);
  if (md === '02-29' && !isLeap(y)) return `${y}-03-01`;
  return `${y}-${md}`;
}

export function yearOf(iso: string): string {
  return iso.slice(0, 4);
}

export function compact(iso: string): string {
  return iso.replaceAll('-', '');
}

/** The first day of the month of a date. */
export function monthStart(iso: string): string {
  return `${iso.slice(0, 7)}-01`;
}
