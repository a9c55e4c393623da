import { AUDIT_LOG_LOCK } from '../../db/locks.js';
import type { Db } from '../../db/pool.js';

export interface AuditRow {
  seq: number;
  at: Date;
  actorKind: string;
  actorId: string | null;
  actorName: string | null;
  departmentId: number | null;
  action: string;
  subjectId: number | null;
  categories: string[];
  purpose: string | null;
  ip: string | null;
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

const COLS = `seq, at, actor_kind as "actorKind", actor_id as "actorId", actor_name as "actorName",
  department_id as "departmentId", action, subject_id as "subjectId", categories, purpose, ip, details,
  prev_hash as "prevHash", hash`;

/** Serialise appends to the chain for the rest of the transaction; returns the last hash. */
export async function lockAuditTail(db: Db): Promise<string | null> {
  await db.query('select pg_advisory_xact_lock($1)', [AUDIT_LOG_LOCK]);
  const r = await db.query<{ hash: string }>('select hash from audit_log order by seq desc limit 1');
  return r.rows[0]?.hash ?? null;
}

export async function insertAudit(db: Db, row: Omit<AuditRow, 'seq'>): Promise<number> {
  const r = await db.query<{ seq: number }>(
    `insert into audit_log (at, actor_kind, actor_id, actor_name, department_id, action, subject_id, categories,
       purpose, ip, details, prev_hash, hash)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) returning seq`,
    [row.at, row.actorKind, row.actorId, row.actorName, row.departmentId, row.action, row.subjectId, row.categories,
      row.purpose, row.ip, row.details, row.prevHash, row.hash],
  );
  return r.rows[0]!.seq;
}

export async function queryAudit(
  db: Db,
  q: { subjectId?: number | null; actor?: string | null; actions?: readonly string[] | null; from?: string | null; to?: string | null; limit: number; offset: number },
): Promise<{ items: AuditRow[]; total: number }> {
  const where = `($1::bigint is null or subject_id = $1) and ($2::text is null or actor_name = $2 or actor_id = $2)
    and ($3::date is null or at >= $3::date) and ($4::date is null or at < $4::date + 1) and ($5::text[] is null or action = any($5::text[]))`;
  const params = [q.subjectId ?? null, q.actor ?? null, q.from ?? null, q.to ?? null, q.actions ? [...q.actions] : null];
  const [items, total] = await Promise.all([
    db.query<AuditRow>(`select ${COLS} from audit_log where ${where} order by seq desc limit $6 offset $7`, [...params, q.limit, q.offset]),
    db.query<{ n: number }>(`select count(*)::int as n from audit_log where ${where}`, params),
  ]);
  return { items: items.rows, total: total.rows[0]!.n };
}

/** Stream the whole chain in order, in pages, for verification. */
export async function* scanAudit(db: Db, pageSize = 5000): AsyncGenerator<AuditRow> {
  let after = 0;
  for (;;) {
    const r = await db.query<AuditRow>(`select ${COLS} from audit_log where seq > $1 order by seq limit $2`, [after, pageSize]);
    for (const row of r.rows) yield row;
    if (r.rows.length < pageSize) return;
    after = r.rows[r.rows.length - 1]!.seq;
  }
}
