/** Time source; tests pin it, production reads the wall clock. Dates are China Standard Time. */
export interface Clock {
  now(): Date;
  /** Today's calendar date in Asia/Shanghai as YYYY-MM-DD. */
  today(): string;
}

const CST_OFFSET_MS = 8 * 3600 * 1000;

export function cstDate(d: Date): string {
  return new Date(d.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => cstDate(new Date()),
};

export function fixedClock(iso: string): Clock {
  const at = new Date(iso);
  return { now: () => new Date(at), today: () => cstDate(at) };
}

/** A clock that reads `start` now and runs forward with the wall clock (XINYONG_NOW). */
export function runningClock(start: string, wallNow: () => number = Date.now): Clock {
  const offset = new Date(start).getTime() - wallNow();
  const now = () => new Date(wallNow() + offset);
  return { now, today: () => cstDate(now()) };
}

/** Add calendar months to a YYYY-MM-DD date, clamping to the month's last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total % 12;
  const last = new Date(Date.UTC(ny, nm + 1, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/**
 * An expiry as given by a person or a system: a date alone (YYYY-MM-DD) means valid through that
 * whole day in China, so it ends at the next midnight in Asia/Shanghai; anything else is an ISO
 * 8601 time. Invalid input gives an Invalid Date for the caller to report.
 */
export function parseExpiry(value: string): Date {
  if (isIsoDate(value)) return new Date(Date.parse(`${value}T00:00:00+08:00`) + 86_400_000);
  return new Date(value);
}
