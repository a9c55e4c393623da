import type { Db, PoolClient } from '../../db/pool.js';
import type { RecordState } from '../records/types.js';
import type { SubjectKind } from '../catalog/types.js';

// Set-based statements of the bulk import path: one round trip per table per batch. The big
// writes (records, ledger entries, receipts of new records) go by COPY in text format, the
// cheapest way into PostgreSQL; the rest as JSON documents or arrays.

const COPY_SPECIAL = /[\\\t\n\r]/;
const COPY_SPECIALS = /[\\\t\n\r]/g;
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A value in COPY text format: \N for null, backslash and the separators escaped. */
export function copyValue(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'number') return String(v);
  return COPY_SPECIAL.test(v) ? v.replace(COPY_SPECIALS, (c) => COPY_ESCAPES[c]!) : v;
}

/** JSON text as a COPY value: JSON escapes its control characters, so only backslashes are doubled. */
export function copyJson(json: string): string {
  return json.includes('\\') ? json.replace(/\\/g, '\\\\') : json;
}

/** UTF-8 JSON as a COPY value (see copyJson). */
export function copyJsonBytes(json: Buffer): Buffer {
  return json.includes(0x5c) ? Buffer.from(copyJson(json.toString('utf8'))) : json;
}

/** COPY data assembled from text and ready-made UTF-8 pieces, written into one buffer at the end. */
export class CopyData {
  private readonly parts: (string | Buffer)[] = [];
  private size = 0;

  text(s: string): this {
    this.parts.push(s);
    this.size += Buffer.byteLength(s);
    return this;
  }

  bytes(b: Buffer): this {
    this.parts.push(b);
    this.size += b.length;
    return this;
  }

  toBuffer(): Buffer | null {
    if (!this.size) return null;
    const out = Buffer.allocUnsafe(this.size);
    let at = 0;
    for (const p of this.parts) at += typeof p === 'string' ? out.write(p, at) : p.copy(out, at);
    return out;
  }
}

/**
 * COPY … FROM STDIN with its data sent right behind the statement instead of after the server's
 * CopyInResponse (as pg-copy-streams waits for): the server reads the data once it runs the
 * statement, so the COPY costs one round trip, not two. The protocol allows it: if the statement
 * fails, the server drops the CopyData and CopyDone messages that follow.
 */
class EagerCopyIn {
  readonly done: Promise<void>;
  private settle!: (err?: unknown) => void;

  constructor(readonly text: string, private readonly data: Buffer) {
    this.done = new Promise<void>((resolve, reject) => {
      this.settle = (err) => (err ? reject(err) : resolve());
    });
  }

  submit(connection: { query(text: string): void; stream: { write(b: Buffer): boolean } }): void {
    connection.query(this.text);
    const PIECE = 1 << 18;
    for (let at = 0; at < this.data.length; at += PIECE) {
      const piece = this.data.subarray(at, at + PIECE);
      const header = Buffer.allocUnsafe(5);
      header[0] = 0x64; // CopyData
      header.writeUInt32BE(piece.length + 4, 1);
      connection.stream.write(header);
      connection.stream.write(piece);
    }
    connection.stream.write(Buffer.from([0x63, 0, 0, 0, 4])); // CopyDone
  }

  // The client calls these as the server answers; errors come without a ReadyForQuery call.
  callback(): void {}
  handleCopyInResponse(): void {}
  handleCommandComplete(): void {}
  handleReadyForQuery(): void {
    this.settle();
  }
  handleError(err: unknown): void {
    this.settle(err);
  }
}

/** COPY data in text format (tab-separated values, each line ending in \n) into a table. */
export function copyLines(db: PoolClient, table: string, columns: string, data: Buffer | null): Promise<void> {
  if (!data?.length) return Promise.resolve();
  return db.query(new EagerCopyIn(`copy ${table} (${columns}) from stdin`, data)).done;
}

