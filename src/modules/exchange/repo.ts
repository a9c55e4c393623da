import type { Db } from '../../db/pool.js';
import type { BatchRow, LedgerChange, Receipt, Receives, TargetKind, TargetRow } from './types.js';

const TCOLS = `id, name, kind, base_url as "baseUrl", credential_cipher as "credentialCipher", remote_department as "remoteDepartment",
  receives, active, cursor_seq as "cursorSeq", attempts, next_attempt_at as "nextAttemptAt", last_error as "lastError",
  last_delivered_at as "lastDeliveredAt", paused_at as "pausedAt", created_at as "createdAt", updated_at as "updatedAt"`;
const BCOLS = `id, target_id as "targetId", from_seq as "fromSeq", to_seq as "toSeq", changes, status, attempts,
  last_error as "lastError", receipt, created_at as "createdAt", acknowledged_at as "acknowledgedAt"`;

export interface TargetData {
  name: string;
  kind: TargetKind;
  baseUrl: string;
  credentialCipher: Buffer;
  remoteDepartment: string;
  receives: Receives;
  active: boolean;
}

export async function insertTarget(db: Db, d: TargetData, at: Date): Promise<TargetRow> {
  const r = await db.query<TargetRow>(
    `insert into exchange_target (name, kind, base_url, credential_cipher, remote_department, receives, active, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $8) returning ${TCOLS}`,
    [d.name, d.kind, d.baseUrl, d.credentialCipher, d.remoteDepartment, JSON.stringify(d.receives), d.active, at],
  );
  return r.rows[0]!;
}

export async function updateTarget(db: Db, id: number, d: TargetData, at: Date): Promise<TargetRow | null> {
  const r = await db.query<TargetRow>(
    `update exchange_target set name = $2, kind = $3, base_url = $4, credential_cipher = $5, remote_department = $6, receives = $7,
       active = $8, updated_at = $9 where id = $1 returning ${TCOLS}`,
    [id, d.name, d.kind, d.baseUrl, d.credentialCipher, d.remoteDepartment, JSON.stringify(d.receives), d.active, at],
  );
  return r.rows[0] ?? null;
}

export async function findTarget(db: Db, id: number, forUpdate = false): Promise<TargetRow | null> {
  const r = await db.query<TargetRow>(`select ${TCOLS} from exchange_target where id = $1 ${forUpdate ? 'for update' : ''}`, [id]);
  return r.rows[0] ?? null;
}

export async function findTargetByName(db: Db, name: string): Promise<TargetRow | null> {
  const r = await db.query<TargetRow>(`select ${TCOLS} from exchange_target where name = $1`, [name]);
  return r.rows[0] ?? null;
}

export async function listTargets(db: Db): Promise<TargetRow[]> {
  return (await db.query<TargetRow>(`select ${TCOLS} from exchange_target order by id`)).rows;
}

export async function deleteTarget(db: Db, id: number): Promise<boolean> {
  return ((await db.query('delete from exchange_target where id = $1', [id])).rowCount ?? 0) > 0;
}

/** Active, not paused targets whose back-off has run out. */
export async function dueTargets(db: Db, now: Date): Promise<TargetRow[]> {
  return (await db.query<TargetRow>(
    `select ${TCOLS} from exchange_target where active and paused_at is null and (next_attempt_at is null or next_attempt_at <= $1) order by id`,
    [now],
  )).rows;
}

export async function openBatch(db: Db, targetId: number): Promise<BatchRow | null> {
  const r = await db.query<BatchRow>(`select ${BCOLS} from exchange_batch where target_id = $1 and status = 'pending'`, [targetId]);
  return r.rows[0] ?? null;
}

export async function insertBatch(db: Db, b: { targetId: number; fromSeq: number; toSeq: number; changes: number; at: Date }): Promise<BatchRow> {
  const r = await db.query<BatchRow>(
    `insert into exchange_batch (target_id, from_seq, to_seq, changes, status, created_at) values ($1, $2, $3, $4, 'pending', $5) returning ${BCOLS}`,
    [b.targetId, b.fromSeq, b.toSeq, b.changes, b.at],
  );
  return r.rows[0]!;
}

export async function listBatches(db: Db, targetId: number, limit: number): Promise<BatchRow[]> {
  return (await db.query<BatchRow>(`select ${BCOLS} from exchange_batch where target_id = $1 order by id desc limit $2`, [targetId, limit])).rows;
}

export async function batchCounts(db: Db, targetId: number): Promise<{ pending: number; dead: number; acknowledged: number }> {
  const r = await db.query<{ pending: number; dead: number; acknowledged: number }>(
    `select count(*) filter (where status = 'pending')::int as pending, count(*) filter (where status = 'dead')::int as dead,
       count(*) filter (where status = 'acknowledged')::int as acknowledged from exchange_batch where target_id = $1`,
    [targetId],
  );
  return r.rows[0]!;
}

