import { Type, type Static } from '@sinclair/typebox';
import { NullableNumber, Paged } from '../../http/schemas.js';
import { FileMetaView, fileMetaView, FileUpload } from '../cases/evidence.js';
import { isOpen } from '../cases/kind.js';
import { CaseContextView, caseEventLabel, caseEventView, CaseEventView } from '../cases/schema.js';
import type { FileMeta } from '../cases/shared-repo.js';
import type { CaseEvent } from '../cases/workflow.js';
import { OBJECTION_CASE } from './case-kind.js';
import { isOverdue } from './deadlines.js';
import { GROUND_LABELS, OBJECTION_DECISIONS, OBJECTION_GROUNDS, OBJECTION_STATE_LABELS, type ObjectionRow } from './types.js';

const lit = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

export const ObjectionBody = Type.Object({
  record: Type.Integer({ minimum: 1, description: 'id of the record objected to' }),
  grounds: lit(OBJECTION_GROUNDS),
  reason: Type.String({ minLength: 1, maxLength: 4000 }),
  evidence: Type.Optional(Type.Array(FileUpload, { maxItems: 10 })),
  agentName: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'filing on the subject\'s behalf (credit-centre staff)' })),
  powerOfAttorney: Type.Optional(FileUpload),
}, { additionalProperties: false });
/** An objection as filed: the subject's own, or on its behalf (an agent and the power of attorney). */
export type ObjectionInput = Static<typeof ObjectionBody>;

export const DecisionBody = Type.Object({
  decision: lit(OBJECTION_DECISIONS),
  reason: Type.String({ minLength: 1, maxLength: 4000 }),
  fields: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Null()]), { description: 'correct: the changed fields' })),
}, { additionalProperties: false });
export type DecisionInput = Static<typeof DecisionBody>;

export const NoteBody = Type.Object({ note: Type.String({ maxLength: 2000 }) }, { additionalProperties: false });

export const TrackParams = Type.Object({ trackingNo: Type.String({ pattern: '^[A-Za-z]{2}-[A-Za-z0-9]{6}$' }) });

const Str = Type.String();
const NStr = Type.Union([Type.String(), Type.Null()]);
export const ObjectionView = Type.Object({
  id: Type.Integer(), trackingNo: Str, record: Type.Integer(), category: Str, subjectId: Type.Integer(),
  department: Type.Object({ code: Str, name: Str }), grounds: Str, groundsLabel: Str, reason: Str, filedBy: Str, agentName: NStr,
  state: Str, stateLabel: Str, open: Type.Boolean(), receivedOn: Str, checkDue: Str, checkedAt: NStr, dueOn: Str, dueProvisional: Type.Boolean(),
  extensions: Type.Integer(), overdue: Type.Boolean(), escalatedAt: NStr,
  outcome: Type.Union([Type.Object({ reason: Str, decidedOn: Str, decidedBy: Str, recordVersion: Type.Union([Type.Integer(), Type.Null()]) }), Type.Null()]),
  rule: Type.Object({ code: Str, version: Type.Integer(), params: Type.Record(Type.String(), Type.Unknown()) }),
  events: Type.Optional(Type.Array(CaseEventView)), files: Type.Optional(Type.Array(FileMetaView)),
  context: Type.Optional(Type.Union([CaseContextView, Type.Null()], { description: 'GET /objections/:id for staff: what the decision is about' })),
});
export const ObjectionPage = Paged(ObjectionView);

export function objectionView(o: ObjectionRow, today: string, extra: { events?: CaseEvent[]; files?: FileMeta[]; context?: CaseContextView | null } = {}) {
  const open = isOpen(OBJECTION_CASE, o.state);
  return {
    id: o.id, trackingNo: o.trackingNo, record: o.recordId, category: o.categoryCode, subjectId: o.subjectId,
    department: { code: o.departmentCode, name: o.departmentName }, grounds: o.grounds, groundsLabel: GROUND_LABELS[o.grounds],
    reason: o.reason, filedBy: o.filedBy, agentName: o.agentName, state: o.state, stateLabel: OBJECTION_STATE_LABELS[o.state], open,
    receivedOn: o.receivedOn, checkDue: o.checkDue, checkedAt: o.checkedAt?.toISOString() ?? null, dueOn: o.dueOn, dueProvisional: o.dueProvisional,
    extensions: o.extensions, overdue: o.overdue || (open && isOverdue(o.dueOn, today)), escalatedAt: o.escalatedAt?.toISOString() ?? null,
    outcome: o.decidedOn ? { reason: o.outcomeReason ?? '', decidedOn: o.decidedOn, decidedBy: o.decidedBy ?? '', recordVersion: o.recordVersionAfter } : null,
    rule: { code: o.ruleCode, version: o.ruleVersion, params: { ...o.ruleParams } },
    ...(extra.events ? { events: extra.events.map(caseEventView) } : {}),
    ...(extra.files ? { files: extra.files.map(fileMetaView) } : {}),
    ...(extra.context !== undefined ? { context: extra.context } : {}),
  };
}

export const TrackView = Type.Object({
  trackingNo: Str, state: Str, stateLabel: Str, grounds: Str, department: Str, receivedOn: Str, dueOn: Str, overdue: Type.Boolean(),
  decidedOn: NStr, steps: Type.Array(Type.Object({ at: Str, step: Str })),
});

/** The public tracking view: progress only — no subject, record, reasons or people. */
export function trackView(o: ObjectionRow, events: CaseEvent[], today: string) {
  const open = isOpen(OBJECTION_CASE, o.state);
  return {
    trackingNo: o.trackingNo, state: o.state, stateLabel: OBJECTION_STATE_LABELS[o.state], grounds: GROUND_LABELS[o.grounds],
    department: o.departmentName, receivedOn: o.receivedOn, dueOn: o.dueOn, overdue: o.overdue || (open && isOverdue(o.dueOn, today)),
    decidedOn: o.decidedOn, steps: events.map((e) => ({ at: e.at.toISOString(), step: caseEventLabel(e.type) })),
  };
}

const figures = {
  records: Type.Integer(), objections: Type.Integer(), open: Type.Integer(), overdue: Type.Integer(), decided: Type.Integer(), valid: Type.Integer(),
  objectionsPer100k: NullableNumber, validPer100k: NullableNumber, validRate: NullableNumber,
};

/** Objection figures per source department and overall (null: nothing to divide by). */
export const ObjectionStatsView = Type.Object({
  items: Type.Array(Type.Object({
    department: Str, departmentName: Str, ...figures, corrected: Type.Integer(), revoked: Type.Integer(), maintained: Type.Integer(),
    meetsTarget: Type.Union([Type.Boolean(), Type.Null()], { description: 'valid objections below the target per 100,000 records' }),
  })),
  overall: Type.Object({ ...figures, targetValidPer100k: Type.Number() }),
});
