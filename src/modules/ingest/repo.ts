import { IMPORT_LOCK } from '../../db/locks.js';
import type { Db, PoolClient } from '../../db/pool.js';
import type { StoredIssue, SubmissionCounts, SubmissionFormat, SubmissionRow, SubmissionStatus } from './types.js';

const COLS = `s.id, s.department_id as "departmentId", d.code as "departmentCode", s.category_id as "categoryId", c.code as "categoryCode",
  s.format, s.file_name as "fileName", s.file_sha256 as "fileSha256", s.file_bytes as "fileBytes", s.encoding, s.mapping, s.columns,
  s.status, s.received, s.created, s.updated, s.unchanged, s.revoked, s.rejected, s.warnings, s.uscc_rows as "usccRows",
  s.uscc_wrong as "usccWrong", s.uscc_conflicts as "usccConflicts", s.received_on::text as "receivedOn", s.submitted_at as "submittedAt",
  s.started_at as "startedAt", s.finished_at as "finishedAt", s.actor_name as "actorName", s.error`;
const FROM = 'from submission s join department d on d.id = s.department_id join category c on c.id = s.category_id';

export interface NewSubmission {
  departmentId: number;
  categoryId: number;
  format: SubmissionFormat;
  fileName: string | null;
  encoding: string | null;
  mapping: string | null;
  columns: string[];
  receivedOn: string;
  /** When it was received (the clock's time); received_on is its China date. */
  submittedAt: Date;
  actor: { kind: string; id: string | null; name: string };
}

export async function insertSubmission(db: Db, s: NewSubmission): Promise<number> {
  const r = await db.query<{ id: number }>(
    `insert into submission (department_id, category_id, format, file_name, encoding, mapping, columns, received_on, actor_kind, actor_id, actor_name, submitted_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) returning id`,
    [s.departmentId, s.categoryId, s.format, s.fileName, s.encoding, s.mapping, s.columns, s.receivedOn, s.actor.kind, s.actor.id, s.actor.name, s.submittedAt],
  );
  const id = r.rows[0]!.id;
  await db.query(`insert into submission_event (submission_id, status, at) values ($1, 'received', $2)`, [id, s.submittedAt]);
  return id;
}

/**
 * Move a submission from one status to the next (false when it was not in `from`), with its event
 * row at the clock's time `at`. started_at/finished_at stay the database's: they measure how long
 * the machine took, which a pinned clock would make zero.
 */
export async function setStatus(
  db: Db,
  id: number,
  from: SubmissionStatus[],
  status: SubmissionStatus,
  at: Date,
  patch: { fileSha256?: string | null; fileBytes?: number | null; columns?: string[] | null; error?: unknown } = {},
): Promise<boolean> {
  const r = await db.query(
    `update submission set status = $2,
       started_at = case when $2 = 'processing' then now() else started_at end,
       finished_at = case when $2 in ('completed', 'failed', 'interrupted') then now() else finished_at end,
       file_sha256 = coalesce($3, file_sha256), file_bytes = coalesce($4, file_bytes), columns = coalesce($5, columns),
       error = coalesce($6::jsonb, error)
     where id = $1 and status = any($7::text[])`,
    [id, status, patch.fileSha256 ?? null, patch.fileBytes ?? null, patch.columns ?? null, patch.error === undefined ? null : JSON.stringify(patch.error), from],
  );
  if (!r.rowCount) return false;
  await db.query('insert into submission_event (submission_id, status, detail, at) values ($1, $2, $3, $4)', [id, status, patch.error ? { error: patch.error } : {}, at]);
  return true;
}

// A running import holds IMPORT_LOCK (with the submission id) on its connection for as long as it
// runs: the lock goes when the import ends or its process dies, which is how start-up tells an
// import cut off by a kill from one that another process is still running.
const lockKey = 'mod($2::bigint, 2147483648)::int';

export async function lockImport(db: PoolClient, id: number): Promise<void> {
  await db.query(`select pg_advisory_lock($1, ${lockKey})`, [IMPORT_LOCK, id]);
}

export async function unlockImport(db: PoolClient, id: number): Promise<void> {
  await db.query(`select pg_advisory_unlock($1, ${lockKey})`, [IMPORT_LOCK, id]);
}

/**
 * Submissions left 'received' or 'processing' by an import nobody runs any more (its lock is
 * free), moved to 'interrupted' with their event rows; returns their ids.
 */