/** Ids for new records, in file order, taken from the record sequence ahead of a COPY. */
export async function reserveRecordIds(db: Db, n: number): Promise<number[]> {
  if (!n) return [];
  const r = await db.query<{ id: number }>(`select nextval('record_id_seq') as id from generate_series(1, $1::int)`, [n]);
  return r.rows.map((x) => x.id).sort((a, b) => a - b);
}

export interface KeyedRecord {
  id: number;
  sourceKey: string;
  subjectId: number;
  state: RecordState;
  version: number;
  contentHash: string;
  lastSubmissionId: number | null;
  lastRowNo: number | null;
}

/** The records a batch touches, locked for the rest of the transaction, with their latest receipt. */
export async function lockRecordsByKey(db: Db, departmentId: number, categoryId: number, keys: string[]): Promise<Map<string, KeyedRecord>> {
  if (!keys.length) return new Map();
  const r = await db.query<KeyedRecord>(
    `select r.id, r.source_key as "sourceKey", r.subject_id as "subjectId", r.state, r.version, r.content_hash as "contentHash",
       rr.last_submission_id as "lastSubmissionId", rr.last_row_no as "lastRowNo"
     from record r left join record_receipt rr on rr.record_id = r.id
     where r.department_id = $1 and r.category_id = $2 and r.source_key = any($3::text[])
     order by r.id for update of r`,
    [departmentId, categoryId, keys],
  );
  return new Map(r.rows.map((x) => [x.sourceKey, x]));
}

export interface SubjectOnFile {
  id: number;
  uscc: string | null;
  hmac: string | null;
  name: string;
}

export async function subjectsByCode(db: Db, usccs: string[], hmacs: string[]): Promise<SubjectOnFile[]> {
  if (!usccs.length && !hmacs.length) return [];
  const r = await db.query<SubjectOnFile>(
    `select id, uscc, encode(id_hmac, 'hex') as hmac, name from subject
     where uscc = any($1::text[]) or id_hmac = any(array(select decode(h, 'hex') from unnest($2::text[]) h))`,
    [usccs, hmacs],
  );
  return r.rows;
}

export interface NewSubject {
  kind: SubjectKind;
  uscc: string | null;
  hmac: string | null;
  cipher: string | null;
  masked: string | null;
  name: string;
  nameNorm: string;
  legalRep: string | null;
  regionCode: string;
}

/** Insert subjects not on file; the ones another transaction created first come back as null ids. */
export async function insertSubjects(db: Db, s: NewSubject[]): Promise<SubjectOnFile[]> {
  if (!s.length) return [];
  const r = await db.query<SubjectOnFile>(
    `insert into subject as s (kind, uscc, id_hmac, id_cipher, id_masked, name, name_norm, legal_rep_name, region_code)
     select k, u, decode(h, 'hex'), decode(c, 'hex'), m, n, nn, lr, rc
     from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[]) with ordinality
       as v(k, u, h, c, m, n, nn, lr, rc, ord)
     order by ord
     on conflict do nothing returning id, uscc, encode(id_hmac, 'hex') as hmac, name`,
    [s.map((x) => x.kind), s.map((x) => x.uscc), s.map((x) => x.hmac), s.map((x) => x.cipher), s.map((x) => x.masked),
      s.map((x) => x.name), s.map((x) => x.nameNorm), s.map((x) => x.legalRep), s.map((x) => x.regionCode)],
  );
  return r.rows;
}

export async function insertLegalReps(db: Db, links: { subjectId: number; name: string }[]): Promise<void> {
  if (!links.length) return;
  await db.query(
    `insert into subject_link (subject_id, role, person_name) select s, 'legal_rep', n from unnest($1::bigint[], $2::text[]) as v(s, n)`,
    [links.map((l) => l.subjectId), links.map((l) => l.name)],
  );
}

