import type { Db } from '../../db/pool.js';

export interface ReviewRow {
  id: number;
  scenario: string;
  departmentId: number | null;
  actorName: string;
  parties: number;
  matched: number;
  hitParties: number;
  hits: number;
  createdAt: Date;
}

export interface StoredHit {
  id: number;
  reviewId: number;
  partyIndex: number;
  subjectId: number;
  kind: string;
  listEntryId: number | null;
  recordId: number | null;
  listCode: string | null;
  measures: string[];
  subjectName: string;
  uscc: string | null;
  idMasked: string | null;
}

export interface FeedbackRow {
  id: number;
  hitId: number;
  applied: boolean;
  measure: string | null;
  reason: string;
  actorName: string;
  createdAt: Date;
}

export async function findReview(db: Db, id: number): Promise<ReviewRow | null> {
  const r = await db.query<ReviewRow>(
    `select id, scenario, department_id as "departmentId", actor_name as "actorName", parties, matched, hit_parties as "hitParties", hits,
       created_at as "createdAt" from review where id = $1`,
    [id],
  );
  return r.rows[0] ?? null;
}

const HIT_COLS = `h.id, h.review_id as "reviewId", h.party_index as "partyIndex", h.subject_id as "subjectId", h.kind,
  h.list_entry_id as "listEntryId", h.record_id as "recordId", h.list_code as "listCode", h.measures,
  s.name as "subjectName", s.uscc, s.id_masked as "idMasked"`;

export async function hitsOfReview(db: Db, reviewId: number): Promise<StoredHit[]> {
  const r = await db.query<StoredHit>(`select ${HIT_COLS} from review_hit h join subject s on s.id = h.subject_id where h.review_id = $1 order by h.party_index, h.id`, [reviewId]);
  return r.rows;
}

export async function findHit(db: Db, reviewId: number, hitId: number): Promise<StoredHit | null> {
  const r = await db.query<StoredHit>(`select ${HIT_COLS} from review_hit h join subject s on s.id = h.subject_id where h.review_id = $1 and h.id = $2`, [reviewId, hitId]);
  return r.rows[0] ?? null;
}

const FB_COLS = `id, hit_id as "hitId", applied, measure_code as measure, reason, actor_name as "actorName", created_at as "createdAt"`;

/** Insert feedback; null when this hit already has feedback for the same measure. */
export async function insertFeedback(
  db: Db,
  f: { reviewId: number; hitId: number; departmentId: number | null; applied: boolean; measure: string | null; reason: string; actor: { kind: string; id: string | null; name: string }; at: Date },
): Promise<FeedbackRow | null> {
  const r = await db.query<FeedbackRow>(
    `insert into measure_feedback (review_id, hit_id, department_id, applied, measure_code, reason, actor_kind, actor_id, actor_name, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) on conflict do nothing returning ${FB_COLS}`,
    [f.reviewId, f.hitId, f.departmentId, f.applied, f.measure, f.reason, f.actor.kind, f.actor.id, f.actor.name, f.at],
  );
  return r.rows[0] ?? null;
}

export async function feedbackOfReview(db: Db, reviewId: number): Promise<FeedbackRow[]> {
  return (await db.query<FeedbackRow>(`select ${FB_COLS} from measure_feedback where review_id = $1 order by id`, [reviewId])).rows;
}

export interface DepartmentStats {
  departmentId: number | null;
  department: string | null;
  departmentName: string | null;
  initiations: number;
  reviews: number;
  parties: number;
  hits: number;
  hitsWithFeedback: number;
  hitsApplied: number;
  feedbacks: number;
}

const RANGE = `($2::date is null or (x.at at time zone 'Asia/Shanghai')::date >= $2::date) and ($3::date is null or (x.at at time zone 'Asia/Shanghai')::date <= $3::date)`;

