import { Type, type Static } from '@sinclair/typebox';
import type { CaseEvent } from './workflow.js';

// Request and response pieces every case kind's routes share.

export const ReasonBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false });
export type ReasonBody = Static<typeof ReasonBody>;

/** A case inbox: by state, department (the credit centre) and overdue flag, a page at a time. */
export const InboxQuery = Type.Object({
  state: Type.Optional(Type.Array(Type.String(), { maxItems: 10 })),
  department: Type.Optional(Type.String({ maxLength: 40 })),
  overdue: Type.Optional(Type.Boolean()),
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
});
export type InboxQuery = Static<typeof InboxQuery>;

export const FileParams = Type.Object({ id: Type.Integer({ minimum: 1 }), fileId: Type.Integer({ minimum: 1 }) });
export type FileParams = Static<typeof FileParams>;

/** States as the query sends them: repeated (`state=a&state=b`) or comma-separated. */
export const statesOf = (state: string[] | undefined): string[] => (state ?? []).flatMap((s) => s.split(',')).filter(Boolean);

/** Case events of objections, repairs and commitments in the words shown to staff and applicants. */
const CASE_EVENT_LABELS: Record<string, string> = {
  received: '已受理并标注异议', centre_checked: '信用中心已核查', extended: '已延期', escalated: '逾期，已上报信用中心', overdue: '已逾期', decided: '已作出处理决定',
  applied: '已提交申请', supplemented: '已补交材料', accepted: '已受理', rechecked: '已复查',
  signed: '已签署承诺', fulfilment: '已记录履约情况', withdrawn: '已撤回', verification_overdue: '核查逾期',
};
export const caseEventLabel = (type: string): string => CASE_EVENT_LABELS[type] ?? type;

export const CaseEventView = Type.Object({
  id: Type.Integer(), at: Type.String(), type: Type.String(), label: Type.String(), fromState: Type.Union([Type.String(), Type.Null()]), toState: Type.Union([Type.String(), Type.Null()]),
  actor: Type.Object({ kind: Type.String(), id: Type.Union([Type.String(), Type.Null()]), name: Type.String() }),
  note: Type.Union([Type.String(), Type.Null()]), data: Type.Record(Type.String(), Type.Unknown()),
});
export const caseEventView = (e: CaseEvent) => ({
  id: e.id, at: e.at.toISOString(), type: e.type, label: caseEventLabel(e.type), fromState: e.fromState, toState: e.toState,
  actor: { kind: e.actorKind, id: e.actorId, name: e.actorName }, note: e.note, data: e.data,
});

const NStr = Type.Union([Type.String(), Type.Null()]);

/**
 * What a reviewer sees beside a case: the party (its USCC, or a person's masked ID number — never
 * the number), the record with its fields labelled as the category labels them, its category and
 * publication window; or, for a list entry, the list and the entry.
 */
export const CaseContextView = Type.Object({
  party: Type.Object({
    id: Type.Integer(), kind: Type.String(), name: Type.String(),
    code: NStr, codeKind: Type.Union([Type.Literal('uscc'), Type.Literal('id_masked'), Type.Null()]),
  }),
  record: Type.Union([Type.Object({
    id: Type.Integer(), state: Type.String(), version: Type.Integer(),
    category: Type.Object({ code: Type.String(), name: Type.String(), nameEn: Type.String() }),
    department: Type.Object({ code: Type.String(), name: Type.String() }),
    fields: Type.Array(Type.Object({ code: Type.String(), label: Type.String(), value: Type.String() })),
    decidedOn: NStr, severity: NStr,
    window: Type.Object({
      from: NStr, until: NStr,
      published: Type.Boolean({ description: 'active or disputed, and today inside the window' }),
    }),
  }), Type.Null()]),
  listEntry: Type.Union([Type.Object({
    id: Type.Integer(), state: Type.String(), list: Type.Object({ code: Type.String(), name: Type.String(), kind: Type.String() }),
    listedOn: Type.String(), plannedExpiry: NStr, reason: Type.String(), decidedBy: Type.String(), documentNo: NStr, basisRecords: Type.Array(Type.Integer()),
  }), Type.Null()]),
});
export type CaseContextView = Static<typeof CaseContextView>;
