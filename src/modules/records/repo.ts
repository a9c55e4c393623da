import { RECORD_LEDGER_LOCK } from '../../db/locks.js';
import type { Db } from '../../db/pool.js';
import type { Disclosure } from '../catalog/types.js';
import type { RecordRow, VersionRow } from './types.js';

const COLS = `r.id, r.subject_id as "subjectId", r.category_id as "categoryId", r.department_id as "departmentId",
  r.source_key as "sourceKey", r.fields, r.decided_on as "decidedOn", r.valid_from as "validFrom",
  r.valid_until as "validUntil", r.publish_from as "publishFrom", r.publish_until as "publishUntil",
  r.severity, r.state, r.version, r.content_hash as "contentHash"`;
const VCOLS = `seq, record_id as "recordId", subject_id as "subjectId", version, op, snapshot, actor_kind as "actorKind",
  actor_id as "actorId", actor_name as "actorName", reason, at, prev_hash as "prevHash", hash`;

export type RecordData = Omit<RecordRow, 'id' | 'version'>;

export async function findRecord(db: Db, id: number, forUpdate = false): Promise<RecordRow | null> {
  const r = await db.query<RecordRow>(`select ${COLS} from record r where r.id = $1 ${forUpdate ? 'for update' : ''}`, [id]);
  return r.rows[0] ?? null;
}

/** A record with its category's code and disclosure class (what decides whether reading it is audited). */
export interface ClassedRecordRow extends RecordRow {
  categoryCode: string;
  disclosure: Disclosure;
}

export async function findRecordWithClass(db: Db, id: number): Promise<ClassedRecordRow | null> {
  const r = await db.query<ClassedRecordRow>(
    `select ${COLS}, c.code as "categoryCode", c.disclosure from record r join category c on c.id = r.category_id where r.id = $1`,
    [id],
  );
  return r.rows[0] ?? null;
}

export async function findByKey(db: Db, departmentId: number, categoryId: number, sourceKey: string, forUpdate = false): Promise<RecordRow | null> {
  const r = await db.query<RecordRow>(
    `select ${COLS} from record r where r.department_id = $1 and r.category_id = $2 and r.source_key = $3 ${forUpdate ? 'for update' : ''}`,
    [departmentId, categoryId, sourceKey],
  );
  return r.rows[0] ?? null;
}

/** Insert a new record at version 1; null when the department key is already taken. */
export async function insertRecord(db: Db, d: RecordData, at: Date): Promise<RecordRow | null> {
  const r = await db.query<RecordRow>(
    `insert into record as r (subject_id, category_id, department_id, source_key, fields, decided_on, valid_from, valid_until,
       publish_from, publish_until, severity, state, version, content_hash, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 1, $13, $14)
     on conflict (department_id, category_id, source_key) do nothing returning ${COLS}`,
    [d.subjectId, d.categoryId, d.departmentId, d.sourceKey, d.fields, d.decidedOn, d.validFrom, d.validUntil,
      d.publishFrom, d.publishUntil, d.severity, d.state, d.contentHash, at],
  );
  return r.rows[0] ?? null;
}

/**
 * A new version of a record's content. `at` (the clock's time) is handed to the serious-penalty
 * event trigger through the transaction's xinyong.now setting, in the same statement.
 */
export async function updateRecord(db: Db, id: number, d: RecordData, version: number, at: Date): Promise<RecordRow> {
  const r = await db.query<RecordRow>(
    `with clock as (select set_config('xinyong.now', $13, true))
     update record as r set subject_id = $2, fields = $3, decided_on = $4, valid_from = $5, valid_until = $6,
       publish_from = $7, publish_until = $8, severity = $9, state = $10, version = $11, content_hash = $12, updated_at = now()
     from clock where id = $1 returning ${COLS}`,
    [id, d.subjectId, d.fields, d.decidedOn, d.validFrom, d.validUntil, d.publishFrom, d.publishUntil, d.severity, d.state,
      version, d.contentHash, at.toISOString()],
  );
  return r.rows[0]!;
}

/** Store the encrypted personal values of a record (replacing earlier ones). */
export async function savePersonal(db: Db, recordId: number, values: { field: string; hmac: Buffer; cipher: Buffer }[]): Promise<void> {
  await db.query('delete from record_personal where record_id = $1', [recordId]);
  for (const v of values) {
    await db.query('insert into record_personal (record_id, field, value_hmac, value_cipher) values ($1, $2, $3, $4)', [recordId, v.field, v.hmac, v.cipher]);
  }
}

