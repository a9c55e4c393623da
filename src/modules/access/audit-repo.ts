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
  /** Null until the sequencer seals the entry into the chain (see sealing below). */
  prevHash: string | null;
  hash: string | null;
}

/** A sealed entry: its place in the chain and its links. */
export interface SealedAuditRow extends AuditRow {
  chainPos: number;
  prevHash: string;
  hash: string;
}

const COLS = `seq, at, actor_kind as "actorKind", actor_id as "actorId", actor_name as "actorName",
  department_id as "departmentId", action, subject_id as "subjectId", categories, purpose, ip, details,
  prev_hash as "prevHash", hash`;

/** Append an entry, unsealed: a plain insert that takes no lock and reads nothing. */
export async function insertAudit(db: Db, row: Omit<AuditRow, 'seq' | 'prevHash' | 'hash'>): Promise<number> {
  const r = await db.query<{ seq: number }>(
    `insert into audit_log (at, actor_kind, actor_id, actor_name, department_id, action, subject_id, categories, purpose, ip, details)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning seq`,
    [row.at, row.actorKind, row.actorId, row.actorName, row.departmentId, row.action, row.subjectId, row.categories,
      row.purpose, row.ip, row.details],
  );
  return r.rows[0]!.seq;
}

/**
 * Become the sequencer for the rest of the transaction: `wait` blocks until a running one is done
 * (verification), otherwise false when another process is sealing right now.
 */
export async function lockSequencer(db: Db, wait: boolean): Promise<boolean> {
  if (wait) {
    await db.query('select pg_advisory_xact_lock($1)', [AUDIT_LOG_LOCK]);
    return true;
  }
  return (await db.query<{ ok: boolean }>('select pg_try_advisory_xact_lock($1) as ok', [AUDIT_LOG_LOCK])).rows[0]!.ok;
}

/** The last sealed link: its position and hash (null for an empty chain). */
export async function chainTail(db: Db): Promise<{ chainPos: number; hash: string } | null> {
  const r = await db.query<{ chainPos: number; hash: string }>(
    'select chain_pos as "chainPos", hash from audit_log where chain_pos is not null order by chain_pos desc limit 1',
  );
  return r.rows[0] ?? null;
}

/** Committed entries not yet in the chain, oldest first. */
export async function unsealedAudit(db: Db, limit: number): Promise<AuditRow[]> {
  return (await db.query<AuditRow>(`select ${COLS} from audit_log where chain_pos is null order by seq limit $1`, [limit])).rows;
}

/** Write the sequencer's links for a batch (one statement). */
export async function sealAuditRows(db: Db, links: { seq: number; chainPos: number; prevHash: string; hash: string }[]): Promise<void> {
  if (!links.length) return;
  await db.query(
    `update audit_log a set chain_pos = v.pos, prev_hash = v.prev, hash = v.hash
       from unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[]) as v(seq, pos, prev, hash)
      where a.seq = v.seq and a.chain_pos is null`,
    [links.map((l) => l.seq), links.map((l) => l.chainPos), links.map((l) => l.prevHash), links.map((l) => l.hash)],
  );
}

/** How many committed entries wait to be sealed. */
export async function countUnsealed(db: Db): Promise<number> {
  return (await db.query<{ n: number }>('select count(*)::int as n from audit_log where chain_pos is null')).rows[0]!.n;
}

/** An entry as the audit screen lists it: with the names of its subject and department. */
export interface ListedAuditRow extends AuditRow {
  subjectName: string | null;
  /** The USCC, or for a natural person the masked ID number: never the number itself. */
  subjectCode: string | null;
  departmentName: string | null;
}

export async function queryAudit(
  db: Db,
  q: {
    subjectId?: number | null; actor?: string | null; actions?: readonly string[] | null; actionPrefixes?: readonly string[] | null;
    from?: string | null; to?: string | null; limit: number; offset: number;
  },
): Promise<{ items: ListedAuditRow[]; total: number }> {
  const where = `($1::bigint is null or subject_id = $1) and ($2::text is null or actor_name = $2 or actor_id = $2)
    and ($3::date is null or at >= $3::date) and ($4::date is null or at < $4::date + 1)
    and ($5::text[] is null or action = any($5::text[]) or exists (select 1 from unnest($6::text[]) p where starts_with(action, p)))`;
  const params = [q.subjectId ?? null, q.actor ?? null, q.from ?? null, q.to ?? null, q.actions ? [...q.actions] : null, q.actionPrefixes ? [...q.actionPrefixes] : null];
  const [items, total] = await Promise.all([
    db.query<ListedAuditRow>(
      `select a.*, s.name as "subjectName", coalesce(s.uscc, s.id_masked) as "subjectCode", d.name as "departmentName"
       from (select ${COLS} from audit_log where ${where} order by seq desc limit $7 offset $8) a
       left join subject s on s.id = a."subjectId" left join department d on d.id = a."departmentId"
       order by a.seq desc`,
      [...params, q.limit, q.offset],
    ),
    db.query<{ n: number }>(`select count(*)::int as n from audit_log where ${where}`, params),
  ]);
  return { items: items.rows, total: total.rows[0]!.n };
}

/** Stream the sealed chain in chain order, in pages, for verification. */
export async function* scanAudit(db: Db, pageSize = 5000): AsyncGenerator<SealedAuditRow> {
  let after = 0;
  for (;;) {
    const r = await db.query<SealedAuditRow>(
      `select ${COLS}, chain_pos as "chainPos" from audit_log where chain_pos > $1 order by chain_pos limit $2`, [after, pageSize],
    );
    for (const row of r.rows) yield row;
    if (r.rows.length < pageSize) return;
    after = r.rows[r.rows.length - 1]!.chainPos;
  }
}
