import { analyzeStale } from '../../db/statistics.js';
import { AppError, NotFoundError, ValidationError } from '../../errors.js';
import { validateCode } from '../identity/validate.js';
import type { Viewer } from '../access/viewer.js';
import type { Actor } from '../records/types.js';
import { findSubjectByCode, resolveSubject } from '../subjects/service.js';
import type { SubjectRow } from '../subjects/types.js';
import { decidingDepartment, enterSubject, getList, requireInitiator, type ListContext } from './service.js';

/** One externally decided entry, e.g. a 失信被执行人 row pushed by a court. */
export interface ImportRow {
  code: string;
  name?: string;
  reason: string;
  documentNo?: string;
  decidedBy?: string;
  listedOn?: string;
  plannedExpiry?: string;
  basisRecords?: number[];
}

export interface ImportResult {
  received: number;
  created: number;
  unchanged: number;
  rejected: number;
  errors: { row: number; field?: string; message: string }[];
  entries: { row: number; entryId: number; outcome: 'created' | 'unchanged' }[];
}

export const MAX_IMPORT_ROWS = 10_000;

/** Find the subject of a row, registering it on first sight when the row carries a USCC or ID number and a name. */
async function subjectOfRow(ctx: ListContext, row: ImportRow): Promise<SubjectRow> {
  const existing = await findSubjectByCode(ctx.pool, ctx.pd, row.code);
  if (existing) return existing;
  const v = validateCode(row.code);
  if (!v.valid && v.scheme !== 'org_code' && v.scheme !== 'reg_no') {
    throw new ValidationError('主体代码无效', v.errors.map((e) => ({ field: 'code', position: e.position, message: e.message })), 'invalid_code');
  }
  if (v.scheme !== 'uscc' && v.scheme !== 'citizen_id') throw new NotFoundError('subject', row.code);
  if (!row.name?.trim()) throw new ValidationError('平台尚未登记该主体，须提供主体名称', [{ field: 'name', message: 'name required for a new subject' }]);
  const ref = v.scheme === 'uscc' ? { uscc: v.normalized, name: row.name } : { idNumber: v.normalized, name: row.name, kind: 'natural_person' as const };
  return (await resolveSubject(ctx.pool, ctx.pd, ref, ctx.clock.today())).row;
}

/**
 * Import a batch of externally decided entries (e.g. 失信被执行人 from the courts). Each row is its
 * own transaction; a bad row is reported with its number and never fails the others. A subject
 * already on the list is counted unchanged, so re-sending a file is harmless.
 */
export async function importEntries(ctx: ListContext, viewer: Viewer, code: string, input: { department?: string; rows: ImportRow[] }, actor: Actor): Promise<ImportResult> {
  const list = await getList(ctx.pool, code);
  const own = await requireInitiator(ctx.pool, viewer, list);
  const dept = await decidingDepartment(ctx.pool, own, input.department ?? null, list);
  const result: ImportResult = { received: input.rows.length, created: 0, unchanged: 0, rejected: 0, errors: [], entries: [] };
  for (const [i, row] of input.rows.entries()) {
    const rowNo = i + 1;
    try {
      const subject = await subjectOfRow(ctx, row);
      const r = await enterSubject(ctx, list, {
        subjectId: subject.id, basisRecords: row.basisRecords ?? [], departmentId: dept.id, decidedBy: row.decidedBy?.trim() || dept.name,
        documentNo: row.documentNo ?? null, reason: row.reason, listedOn: row.listedOn ?? null, plannedExpiry: row.plannedExpiry ?? null,
      }, actor);
      result[r.created ? 'created' : 'unchanged'] += 1;
      result.entries.push({ row: rowNo, entryId: r.entry.id, outcome: r.created ? 'created' : 'unchanged' });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      result.rejected += 1;
      const details = err.details.length ? err.details : [{ message: err.message }];
      for (const d of details) result.errors.push({ row: rowNo, ...(d.field ? { field: d.field } : {}), message: d.message });
    }
  }
  await analyzeStale(ctx.pool, ['list_entry', 'list_entry_version', 'subject'], { list_entry: result.created, list_entry_version: result.created });
  return result;
}
