import { LIST_LEDGER_LOCK } from '../../db/locks.js';
import type { Db } from '../../db/pool.js';
import type { EntryRow, EntryState, EntryView, ExitReason, ListRow, NewList } from './types.js';

const LIST_COLS = `l.id, l.code, l.name, l.name_en as "nameEn", l.kind, l.legal_basis as "legalBasis", l.standard, l.procedure, l.remedies,
  l.default_months as "defaultMonths", l.department_code as "departmentCode", l.issuer, l.public, l.active`;
const ENTRY_COLS = `e.id, e.list_id as "listId", e.subject_id as "subjectId", to_jsonb(e.basis_record_ids) as "basisRecordIds",
  e.department_id as "departmentId", e.decided_by as "decidedBy", e.document_no as "documentNo", e.reason,
  e.listed_on as "listedOn", e.planned_expiry as "plannedExpiry", e.state, e.exit_reason as "exitReason",
  e.exit_note as "exitNote", e.exited_on as "exitedOn", e.version`;

export async function allLists(db: Db): Promise<ListRow[]> {
  return (await db.query<ListRow>(`select ${LIST_COLS} from list l order by l.kind, l.id`)).rows;
}

export async function findList(db: Db, code: string): Promise<ListRow | null> {
  return (await db.query<ListRow>(`select ${LIST_COLS} from list l where l.code = $1`, [code])).rows[0] ?? null;
}

export async function findListById(db: Db, id: number): Promise<ListRow | null> {
  return (await db.query<ListRow>(`select ${LIST_COLS} from list l where l.id = $1`, [id])).rows[0] ?? null;
}

/** Insert a list; null when the code is taken. */
export async function insertList(db: Db, l: NewList): Promise<ListRow | null> {
  const r = await db.query<ListRow>(
    `insert into list as l (code, name, kind, legal_basis, standard, procedure, remedies, default_months, department_code, issuer, public, active, name_en)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) on conflict (code) do nothing returning ${LIST_COLS}`,
    [l.code, l.name, l.kind, l.legalBasis, l.standard, l.procedure, l.remedies, l.defaultMonths, l.departmentCode, l.issuer, l.public, l.active, l.nameEn],
  );
  return r.rows[0] ?? null;
}

export async function updateList(db: Db, l: ListRow): Promise<ListRow> {
  const r = await db.query<ListRow>(
    `update list as l set name = $2, legal_basis = $3, standard = $4, procedure = $5, remedies = $6, default_months = $7,
       department_code = $8, issuer = $9, public = $10, active = $11, name_en = $12, updated_at = now()
     where l.id = $1 returning ${LIST_COLS}`,
    [l.id, l.name, l.legalBasis, l.standard, l.procedure, l.remedies, l.defaultMonths, l.departmentCode, l.issuer, l.public, l.active, l.nameEn],
  );
  return r.rows[0]!;
}

export async function findEntry(db: Db, id: number, forUpdate = false): Promise<EntryRow | null> {
  const r = await db.query<EntryRow>(`select ${ENTRY_COLS} from list_entry e where e.id = $1 ${forUpdate ? 'for update' : ''}`, [id]);
  return r.rows[0] ?? null;
}

export async function findLiveEntry(db: Db, listId: number, subjectId: number): Promise<EntryRow | null> {
  const r = await db.query<EntryRow>(`select ${ENTRY_COLS} from list_entry e where e.list_id = $1 and e.subject_id = $2 and e.state = 'listed'`, [listId, subjectId]);
  return r.rows[0] ?? null;
}

export type NewEntry = Omit<EntryRow, 'id' | 'version' | 'state' | 'exitReason' | 'exitNote' | 'exitedOn'> & { createdAt: Date };

export async function insertEntry(db: Db, e: NewEntry): Promise<EntryRow> {
  const r = await db.query<EntryRow>(
    `insert into list_entry as e (list_id, subject_id, basis_record_ids, department_id, decided_by, document_no, reason, listed_on, planned_expiry, state, version, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'listed', 1, $10) returning ${ENTRY_COLS}`,
    [e.listId, e.subjectId, e.basisRecordIds, e.departmentId, e.decidedBy, e.documentNo, e.reason, e.listedOn, e.plannedExpiry, e.createdAt],
  );
  return r.rows[0]!;
}

export async function exitEntry(db: Db, id: number, x: { reason: ExitReason; note: string | null; exitedOn: string; version: number }): Promise<EntryRow> {
  const r = await db.query<EntryRow>(
    `update list_entry as e set state = 'exited', exit_reason = $2, exit_note = $3, exited_on = $4, version = $5, updated_at = now()
     where e.id = $1 returning ${ENTRY_COLS}`,
    [id, x.reason, x.note, x.exitedOn, x.version],
  );
  return r.rows[0]!;
}

