import { withTx, type Db } from '../../db/pool.js';
import { ForbiddenError, NotFoundError } from '../../errors.js';
import { getDepartment } from '../access/service.js';
import { requireRole, requireScope, type Viewer } from '../access/viewer.js';
import type { Actor } from '../records/types.js';
import type { CaseKind, CaseRow, CaseStore, ReadableCase } from './kind.js';
import * as repo from './case-repo.js';
import { exitListEntries } from './list-exits.js';
import { notify } from './notifications.js';
import { statesOf, type InboxQuery } from './schema.js';
import { caseEvent, type CaseEvent, type RightsContext } from './workflow.js';

// The case machinery every kind runs on: find, the versioned update, the append-only case file,
// who may read a case, the overdue sweep and the list exits queued by decisions.

type Stored<Row, Change = unknown> = { name: string; store: CaseStore<Row, Change> };

/** The case, or NotFoundError; `forUpdate` locks its row for the rest of the transaction. */
export async function mustFind<Row>(db: Db, kind: Stored<Row>, id: number, forUpdate = false): Promise<Row> {
  const row = await kind.store.find(db, id, forUpdate);
  if (!row) throw new NotFoundError(kind.name, String(id));
  return row;
}

function assignments<Change>(kind: Stored<unknown, Change>, set: Partial<Change>): [column: string, value: unknown][] {
  const columns: Readonly<Record<string, string>> = kind.store.columns;
  return Object.entries(set).filter(([, v]) => v !== undefined).map(([k, v]) => [columns[k]!, v]);
}

/** Change fields of a case and bump its version. */
export async function updateCase<Change>(db: Db, kind: Stored<unknown, Change>, id: number, set: Partial<Change>): Promise<void> {
  await repo.updateCase(db, kind.store.table, id, assignments(kind, set));
}

/** Append one event to the case file (inside the transaction of the step it records). */
export const appendCaseEvent = (db: Db, kind: Stored<unknown>, caseId: number, e: Omit<CaseEvent, 'id'>): Promise<void> => repo.insertCaseEvent(db, kind.store.events, caseId, e);

export const caseEventsOf = (db: Db, kind: Stored<unknown>, caseId: number): Promise<CaseEvent[]> => repo.caseEventsOf(db, kind.store.events, caseId);

/** Who may read a case: the subject itself, the responsible department (a system: with archive:read), credit-centre staff. */
export function requireCaseReader(viewer: Viewer, kind: { readers: { subject: string; department: string } }, c: { subjectId: number; departmentId: number | null }): void {
  requireRole(viewer, 'subject', 'department', 'admin', 'operator');
  requireScope(viewer, 'archive:read');
  if (viewer.role === 'subject' && viewer.subjectId !== c.subjectId) throw new ForbiddenError(kind.readers.subject);
  if (viewer.role === 'department' && viewer.departmentId !== c.departmentId) throw new ForbiddenError(kind.readers.department);
}

/** The case, for those who may read it. */
export async function findReadable<S extends string, Row extends ReadableCase<S>, Change>(db: Db, viewer: Viewer, kind: CaseKind<S, Row, Change>, id: number): Promise<Row> {
  const row = await mustFind(db, kind, id);
  requireCaseReader(viewer, kind, row);
  return row;
}

/** One case with its case file, for those who may read it. */
export async function readCase<S extends string, Row extends ReadableCase<S>, Change>(db: Db, viewer: Viewer, kind: CaseKind<S, Row, Change>, id: number): Promise<{ row: Row; events: CaseEvent[] }> {
  const row = await findReadable(db, viewer, kind, id);
  return { row, events: await caseEventsOf(db, kind, id) };
}

/** What an inbox shows the viewer: a subject its own cases, a department its own, the credit centre all (or one department's). */
export function inboxScope(viewer: Viewer, department: number | null): { subjectId: number | null; departmentId: number | null } {
  requireRole(viewer, 'subject', 'department', 'admin', 'operator');
  requireScope(viewer, 'archive:read');
  return { subjectId: viewer.role === 'subject' ? viewer.subjectId : null, departmentId: viewer.role === 'department' ? viewer.departmentId : department };
}

/** An inbox query as the repositories take it: the department by code, the states split, the viewer's scope, the page. */
export async function inboxFilter(db: Db, viewer: Viewer, q: InboxQuery) {
  const department = q.department ? (await getDepartment(db, q.department)).id : null;
  return { states: statesOf(q.state), ...inboxScope(viewer, department), overdue: q.overdue ?? null, limit: q.pageSize, offset: (q.page - 1) * q.pageSize };
}

/**
 * The overdue sweep of one kind: every case in the deadline's states past its deadline and not yet
 * flagged is flagged, moved as the kind says, written to its case file and announced — each case
 * its own transaction, re-checked under its lock, so the sweep is idempotent.
 */
export async function sweepOverdue<S extends string, Row extends CaseRow<S>, Change>(
  ctx: Pick<RightsContext, 'pool' | 'clock'>, kind: CaseKind<S, Row, Change>, actor: Actor,
): Promise<number> {
  const today = ctx.clock.today();
  const { deadline, store } = kind;
  let n = 0;
  for (const id of await repo.overdueCases(ctx.pool, store.table, { ...store.deadline, states: deadline.states, today, limit: 1000 })) {
    const moved = await withTx(ctx.pool, async (tx) => {
      const row = await mustFind(tx, kind, id, true);
      const due = deadline.dueOf(row);
      if (deadline.flagged(row) || due === null || due >= today || !deadline.states.includes(row.state)) return false;
      const step = deadline.overdue(row, ctx.clock.now());
      await repo.updateCase(tx, store.table, id, [...assignments(kind, step.set ?? {}), [store.deadline.flag, true]]);
      await appendCaseEvent(tx, kind, id, caseEvent(actor, ctx.clock.now(), step.event.type, row.state, step.to, step.event.note, step.event.data));
      for (const note of step.notify) await notify(tx, ctx.clock.now(), note);
      return true;
    });
    if (moved) n += 1;
  }
  return n;
}

/** Entries a decision queued leave their lists (the lists service runs a transaction per exit); safe to repeat. */
export async function exitPendingEntries<S extends string, Row extends CaseRow<S>, Change>(ctx: RightsContext, kind: CaseKind<S, Row, Change>, id: number, actor: Actor): Promise<number> {
  const exits = kind.listExits;
  if (!exits) return 0;
  const row = await mustFind(ctx.pool, kind, id);
  const pending = exits.pending(row);
  if (!pending.length) return 0;
  const done = await exitListEntries(ctx, pending, exits.reason, exits.note(row), actor);
  if (done.length) await repo.clearPendingExits(ctx.pool, kind.store.table, id, done);
  return done.length;
}

/** Sweep step: retry the list exits of a kind's decisions that did not complete after commit. */
export async function retryPendingExits<S extends string, Row extends CaseRow<S>, Change>(ctx: RightsContext, kind: CaseKind<S, Row, Change>, actor: Actor): Promise<number> {
  let n = 0;
  for (const id of await repo.withPendingExits(ctx.pool, kind.store.table, 500)) n += await exitPendingEntries(ctx, kind, id, actor);
  return n;
}
