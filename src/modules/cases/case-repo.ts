import type { Db } from '../../db/pool.js';
import type { CaseEvent } from './workflow.js';

// SQL of every case kind's rows and events. Table and column names come from the kinds'
// definitions (constants in their repositories), never from a request.

const NAME = /^[a-z_]+$/;

function name(n: string): string {
  if (!NAME.test(n)) throw new Error(`not a table or column name: ${n}`);
  return n;
}

/** The states as SQL literals, so the planner matches the kinds' partial indexes (`where state in (…)`). */
const stateList = (states: readonly string[]): string => `(${states.map((s) => `'${name(s)}'`).join(', ')})`;

/** Change columns of one case and bump its version (the versioned update every workflow step makes). */
export async function updateCase(db: Db, table: string, id: number, assignments: [column: string, value: unknown][]): Promise<void> {
  const set = assignments.map(([column], i) => `${name(column)} = $${i + 2}`);
  await db.query(`update ${name(table)} set ${[...set, 'version = version + 1', 'updated_at = now()'].join(', ')} where id = $1`, [id, ...assignments.map(([, v]) => v)]);
}

export async function insertCaseEvent(db: Db, events: { table: string; key: string }, caseId: number, e: Omit<CaseEvent, 'id'>): Promise<void> {
  await db.query(
    `insert into ${name(events.table)} (${name(events.key)}, at, type, from_state, to_state, actor_kind, actor_id, actor_name, note, data)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [caseId, e.at, e.type, e.fromState, e.toState, e.actorKind, e.actorId, e.actorName, e.note, JSON.stringify(e.data)],
  );
}

export async function caseEventsOf(db: Db, events: { table: string; key: string }, caseId: number): Promise<CaseEvent[]> {
  const r = await db.query<CaseEvent>(
    `select id, at, type, from_state as "fromState", to_state as "toState", actor_kind as "actorKind", actor_id as "actorId",
       actor_name as "actorName", note, data from ${name(events.table)} where ${name(events.key)} = $1 order by id`,
    [caseId],
  );
  return r.rows;
}

/** Cases in the deadline's states past it and not yet flagged, earliest deadline first (the sweep's work list). */
export async function overdueCases(db: Db, table: string, q: { due: string; flag: string; states: readonly string[]; today: string; limit: number }): Promise<number[]> {
  const due = name(q.due);
  const r = await db.query<{ id: number }>(
    `select id from ${name(table)} where state in ${stateList(q.states)} and ${due} < $1::date and not ${name(q.flag)} order by ${due}, id limit $2`,
    [q.today, q.limit],
  );
  return r.rows.map((x) => x.id);
}

/** Cases with list exits still queued after their decision. */
export async function withPendingExits(db: Db, table: string, limit: number): Promise<number[]> {
  const r = await db.query<{ id: number }>(`select id from ${name(table)} where cardinality(pending_list_exits) > 0 order by id limit $1`, [limit]);
  return r.rows.map((x) => x.id);
}

/** Drop list entries from a case's queued exits once they are off their list. */
export async function clearPendingExits(db: Db, table: string, id: number, done: number[]): Promise<void> {
  await db.query(`update ${name(table)} set pending_list_exits = array(select x from unnest(pending_list_exits) x where not x = any($2::bigint[])) where id = $1`, [id, done]);
}
