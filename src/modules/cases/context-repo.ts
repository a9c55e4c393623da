import type { Db } from '../../db/pool.js';
import type { Disclosure, FieldDef } from '../catalog/types.js';

// What a reviewer needs beside the case itself: the party, the record (or list entry) the case is
// about, its category and publication window — each read in one query, for one case at a time.

export interface PartyFacts {
  subjectId: number;
  subjectKind: string;
  subjectName: string;
  uscc: string | null;
  /** A natural person's ID number as stored for display: masked. */
  idMasked: string | null;
}

export interface RecordFacts extends PartyFacts {
  recordId: number;
  state: string;
  version: number;
  fields: Record<string, unknown>;
  decidedOn: string | null;
  publishFrom: string | null;
  publishUntil: string | null;
  severity: string | null;
  categoryCode: string;
  categoryName: string;
  categoryNameEn: string;
  fieldDefs: FieldDef[];
  disclosure: Disclosure;
  departmentCode: string;
  departmentName: string;
}

export interface EntryFacts extends PartyFacts {
  entryId: number;
  state: string;
  listCode: string;
  listName: string;
  listKind: string;
  listedOn: string;
  plannedExpiry: string | null;
  reason: string;
  decidedBy: string;
  documentNo: string | null;
  basisRecordIds: number[];
}

const PARTY = `s.id as "subjectId", s.kind as "subjectKind", s.name as "subjectName", s.uscc, s.id_masked as "idMasked"`;

export async function recordFacts(db: Db, recordId: number): Promise<RecordFacts | null> {
  const r = await db.query<RecordFacts>(
    `select ${PARTY}, r.id as "recordId", r.state, r.version, r.fields, r.decided_on as "decidedOn", r.publish_from as "publishFrom",
       r.publish_until as "publishUntil", r.severity, c.code as "categoryCode", c.name as "categoryName", c.name_en as "categoryNameEn",
       c.fields as "fieldDefs", c.disclosure, d.code as "departmentCode", d.name as "departmentName"
     from record r join subject s on s.id = r.subject_id join category c on c.id = r.category_id join department d on d.id = r.department_id
     where r.id = $1`,
    [recordId],
  );
  return r.rows[0] ?? null;
}

export async function entryFacts(db: Db, entryId: number): Promise<EntryFacts | null> {
  const r = await db.query<EntryFacts>(
    `select ${PARTY}, e.id as "entryId", e.state, l.code as "listCode", l.name as "listName", l.kind as "listKind", e.listed_on as "listedOn",
       e.planned_expiry as "plannedExpiry", e.reason, e.decided_by as "decidedBy", e.document_no as "documentNo", to_jsonb(e.basis_record_ids) as "basisRecordIds"
     from list_entry e join list l on l.id = e.list_id join subject s on s.id = e.subject_id
     where e.id = $1`,
    [entryId],
  );
  return r.rows[0] ?? null;
}