export async function identifierOwners(db: Db, claims: { scheme: string; value: string }[]): Promise<Map<string, number>> {
  if (!claims.length) return new Map();
  const r = await db.query<{ scheme: string; value: string; subjectId: number }>(
    `select i.scheme, i.value, i.subject_id as "subjectId" from subject_identifier i
     join unnest($1::text[], $2::text[]) as v(sc, val) on i.scheme = v.sc and i.value = v.val
     where i.scheme <> 'former_name'`,
    [claims.map((c) => c.scheme), claims.map((c) => c.value)],
  );
  return new Map(r.rows.map((x) => [`${x.scheme}|${x.value}`, x.subjectId]));
}

export async function insertIdentifiers(db: Db, ids: { subjectId: number; scheme: string; value: string }[]): Promise<void> {
  if (!ids.length) return;
  await db.query(
    `insert into subject_identifier (subject_id, scheme, value, value_norm)
     select s, sc, v, v from unnest($1::bigint[], $2::text[], $3::text[]) as x(s, sc, v) on conflict do nothing`,
    [ids.map((i) => i.subjectId), ids.map((i) => i.scheme), ids.map((i) => i.value)],
  );
}

export interface RecordWrite {
  id?: number;
  /** The fields as canonical JSON in UTF-8, escaped for COPY (what the bulk path stores). */
  fieldsCopy?: Buffer;
  subjectId: number;
  sourceKey: string;
  fields: Record<string, string>;
  decidedOn: string | null;
  validFrom: string | null;
  validUntil: string | null;
  publishFrom: string | null;
  publishUntil: string | null;
  severity: string | null;
  state: RecordState;
  version: number;
  contentHash: string;
}

// Big batches of updates travel as one JSON document (native JSON.stringify, one parse in PostgreSQL) rather
// than as one array parameter per column, which the driver would escape element by element.
const recordJson = (w: RecordWrite[]) => JSON.stringify(w.map((x) => ({
  id: x.id ?? null, k: x.sourceKey, s: x.subjectId, f: x.fields, d1: x.decidedOn, d2: x.validFrom, d3: x.validUntil, d4: x.publishFrom,
  d5: x.publishUntil, sv: x.severity, st: x.state, ver: x.version, h: x.contentHash,
})));
const RECORD_SET = `rows from (json_to_recordset($1::json) as (id bigint, k text, s bigint, f jsonb, d1 date, d2 date, d3 date, d4 date, d5 date,
  sv text, st text, ver int, h text)) with ordinality as v(id, k, s, f, d1, d2, d3, d4, d5, sv, st, ver, h, ord)`;

export const RECORD_COLUMNS = 'id, subject_id, category_id, department_id, source_key, fields, decided_on, valid_from, valid_until, publish_from, publish_until, severity, state, version, content_hash, created_at';

/**
 * COPY data of new records with their reserved ids, in file order (built as soon as the rows are
 * known, so that only the bytes wait for their turn). A department key another transaction took
 * meanwhile fails the COPY with a unique violation: the batch is then redone row by row.
 */
export function recordsCopyData(departmentId: number, categoryId: number, w: RecordWrite[], at: Date): Buffer | null {
  const data = new CopyData();
  const createdAt = at.toISOString();
  for (const x of w) {
    data.text(`${x.id!}\t${x.subjectId}\t${categoryId}\t${departmentId}\t${copyValue(x.sourceKey)}\t`);
    if (x.fieldsCopy) data.bytes(x.fieldsCopy);
    else data.text(copyJson(JSON.stringify(x.fields)));
    data.text(`\t${copyValue(x.decidedOn)}\t${copyValue(x.validFrom)}\t${copyValue(x.validUntil)}\t${copyValue(x.publishFrom)}\t${copyValue(x.publishUntil)}\t${copyValue(x.severity)}\t${copyValue(x.state)}\t${x.version}\t${copyValue(x.contentHash)}\t${createdAt}\n`);
  }
  return data.toBuffer();
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
  op: 'create' | 'update';
  /** The snapshot (canonical JSON) is snapshot[0] ‖ fields ‖ snapshot[1]; fields escaped for COPY. */
  snapshot: [string, string];
  fieldsCopy: Buffer;
  prevHash: string;
  hash: string;
}

