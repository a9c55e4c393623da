import { addWorkingDays, type WorkingCalendar } from '../calendar/working-days.js';
import type { ObjectionParams } from '../rules/params.js';

export interface ObjectionDeadlines {
  /** The credit centre checks the record against its source by this day. */
  checkDue: string;
  /** The source department decides by this day. */
  dueOn: string;
  provisional: boolean;
}

/** Deadlines of an objection received on a day: all counted in working days from receipt. */
export function objectionDeadlines(receivedOn: string, p: ObjectionParams, cal: WorkingCalendar): ObjectionDeadlines {
  const check = addWorkingDays(receivedOn, p.centreCheckWorkingDays, cal);
  const due = addWorkingDays(receivedOn, p.providerDecisionWorkingDays, cal);
  return { checkDue: check.date, dueOn: due.date, provisional: check.provisional || due.provisional };
}

/** The deadline after an extension: the rule's total period, from receipt. */
export function extendedDeadline(receivedOn: string, p: ObjectionParams, cal: WorkingCalendar): { date: string; provisional: boolean } {
  return addWorkingDays(receivedOn, p.maxTotalWorkingDays, cal);
}

/** Open and past its deadline (the deadline day itself still counts as in time). */
export const isOverdue = (dueOn: string | null, today: string): boolean => dueOn !== null && dueOn < today;
