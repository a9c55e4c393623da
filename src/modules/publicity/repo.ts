import type { Db } from '../../db/pool.js';

export interface PublicityRow {
  id: number;
  type: string;
  fields: Record<string, string>;
  decidedOn: string | null;
  publishFrom: string | null;
  publishUntil: string | null;
  severity: string | null;
  state: string;
  department: string;
  departmentName: string;
  subjectKind: string;
  subjectName: string;
  uscc: string | null;
  idMasked: string | null;
}

export interface PublicityQuery {
  categoryIds: number[];
  today: string;
  departmentId: number | null;
  from: string | null;
  to: string | null;
  /** Normalised name fragment (LIKE pattern), exact code, or department document number. */
  pattern: string | null;
  code: string | null;
  limit: number;
  offset: number;
}

// Live, inside the window, public and active category, persons only where the category publishes them.
const WHERE = `r.category_id = any($1::int[]) and r.state in ('active', 'disputed')
  and r.publish_from <= $2::date and (r.publish_until is null or r.publish_until >= $2::date)
  and c.disclosure = 'public' and c.active and (s.kind <> 'natural_person' or c.natural_person_public)
  and ($3::int is null or r.department_id = $3) and ($4::date is null or r.decided_on >= $4::date) and ($5::date is null or r.decided_on <= $5::date)
  and ($6::text is null or s.name_norm like $6 or r.source_key = $7 or s.uscc = $7)`;

/** The 双公示 portal page: records inside their publication window, newest decision first. */
export async function publicityPage(db: Db, q: PublicityQuery): Promise<{ items: PublicityRow[]; total: number }> {
  const params = [q.categoryIds, q.today, q.departmentId, q.from, q.to, q.pattern, q.code];
  const from = 'record r join category c on c.id = r.category_id join subject s on s.id = r.subject_id';
  const [items, total] = await Promise.all([
    db.query<PublicityRow>(
      `select r.id, c.code as type, r.fields, r.decided_on as "decidedOn", r.publish_from as "publishFrom", r.publish_until as "publishUntil",
         r.severity, r.state, d.code as department, d.name as "departmentName", s.kind as "subjectKind", s.name as "subjectName", s.uscc,
         s.id_masked as "idMasked"
       from ${from} join department d on d.id = r.department_id
       where ${WHERE} order by r.decided_on desc nulls last, r.id desc limit $8 offset $9`,
      [...params, q.limit, q.offset],
    ),
    db.query<{ n: number }>(`select count(*)::int as n from ${from} where ${WHERE}`, params),
  ]);
  return { items: items.rows, total: total.rows[0]!.n };
}

export interface DueRecord {
  id: number;
  categoryId: number;
  severity: string | null;
  publishUntil: string;
}

/** Live records whose publication window ended before today (the sweep's work list). */
export async function dueRecords(db: Db, today: string, limit: number): Promise<DueRecord[]> {
  const r = await db.query<DueRecord>(
    `select id, category_id as "categoryId", severity, publish_until as "publishUntil" from record
     where state = 'active' and publish_until < $1::date order by publish_until, id limit $2`,
    [today, limit],
  );
  return r.rows;
}

/** Lock a record and tell whether it is still due (a concurrent update may have moved its window). */
export async function lockIfDue(db: Db, id: number, today: string): Promise<boolean> {
  const r = await db.query(`select 1 from record where id = $1 and state = 'active' and publish_until < $2::date for update`, [id, today]);
  return (r.rowCount ?? 0) > 0;
}
