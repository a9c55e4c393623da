import type { Db } from '../../db/pool.js';

// Read-only facts about a subject that the subject-rights rules decide on, read from the records
// and lists tables (their modules have no service call for these questions yet).

export interface LiveEntryFact {
  entryId: number;
  listCode: string;
  listName: string;
  listKind: string;
  departmentId: number | null;
  basisRecordIds: number[];
  listedOn: string;
}

const ENTRY_FACT = `e.id as "entryId", l.code as "listCode", l.name as "listName", l.kind as "listKind",
  e.department_id as "departmentId", to_jsonb(e.basis_record_ids) as "basisRecordIds", e.listed_on as "listedOn"`;

/** Live entries of a subject on lists of the given kinds. */
export async function liveEntries(db: Db, subjectId: number, kinds: string[]): Promise<LiveEntryFact[]> {
  const r = await db.query<LiveEntryFact>(
    `select ${ENTRY_FACT} from list_entry e join list l on l.id = e.list_id
     where e.subject_id = $1 and e.state = 'listed' and l.kind = any($2::text[]) order by e.id`,
    [subjectId, kinds],
  );
  return r.rows;
}

export async function entryFact(db: Db, entryId: number): Promise<(LiveEntryFact & { subjectId: number; state: string }) | null> {
  const r = await db.query<LiveEntryFact & { subjectId: number; state: string }>(
    `select ${ENTRY_FACT}, e.subject_id as "subjectId", e.state from list_entry e join list l on l.id = e.list_id where e.id = $1`,
    [entryId],
  );
  return r.rows[0] ?? null;
}

/**
 * Live entries that rest only on records no longer live once `recordId` is repaired: these leave
 * their list with the repair. Entries with other live basis records stay.
 */
export async function entriesFreedBy(db: Db, recordId: number): Promise<number[]> {
  const r = await db.query<{ id: number }>(
    `select e.id from list_entry e
     where e.state = 'listed' and $1 = any(e.basis_record_ids)
       and not exists (select 1 from record r where r.id = any(e.basis_record_ids) and r.id <> $1 and r.state in ('active', 'disputed'))
     order by e.id`,
    [recordId],
  );
  return r.rows.map((x) => x.id);
}

export interface LiveRecordFact {
  id: number;
  categoryCode: string;
  categoryName: string;
  severity: string | null;
  decidedOn: string | null;
}

/** Live (active or disputed) records of a subject that are serious, or in one of the categories. */
export async function liveAdverseRecords(db: Db, subjectId: number, q: { serious: boolean; categories: string[] }): Promise<LiveRecordFact[]> {
  const r = await db.query<LiveRecordFact>(
    `select r.id, c.code as "categoryCode", c.name as "categoryName", r.severity, r.decided_on as "decidedOn"
     from record r join category c on c.id = r.category_id
     where r.subject_id = $1 and r.state in ('active', 'disputed')
       and (($2::boolean and r.severity = 'serious' and c.adverse) or c.code = any($3::text[]))
     order by r.id`,
    [subjectId, q.serious, q.categories],
  );
  return r.rows;
}

/** Records per source department (the denominator of objections per 100,000 records). */
export async function recordsPerDepartment(db: Db): Promise<Map<number, number>> {
  const r = await db.query<{ departmentId: number; n: number }>('select department_id as "departmentId", count(*)::bigint as n from record group by department_id');
  return new Map(r.rows.map((x) => [x.departmentId, x.n]));
}
