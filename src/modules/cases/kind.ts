import type { Db } from '../../db/pool.js';
import { InvalidTransitionError } from '../../errors.js';
import { checkTransition as checkMove, type TransitionMap } from '../../lib/transitions.js';
import type { ExitReason } from '../lists/types.js';
import type { NewNotification } from './notifications.js';

// A case kind (objection, repair, commitment; later alerts, deliveries, loan applications, 清零
// cases) is data: its states and transition map, the states it is still open in, the steps that
// leave the state as it is, its deadline and what the overdue sweep does, and where its rows and
// append-only events are stored. The kernel (cases/kernel.ts) runs every kind from this definition.

/** What every case row has. */
export interface CaseRow<S extends string = string> {
  id: number;
  state: S;
}

/** A case with a subject and a responsible department (who may read it). */
export type ReadableCase<S extends string = string> = CaseRow<S> & { subjectId: number; departmentId: number | null };

/** Where a kind keeps its cases: the kind's repository fills this in. */
export interface CaseStore<Row, Change> {
  table: string;
  /** The append-only event table and its column naming the case. */
  events: { table: string; key: string };
  /** The column of each field a workflow step may change (the versioned update writes these). */
  columns: Readonly<Record<keyof Change & string, string>>;
  /** The deadline's column and the column of the flag the overdue sweep sets. */
  deadline: { due: string; flag: string };
  find(db: Db, id: number, forUpdate: boolean): Promise<Row | null>;
}

/** What the overdue sweep does to a case past its deadline, besides setting the kind's overdue flag. */
export interface OverdueStep<S extends string, Change> {
  /** The state after the step (the event's to-state); a kind that moves the case also sets `state`. */
  to: S;
  set?: Partial<Change>;
  event: { type: string; note: string; data: Record<string, unknown> };
  notify: NewNotification[];
}

export interface CaseDeadline<S extends string, Row, Change> {
  /** The states the deadline runs in (the sweep looks at these only). */
  states: readonly S[];
  /** The case's deadline (none yet: null), and whether the sweep has flagged it already. */
  dueOf(row: Row): string | null;
  flagged(row: Row): boolean;
  overdue(row: Row, now: Date): OverdueStep<S, Change>;
}

export interface CaseKind<S extends string, Row extends CaseRow<S>, Change> {
  /** The name errors use: 'objection', 'repair', 'commitment'. */
  name: string;
  transitions: TransitionMap<S>;
  /** States the case is still being handled in; the others end it (whatever moves they still allow, e.g. an approved repair's re-check). */
  open: readonly S[];
  /** Steps that leave the state as it is, and the states each may be taken in. */
  steps: Readonly<Record<string, readonly S[]>>;
  /** Who may read a case: the refusals, in the kind's words. */
  readers: { subject: string; department: string };
  deadline: CaseDeadline<S, Row, Change>;
  /** Kinds whose decisions take entries off lists: the queue on the row, and the exit's reason and note. */
  listExits?: { pending(row: Row): number[]; reason: ExitReason; note(row: Row): string };
  store: CaseStore<Row, Change>;
}

/** The case kind's transition check: throws InvalidTransitionError unless the case may move to `to`. */
export function checkTransition<S extends string>(kind: { name: string; transitions: TransitionMap<S> }, row: CaseRow<S>, to: S): void {
  checkMove(kind.name, kind.transitions, row.state, to);
}

/** A step that keeps the state (a centre check, a confirming re-check) is allowed only in the states the kind names. */
export function checkStep<S extends string>(kind: { name: string; steps: Readonly<Record<string, readonly S[]>> }, row: CaseRow<S>, step: string): void {
  if (!kind.steps[step]?.includes(row.state)) throw new InvalidTransitionError(kind.name, row.state, step);
}

export const isOpen = <S extends string>(kind: { open: readonly S[] }, state: S): boolean => kind.open.includes(state);
