import type { PersonalData } from '../../lib/personal-data.js';
import { canonicalJson } from '../../lib/canonical-json.js';
import { GENESIS_HASH } from '../../lib/hash-chain.js';
import { normalizeName } from '../subjects/name.js';
import { bulkContentHash, bulkVersion, FIELDS_HOLE } from '../records/ledger.js';
import { publicationWindow } from '../records/publication.js';
import { lockLedgerTail } from '../records/repo.js';
import type { CheckedRow } from '../records/row-check.js';
import { transitionRecord } from '../records/service.js';
import type { RecordRow, RecordState } from '../records/types.js';
import { BatchState, duplicateIssue, submissionReason, type WriterContext } from './batch-state.js';
import * as bulk from './bulk-repo.js';
import { insertNewSubjects, legacyClaims, lookUpSubjects, subjectKeyOf } from './subjects-bulk.js';
import type { PreparedRow, RowIssue, RowPre, SubjectKey } from './types.js';

type RecordItem = Extract<PreparedRow, { type: 'record' }>;
type BulkWrite = bulk.RecordWrite & { fieldsBytes: Buffer; fieldsCopy: Buffer };
type RevokeItem = Extract<PreparedRow, { type: 'revoke' }>;

/**
 * A batch's statements in order on its connection, each sent as soon as the one before it is
 * answered (in the same turn of the event loop: no wait for the code that queued them), so the
 * writes of a batch cost one wait instead of one per statement. After a failure the statements
 * behind it are not sent; run() and flush() then throw that first failure.
 */
export class Pending {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(statement: () => Promise<T>): Promise<T> {
    const p = this.tail.then(statement);
    this.tail = p;
    p.catch(() => undefined);
    return p;
  }

  add(statement: () => Promise<unknown>): void {
    void this.run(statement);
  }

  async flush(): Promise<void> {
    await this.tail;
  }
}

