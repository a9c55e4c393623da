import { AppError } from '../../errors.js';
import { saveCheckedRow } from '../records/service.js';
import { BatchState, duplicateIssue, submissionReason, type WriterContext } from './batch-state.js';
import { lookUpSubjects } from '../subjects/bulk.js';
import * as bulk from './bulk-repo.js';
import { legacyClaims, subjectKeyOf } from './subjects-bulk.js';
import type { PreparedRow, RowIssue } from './types.js';
import { claimConflict, earlierRow, revokeRow } from './writer.js';

type RecordItem = Extract<PreparedRow, { type: 'record' }>;

function issuesOf(err: unknown): RowIssue[] {
  if (err instanceof AppError) {
    const detail = err.details.map((d) => d.message).filter((m) => m && m !== err.message).join('；');
    return [{ field: err.details[0]?.field ?? null, code: err.code, message: detail ? `${err.message}：${detail}` : err.message }];
  }
  const e = err as { code?: string; message?: string };
  return [{ field: null, code: 'write_failed', message: `写入失败：${e.message ?? String(err)}${e.code ? `（${e.code}）` : ''}` }];
}

/** One record row through saveCheckedRow, after the same duplicate and legacy-code checks as the bulk path. */
async function saveRow(ctx: WriterContext, p: RecordItem, st: BatchState): Promise<void> {
  const { db } = ctx;
  const sk = subjectKeyOf(ctx.pd, p.row);
  if ('code' in sk) return st.reject(p.rowNo, [sk as RowIssue], p.raw);
  const key = p.row.sourceKey;
  const onFile = (await bulk.lockRecordsByKey(db, ctx.departmentId, ctx.category.id, [key])).get(key);
  const earlier = earlierRow(ctx, key, onFile, st);
  if (earlier !== undefined) return st.reject(p.rowNo, [duplicateIssue(ctx.category.keyField, key, earlier)], p.raw);
  const claims = legacyClaims(p.row);
  const { byKey, owners } = await lookUpSubjects(db, [sk], claims);
  const conflict = claimConflict(ctx, { sk, claims }, byKey.get(sk.key)?.id, owners, st);
  if (conflict) return st.reject(p.rowNo, [conflict], p.raw);
  const r = await saveCheckedRow({ db, pd: ctx.pd, clock: ctx.clock }, { category: ctx.category, departmentId: ctx.departmentId }, p.row, ctx.actor, { mode: 'upsert', reason: submissionReason(ctx.submissionId) });
  await bulk.upsertReceipts(db, { departmentId: ctx.departmentId, categoryId: ctx.category.id, submissionId: ctx.submissionId, receivedOn: ctx.receivedOn }, [{ recordId: r.record.id, decidedOn: r.record.decidedOn, rowNo: p.rowNo }]);
  for (const c of claims) st.claims.set(`${c.scheme}|${c.value}`, sk.key);
  st.acceptedKeys.set(key, p.rowNo);
  st.tally[r.outcome] += 1;
  st.filled(p.row.values);
  st.warn(p.rowNo, r.warnings, 'name_mismatch');
  if (r.warnings.length && sk.uscc) st.tally.usccConflicts += 1;
}

/**
 * The careful path: each row in its own savepoint through saveCheckedRow (the single-record
 * API's code), so a row that fails at write time is rejected alone. Used when a bulk batch meets
 * a concurrent writer, and by tests to show the bulk path gives the same results.
 */
export async function writeRowByRow(ctx: WriterContext, rows: PreparedRow[], st: BatchState): Promise<void> {
  for (const p of rows) {
    st.tally.received += 1;
    if (p.type !== 'revoke' && p.usccGiven) st.tally.usccRows += 1;
    if (p.type === 'rejected') {
      if (p.usccWrong) st.tally.usccWrong += 1;
      st.reject(p.rowNo, p.issues, p.raw);
      continue;
    }
    await ctx.db.query('savepoint ingest_row');
    try {
      if (p.type === 'revoke') await revokeRow(ctx, p, st);
      else await saveRow(ctx, p, st);
      await ctx.db.query('release savepoint ingest_row');
    } catch (err) {
      await ctx.db.query('rollback to savepoint ingest_row');
      st.reject(p.rowNo, issuesOf(err), p.raw);
    }
  }
}
