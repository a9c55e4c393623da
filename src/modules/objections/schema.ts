import { Type } from '@sinclair/typebox';
import { NullableNumber } from '../../http/schemas.js';
import { FileMetaView, FileUpload } from '../cases/evidence.js';
import type { FileMeta } from '../cases/shared-repo.js';
import { isOverdue } from './deadlines.js';
import type { CaseEvent } from '../cases/workflow.js';
import { GROUND_LABELS, OBJECTION_DECISIONS, OBJECTION_GROUNDS, OBJECTION_STATE_LABELS, OBJECTION_TRANSITIONS, type ObjectionRow } from './types.js';

const lit = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

export const ObjectionBody = Type.Object({
  record: Type.Integer({ minimum: 1, description: 'id of the record objected to' }),
  grounds: lit(OBJECTION_GROUNDS),
  reason: Type.String({ minLength: 1, maxLength: 4000 }),
  evidence: Type.Optional(Type.Array(FileUpload, { maxItems: 10 })),
  agentName: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'filing on the subject\'s behalf (credit-centre staff)' })),
  powerOfAttorney: Type.Optional(FileUpload),
}, { additionalProperties: false });

export const DecisionBody = Type.Object({
  decision: lit(OBJECTION_DECISIONS),
  reason: Type.String({ minLength: 1, maxLength: 4000 }),
  fields: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Null()]), { description: 'correct: the changed fields' })),
}, { additionalProperties: false });

export const ReasonBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false });
export const NoteBody = Type.Object({ note: Type.String({ maxLength: 2000 }) }, { additionalProperties: false });

export const InboxQuery = Type.Object({
  state: Type.Optional(Type.Array(Type.String(), { maxItems: 10 })),
  department: Type.Optional(Type.String({ maxLength: 40 })),
  overdue: Type.Optional(Type.Boolean()),
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
});

/** Case events of objections, repairs and commitments in the words shown to staff and applicants. */
const CASE_EVENT_LABELS: Record<string, string> = {
  received: '已受理并标注异议', centre_checked: '信用中心已核查', extended: '已延期', escalated: '逾期，已上报信用中心', overdue: '已逾期', decided: '已作出处理决定',
  applied: '已提交申请', supplemented: '已补交材料', accepted: '已受理', rechecked: '已复查',
  signed: '已签署承诺', fulfilment: '已记录履约情况', withdrawn: '已撤回', verification_overdue: '核查逾期',
};
export const caseEventLabel = (type: string): string => CASE_EVENT_LABELS[type] ?? type;

export const EventView = Type.Object({
  id: Type.Integer(), at: Type.String(), type: Type.String(), label: Type.String(), fromState: Type.Union([Type.String(), Type.Null()]), toState: Type.Union([Type.String(), Type.Null()]),
  actor: Type.Object({ kind: Type.String(), id: Type.Union([Type.String(), Type.Null()]), name: Type.String() }),
  note: Type.Union([Type.String(), Type.Null()]), data: Type.Record(Type.String(), Type.Unknown()),
});
export const eventView = (e: CaseEvent) => ({
  id: e.id, at: e.at.toISOString(), type: e.type, label: caseEventLabel(e.type), fromState: e.fromState, toState: e.toState,
  actor: { kind: e.actorKind, id: e.actorId, name: e.actorName }, note: e.note, data: e.data,
});

const Str = Type.String();
const NStr = Type.Union([Type.String(), Type.Null()]);
export const ObjectionView = Type.Object({
  id: Type.Integer(), trackingNo: Str, record: Type.Integer(), category: Str, subjectId: Type.Integer(),
  department: Type.Object({ code: Str, name: Str }), grounds: Str, groundsLabel: Str, reason: Str, filedBy: Str, agentName: NStr,
  state: Str, stateLabel: Str, open: Type.Boolean(), receivedOn: Str, checkDue: Str, checkedAt: NStr, dueOn: Str, dueProvisional: Type.Boolean(),
  extensions: Type.Integer(), overdue: Type.Boolean(), escalatedAt: NStr,
  outcome: Type.Union([Type.Object({ reason: Str, decidedOn: Str, decidedBy: Str, recordVersion: Type.Union([Type.Integer(), Type.Null()]) }), Type.Null()]),
  rule: Type.Object({ code: Str, version: Type.Integer(), params: Type.Record(Type.String(), Type.Unknown()) }),
  events: Type.Optional(Type.Array(EventView)), files: Type.Optional(Type.Array(FileMetaView)),
});

export function objectionView(o: ObjectionRow, today: string, extra: { events?: CaseEvent[]; files?: FileMeta[] } = {}) {
  const open = OBJECTION_TRANSITIONS[o.state].length > 0;
  return {
    id: o.id, trackingNo: o.trackingNo, record: o.recordId, category: o.categoryCode, subjectId: o.subjectId,
    department: { code: o.departmentCode, name: o.departmentName }, grounds: o.grounds, groundsLabel: GROUND_LABELS[o.grounds],
    reason: o.reason, filedBy: o.filedBy, agentName: o.agentName, state: o.state, stateLabel: OBJECTION_STATE_LABELS[o.state], open,
    receivedOn: o.receivedOn, checkDue: o.checkDue, checkedAt: o.checkedAt?.toISOString() ?? null, dueOn: o.dueOn, dueProvisional: o.dueProvisional,
    extensions: o.extensions, overdue: o.overdue || (open && isOverdue(o.dueOn, today)), escalatedAt: o.escalatedAt?.toISOString() ?? null,
    outcome: o.decidedOn ? { reason: o.outcomeReason ?? '', decidedOn: o.decidedOn, decidedBy: o.decidedBy ?? '', recordVersion: o.recordVersionAfter } : null,
    rule: { code: o.ruleCode, version: o.ruleVersion, params: o.ruleParams as unknown as Record<string, unknown> },
    ...(extra.events ? { events: extra.events.map(eventView) } : {}),
    ...(extra.files ? { files: extra.files.map((f) => ({ ...f, createdAt: f.createdAt.toISOString() })) } : {}),
  };
}

export const TrackView = Type.Object({
  trackingNo: Str, state: Str, stateLabel: Str, grounds: Str, department: Str, receivedOn: Str, dueOn: Str, overdue: Type.Boolean(),
  decidedOn: NStr, steps: Type.Array(Type.Object({ at: Str, step: Str })),
});

/** The public tracking view: progress only — no subject, record, reasons or people. */
export function trackView(o: ObjectionRow, events: CaseEvent[], today: string) {
  const open = OBJECTION_TRANSITIONS[o.state].length > 0;
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