/** 发起 (list entries by deciding department), reviews, hits and feedback per department in a date range. */
export async function statsByDepartment(db: Db, q: { departmentId: number | null; from: string | null; to: string | null }): Promise<DepartmentStats[]> {
  const r = await db.query<DepartmentStats>(
    `with i as (
       select e.department_id as d, count(*)::int as n from list_entry e
       where ($1::int is null or e.department_id = $1) and ($2::date is null or e.listed_on >= $2::date) and ($3::date is null or e.listed_on <= $3::date)
       group by 1),
     r as (
       select x.department_id as d, count(*)::int as reviews, sum(x.parties)::int as parties, sum(x.hits)::int as hits
       from (select *, created_at as at from review) x where ($1::int is null or x.department_id = $1) and ${RANGE} group by 1),
     f as (
       select x.department_id as d, count(distinct h.id)::int as with_fb, count(distinct h.id) filter (where fb.applied)::int as applied, count(fb.id)::int as feedbacks
       from (select *, created_at as at from review) x join review_hit h on h.review_id = x.id join measure_feedback fb on fb.hit_id = h.id
       where ($1::int is null or x.department_id = $1) and ${RANGE} group by 1),
     ds as (select d from i union select d from r)
     select ds.d as "departmentId", dep.code as department, dep.name as "departmentName", coalesce(i.n, 0) as initiations,
       coalesce(r.reviews, 0) as reviews, coalesce(r.parties, 0) as parties, coalesce(r.hits, 0) as hits,
       coalesce(f.with_fb, 0) as "hitsWithFeedback", coalesce(f.applied, 0) as "hitsApplied", coalesce(f.feedbacks, 0) as feedbacks
     from ds left join department dep on dep.id = ds.d left join i on i.d is not distinct from ds.d
       left join r on r.d is not distinct from ds.d left join f on f.d is not distinct from ds.d
     order by dep.code nulls last`,
    [q.departmentId, q.from, q.to],
  );
  return r.rows;
}

export interface MeasureStats {
  measure: string;
  applicable: number;
  withFeedback: number;
  applied: number;
  notApplied: number;
}

/** Per measure: hits it applied to, and the feedback about it, in a date range. */
export async function statsByMeasure(db: Db, q: { departmentId: number | null; from: string | null; to: string | null }): Promise<MeasureStats[]> {
  const r = await db.query<MeasureStats>(
    `with x as (select *, created_at as at from review),
     a as (
       select m as measure, count(*)::int as applicable from x join review_hit h on h.review_id = x.id, unnest(h.measures) as m
       where ($1::int is null or x.department_id = $1) and ${RANGE} group by 1),
     f as (
       select fb.measure_code as measure, count(distinct fb.hit_id)::int as with_fb, count(*) filter (where fb.applied)::int as applied,
         count(*) filter (where not fb.applied)::int as not_applied
       from x join measure_feedback fb on fb.review_id = x.id
       where fb.measure_code is not null and ($1::int is null or x.department_id = $1) and ${RANGE} group by 1)
     select coalesce(a.measure, f.measure) as measure, coalesce(a.applicable, 0) as applicable, coalesce(f.with_fb, 0) as "withFeedback",
       coalesce(f.applied, 0) as applied, coalesce(f.not_applied, 0) as "notApplied"
     from a full join f on f.measure = a.measure order by 1`,
    [q.departmentId, q.from, q.to],
  );
  return r.rows;
}

export interface MonthStats {
  /** YYYY-MM in China time. */
  month: string;
  initiations: number;
  reviews: number;
  parties: number;
  hits: number;
  hitsWithFeedback: number;
  hitsApplied: number;
  feedbacks: number;
}

/** The same figures as statsByDepartment, per calendar month (China time) instead of per department. */
export async function statsByMonth(db: Db, q: { departmentId: number | null; from: string | null; to: string | null }): Promise<MonthStats[]> {
  const month = `to_char(x.at at time zone 'Asia/Shanghai', 'YYYY-MM')`;
  const r = await db.query<MonthStats>(
    `with x as (select *, created_at as at from review where ($1::int is null or department_id = $1)),
     i as (
       select to_char(e.listed_on, 'YYYY-MM') as m, count(*)::int as n from list_entry e
       where ($1::int is null or e.department_id = $1) and ($2::date is null or e.listed_on >= $2::date) and ($3::date is null or e.listed_on <= $3::date)
       group by 1),
     r as (select ${month} as m, count(*)::int as reviews, sum(x.parties)::int as parties, sum(x.hits)::int as hits from x where ${RANGE} group by 1),
     f as (
       select ${month} as m, count(distinct h.id)::int as with_fb, count(distinct h.id) filter (where fb.applied)::int as applied, count(fb.id)::int as feedbacks
       from x join review_hit h on h.review_id = x.id join measure_feedback fb on fb.hit_id = h.id where ${RANGE} group by 1),
     ms as (select m from i union select m from r)
     select ms.m as month, coalesce(i.n, 0) as initiations, coalesce(r.reviews, 0) as reviews, coalesce(r.parties, 0) as parties, coalesce(r.hits, 0) as hits,
       coalesce(f.with_fb, 0) as "hitsWithFeedback", coalesce(f.applied, 0) as "hitsApplied", coalesce(f.feedbacks, 0) as feedbacks
     from ms left join i on i.m = ms.m left join r on r.m = ms.m left join f on f.m = ms.m
     order by ms.m`,
    [q.departmentId, q.from, q.to],
  );
  return r.rows;
}