export async function markInterrupted(tx: PoolClient, at: Date, error: { code: string; message: string }): Promise<number[]> {
  const r = await tx.query<{ id: number }>(
    `with candidate as materialized (select id from submission where status in ('received', 'processing')),
       orphan as (select id from candidate where pg_try_advisory_xact_lock($1, mod(id, 2147483648)::int))
     update submission s set status = 'interrupted', finished_at = now(), error = $2::jsonb
     from orphan o where s.id = o.id and s.status in ('received', 'processing')
     returning s.id`,
    [IMPORT_LOCK, JSON.stringify(error)],
  );
  const ids = r.rows.map((x) => x.id).sort((a, b) => a - b);
  await tx.query(
    `insert into submission_event (submission_id, status, detail, at) select id, 'interrupted', $2::jsonb, $3 from unnest($1::bigint[]) as id`,
    [ids, JSON.stringify({ error }), at],
  );
  return ids;
}

export interface BatchTally extends SubmissionCounts {
  usccRows: number;
  usccWrong: number;
  usccConflicts: number;
}

export async function addCounts(db: Db, id: number, t: BatchTally): Promise<void> {
  await db.query(
    `update submission set received = received + $2, created = created + $3, updated = updated + $4, unchanged = unchanged + $5,
       revoked = revoked + $6, rejected = rejected + $7, warnings = warnings + $8, uscc_rows = uscc_rows + $9,
       uscc_wrong = uscc_wrong + $10, uscc_conflicts = uscc_conflicts + $11
     where id = $1`,
    [id, t.received, t.created, t.updated, t.unchanged, t.revoked, t.rejected, t.warnings, t.usccRows, t.usccWrong, t.usccConflicts],
  );
}

export async function insertIssues(db: Db, submissionId: number, issues: StoredIssue[]): Promise<void> {
  if (!issues.length) return;
  await db.query(
    `insert into submission_error (submission_id, row_no, severity, field, code, message, raw)
     select $1, n, sv, f, c, m, r::jsonb from unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) as v(n, sv, f, c, m, r)`,
    [submissionId, issues.map((i) => i.rowNo), issues.map((i) => i.severity), issues.map((i) => i.field), issues.map((i) => i.code),
      issues.map((i) => i.message), issues.map((i) => (i.raw ? JSON.stringify(i.raw) : null))],
  );
}

export async function addFieldFill(db: Db, submissionId: number, fill: Map<string, number>): Promise<void> {
  if (!fill.size) return;
  await db.query(
    `insert into submission_field (submission_id, field, filled) select $1, f, n from unnest($2::text[], $3::int[]) as v(f, n)
     on conflict (submission_id, field) do update set filled = submission_field.filled + excluded.filled`,
    [submissionId, [...fill.keys()], [...fill.values()]],
  );
}

export async function findSubmission(db: Db, id: number): Promise<SubmissionRow | null> {
  return (await db.query<SubmissionRow>(`select ${COLS} ${FROM} where s.id = $1`, [id])).rows[0] ?? null;
}

export async function listSubmissions(db: Db, q: { departmentId: number | null; limit: number; offset: number }): Promise<{ items: SubmissionRow[]; total: number }> {
  const [items, total] = await Promise.all([
    db.query<SubmissionRow>(`select ${COLS} ${FROM} where ($1::int is null or s.department_id = $1) order by s.id desc limit $2 offset $3`, [q.departmentId, q.limit, q.offset]),
    db.query<{ n: number }>('select count(*)::int as n from submission where ($1::int is null or department_id = $1)', [q.departmentId]),
  ]);
  return { items: items.rows, total: total.rows[0]!.n };
}

export async function issuesOf(db: Db, id: number, severity: 'error' | 'warning', limit: number): Promise<StoredIssue[]> {
  const r = await db.query<StoredIssue>(
    `select row_no as "rowNo", severity, field, code, message, null as raw from submission_error
     where submission_id = $1 and severity = $2 order by row_no, id limit $3`,
    [id, severity, limit],
  );
  return r.rows;
}

/** Rejected rows after a row number, each with its reasons joined and the raw row as submitted. */
export async function rejectedRows(db: Db, id: number, afterRow: number, limit: number): Promise<{ rowNo: number; reason: string; raw: Record<string, string> | null }[]> {
  const r = await db.query<{ rowNo: number; reason: string; raw: Record<string, string> | null }>(
    `select row_no as "rowNo", string_agg(message, '；' order by id) as reason, (array_agg(raw order by id))[1] as raw
     from submission_error where submission_id = $1 and severity = 'error' and row_no > $2
     group by row_no order by row_no limit $3`,
    [id, afterRow, limit],
  );
  return r.rows;
}