/** Serialise ledger appends for the rest of the transaction; returns the chain's last hash. */
export async function lockLedgerTail(db: Db): Promise<string | null> {
  await db.query('select pg_advisory_xact_lock($1)', [RECORD_LEDGER_LOCK]);
  const r = await db.query<{ hash: string }>('select hash from record_version order by seq desc limit 1');
  return r.rows[0]?.hash ?? null;
}

/** A ledger entry; its snapshot is the canonical JSON text the entry's hash was computed over. */
export async function insertVersion(db: Db, v: Omit<VersionRow, 'seq' | 'snapshot'> & { snapshot: string }): Promise<void> {
  await db.query(
    `insert into record_version (record_id, subject_id, version, op, snapshot, actor_kind, actor_id, actor_name, reason, at, prev_hash, hash)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [v.recordId, v.subjectId, v.version, v.op, v.snapshot, v.actorKind, v.actorId, v.actorName, v.reason, v.at, v.prevHash, v.hash],
  );
}

export async function versionsOf(db: Db, recordId: number): Promise<VersionRow[]> {
  const r = await db.query<VersionRow>(`select ${VCOLS} from record_version where record_id = $1 order by version`, [recordId]);
  return r.rows;
}

/** The whole ledger in seq order, page by page. */
export async function* scanLedger(db: Db, pageSize = 5000): AsyncGenerator<VersionRow> {
  let after = 0;
  for (;;) {
    const r = await db.query<VersionRow>(`select ${VCOLS} from record_version where seq > $1 order by seq limit $2`, [after, pageSize]);
    yield* r.rows;
    if (r.rows.length < pageSize) return;
    after = r.rows[r.rows.length - 1]!.seq;
  }
}

/** Records whose current row does not match the latest ledger entry (edited behind the ledger's back). */
export async function recordsOutOfLedger(db: Db, limit = 10): Promise<{ id: number; reason: string }[]> {
  const r = await db.query<{ id: number; reason: string }>(
    `select r.id, case when v.record_id is null then 'no ledger entry for current version'
       else 'current row differs from ledger' end as reason
     from record r left join record_version v on v.record_id = r.id and v.version = r.version
     where v.record_id is null or v.snapshot->>'contentHash' is distinct from r.content_hash
     order by r.id limit $1`,
    [limit],
  );
  return r.rows;
}

export interface ArchiveRow extends RecordRow {
  categoryCode: string;
  departmentCode: string;
  departmentName: string;
  disclosure: Disclosure;
}

/**
 * The records of a subject a viewer may see. Disclosure classes are filtered here, in SQL, so no
 * read path can bypass them. `windowed` limits public-class records to live ones inside their
 * publication window; `authorisedCategories` (non-empty) narrows B-class records to a grant's scope.
 */
export async function archiveRecords(
  db: Db,
  q: {
    subjectId: number; classes: Disclosure[]; windowed: boolean; personGuard: boolean; includeRevoked: boolean;
    authorisedCategories: string[]; today: string;
  },
): Promise<ArchiveRow[]> {
  // A named (prepared) statement: the archive is the most frequent read, and planning this join
  // cost as much as running it; each connection plans it once.
  const r = await db.query<ArchiveRow>({
    name: 'records.archive',
    text: `select ${COLS}, c.code as "categoryCode", c.disclosure, d.code as "departmentCode", d.name as "departmentName"
     from record r join category c on c.id = r.category_id join department d on d.id = r.department_id
     where r.subject_id = $1 and c.disclosure = any($2::text[])
       and (not ($3::boolean and c.disclosure = 'public') or (r.state in ('active', 'disputed') and c.active
            and r.publish_from <= $6::date and (r.publish_until is null or r.publish_until >= $6::date)))
       and (not ($4::boolean and c.disclosure = 'public') or c.natural_person_public)
       and ($5::boolean or r.state <> 'revoked')
       and (c.disclosure <> 'authorised' or cardinality($7::text[]) = 0 or c.code = any($7::text[]))
     order by c.id, r.decided_on desc nulls last, r.id desc`,
    values: [q.subjectId, q.classes, q.windowed, q.personGuard, q.includeRevoked, q.today, q.authorisedCategories],
  });
  return r.rows;
}