/** Entries of a list with their subjects, newest listing first. */
export async function entriesOf(db: Db, q: { listId: number; states: EntryState[]; limit: number; offset: number }): Promise<{ items: EntryView[]; total: number }> {
  const where = 'e.list_id = $1 and e.state = any($2::text[])';
  const [items, total] = await Promise.all([
    db.query<EntryView>(
      `select ${ENTRY_COLS}, l.code as "listCode", s.kind as "subjectKind", s.name as "subjectName", s.uscc, s.id_masked as "idMasked",
         d.code as "departmentCode"
       from list_entry e join list l on l.id = e.list_id join subject s on s.id = e.subject_id left join department d on d.id = e.department_id
       where ${where} order by e.listed_on desc, e.id desc limit $3 offset $4`,
      [q.listId, q.states, q.limit, q.offset],
    ),
    db.query<{ n: number }>(`select count(*)::int as n from list_entry e where ${where}`, [q.listId, q.states]),
  ]);
  return { items: items.rows, total: total.rows[0]!.n };
}

/** Live entries whose planned period ended before `today`. */
export async function dueEntries(db: Db, today: string, limit: number): Promise<number[]> {
  const r = await db.query<{ id: number }>(
    `select id from list_entry where state = 'listed' and planned_expiry < $1::date order by planned_expiry, id limit $2`,
    [today, limit],
  );
  return r.rows.map((x) => x.id);
}

/** Serialise list-ledger appends for the rest of the transaction; returns the chain's last hash. */
export async function lockListTail(db: Db): Promise<string | null> {
  await db.query('select pg_advisory_xact_lock($1)', [LIST_LEDGER_LOCK]);
  const r = await db.query<{ hash: string }>('select hash from list_entry_version order by seq desc limit 1');
  return r.rows[0]?.hash ?? null;
}

export interface EntryVersionRow {
  seq: number;
  entryId: number;
  subjectId: number;
  version: number;
  op: 'enter' | 'exit';
  snapshot: Record<string, unknown>;
  actorKind: 'user' | 'department' | 'system';
  actorId: string | null;
  actorName: string;
  reason: string | null;
  at: Date;
  prevHash: string;
  hash: string;
}

const VCOLS = `seq, entry_id as "entryId", subject_id as "subjectId", version, op, snapshot, actor_kind as "actorKind",
  actor_id as "actorId", actor_name as "actorName", reason, at, prev_hash as "prevHash", hash`;

export async function insertEntryVersion(db: Db, v: Omit<EntryVersionRow, 'seq'>): Promise<void> {
  await db.query(
    `insert into list_entry_version (entry_id, subject_id, version, op, snapshot, actor_kind, actor_id, actor_name, reason, at, prev_hash, hash)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [v.entryId, v.subjectId, v.version, v.op, v.snapshot, v.actorKind, v.actorId, v.actorName, v.reason, v.at, v.prevHash, v.hash],
  );
}

export async function entryVersions(db: Db, entryId: number): Promise<EntryVersionRow[]> {
  return (await db.query<EntryVersionRow>(`select ${VCOLS} from list_entry_version where entry_id = $1 order by version`, [entryId])).rows;
}

export async function* scanEntryLedger(db: Db, pageSize = 5000): AsyncGenerator<EntryVersionRow> {
  let after = 0;
  for (;;) {
    const r = await db.query<EntryVersionRow>(`select ${VCOLS} from list_entry_version where seq > $1 order by seq limit $2`, [after, pageSize]);
    yield* r.rows;
    if (r.rows.length < pageSize) return;
    after = r.rows[r.rows.length - 1]!.seq;
  }
}

/** Entries whose current row does not match their latest ledger row. */
export async function entriesOutOfLedger(db: Db, limit = 10): Promise<{ id: number; reason: string }[]> {
  const r = await db.query<{ id: number; reason: string }>(
    `select e.id, case when v.entry_id is null then 'no ledger entry for current version' else 'current row differs from ledger' end as reason
     from list_entry e left join list_entry_version v on v.entry_id = e.id and v.version = e.version
     where v.entry_id is null or v.snapshot->>'state' is distinct from e.state
        or (v.snapshot->>'plannedExpiry') is distinct from e.planned_expiry::text
        or (v.snapshot->>'exitReason') is distinct from e.exit_reason
        or (v.snapshot->>'listedOn') is distinct from e.listed_on::text
        or (v.snapshot->>'subjectId')::bigint is distinct from e.subject_id
        or (v.snapshot->>'listId')::int is distinct from e.list_id
     order by e.id limit $1`,
    [limit],
  );
  return r.rows;
}
