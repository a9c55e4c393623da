import { CopyData, copyJson, copyLines, copyValue } from '../../db/copy.js';
import type { Db, PoolClient } from '../../db/pool.js';
import type { Actor, RecordRow, VersionRow } from './types.js';

// Set-based statements of the bulk writer (ledger-bulk.ts): one round trip per table per chunk.
// New records and ledger entries go by COPY in text format, the cheapest way into PostgreSQL;
// new versions of records as one JSON document.

/** Ids for new records, in file order, taken from the record sequence ahead of a COPY. */
export async function reserveRecordIds(db: Db, n: number): Promise<number[]> {
  if (!n) return [];
  const r = await db.query<{ id: number }>(`select nextval('record_id_seq') as id from generate_series(1, $1::int)`, [n]);
  return r.rows.map((x) => x.id).sort((a, b) => a - b);
}

/** A record row as the bulk writer stores it: its fields as an object, and as canonical JSON escaped for COPY. */
export interface RecordWrite extends Omit<RecordRow, 'fields'> {
  fields: Record<string, string>;
  fieldsCopy: Buffer;
}

// Big batches of updates travel as one JSON document (native JSON.stringify, one parse in PostgreSQL) rather
// than as one array parameter per column, which the driver would escape element by element.
const recordJson = (w: RecordWrite[]) => JSON.stringify(w.map((x) => ({
  id: x.id, k: x.sourceKey, s: x.subjectId, f: x.fields, d1: x.decidedOn, d2: x.validFrom, d3: x.validUntil, d4: x.publishFrom,
  d5: x.publishUntil, sv: x.severity, st: x.state, ver: x.version, h: x.contentHash,
})));
const RECORD_SET = `rows from (json_to_recordset($1::json) as (id bigint, k text, s bigint, f jsonb, d1 date, d2 date, d3 date, d4 date, d5 date,
  sv text, st text, ver int, h text)) with ordinality as v(id, k, s, f, d1, d2, d3, d4, d5, sv, st, ver, h, ord)`;

const RECORD_COLUMNS = 'id, subject_id, category_id, department_id, source_key, fields, decided_on, valid_from, valid_until, publish_from, publish_until, severity, state, version, content_hash, created_at';

/**
 * COPY data of new records with their reserved ids, in file order (built as soon as the rows are
 * known, so that only the bytes wait for their turn). A department key another transaction took
 * meanwhile fails the COPY with a unique violation.
 */
export function recordsCopyData(w: RecordWrite[], at: Date): Buffer | null {
  const data = new CopyData();
  const createdAt = at.toISOString();
  for (const x of w) {
    data.text(`${x.id}\t${x.subjectId}\t${x.categoryId}\t${x.departmentId}\t${copyValue(x.sourceKey)}\t`).bytes(x.fieldsCopy);
    data.text(`\t${copyValue(x.decidedOn)}\t${copyValue(x.validFrom)}\t${copyValue(x.validUntil)}\t${copyValue(x.publishFrom)}\t${copyValue(x.publishUntil)}\t${copyValue(x.severity)}\t${copyValue(x.state)}\t${x.version}\t${copyValue(x.contentHash)}\t${createdAt}\n`);
  }
  return data.toBuffer();
}

export function copyRecords(db: PoolClient, data: Buffer | null): Promise<void> {
  return copyLines(db, 'record', RECORD_COLUMNS, data);
}

/** New versions of records; `at` reaches the serious-penalty event trigger as updateRecord's does. */
export async function updateRecords(db: Db, w: RecordWrite[], at: Date): Promise<void> {
  if (!w.length) return;
  await db.query(
    `with clock as (select set_config('xinyong.now', $2, true))
     update record r set subject_id = v.s, fields = v.f, decided_on = v.d1, valid_from = v.d2, valid_until = v.d3,
       publish_from = v.d4, publish_until = v.d5, severity = v.sv, state = v.st, version = v.ver, content_hash = v.h, updated_at = now()
     from clock, ${RECORD_SET} where r.id = v.id`,
    [recordJson(w), at.toISOString()],
  );
}

export interface VersionCopy {
  recordId: number;
  subjectId: number;
  version: number;
  op: VersionRow['op'];
  /** The snapshot (canonical JSON) is snapshot[0] ‖ fields ‖ snapshot[1]; fields escaped for COPY. */
  snapshot: [string, string];
  fieldsCopy: Buffer;
  prevHash: string;
  hash: string;
}

const VERSION_COLUMNS = 'record_id, subject_id, version, op, snapshot, actor_kind, actor_id, actor_name, reason, at, prev_hash, hash';

/** COPY data of ledger entries in chain order (seq follows the line order). */
export function versionsCopyData(v: VersionCopy[], actor: Actor, reason: string | null, at: Date): Buffer | null {
  const data = new CopyData();
  const tail = `\t${copyValue(actor.kind)}\t${copyValue(actor.id)}\t${copyValue(actor.name)}\t${copyValue(reason)}\t${at.toISOString()}\t`;
  for (const x of v) {
    data.text(`${x.recordId}\t${x.subjectId}\t${x.version}\t${x.op}\t${copyJson(x.snapshot[0])}`).bytes(x.fieldsCopy).text(`${copyJson(x.snapshot[1])}${tail}${x.prevHash}\t${x.hash}\n`);
  }
  return data.toBuffer();
}

export function copyVersions(db: PoolClient, data: Buffer | null): Promise<void> {
  return copyLines(db, 'record_version', VERSION_COLUMNS, data);
}

/** Store the unmasked personal values of written records encrypted (as savePersonal does): replaced on update. */
export async function replacePersonal(db: Db, recordIds: number[], values: { recordId: number; field: string; hmac: string; cipher: string }[]): Promise<void> {
  if (recordIds.length) await db.query('delete from record_personal where record_id = any($1::bigint[])', [recordIds]);
  if (!values.length) return;
  await db.query(
    `insert into record_personal (record_id, field, value_hmac, value_cipher)
     select r, f, decode(h, 'hex'), decode(c, 'hex') from unnest($1::bigint[], $2::text[], $3::text[], $4::text[]) as v(r, f, h, c)`,
    [values.map((v) => v.recordId), values.map((v) => v.field), values.map((v) => v.hmac), values.map((v) => v.cipher)],
  );
}
