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
  /** Keyset: the page after this row of the order. */
  after: PublicityCursor | null;
  /**
   * `desc`: newest decision first (`decided_on desc nulls last, id desc`, the indexes' own order);
   * `asc`: oldest first (`decided_on asc nulls first, id asc`), the same indexes scanned backwards,
   * so undated rows (rare) lead an ascending list as they trail a descending one.
   */
  order: PublicityOrder;
}

export type PublicityOrder = 'desc' | 'asc';

/** A position in the 双公示 order: the last row's decision date (null sorts last) and id. */
export interface PublicityCursor {
  decidedOn: string | null;
  id: number;
}

/** The WHERE of a 双公示 query for one category ($1), with only the filters given, and its parameters. */
function conditions(q: PublicityQuery, category: string): { where: string; params: unknown[] } {
  const params: unknown[] = [q.today];
  const p = (v: unknown) => `$${params.push(v)}`;
  // Live, inside the window, public and active category, persons only where the category publishes them.
  const where = [
    `r.category_id = ${category}`, `r.state in ('active', 'disputed')`,
    `r.publish_from <= $1::date`, `(r.publish_until is null or r.publish_until >= $1::date)`,
    `c.disclosure = 'public'`, 'c.active', `(s.kind <> 'natural_person' or c.natural_person_public)`,
  ];
  if (q.departmentId !== null) where.push(`r.department_id = ${p(q.departmentId)}`);
  if (q.from !== null) where.push(`r.decided_on >= ${p(q.from)}::date`);
  if (q.to !== null) where.push(`r.decided_on <= ${p(q.to)}::date`);
  if (q.pattern !== null || q.code !== null) {
    // Name fragment, exact USCC or exact document number, each found by its own index and united:
    // an OR across subject and record would walk every live record of the category.
    const subjects = [
      ...(q.pattern !== null ? [`select id from subject where name_norm like ${p(q.pattern)}`] : []),
      ...(q.code !== null ? [`select id from subject where uscc = ${p(q.code)}`] : []),
    ];
    const byDocument = q.code !== null ? ` union select id from record where source_key = ${p(q.code)}` : '';
    where.push(`r.id in (select id from record where subject_id in (${subjects.join(' union ')})${byDocument})`);
  }
  return { where: where.join(' and '), params };
}

/** Rows after the cursor in the order (desc: `decided_on desc nulls last, id desc`; asc: its reverse). */
function afterCursor(cursor: PublicityCursor, order: PublicityOrder, p: (v: unknown) => string): string {
  const id = p(cursor.id);
  if (order === 'asc') {
    if (cursor.decidedOn === null) return `((r.decided_on is null and r.id > ${id}) or r.decided_on is not null)`;
    const d = p(cursor.decidedOn);
    return `(r.decided_on > ${d}::date or (r.decided_on = ${d}::date and r.id > ${id}))`;
  }
  if (cursor.decidedOn === null) return `(r.decided_on is null and r.id < ${id})`;
  const d = p(cursor.decidedOn);
  return `(r.decided_on < ${d}::date or (r.decided_on = ${d}::date and r.id < ${id}) or r.decided_on is null)`;
}

const COLUMNS = `r.id, c.code as type, r.fields, r.decided_on as "decidedOn", r.publish_from as "publishFrom", r.publish_until as "publishUntil",
  r.severity, r.state, d.code as department, d.name as "departmentName", s.kind as "subjectKind", s.name as "subjectName", s.uscc,
  s.id_masked as "idMasked"`;
const JOINS = 'join category c on c.id = r.category_id join subject s on s.id = r.subject_id';
/** The ORDER BY of a direction; `asc` is exactly the backward scan of the publicity indexes. */
const orderBy = (order: PublicityOrder, t = 'r.') =>
  order === 'asc' ? `${t}decided_on asc nulls first, ${t}id asc` : `${t}decided_on desc nulls last, ${t}id desc`;

/**
 * The 双公示 portal page: records inside their publication window, newest (or oldest) decision first; by offset
 * (page numbers) or after a cursor (keyset). Each category is read in index order up to the rows the
 * page needs (limit + offset), and the categories are merged: a page reads its own rows, not every
 * live row. The rows a page skips are read from the list and subject indexes alone (ids and dates);
 * only the page's own rows are fetched whole. A name or code filter finds its subjects and records
 * first (indexes on names, codes and document numbers) and orders what it found.
 */
export async function publicityPage(db: Db, q: PublicityQuery): Promise<PublicityRow[]> {
  const { where, params } = conditions(q, 'cat.id');
  const p = (v: unknown) => `$${params.push(v)}`;
  const after = q.after ? ` and ${afterCursor(q.after, q.order, p)}` : '';
  const categories = p(q.categoryIds);
  const offset = q.after ? 0 : q.offset;
  const text = q.pattern !== null || q.code !== null;
  // Without a text filter, an ordered index scan per category bounded by the page's depth;
  // with one, the planner starts from the few matching subjects and records instead.
  const perCategory = text
    ? `select r.id, r.decided_on from unnest(${categories}::int[]) cat(id) join record r on r.category_id = cat.id ${JOINS}
         where ${where}${after}`
    : `select x.* from unnest(${categories}::int[]) cat(id) cross join lateral (
         select r.id, r.decided_on from record r ${JOINS} where ${where}${after} order by ${orderBy(q.order)} limit ${p(q.limit + offset)}) x`;
  const r = await db.query<PublicityRow>(
    `with page as (select id, decided_on from (${perCategory}) k order by ${orderBy(q.order, '')} limit ${p(q.limit)} offset ${p(offset)})
     select ${COLUMNS} from page join record r on r.id = page.id ${JOINS} join department d on d.id = r.department_id order by ${orderBy(q.order)}`,
    params,
  );
  return r.rows;
}

/**
 * How many rows the filters match: exact up to `cap`, beyond it the planner's estimate (labelled
 * estimated), so the count of a big city's list costs at most `cap` index entries per category.
 */
export async function publicityCount(db: Db, q: PublicityQuery, cap: number): Promise<{ total: number; estimated: boolean }> {
  const { where, params } = conditions(q, 'cat.id');
  const categories = `$${params.push(q.categoryIds)}`;
  const limit = `$${params.push(cap + 1)}`;
  const counted = (await db.query<{ n: number }>(
    `select count(*)::int as n from (select 1 from unnest(${categories}::int[]) cat(id) join record r on r.category_id = cat.id ${JOINS} where ${where} limit ${limit}) x`,
    params,
  )).rows[0]!.n;
  if (counted <= cap) return { total: counted, estimated: false };
  params.pop();
  const plan = (await db.query<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>(
    `explain (format json) select 1 from unnest(${categories}::int[]) cat(id) join record r on r.category_id = cat.id ${JOINS} where ${where}`, params,
  )).rows[0]!;
  return { total: Math.max(cap + 1, Math.round(plan['QUERY PLAN'][0].Plan['Plan Rows'])), estimated: true };
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
