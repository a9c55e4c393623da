import type { Pending } from '../../db/pending.js';
import type { PersonalData } from '../../lib/personal-data.js';
import { normalizeName } from '../subjects/name.js';
import { BulkRecordWriter, renderFields } from '../records/ledger-bulk.js';
import type { CheckedRow } from '../records/row-check.js';
import { transitionRecord } from '../records/service.js';
import { BatchState, duplicateIssue, submissionReason, type WriterContext } from './batch-state.js';
import { addLegacyCodes, insertNewSubjects, lookUpSubjects, type FreshSubject, type SubjectKey } from '../subjects/bulk.js';
import * as bulk from './bulk-repo.js';
import { legacyClaims, subjectKeyOf } from './subjects-bulk.js';
import type { PreparedRow, RowIssue, RowPre } from './types.js';

type RecordItem = Extract<PreparedRow, { type: 'record' }>;
type RevokeItem = Extract<PreparedRow, { type: 'revoke' }>;

/** The database-independent part of writing a record row (see RowPre); done ahead when the pipeline can. */
export function precompute(pd: PersonalData, row: CheckedRow): RowPre {
  return { sk: subjectKeyOf(pd, row), claims: legacyClaims(row), fields: renderFields(row.values) };
}

/**
 * Set-based write of a batch: rows in file order, revocations applied where they stand. Writes
 * may still be in flight when it returns: the caller flushes `q` (before committing).
 */
export async function writeBulk(ctx: WriterContext, rows: PreparedRow[], st: BatchState, q: Pending): Promise<void> {
  let segment: RecordItem[] = [];
  for (const p of rows) {
    st.tally.received += 1;
    if (p.type !== 'revoke' && p.usccGiven) st.tally.usccRows += 1;
    if (p.type === 'rejected') {
      if (p.usccWrong) st.tally.usccWrong += 1;
      st.reject(p.rowNo, p.issues, p.raw);
    } else if (p.type === 'record') {
      segment.push(p);
    } else {
      await upsertSegment(ctx, segment, st, q);
      segment = [];
      await q.flush();
      await revokeRow(ctx, p, st);
    }
  }
  await upsertSegment(ctx, segment, st, q);
}

/** Revoke (撤销) the record a row names by its department key. */
export async function revokeRow(ctx: WriterContext, p: RevokeItem, st: BatchState): Promise<void> {
  const existing = (await bulk.lockRecordsByKey(ctx.db, ctx.departmentId, ctx.category.id, [p.key])).get(p.key);
  if (!existing) {
    st.reject(p.rowNo, [{ field: ctx.category.keyField, code: 'revoke_unknown_key', message: `没有业务主键为“${p.key}”的记录可撤销` }], p.raw);
  } else if (existing.state === 'revoked') {
    st.tally.unchanged += 1;
  } else {
    await transitionRecord({ db: ctx.db, clock: ctx.clock }, existing.id, 'revoked', ctx.actor, `${submissionReason(ctx.submissionId)} 第 ${p.rowNo} 行撤销`);
    st.tally.revoked += 1;
  }
}

export interface Keyed {
  p: RecordItem;
  sk: SubjectKey;
  claims: { scheme: 'org_code' | 'reg_no'; value: string }[];
  pre: RowPre;
}

/** A legacy code the row claims that already belongs to another subject (on file or earlier in the batch). */
export function claimConflict(ctx: WriterContext, k: Pick<Keyed, 'sk' | 'claims'>, mine: number | undefined, owners: Map<string, number>, st: BatchState): RowIssue | null {
  const c = k.claims.find((x) => {
    const dbOwner = owners.get(`${x.scheme}|${x.value}`);
    const batchOwner = st.claims.get(`${x.scheme}|${x.value}`);
    return (dbOwner !== undefined && dbOwner !== mine) || (batchOwner !== undefined && batchOwner !== k.sk.key);
  });
  if (!c) return null;
  const sf = ctx.category.subjectFields;
  return {
    field: (c.scheme === 'org_code' ? sf.orgCode : sf.regNo) ?? null, code: 'identifier_conflict',
    message: `${c.scheme === 'org_code' ? '组织机构代码' : '工商注册号'} ${c.value} 已对应另一主体`,
  };
}

/** The department key was accepted earlier in this submission: the row it was accepted from. */
export function earlierRow(ctx: WriterContext, key: string, onFile: bulk.KeyedRecord | undefined, st: BatchState): number | undefined {
  return st.acceptedKeys.get(key) ?? (onFile?.lastSubmissionId === ctx.submissionId ? onFile.lastRowNo ?? undefined : undefined);
}

/** Decide which rows of a segment are written: not a duplicate key, no legacy code owned by another subject. */
function acceptRows(ctx: WriterContext, items: Keyed[], existing: Map<string, bulk.KeyedRecord>, byKey: Map<string, { id: number }>, owners: Map<string, number>, st: BatchState): Keyed[] {
  const accepted: Keyed[] = [];
  for (const k of items) {
    const key = k.p.row.sourceKey;
    const earlier = earlierRow(ctx, key, existing.get(key), st);
    if (earlier !== undefined) {
      st.reject(k.p.rowNo, [duplicateIssue(ctx.category.keyField, key, earlier)], k.p.raw);
      continue;
    }
    const conflict = claimConflict(ctx, k, byKey.get(k.sk.key)?.id, owners, st);
    if (conflict) {
      st.reject(k.p.rowNo, [conflict], k.p.raw);
      continue;
    }
    for (const c of k.claims) st.claims.set(`${c.scheme}|${c.value}`, k.sk.key);
    st.acceptedKeys.set(key, k.p.rowNo);
    accepted.push(k);
  }
  return accepted;
}

