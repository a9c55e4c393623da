import { copyLines, copyValue } from '../../db/copy.js';
import type { Db, PoolClient } from '../../db/pool.js';
import type { RecordState } from '../records/types.js';

// Set-based statements of the bulk import path on its own tables: one round trip per table per
// batch, the receipts of new records by COPY in text format. Records, their ledger entries and
// subjects are written by their modules' bulk writers (records/ledger-bulk.ts, subjects/bulk.ts).

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

const RECEIPT_COLUMNS = 'record_id, department_id, category_id, decided_on, first_submission_id, first_received_on, last_submission_id, last_row_no';

/** COPY data of the first receipts of records created in this batch (no receipt can exist for a fresh id). */
export function newReceiptsCopyData(t: { departmentId: number; categoryId: number; submissionId: number; receivedOn: string }, w: ReceiptWrite[]): Buffer | null {
  if (!w.length) return null;
  const mid = `\t${t.departmentId}\t${t.categoryId}\t`;
  const sub = `\t${t.submissionId}\t${copyValue(t.receivedOn)}\t${t.submissionId}\t`;
  const lines: string[] = [];
  for (const x of w) lines.push(`${x.recordId}${mid}${copyValue(x.decidedOn)}${sub}${x.rowNo}\n`);
  return Buffer.from(lines.join(''));
}

export function copyReceipts(db: PoolClient, data: Buffer | null): Promise<void> {
  return copyLines(db, 'record_receipt', RECEIPT_COLUMNS, data);
}
