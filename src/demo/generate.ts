import { dayOf } from './dates.js';
import type { DemoDepartment } from './departments.js';
import { rowsFor } from './plan.js';
import { RowEnv, type RowDraft } from './row-env.js';
import { streamFor } from './rng.js';
import { PersonPool, Seen, makeSubject, type SubjectContext, type SubjectDraft } from './subjects.js';

export interface GeneratedSubject {
  subject: SubjectDraft;
  rows: RowDraft[];
}

// Separate streams per subject, so adding a record type never changes the subjects themselves.
const SUBJECT_STREAM = 1;
const RECORD_STREAM = 2;

/**
 * The demo city as a pure, deterministic sequence: subject #i and its rows depend only on the
 * seed, `today`, the departments and the codes handed out before it. Call `next()` in order.
 */
export class CityGenerator {
  private readonly ctx: SubjectContext;
  private readonly env: RowEnv;
  private index = 0;

  constructor(private readonly seed: number, today: string, departments: DemoDepartment[]) {
    this.ctx = { todayDay: dayOf(today), seen: new Seen(), persons: new PersonPool() };
    for (const d of departments) this.ctx.seen.claimCodes(d.uscc, `O${d.uscc.slice(8, 17)}`);
    this.env = new RowEnv(today, departments);
  }

  next(): GeneratedSubject {
    const i = this.index++;
    const subject = makeSubject(streamFor(this.seed, i, SUBJECT_STREAM), this.ctx, i);
    return { subject, rows: rowsFor(streamFor(this.seed, i, RECORD_STREAM), this.env, subject) };
  }
}