/**
 * One segment (record rows between revocations) in three waits: look up its records (locked)
 * and subjects; insert the new subjects; take the ledger lock with its tail and ids for the new
 * records (BulkRecordWriter.open). Everything after that (records, ledger entries, receipts,
 * personal data) is computed here and queued on `q`, in the order the per-row path writes it.
 */
async function upsertSegment(ctx: WriterContext, items: RecordItem[], st: BatchState, q: Pending): Promise<void> {
  if (!items.length) return;
  const keyed: Keyed[] = [];
  for (const p of items) {
    const pre = p.pre ?? precompute(ctx.pd, p.row);
    if ('code' in pre.sk) st.reject(p.rowNo, [pre.sk as RowIssue], p.raw);
    else keyed.push({ p, sk: pre.sk as SubjectKey, claims: pre.claims, pre });
  }
  const claims = [...new Map(keyed.flatMap((k) => k.claims).map((c) => [`${c.scheme}|${c.value}`, c])).values()];
  const [existing, { byKey, owners }] = await Promise.all([
    q.run(() => bulk.lockRecordsByKey(ctx.db, ctx.departmentId, ctx.category.id, [...new Set(keyed.map((k) => k.p.row.sourceKey))])),
    q.run(() => lookUpSubjects(ctx.db, keyed.map((k) => k.sk), claims)),
  ]);
  const accepted = acceptRows(ctx, keyed, existing, byKey, owners, st);
  const fresh = new Map<string, FreshSubject>();
  for (const k of accepted) if (!byKey.has(k.sk.key) && !fresh.has(k.sk.key)) fresh.set(k.sk.key, { key: k.sk, kind: k.p.row.kind, ref: k.p.row.subject });
  // The new subjects with their legal representatives and legacy codes, then the ledger lock
  // with its tail and ids for the new records (queued by the writer's open()), sent one after
  // the other without waiting here in between.
  const nCreates = accepted.reduce((n, k) => n + (existing.has(k.p.row.sourceKey) ? 0 : 1), 0);
  const [, writer] = await Promise.all([
    q.run(async () => {
      await insertNewSubjects(ctx.db, ctx.pd, [...fresh.values()], byKey);
      const idWrites = new Map<string, { subjectId: number; scheme: string; value: string }>();
      for (const k of accepted) {
        for (const c of k.claims) if (!owners.has(`${c.scheme}|${c.value}`)) idWrites.set(`${c.scheme}|${c.value}`, { subjectId: byKey.get(k.sk.key)!.id, ...c });
      }
      await addLegacyCodes(ctx.db, [...idWrites.values()]);
    }),
    BulkRecordWriter.open(
      { db: ctx.db, q, pd: ctx.pd, clock: ctx.clock }, { category: ctx.category, departmentId: ctx.departmentId }, ctx.actor,
      submissionReason(ctx.submissionId), nCreates,
    ),
  ]);
  await writeRecords(ctx, accepted, existing, byKey as Map<string, { id: number; name: string }>, writer, st, q);
}

/**
 * Rows of a segment are computed and sent in chunks, the database writing one while the next is
 * computed. Writing a row costs the database more than computing it costs us, so chunks grow
 * (a small first one gets the database going early); every few rows the event loop turns, so that
 * the database's answers are read (and the next statement sent) without waiting for a whole chunk.
 */
const FIRST_CHUNK = 100;
const CHUNK_GROWTH = 2.5;
const ROWS_PER_TURN = 50;
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The segment's records through the writer, chunk by chunk, with the submission's warnings, counts and receipts. */
async function writeRecords(
  ctx: WriterContext,
  accepted: Keyed[],
  existing: Map<string, bulk.KeyedRecord>,
  byKey: Map<string, { id: number; name: string }>,
  writer: BulkRecordWriter,
  st: BatchState,
  q: Pending,
): Promise<void> {
  const { category, departmentId } = ctx;
  const newReceipts: bulk.ReceiptWrite[] = [];
  const oldReceipts: bulk.ReceiptWrite[] = [];
  for (let from = 0, size = FIRST_CHUNK; from < accepted.length; from += size, size = Math.ceil(size * CHUNK_GROWTH)) {
    for (let i = from; i < accepted.length && i < from + size; i += 1) {
      if (i > from && (i - from) % ROWS_PER_TURN === 0) await nextTurn();
      const { p, sk, pre } = accepted[i]!;
      const subject = byKey.get(sk.key)!;
      const given = p.row.subject.name.trim();
      if (subject.name !== given && normalizeName(subject.name) !== normalizeName(given)) {
        st.warn(p.rowNo, [{ field: category.subjectFields.name, message: `主体名称与库中不一致：库中为“${subject.name}”，报送为“${given}”` }], 'name_mismatch');
        if (sk.uscc) st.tally.usccConflicts += 1;
      }
      st.filled(p.row.values);
      const onFile = existing.get(p.row.sourceKey);
      const r = writer.stage(p.row, pre.fields, subject.id, onFile);
      (onFile ? oldReceipts : newReceipts).push({ recordId: r.recordId, decidedOn: r.decidedOn, rowNo: p.rowNo });
      st.tally[r.outcome] += 1;
    }
    writer.flush();
  }
  writer.finish();
  const receiptTarget = { departmentId, categoryId: category.id, submissionId: ctx.submissionId, receivedOn: ctx.receivedOn };
  const receiptData = bulk.newReceiptsCopyData(receiptTarget, newReceipts);
  q.add(() => bulk.copyReceipts(ctx.db, receiptData));
  q.add(() => bulk.upsertReceipts(ctx.db, receiptTarget, oldReceipts));
}