/** The receipt is stored and the cursor moves in one statement pair (same transaction): exactly once with the receiver's idempotency. */
export async function acknowledge(db: Db, batch: BatchRow, receipt: Receipt, at: Date): Promise<void> {
  await db.query(`update exchange_batch set status = 'acknowledged', receipt = $2, attempts = attempts + 1, last_error = null, acknowledged_at = $3 where id = $1`, [batch.id, JSON.stringify(receipt), at]);
  await db.query(
    `update exchange_target set cursor_seq = $2, attempts = 0, next_attempt_at = null, last_error = null, last_delivered_at = $3 where id = $1`,
    [batch.targetId, batch.toSeq, at],
  );
}

export async function recordFailure(db: Db, batch: BatchRow, error: string, next: Date | null, dead: boolean, at: Date): Promise<void> {
  await db.query(`update exchange_batch set attempts = attempts + 1, last_error = $2, status = $3 where id = $1`, [batch.id, error, dead ? 'dead' : 'pending']);
  await db.query(
    `update exchange_target set attempts = $2, next_attempt_at = $3, last_error = $4, paused_at = $5 where id = $1`,
    [batch.targetId, dead ? 0 : batch.attempts + 1, next, error, dead ? at : null],
  );
}

/** An operator resumes a paused target: its dead batch (if any) becomes the open batch again. */
export async function resumeTarget(db: Db, id: number): Promise<void> {
  await db.query(
    `update exchange_batch set status = 'pending', attempts = 0 where id = (select id from exchange_batch where target_id = $1 and status = 'dead' order by id desc limit 1)
       and not exists (select 1 from exchange_batch where target_id = $1 and status = 'pending')`,
    [id],
  );
  await db.query(`update exchange_target set paused_at = null, attempts = 0, next_attempt_at = null where id = $1`, [id]);
}

const CHANGE_SELECT = `select v.seq, v.record_id as "recordId", v.version, v.op, c.code as category, v.snapshot->>'sourceKey' as "sourceKey",
  v.snapshot->>'state' as state, v.snapshot->'fields' as fields, v.reason
  from record_version v join record r on r.id = v.record_id join category c on c.id = r.category_id`;

/**
 * The next ledger changes after a cursor in the target's categories (empty: all). Ledger appends
 * hold one advisory lock until commit (records/repo.ts lockLedgerTail), so seq order is commit
 * order and no change can later appear below a cursor already passed.
 */
export async function nextChanges(db: Db, afterSeq: number, categories: string[], limit: number): Promise<LedgerChange[]> {
  return (await db.query<LedgerChange>(
    `${CHANGE_SELECT} where v.seq > $1 and (cardinality($2::text[]) = 0 or c.code = any($2)) order by v.seq limit $3`,
    [afterSeq, categories, limit],
  )).rows;
}

/** The changes of a batch, re-read from the append-only ledger (same rows every retry). */
export async function changesIn(db: Db, fromSeq: number, toSeq: number, categories: string[]): Promise<LedgerChange[]> {
  return (await db.query<LedgerChange>(
    `${CHANGE_SELECT} where v.seq > $1 and v.seq <= $2 and (cardinality($3::text[]) = 0 or c.code = any($3)) order by v.seq`,
    [fromSeq, toSeq, categories],
  )).rows;
}

export async function ledgerHead(db: Db): Promise<number> {
  return (await db.query<{ seq: number | null }>('select max(seq) as seq from record_version')).rows[0]?.seq ?? 0;
}

/** Encrypted personal values (e.g. an ID number) of records: sent in full to the target, never stored in the clear. */
export async function personalValues(db: Db, recordIds: number[]): Promise<{ recordId: number; field: string; cipher: Buffer }[]> {
  if (!recordIds.length) return [];
  return (await db.query<{ recordId: number; field: string; cipher: Buffer }>(
    `select record_id as "recordId", field, value_cipher as cipher from record_personal where record_id = any($1::bigint[])`,
    [recordIds],
  )).rows;
}

/** Records the inbound side needs: a state change names its record by (department, category, source key). */
export async function findInboundRecord(db: Db, departmentId: number, categoryCode: string, sourceKey: string): Promise<{ id: number; categoryId: number; state: string } | null> {
  const r = await db.query<{ id: number; categoryId: number; state: string }>(
    `select r.id, r.category_id as "categoryId", r.state from record r join category c on c.id = r.category_id
      where r.department_id = $1 and c.code = $2 and r.source_key = $3 for update of r`,
    [departmentId, categoryCode, sourceKey],
  );
  return r.rows[0] ?? null;
}

/** Claims an inbound change's idempotency key; false when it was received before. */
export async function claimInbound(db: Db, k: { departmentId: number; categoryId: number; sourceKey: string; version: number; state: string; recordId: number; at: Date }): Promise<boolean> {
  const r = await db.query(
    `insert into exchange_inbound (department_id, category_id, source_key, version, state, record_id, received_at) values ($1, $2, $3, $4, $5, $6, $7)
     on conflict do nothing`,
    [k.departmentId, k.categoryId, k.sourceKey, k.version, k.state, k.recordId, k.at],
  );
  return (r.rowCount ?? 0) > 0;
}