export const VERSION_COLUMNS = 'record_id, subject_id, version, op, snapshot, actor_kind, actor_id, actor_name, reason, at, prev_hash, hash';

/** COPY data of ledger entries in chain order (seq follows the line order). */
export function versionsCopyData(v: VersionCopy[], actor: { kind: string; id: string | null; name: string }, reason: string | null, at: Date): Buffer | null {
  const data = new CopyData();
  const tail = `\t${copyValue(actor.kind)}\t${copyValue(actor.id)}\t${copyValue(actor.name)}\t${copyValue(reason)}\t${at.toISOString()}\t`;
  for (const x of v) {
    data.text(`${x.recordId}\t${x.subjectId}\t${x.version}\t${x.op}\t${copyJson(x.snapshot[0])}`).bytes(x.fieldsCopy).text(`${copyJson(x.snapshot[1])}${tail}${x.prevHash}\t${x.hash}\n`);
  }
  return data.toBuffer();
}

export interface ReceiptWrite {
  recordId: number;
  decidedOn: string | null;
  rowNo: number;
}

export async function upsertReceipts(db: Db, t: { departmentId: number; categoryId: number; submissionId: number; receivedOn: string }, w: ReceiptWrite[]): Promise<void> {
  if (!w.length) return;
  await db.query(
    `insert into record_receipt (record_id, department_id, category_id, decided_on, first_submission_id, first_received_on, last_submission_id, last_row_no)
     select r, $1, $2, d, $3, $4, $3, n from json_to_recordset($5::json) as v(r bigint, d date, n int)
     on conflict (record_id) do update set decided_on = excluded.decided_on, last_submission_id = excluded.last_submission_id, last_row_no = excluded.last_row_no`,
    [t.departmentId, t.categoryId, t.submissionId, t.receivedOn, JSON.stringify(w.map((x) => ({ r: x.recordId, d: x.decidedOn, n: x.rowNo })))],
  );
}

export const RECEIPT_COLUMNS = 'record_id, department_id, category_id, decided_on, first_submission_id, first_received_on, last_submission_id, last_row_no';

/** COPY data of the first receipts of records created in this batch (no receipt can exist for a fresh id). */
export function newReceiptsCopyData(t: { departmentId: number; categoryId: number; submissionId: number; receivedOn: string }, w: ReceiptWrite[]): Buffer | null {
  if (!w.length) return null;
  const mid = `\t${t.departmentId}\t${t.categoryId}\t`;
  const sub = `\t${t.submissionId}\t${copyValue(t.receivedOn)}\t${t.submissionId}\t`;
  const lines: string[] = [];
  for (const x of w) lines.push(`${x.recordId}${mid}${copyValue(x.decidedOn)}${sub}${x.rowNo}\n`);
  return Buffer.from(lines.join(''));
}

export async function receiptOf(db: Db, recordId: number): Promise<{ lastSubmissionId: number; lastRowNo: number } | null> {
  const r = await db.query<{ lastSubmissionId: number; lastRowNo: number }>(
    'select last_submission_id as "lastSubmissionId", last_row_no as "lastRowNo" from record_receipt where record_id = $1',
    [recordId],
  );
  return r.rows[0] ?? null;
}

/** Store the unmasked personal values of written records encrypted (as saveCheckedRow does): replaced on update. */
export async function replacePersonal(db: Db, recordIds: number[], values: { recordId: number; field: string; hmac: string; cipher: string }[]): Promise<void> {
  if (recordIds.length) await db.query('delete from record_personal where record_id = any($1::bigint[])', [recordIds]);
  if (!values.length) return;
  await db.query(
    `insert into record_personal (record_id, field, value_hmac, value_cipher)
     select r, f, decode(h, 'hex'), decode(c, 'hex') from unnest($1::bigint[], $2::text[], $3::text[], $4::text[]) as v(r, f, h, c)`,
    [values.map((v) => v.recordId), values.map((v) => v.field), values.map((v) => v.hmac), values.map((v) => v.cipher)],
  );
}
