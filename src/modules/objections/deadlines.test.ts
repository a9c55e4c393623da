import { describe, expect, it } from 'vitest';
import { calendarOf } from '../calendar/working-days.js';
import { extendedDeadline, isOverdue, objectionDeadlines } from './deadlines.js';

const days = (from: string, to: string) => {
  const out: { day: string; kind: 'holiday' }[] = [];
  for (let ms = Date.parse(`${from}T00:00:00Z`); ms <= Date.parse(`${to}T00:00:00Z`); ms += 86_400_000) out.push({ day: new Date(ms).toISOString().slice(0, 10), kind: 'holiday' });
  return out;
};
// 国庆 2026: 1–7 Oct off, Sun 20 Sep and Sat 10 Oct are working days (spec/calendar.md). Pure rules on
// the published 2026 schedule, which is a fixed fact: the dates are literal, not relative to today
// (objections.test.ts builds the same shape of holiday around the injected clock).
const cal = calendarOf([...days('2026-10-01', '2026-10-07'), { day: '2026-09-20', kind: 'workday' }, { day: '2026-10-10', kind: 'workday' }], [2026]);
const rule = { centreCheckWorkingDays: 1, providerDecisionWorkingDays: 5, maxTotalWorkingDays: 20, maxExtensions: 1, escalateOverdue: true };

describe('objection deadlines', () => {
  it('count working days from receipt across the National Day week', () => {
    expect(objectionDeadlines('2026-09-30', rule, cal)).toEqual({ checkDue: '2026-10-08', dueOn: '2026-10-13', provisional: false });
    expect(extendedDeadline('2026-09-30', rule, cal)).toEqual({ date: '2026-11-03', provisional: false });
  });

  it('flag a deadline reaching into an unpublished year as provisional', () => {
    expect(objectionDeadlines('2026-12-29', rule, cal)).toEqual({ checkDue: '2026-12-30', dueOn: '2027-01-05', provisional: true });
  });

  it('treat the deadline day itself as in time', () => {
    expect(isOverdue('2026-10-13', '2026-10-13')).toBe(false);
    expect(isOverdue('2026-10-13', '2026-10-14')).toBe(true);
  });
});
