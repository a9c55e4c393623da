import { GENESIS_HASH } from '../../lib/hash-chain.js';
import { normalizeName } from '../subjects/name.js';
import { chainLink, contentHash, snapshotOf } from '../records/ledger.js';
import { publicationWindow } from '../records/publication.js';
import { lockLedgerTail } from '../records/repo.js';
import { transitionRecord } from '../records/service.js';
import type { RecordRow, RecordState } from '../records/types.js';
import { BatchState, duplicateIssue, submissionReason, type WriterContext } from './batch-state.js';
import * as bulk from './bulk-repo.js';
import { createSubjects, legacyClaims, lookUpSubjects, subjectKeyOf, type SubjectKey } from './subjects-bulk.js';
import type { PreparedRow, RowIssue } from './types.js';

type RecordItem = Extract<PreparedRow, { type: 'record' }>;
type RevokeItem = Extract<PreparedRow, { type: 'revoke' }>;

/** A key another transaction inserted between our lookup and our insert: redo the batch row by row. */
export class ConcurrentWriteError extends Error {}

/** Set-based write of a batch: rows in file order, revocations applied where they stand. */
export async function writeBulk(ctx: WriterContext, rows: PreparedRow[], st: BatchState): Promise<void> {
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
      await upsertSegment(ctx, segment, st);
      segment = [];
      await revokeRow(ctx, p, st);
    }
  }
  await upsertSegment(ctx, segment, st);
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
}

