import { describe, expect, it } from 'vitest';
import { addWorkingDays, calendarOf, isWorkingDay, workingDaysBetween, WEEKENDS_ONLY, type DayKind } from './working-days.js';

// Pure rules over the published 2025 and 2026 schedules of spec/calendar.md, as the migration
// writes them (2027 not yet published): fixed facts, not relative to today, so the dates stay literal.
const range = (from: string, to: string, kind: DayKind) => {
  const out: { day: string; kind: DayKind }[] = [];
  for (let ms = Date.parse(`${from}T00:00:00Z`); ms <= Date.parse(`${to}T00:00:00Z`); ms += 86_400_000) out.push({ day: new Date(ms).toISOString().slice(0, 10), kind });
  return out;
};
const holidays = [
  ['2025-01-01', '2025-01-01'], ['2025-01-28', '2025-02-04'], ['2025-04-04', '2025-04-06'], ['2025-05-01', '2025-05-05'],
  ['2025-05-31', '2025-06-02'], ['2025-10-01', '2025-10-08'], ['2026-01-01', '2026-01-03'], ['2026-02-15', '2026-02-23'],
  ['2026-04-04', '2026-04-06'], ['2026-05-01', '2026-05-05'], ['2026-06-19', '2026-06-21'], ['2026-09-25', '2026-09-27'], ['2026-10-01', '2026-10-07'],
].flatMap(([a, b]) => range(a!, b!, 'holiday'));
const workdays = ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11', '2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']
  .map((day) => ({ day, kind: 'workday' as const }));
const cal = calendarOf([...holidays, ...workdays], [2025, 2026]);

describe('isWorkingDay', () => {
  it('follows Monday–Friday outside listed days', () => {
    expect(isWorkingDay('2025-03-03', cal)).toBe(true); // Monday
    expect(isWorkingDay('2025-03-08', cal)).toBe(false); // Saturday
  });

  it('knows every 2025 holiday and make-up day', () => {
    for (const d of ['2025-01-01', '2025-01-28', '2025-02-04', '2025-04-04', '2025-05-05', '2025-06-02', '2025-10-08']) expect(isWorkingDay(d, cal), d).toBe(false);
    for (const d of ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']) expect(isWorkingDay(d, cal), d).toBe(true);
  });

  it('knows every 2026 holiday and make-up day', () => {
    for (const d of ['2026-01-02', '2026-02-16', '2026-02-23', '2026-04-06', '2026-05-04', '2026-06-19', '2026-09-25', '2026-10-07']) expect(isWorkingDay(d, cal), d).toBe(false);
    for (const d of ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']) expect(isWorkingDay(d, cal), d).toBe(true);
  });

  it('refuses what is not a date', () => {
    expect(() => isWorkingDay('2025-02-30', cal)).toThrow(RangeError);
  });
});

describe('addWorkingDays', () => {
  it('starts counting on the first working day after the date, so 0 is the date itself', () => {
    expect(addWorkingDays('2025-03-07', 0, cal)).toEqual({ date: '2025-03-07', provisional: false });
    expect(addWorkingDays('2025-03-07', 1, cal)).toEqual({ date: '2025-03-10', provisional: false }); // Fri → Mon
    expect(addWorkingDays('2025-03-08', 1, cal)).toEqual({ date: '2025-03-10', provisional: false }); // from a Saturday
  });

  it('counts make-up Sundays and skips the Spring Festival 2025', () => {
    expect(addWorkingDays('2025-01-24', 1, cal).date).toBe('2025-01-26'); // Fri → make-up Sunday
    expect(addWorkingDays('2025-01-27', 1, cal).date).toBe('2025-02-05'); // 28 Jan – 4 Feb off
    expect(addWorkingDays('2025-02-07', 1, cal).date).toBe('2025-02-08'); // make-up Saturday
  });

  it('crosses the 2025 National Day week with both make-up days', () => {
    expect(addWorkingDays('2025-09-26', 1, cal).date).toBe('2025-09-28');
    expect(addWorkingDays('2025-09-30', 1, cal).date).toBe('2025-10-09');
    expect(addWorkingDays('2025-09-30', 3, cal).date).toBe('2025-10-11');
  });

  it('gives 7 working days after decisions around 2026 holidays', () => {
    expect(addWorkingDays('2026-09-30', 7, cal)).toEqual({ date: '2026-10-15', provisional: false });
    expect(addWorkingDays('2026-02-13', 1, cal).date).toBe('2026-02-14');
    expect(addWorkingDays('2026-02-13', 2, cal).date).toBe('2026-02-24');
    expect(addWorkingDays('2025-12-31', 1, cal).date).toBe('2026-01-04'); // 1–3 Jan off, Sun 4 Jan works
    expect(addWorkingDays('2026-04-30', 7, cal).date).toBe('2026-05-13'); // May Day week, Sat 9 May works
  });

  it('computes a deadline in an unpublished year with weekends only and flags it provisional', () => {
    expect(addWorkingDays('2026-12-30', 1, cal)).toEqual({ date: '2026-12-31', provisional: false });
    expect(addWorkingDays('2026-12-31', 1, cal)).toEqual({ date: '2027-01-01', provisional: true });
    expect(addWorkingDays('2027-03-05', 7, cal)).toEqual({ date: '2027-03-16', provisional: true });
    expect(addWorkingDays('2025-03-05', 7, WEEKENDS_ONLY).provisional).toBe(true);
  });

  it('refuses negative or fractional counts', () => {
    expect(() => addWorkingDays('2025-03-05', -1, cal)).toThrow(RangeError);
    expect(() => addWorkingDays('2025-03-05', 1.5, cal)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('counts working days after the first date up to and including the second', () => {
    expect(workingDaysBetween('2026-09-30', '2026-10-15', cal)).toEqual({ days: 7, provisional: false });
    expect(workingDaysBetween('2025-01-27', '2025-02-08', cal)).toEqual({ days: 4, provisional: false });
    expect(workingDaysBetween('2025-03-10', '2025-03-10', cal).days).toBe(0);
    expect(workingDaysBetween('2025-03-10', '2025-03-01', cal).days).toBe(0);
    expect(workingDaysBetween('2026-12-30', '2027-01-04', cal)).toEqual({ days: 3, provisional: true });
  });
});
