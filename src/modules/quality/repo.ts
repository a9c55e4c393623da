import type { Db } from '../../db/pool.js';

// Set-based aggregates over the collection tables for one period (received_on / first_received_on).

export interface Period {
  from: string;
  to: string;
  departmentId: number | null;
}

const WHERE = 's.received_on between $1::date and $2::date and ($3::int is null or s.department_id = $3)';
const args = (p: Period) => [p.from, p.to, p.departmentId];

export interface PairRef {
  departmentId: number;
  categoryId: number;
}

export interface SubmissionTotals extends PairRef {
  submissions: number;
  received: number;
  created: number;
  updated: number;
  unchanged: number;
  revoked: number;
  rejected: number;
  warnings: number;
  usccRows: number;
  usccWrong: number;
  usccConflicts: number;
}

export async function submissionTotals(db: Db, p: Period): Promise<SubmissionTotals[]> {
  const r = await db.query<SubmissionTotals>(
    `select s.department_id as "departmentId", s.category_id as "categoryId", count(*)::int as submissions,
       sum(s.received)::int as received, sum(s.created)::int as created, sum(s.updated)::int as updated,
       sum(s.unchanged)::int as unchanged, sum(s.revoked)::int as revoked, sum(s.rejected)::int as rejected,
       sum(s.warnings)::int as warnings, sum(s.uscc_rows)::int as "usccRows", sum(s.uscc_wrong)::int as "usccWrong",
       sum(s.uscc_conflicts)::int as "usccConflicts"
     from submission s where ${WHERE} group by 1, 2`,
    args(p),
  );
  return r.rows;
}

export async function obligations(db: Db, departmentId: number | null): Promise<PairRef[]> {
  const r = await db.query<PairRef>(
    `select department_id as "departmentId", category_id as "categoryId" from department_obligation
     where ($1::int is null or department_id = $1) order by 1, 2`,
    [departmentId],
  );
  return r.rows;
}

export async function fieldFill(db: Db, p: Period): Promise<(PairRef & { field: string; filled: number })[]> {
  const r = await db.query<PairRef & { field: string; filled: number }>(
    `select s.department_id as "departmentId", s.category_id as "categoryId", f.field, sum(f.filled)::int as filled
     from submission_field f join submission s on s.id = f.submission_id where ${WHERE} group by 1, 2, 3`,
    args(p),
  );
  return r.rows;
}

/** Distinct decision dates of records first received in the period, for categories with a deadline. */
export async function decisionDates(db: Db, p: Period, categoryIds: number[]): Promise<{ categoryId: number; decidedOn: string }[]> {
  const r = await db.query<{ categoryId: number; decidedOn: string }>(
    `select distinct category_id as "categoryId", decided_on::text as "decidedOn" from record_receipt
     where first_received_on between $1::date and $2::date and ($3::int is null or department_id = $3)
       and decided_on is not null and category_id = any($4::int[])`,
    [...args(p), categoryIds],
  );
  return r.rows;
}

export interface Timeliness extends PairRef {
  evaluated: number;
  late: number;
  provisional: boolean;
}

/** Records first received in the period, late when received after their deadline (computed from the calendar). */
export async function timeliness(db: Db, p: Period, deadlines: { categoryId: number; decidedOn: string; deadline: string; provisional: boolean }[]): Promise<Timeliness[]> {
  if (!deadlines.length) return [];
  const r = await db.query<Timeliness>(
    `with d(category_id, decided_on, deadline, provisional) as (select * from unnest($4::int[], $5::date[], $6::date[], $7::boolean[]))
     select rr.department_id as "departmentId", rr.category_id as "categoryId", count(*)::int as evaluated,
       (count(*) filter (where rr.first_received_on > d.deadline))::int as late, bool_or(d.provisional) as provisional
     from record_receipt rr join d on d.category_id = rr.category_id and d.decided_on = rr.decided_on
     where rr.first_received_on between $1::date and $2::date and ($3::int is null or rr.department_id = $3)
     group by 1, 2`,
    [...args(p), deadlines.map((d) => d.categoryId), deadlines.map((d) => d.decidedOn), deadlines.map((d) => d.deadline), deadlines.map((d) => d.provisional)],
  );
  return r.rows;
}

export async function rejectionsByReason(db: Db, p: Period): Promise<(PairRef & { code: string; rows: number })[]> {
  const r = await db.query<PairRef & { code: string; rows: number }>(
    `select s.department_id as "departmentId", s.category_id as "categoryId", e.code, count(distinct (e.submission_id, e.row_no))::int as rows
     from submission_error e join submission s on s.id = e.submission_id
     where e.severity = 'error' and ${WHERE} group by 1, 2, 3 order by 4 desc, 3`,
    args(p),
  );
  return r.rows;
}

export async function setObligations(db: Db, departmentId: number, categoryIds: number[]): Promise<void> {
  await db.query('delete from department_obligation where department_id = $1 and not (category_id = any($2::int[]))', [departmentId, categoryIds]);
  await db.query(
    `insert into department_obligation (department_id, category_id) select $1, c from unnest($2::int[]) c on conflict do nothing`,
    [departmentId, categoryIds],
  );
}

export async function departmentsById(db: Db, ids: number[]): Promise<Map<number, { code: string; name: string }>> {
  const r = await db.query<{ id: number; code: string; name: string }>('select id, code, name from department where id = any($1::int[])', [ids]);
  return new Map(r.rows.map((d) => [d.id, { code: d.code, name: d.name }]));
}