/** A legacy code the row claims that already belongs to another subject (on file or earlier in the batch). */
export function claimConflict(ctx: WriterContext, k: Keyed, mine: number | undefined, owners: Map<string, number>, st: BatchState): RowIssue | null {
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

async function upsertSegment(ctx: WriterContext, items: RecordItem[], st: BatchState): Promise<void> {
  if (!items.length) return;
  const keyed: Keyed[] = [];
  for (const p of items) {
    const sk = subjectKeyOf(ctx.pd, p.row);
    if ('code' in sk) st.reject(p.rowNo, [sk as RowIssue], p.raw);
    else keyed.push({ p, sk, claims: legacyClaims(p.row) });
  }
  const claims = [...new Map(keyed.flatMap((k) => k.claims).map((c) => [`${c.scheme}|${c.value}`, c])).values()];
  const existing = await bulk.lockRecordsByKey(ctx.db, ctx.departmentId, ctx.category.id, [...new Set(keyed.map((k) => k.p.row.sourceKey))]);
  const { byKey, owners } = await lookUpSubjects(ctx.db, keyed.map((k) => k.sk), claims);
  const accepted = acceptRows(ctx, keyed, existing, byKey, owners, st);
  const fresh = new Map<string, { key: SubjectKey; row: RecordItem['row'] }>();
  for (const k of accepted) if (!byKey.has(k.sk.key) && !fresh.has(k.sk.key)) fresh.set(k.sk.key, { key: k.sk, row: k.p.row });
  await createSubjects(ctx.db, ctx.pd, [...fresh.values()], byKey);
  const idWrites = new Map<string, { subjectId: number; scheme: string; value: string }>();
  for (const k of accepted) {
    for (const c of k.claims) if (!owners.has(`${c.scheme}|${c.value}`)) idWrites.set(`${c.scheme}|${c.value}`, { subjectId: byKey.get(k.sk.key)!.id, ...c });
  }
  await bulk.insertIdentifiers(ctx.db, [...idWrites.values()]);
  await writeRecords(ctx, accepted, existing, byKey as Map<string, { id: number; name: string }>, st);
}

async function writeRecords(ctx: WriterContext, accepted: Keyed[], existing: Map<string, bulk.KeyedRecord>, byKey: Map<string, { id: number; name: string }>, st: BatchState): Promise<void> {
  const { category, departmentId } = ctx;
  const today = ctx.clock.today();
  const creates: bulk.RecordWrite[] = [];
  const updates: bulk.RecordWrite[] = [];
  const changes: { w: bulk.RecordWrite; op: 'create' | 'update'; personal: Record<string, string> }[] = [];
  const receipts: { key: string; recordId: number | null; decidedOn: string | null; rowNo: number }[] = [];
  for (const { p, sk } of accepted) {
    const subject = byKey.get(sk.key)!;
    const given = p.row.subject.name.trim();
    if (normalizeName(subject.name) !== normalizeName(given)) {
      st.warn(p.rowNo, [{ field: category.subjectFields.name, message: `主体名称与库中不一致：库中为“${subject.name}”，报送为“${given}”` }], 'name_mismatch');
      if (sk.uscc) st.tally.usccConflicts += 1;
    }
    const win = publicationWindow(category, p.row.values, today, p.row.kind === 'natural_person');
    const ex = existing.get(p.row.sourceKey);
    const content = {
      subjectId: subject.id, categoryId: category.id, departmentId, sourceKey: p.row.sourceKey, fields: p.row.values,
      decidedOn: win.decidedOn, validFrom: win.validFrom, validUntil: win.validUntil, publishFrom: win.publishFrom,
      publishUntil: win.publishUntil, severity: win.severity, state: ex?.state ?? ('active' as RecordState),
    };
    st.filled(p.row.values);
    receipts.push({ key: p.row.sourceKey, recordId: ex?.id ?? null, decidedOn: win.decidedOn, rowNo: p.rowNo });
    const hash = contentHash(content);
    if (!ex) {
      const w = { ...content, version: 1, contentHash: hash };
      creates.push(w);
      changes.push({ w, op: 'create', personal: p.row.personal });
      st.tally.created += 1;
    } else if (ex.contentHash === hash) {
      st.tally.unchanged += 1;
    } else {
      // A corrected re-submission of a revoked record brings it back (as saveCheckedRow does).
      const c = ex.state === 'revoked' ? { ...content, state: 'active' as RecordState } : content;
      const w = { ...c, id: ex.id, version: ex.version + 1, contentHash: contentHash(c) };
      updates.push(w);
      changes.push({ w, op: 'update', personal: p.row.personal });
      st.tally.updated += 1;
    }
  }
  const ids = await bulk.insertRecords(ctx.db, departmentId, category.id, creates);
  if (ids.size !== creates.length) throw new ConcurrentWriteError('department key inserted concurrently');
  for (const w of creates) w.id = ids.get(w.sourceKey)!;
  await bulk.updateRecords(ctx.db, updates);
  await appendLedger(ctx, changes);
  await bulk.replacePersonal(ctx.db, updates.map((w) => w.id!), changes.flatMap(({ w, personal }) =>
    Object.entries(personal).map(([field, v]) => ({ recordId: w.id!, field, hmac: ctx.pd.hmac(v).toString('hex'), cipher: ctx.pd.encrypt(v).toString('hex') }))));
  await bulk.upsertReceipts(ctx.db, { departmentId, categoryId: category.id, submissionId: ctx.submissionId, receivedOn: ctx.receivedOn }, receipts.map((r) => ({ recordId: r.recordId ?? ids.get(r.key)!, decidedOn: r.decidedOn, rowNo: r.rowNo })));
}

/** Chain the batch's versions under the ledger lock, exactly as appendVersion would one by one. */
async function appendLedger(ctx: WriterContext, changes: { w: bulk.RecordWrite; op: 'create' | 'update' }[]): Promise<void> {
  if (!changes.length) return;
  const at = ctx.clock.now();
  const reason = submissionReason(ctx.submissionId);
  let prev = (await lockLedgerTail(ctx.db)) ?? GENESIS_HASH;
  const versions: bulk.VersionWrite[] = changes.map(({ w, op }) => {
    const row: RecordRow = {
      id: w.id!, subjectId: w.subjectId, categoryId: ctx.category.id, departmentId: ctx.departmentId, sourceKey: w.sourceKey, fields: w.fields,
      decidedOn: w.decidedOn, validFrom: w.validFrom, validUntil: w.validUntil, publishFrom: w.publishFrom, publishUntil: w.publishUntil,
      severity: w.severity as RecordRow['severity'], state: w.state, version: w.version, contentHash: w.contentHash,
    };
    const snapshot = snapshotOf(row);
    const link = chainLink(prev, {
      recordId: row.id, subjectId: row.subjectId, version: row.version, op, snapshot,
      actorKind: ctx.actor.kind, actorId: ctx.actor.id, actorName: ctx.actor.name, reason, at,
    });
    prev = link.hash;
    return { recordId: row.id, subjectId: row.subjectId, version: row.version, op, snapshot: JSON.stringify(snapshot), prevHash: link.prevHash, hash: link.hash };
  });
  await bulk.insertVersions(ctx.db, versions, ctx.actor, reason, at);
}