/** The database-independent part of writing a record row (see RowPre); done ahead when the pipeline can. */
export function precompute(pd: PersonalData, row: CheckedRow): RowPre {
  const fields = Buffer.from(canonicalJson(row.values));
  return { sk: subjectKeyOf(pd, row), claims: legacyClaims(row), fields, fieldsCopy: bulk.copyJsonBytes(fields) };
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
 * records. Everything after that (records, ledger entries, receipts, personal data) is computed
 * here and queued on `q`, in the order the per-row path writes it.
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
  const fresh = new Map<string, { key: SubjectKey; row: RecordItem['row'] }>();
  for (const k of accepted) if (!byKey.has(k.sk.key) && !fresh.has(k.sk.key)) fresh.set(k.sk.key, { key: k.sk, row: k.p.row });
  // The new subjects with their legal representatives and legacy codes, then the ledger lock
  // with its tail and ids for the new records, sent one after the other without waiting here in
  // between. As in the per-row path the ledger lock comes after the subjects and before the
  // records (a serious penalty's trigger takes the same lock when its record is inserted).
  const nCreates = accepted.reduce((n, k) => n + (existing.has(k.p.row.sourceKey) ? 0 : 1), 0);
  const [, tail, ids] = await Promise.all([
    q.run(async () => {
      await bulk.insertLegalReps(ctx.db, await insertNewSubjects(ctx.db, ctx.pd, [...fresh.values()], byKey));
      const idWrites = new Map<string, { subjectId: number; scheme: string; value: string }>();
      for (const k of accepted) {
        for (const c of k.claims) if (!owners.has(`${c.scheme}|${c.value}`)) idWrites.set(`${c.scheme}|${c.value}`, { subjectId: byKey.get(k.sk.key)!.id, ...c });
      }
      await bulk.insertIdentifiers(ctx.db, [...idWrites.values()]);
    }),
    q.run(() => lockLedgerTail(ctx.db)),
    q.run(() => bulk.reserveRecordIds(ctx.db, nCreates)),
  ]);
  await writeRecords(ctx, accepted, existing, byKey as Map<string, { id: number; name: string }>, tail, ids, st, q);
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

async function writeRecords(
  ctx: WriterContext,
  accepted: Keyed[],
  existing: Map<string, bulk.KeyedRecord>,
  byKey: Map<string, { id: number; name: string }>,
  tail: string | null,
  ids: number[],
  st: BatchState,
  q: Pending,
): Promise<void> {
  const { category, departmentId } = ctx;
  const today = ctx.clock.today();
  const at = ctx.clock.now();
  const reason = submissionReason(ctx.submissionId);
  let prev = tail ?? GENESIS_HASH;
  let created = 0;
  const updatedIds: number[] = [];
  const personal: { recordId: number; field: string; hmac: string; cipher: string }[] = [];
  const newReceipts: bulk.ReceiptWrite[] = [];
  const oldReceipts: bulk.ReceiptWrite[] = [];
  for (let from = 0, size = FIRST_CHUNK; from < accepted.length; from += size, size = Math.ceil(size * CHUNK_GROWTH)) {
    const creates: BulkWrite[] = [];
    const updates: BulkWrite[] = [];
    const changes: { w: BulkWrite; op: 'create' | 'update' }[] = [];
    for (let i = from; i < accepted.length && i < from + size; i += 1) {
      if (i > from && (i - from) % ROWS_PER_TURN === 0) await nextTurn();
      const { p, sk, pre } = accepted[i]!;
      const subject = byKey.get(sk.key)!;
      const given = p.row.subject.name.trim();
      if (subject.name !== given && normalizeName(subject.name) !== normalizeName(given)) {
        st.warn(p.rowNo, [{ field: category.subjectFields.name, message: `主体名称与库中不一致：库中为“${subject.name}”，报送为“${given}”` }], 'name_mismatch');
        if (sk.uscc) st.tally.usccConflicts += 1;
      }
      const win = publicationWindow(category, p.row.values, today, p.row.kind === 'natural_person');
      const ex = existing.get(p.row.sourceKey);
      const content = {
        subjectId: subject.id, categoryId: category.id, departmentId, sourceKey: p.row.sourceKey, fields: FIELDS_HOLE,
        decidedOn: win.decidedOn, validFrom: win.validFrom, validUntil: win.validUntil, publishFrom: win.publishFrom,
        publishUntil: win.publishUntil, severity: win.severity, state: ex?.state ?? ('active' as RecordState),
      };
      st.filled(p.row.values);
      const hash = bulkContentHash(content, pre.fields);
      const bytes = { fields: p.row.values, fieldsBytes: pre.fields, fieldsCopy: pre.fieldsCopy };
      let w: BulkWrite | null = null;
      if (!ex) {
        w = { ...content, ...bytes, id: ids[created++]!, version: 1, contentHash: hash };
        newReceipts.push({ recordId: w.id!, decidedOn: win.decidedOn, rowNo: p.rowNo });
        creates.push(w);
        changes.push({ w, op: 'create' });
        st.tally.created += 1;
      } else {
        oldReceipts.push({ recordId: ex.id, decidedOn: win.decidedOn, rowNo: p.rowNo });
        if (ex.contentHash === hash) {
          st.tally.unchanged += 1;
        } else {
          // A corrected re-submission of a revoked record brings it back (as saveCheckedRow does).
          const c = ex.state === 'revoked' ? { ...content, state: 'active' as RecordState } : content;
          w = { ...c, ...bytes, id: ex.id, version: ex.version + 1, contentHash: bulkContentHash(c, pre.fields) };
          updates.push(w);
          updatedIds.push(ex.id);
          changes.push({ w, op: 'update' });
          st.tally.updated += 1;
        }
      }
      if (w) {
        for (const [field, v] of Object.entries(p.row.personal)) {
          personal.push({ recordId: w.id!, field, hmac: ctx.pd.hmac(v).toString('hex'), cipher: ctx.pd.encrypt(v).toString('hex') });
        }
      }
    }
    const recordData = bulk.recordsCopyData(departmentId, category.id, creates, at);
    q.add(() => bulk.copyLines(ctx.db, 'record', bulk.RECORD_COLUMNS, recordData));
    q.add(() => bulk.updateRecords(ctx.db, updates, at));
    prev = appendLedger(ctx, prev, changes, at, reason, q);
  }
  q.add(() => bulk.replacePersonal(ctx.db, updatedIds, personal));
  const receiptTarget = { departmentId, categoryId: category.id, submissionId: ctx.submissionId, receivedOn: ctx.receivedOn };
  const receiptData = bulk.newReceiptsCopyData(receiptTarget, newReceipts);
  q.add(() => bulk.copyLines(ctx.db, 'record_receipt', bulk.RECEIPT_COLUMNS, receiptData));
  q.add(() => bulk.upsertReceipts(ctx.db, receiptTarget, oldReceipts));
}

/**
 * Chain versions after `prev` (the tail read under the ledger lock, or the last hash of the
 * chunk before), exactly as appendVersion would one by one; returns the new tail.
 */
function appendLedger(ctx: WriterContext, prev: string, changes: { w: BulkWrite; op: 'create' | 'update' }[], at: Date, reason: string, q: Pending): string {
  if (!changes.length) return prev;
  const versions: bulk.VersionCopy[] = changes.map(({ w, op }) => {
    const v = bulkVersion({
      id: w.id!, subjectId: w.subjectId, categoryId: ctx.category.id, departmentId: ctx.departmentId, sourceKey: w.sourceKey,
      fields: FIELDS_HOLE, decidedOn: w.decidedOn, validFrom: w.validFrom, validUntil: w.validUntil,
      publishFrom: w.publishFrom, publishUntil: w.publishUntil, severity: w.severity as RecordRow['severity'], state: w.state,
      version: w.version, contentHash: w.contentHash,
    }, w.fieldsBytes, op, ctx.actor, reason, at, prev);
    const out = { recordId: w.id!, subjectId: w.subjectId, version: w.version, op, snapshot: v.snapshot, fieldsCopy: w.fieldsCopy, prevHash: prev, hash: v.hash };
    prev = v.hash;
    return out;
  });
  const data = bulk.versionsCopyData(versions, ctx.actor, reason, at);
  q.add(() => bulk.copyLines(ctx.db, 'record_version', bulk.VERSION_COLUMNS, data));
  return prev;
}
