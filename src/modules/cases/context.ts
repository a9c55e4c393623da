import type { Db } from '../../db/pool.js';
import { actorOf, appendAudit, READ_ACTIONS } from '../access/audit.js';
import type { Viewer } from '../access/viewer.js';
import * as repo from './context-repo.js';
import type { CaseContextView } from './schema.js';

/** The case a context is read for: its kind (the audit's view), its id, and what it is about. */
export interface ContextTarget {
  kind: 'objection' | 'repair';
  caseId: number;
  recordId: number | null;
  listEntryId: number | null;
}

/** Why staff read the record: the purpose the audit log keeps when the record is not public. */
const PURPOSES: Record<ContextTarget['kind'], string> = { objection: '办理异议', repair: '办理信用修复申请' };

const isStaff = (v: Viewer) => v.role === 'admin' || v.role === 'operator' || v.role === 'department';

function party(f: repo.PartyFacts): CaseContextView['party'] {
  const code = f.uscc ?? f.idMasked;
  return { id: f.subjectId, kind: f.subjectKind, name: f.subjectName, code, codeKind: f.uscc ? 'uscc' : f.idMasked ? 'id_masked' : null };
}

/** The record's non-empty fields in the category's order, labelled as the category labels them. */
function labelledFields(f: repo.RecordFacts): { code: string; label: string; value: string }[] {
  const text = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  const known = f.fieldDefs.filter((d) => text(f.fields[d.code]).trim() !== '').map((d) => ({ code: d.code, label: d.label, value: text(f.fields[d.code]) }));
  const defined = new Set(f.fieldDefs.map((d) => d.code));
  const extra = Object.entries(f.fields).filter(([k, v]) => !defined.has(k) && text(v).trim() !== '').map(([k, v]) => ({ code: k, label: k, value: text(v) }));
  return [...known, ...extra];
}

function recordView(f: repo.RecordFacts, today: string): NonNullable<CaseContextView['record']> {
  const live = f.state === 'active' || f.state === 'disputed';
  const inWindow = (f.publishFrom === null || f.publishFrom <= today) && (f.publishUntil === null || f.publishUntil >= today);
  return {
    id: f.recordId, state: f.state, version: f.version,
    category: { code: f.categoryCode, name: f.categoryName, nameEn: f.categoryNameEn },
    department: { code: f.departmentCode, name: f.departmentName },
    fields: labelledFields(f), decidedOn: f.decidedOn, severity: f.severity,
    window: { from: f.publishFrom, until: f.publishUntil, published: live && inWindow },
  };
}

function entryView(e: repo.EntryFacts): NonNullable<CaseContextView['listEntry']> {
  return {
    id: e.entryId, state: e.state, list: { code: e.listCode, name: e.listName, kind: e.listKind }, listedOn: e.listedOn,
    plannedExpiry: e.plannedExpiry, reason: e.reason, decidedBy: e.decidedBy, documentNo: e.documentNo, basisRecords: e.basisRecordIds,
  };
}

/**
 * What staff need to decide a case (null for the subject, who has its own pages). Reading a
 * non-public record's fields this way is audited as a record read, as GET /records/:id is.
 */
export async function caseContext(db: Db, viewer: Viewer, t: ContextTarget, today: string): Promise<CaseContextView | null> {
  if (!isStaff(viewer)) return null;
  if (t.recordId !== null) {
    const f = await repo.recordFacts(db, t.recordId);
    if (!f) return null;
    if (f.disclosure !== 'public') {
      await appendAudit(db, {
        actor: actorOf(viewer), departmentId: viewer.departmentId, action: READ_ACTIONS.record, subjectId: f.subjectId,
        categories: [f.categoryCode], purpose: viewer.purpose ?? PURPOSES[t.kind], ip: viewer.ip,
        details: { recordId: f.recordId, version: f.version, classes: [f.disclosure], view: t.kind, caseId: t.caseId },
      });
    }
    return { party: party(f), record: recordView(f, today), listEntry: null };
  }
  const e = t.listEntryId === null ? null : await repo.entryFacts(db, t.listEntryId);
  return e ? { party: party(e), record: null, listEntry: entryView(e) } : null;
}
