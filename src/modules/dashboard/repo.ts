import type { Db } from '../../db/pool.js';

// Read-only aggregates for the console's dashboards and the portal's party page. Every query is a
// single GROUP BY over indexed columns; nothing here writes.

export interface Period {
  from: string;
  to: string;
}

export interface RecordMonthRow {
  month: string;
  category: string;
  categoryName: string;
  count: number;
}

/** Records by category and month of decision (receipt date when a record has no decision date). */
export async function recordsByCategoryMonth(db: Db, p: Period & { departmentId: number | null }): Promise<RecordMonthRow[]> {
  const r = await db.query<RecordMonthRow>(
    `select to_char(coalesce(r.decided_on, (r.created_at at time zone 'Asia/Shanghai')::date), 'YYYY-MM') as month, c.code as category, c.name as "categoryName", count(*)::int as count
       from record r join category c on c.id = r.category_id
      where coalesce(r.decided_on, (r.created_at at time zone 'Asia/Shanghai')::date) between $1::date and $2::date
        and r.state <> 'revoked' and ($3::int is null or r.department_id = $3)
      group by 1, 2, 3 order by 1, 2`,
    [p.from, p.to, p.departmentId],
  );
  return r.rows;
}

export interface GradeRow {
  region: string | null;
  industry: string | null;
  grade: string;
  count: number;
}

export interface LatestRun {
  runId: number;
  model: string;
  modelName: string;
  asOf: string;
}

/** The latest completed evaluation run of each model. */
export async function latestRuns(db: Db): Promise<LatestRun[]> {
  const r = await db.query<LatestRun>(
    `select distinct on (m.code) er.id as "runId", m.code as model, m.name as "modelName", er.as_of as "asOf"
       from evaluation_run er join evaluation_model m on m.id = er.model_id
      where er.status = 'completed' order by m.code, er.id desc`,
  );
  return r.rows;
}

/** Grades of a run by the subjects' district and industry. */
export async function gradesByRegionIndustry(db: Db, runIds: number[]): Promise<GradeRow[]> {
  if (!runIds.length) return [];
  const r = await db.query<GradeRow>(
    `select s.region_code as region, s.industry_code as industry, res.grade, count(*)::int as count
       from evaluation_result res join subject s on s.id = res.subject_id
      where res.run_id = any($1::bigint[])
      group by 1, 2, 3 order by 1, 2, 3`,
    [runIds],
  );
  return r.rows;
}

export interface ListMonthRow {
  month: string;
  kind: string;
  entered: number;
  exited: number;
}

/** List entries entered and exited per month and list kind. */
export async function listEntriesByMonth(db: Db, p: Period): Promise<ListMonthRow[]> {
  const r = await db.query<ListMonthRow>(
    `with moves as (
       select to_char(e.listed_on, 'YYYY-MM') as month, l.kind, 1 as entered, 0 as exited
         from list_entry e join list l on l.id = e.list_id where e.listed_on between $1::date and $2::date
       union all
       select to_char(e.exited_on, 'YYYY-MM'), l.kind, 0, 1
         from list_entry e join list l on l.id = e.list_id where e.exited_on between $1::date and $2::date)
     select month, kind, sum(entered)::int as entered, sum(exited)::int as exited from moves group by 1, 2 order by 1, 2`,
    [p.from, p.to],
  );
  return r.rows;
}

export interface DistrictRow {
  region: string;
  subjects: number;
  records: number;
  adverse: number;
  listed: number;
}

/** Per district (subject region code): subjects, live records, live adverse records, live list entries. */
export async function byDistrict(db: Db): Promise<DistrictRow[]> {
  const r = await db.query<DistrictRow>(
    `select s.region_code as region, count(*)::int as subjects,
            coalesce(sum(rc.records), 0)::int as records, coalesce(sum(rc.adverse), 0)::int as adverse, coalesce(sum(le.listed), 0)::int as listed
       from subject s
       left join (select r.subject_id, count(*) as records, count(*) filter (where c.adverse) as adverse
                    from record r join category c on c.id = r.category_id where r.state in ('active', 'disputed') group by 1) rc on rc.subject_id = s.id
       left join (select subject_id, count(*) as listed from list_entry where state = 'listed' group by 1) le on le.subject_id = s.id
      where s.region_code is not null
      group by 1 order by 1`,
  );
  return r.rows;
}

export interface SubjectEntryRow {
  id: number;
  list: string;
  listName: string;
  listKind: string;
  issuer: string;
  subjectId: number;
  decidedBy: string;
  documentNo: string | null;
  reason: string;
  listedOn: string;
  plannedExpiry: string | null;
  state: string;
  exitReason: string | null;
  exitedOn: string | null;
}

/** Live entries of one subject; public lists only unless `includeNonPublic`. */
export async function subjectEntries(db: Db, subjectId: number, includeNonPublic: boolean): Promise<SubjectEntryRow[]> {
  const r = await db.query<SubjectEntryRow>(
    `select e.id, l.code as list, l.name as "listName", l.kind as "listKind", l.issuer, e.subject_id as "subjectId", e.decided_by as "decidedBy",
            e.document_no as "documentNo", e.reason, e.listed_on as "listedOn", e.planned_expiry as "plannedExpiry", e.state,
            e.exit_reason as "exitReason", e.exited_on as "exitedOn"
       from list_entry e join list l on l.id = e.list_id
      where e.subject_id = $1 and e.state = 'listed' and (l.public or $2::boolean)
      order by e.listed_on desc, e.id desc`,
    [subjectId, includeNonPublic],
  );
  return r.rows;
}
