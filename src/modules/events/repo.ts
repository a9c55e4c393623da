import { RECORD_LEDGER_LOCK } from '../../db/locks.js';
import type { Db } from '../../db/pool.js';
import type { DomainEvent, NewDomainEvent } from './types.js';

const COLS = `id, type, subject_id as "subjectId", payload, created_at as "createdAt"`;

/**
 * Take the event lock, the record ledger's, for the rest of the transaction (call first in
 * transactions that emit): every event insert holds it until commit, so ids follow commit order.
 */
export async function lockEvents(db: Db): Promise<void> {
  await db.query('select pg_advisory_xact_lock($1)', [RECORD_LEDGER_LOCK]);
}

export async function insertEvents(db: Db, at: Date, events: NewDomainEvent[]): Promise<DomainEvent[]> {
  if (!events.length) return [];
  await lockEvents(db);
  const r = await db.query<DomainEvent>(
    `insert into domain_event (type, subject_id, payload, created_at)
     select t.type, t.subject_id, t.payload, $4 from unnest($1::text[], $2::bigint[], $3::jsonb[]) with ordinality as t(type, subject_id, payload, n)
     order by t.n returning ${COLS}`,
    [events.map((e) => e.type), events.map((e) => e.subjectId ?? null), events.map((e) => JSON.stringify(e.payload ?? {})), at],
  );
  return r.rows;
}

export async function eventsAfter(db: Db, q: { after: number; types: string[]; limit: number }): Promise<DomainEvent[]> {
  const r = await db.query<DomainEvent>(
    `select ${COLS} from domain_event where id > $1 and (cardinality($2::text[]) = 0 or type = any($2::text[])) order by id limit $3`,
    [q.after, q.types, q.limit],
  );
  return r.rows;
}

export async function lastEventId(db: Db): Promise<number> {
  const r = await db.query<{ id: number | null }>('select max(id) as id from domain_event');
  return r.rows[0]?.id ?? 0;
}
