import type { Db, PoolClient } from '../../db/pool.js';
import { REPORT_BATCH_LOCK } from '../../db/locks.js';
import type { BatchRow } from './batch.js';
import type { ReportKind } from './types.js';

// Batch report jobs (报告管理 → 批量出具): one row per job, its progress and results (SQL only).

export type BatchStatus = 'running' | 'completed' | 'failed' | 'interrupted';

export interface BatchJobRow {
  id: number;
  status: BatchStatus;
  kind: ReportKind;
  purpose: string;
  params: Record<string, unknown>;
  total: number;
  done: number;
  okCount: number;
  errorCount: number;
  rows: BatchRow[];
  error: string | null;
  requesterUserId: number | null;
  requesterName: string | null;
  departmentId: number | null;
  createdAt: Date;
  finishedAt: Date | null;
  hasZip: boolean;
}

const COLS = `id, status, kind, purpose, params, total, done, ok_count as "okCount", error_count as "errorCount", rows, error,
  requester_user_id as "requesterUserId", requester_name as "requesterName", department_id as "departmentId",
  created_at as "createdAt", finished_at as "finishedAt", zip is not null as "hasZip"`;

export interface NewBatchJob {
  kind: ReportKind;
  purpose: string;
  params: Record<string, unknown>;
  total: number;
  requesterUserId: number | null;
  requesterName: string | null;
  departmentId: number | null;
  createdAt: Date;
}

export async function insertBatchJob(db: Db, j: NewBatchJob): Promise<number> {
  const r = await db.query<{ id: number }>(
    `insert into report_batch (status, kind, purpose, params, total, requester_user_id, requester_name, department_id, created_at)
     values ('running', $1, $2, $3, $4, $5, $6, $7, $8) returning id`,
    [j.kind, j.purpose, JSON.stringify(j.params), j.total, j.requesterUserId, j.requesterName, j.departmentId, j.createdAt],
  );
  return Number(r.rows[0]!.id);
}

/** One more row done: appended to the results, counted. */
export async function appendBatchRow(db: Db, id: number, row: BatchRow): Promise<void> {
  await db.query(
    `update report_batch set rows = rows || jsonb_build_array($2::jsonb), done = done + 1,
       ok_count = ok_count + $3, error_count = error_count + $4, updated_at = now()
     where id = $1 and status = 'running'`,
    [id, JSON.stringify(row), row.ok ? 1 : 0, row.ok ? 0 : 1],
  );
}

export async function completeBatchJob(db: Db, id: number, zip: Buffer, at: Date): Promise<void> {
  await db.query(`update report_batch set status = 'completed', zip = $2, finished_at = $3, updated_at = now() where id = $1 and status = 'running'`, [id, zip, at]);
}

export async function failBatchJob(db: Db, id: number, error: string, at: Date): Promise<void> {
  await db.query(`update report_batch set status = 'failed', error = $2, finished_at = $3, updated_at = now() where id = $1 and status = 'running'`, [id, error, at]);
}

export async function findBatchJob(db: Db, id: number): Promise<BatchJobRow | null> {
  const r = await db.query<BatchJobRow>(`select ${COLS} from report_batch where id = $1`, [id]);
  return r.rows[0] ?? null;
}

/** Recent jobs, newest first: one requester's (userId) or everyone's (null). */
export async function listBatchJobs(db: Db, userId: number | null, limit: number): Promise<BatchJobRow[]> {
  const r = await db.query<BatchJobRow>(
    `select ${COLS.replace('rows,', `'[]'::jsonb as rows,`)} from report_batch
      where ($1::int is null or requester_user_id = $1) order by id desc limit $2`,
    [userId, limit],
  );
  return r.rows;
}

export async function runningJobsOf(db: Db, userId: number): Promise<number> {
  const r = await db.query<{ n: number }>(`select count(*)::int as n from report_batch where requester_user_id = $1 and status = 'running'`, [userId]);
  return r.rows[0]!.n;
}

export async function batchZipOf(db: Db, id: number): Promise<Buffer | null> {
  const r = await db.query<{ zip: Buffer | null }>('select zip from report_batch where id = $1', [id]);
  return r.rows[0]?.zip ?? null;
}

const lockKey = 'mod($2::bigint, 2147483648)::int';

/** Held (session lock, on its own connection) by the process generating the batch. */
export async function lockBatchJob(db: PoolClient, id: number): Promise<void> {
  await db.query(`select pg_advisory_lock($1, ${lockKey})`, [REPORT_BATCH_LOCK, id]);
}

export async function unlockBatchJob(db: PoolClient, id: number): Promise<void> {
  await db.query(`select pg_advisory_unlock($1, ${lockKey})`, [REPORT_BATCH_LOCK, id]);
}

/**
 * Jobs left 'running' by a process that is gone (their lock is free) become 'interrupted';
 * returns their ids. Run in a transaction: the probe locks go at its end.
 */
export async function markOrphanedBatchJobs(tx: PoolClient, error: string, at: Date): Promise<number[]> {
  const r = await tx.query<{ id: number }>(
    `with candidate as materialized (select id from report_batch where status = 'running'),
       orphan as (select id from candidate where pg_try_advisory_xact_lock($1, mod(id, 2147483648)::int))
     update report_batch b set status = 'interrupted', error = $2, finished_at = $3, updated_at = now()
     from orphan o where b.id = o.id and b.status = 'running'
     returning b.id`,
    [REPORT_BATCH_LOCK, error, at],
  );
  return r.rows.map((x) => Number(x.id));
}
