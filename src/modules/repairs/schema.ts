import { Type, type Static } from '@sinclair/typebox';
import { Paged } from '../../http/schemas.js';
import { FileMetaView, FileUpload, fileMetaView } from '../cases/evidence.js';
import { isOpen } from '../cases/kind.js';
import { CaseContextView, caseEventView, CaseEventView } from '../cases/schema.js';
import type { FileMeta } from '../cases/shared-repo.js';
import type { CaseEvent } from '../cases/workflow.js';
import { REPAIR_CASE } from './case-kind.js';
import { REPAIR_STATE_LABELS, type CaseEligibility, type RepairRow } from './types.js';

const Material = Type.Object({ code: Type.String({ maxLength: 41, description: 'material code from the repair rule (e.g. commitment_letter)' }), file: FileUpload }, { additionalProperties: false });

export const RepairBody = Type.Object({
  record: Type.Optional(Type.Integer({ minimum: 1 })),
  listEntry: Type.Optional(Type.Integer({ minimum: 1 })),
  statement: Type.Optional(Type.String({ maxLength: 4000 })),
  materials: Type.Array(Material, { maxItems: 10 }),
  agentName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  powerOfAttorney: Type.Optional(FileUpload),
}, { additionalProperties: false });
/** An application: the target (a record or a list entry), the materials, and on the subject's behalf the agent. */
export type RepairInput = Static<typeof RepairBody>;

export const MaterialsBody = Type.Object({ materials: Type.Array(Material, { minItems: 1, maxItems: 10 }) }, { additionalProperties: false });
export type MaterialsInput = Static<typeof MaterialsBody>;
export const RepairDecisionBody = Type.Object({
  decision: Type.Union([Type.Literal('approve'), Type.Literal('reject')]), reason: Type.String({ minLength: 1, maxLength: 4000 }),
}, { additionalProperties: false });
export type RepairDecisionInput = Static<typeof RepairDecisionBody>;
export const RecheckBody = Type.Object({
  outcome: Type.Union([Type.Literal('confirmed'), Type.Literal('revoked')]), reason: Type.String({ minLength: 1, maxLength: 4000 }),
}, { additionalProperties: false });
export type RecheckInput = Static<typeof RecheckBody>;
export const EligibilityQuery = Type.Object({ record: Type.Optional(Type.Integer({ minimum: 1 })), listEntry: Type.Optional(Type.Integer({ minimum: 1 })) });
/** What a repair is of: exactly one of a record and a list entry. */
export type TargetRef = Static<typeof EligibilityQuery>;

const Reason = Type.Object({
  check: Type.String({ description: 'what was checked: state, adverse, repairable, minimum_period, objection, open_application, blacklist, serious_dishonesty_records, abuse_bar' }),
  ok: Type.Boolean(), rule: Type.String({ description: 'the rule parameter applied (for auditors and API clients)' }), message: Type.String({ description: 'the reason in words (Chinese)' }),
  until: Type.Optional(Type.String()),
  vars: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]), { description: 'the facts the reason states (codes, dates, counts), for wording it in another language' }),
});
export const EligibilityView = Type.Object({
  eligible: Type.Boolean(), earliestDate: Type.Optional(Type.String()), severity: Type.Union([Type.String(), Type.Null()]),
  rule: Type.Object({ code: Type.String(), version: Type.Integer() }), reasons: Type.Array(Reason),
  materials: Type.Object({ key: Type.String(), required: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })) }),
});

/** The eligibility as the reviewer reads it: each condition met or not, in words (no rule parameters). */
const CaseEligibilityView = Type.Object({
  at: Type.Union([Type.Literal('now'), Type.Literal('application')], { description: 'checked today (open case) or as checked when applied (closed case)' }),
  on: Type.String(), eligible: Type.Boolean(), earliestDate: Type.Optional(Type.String()),
  reasons: Type.Array(Type.Object({ check: Type.String(), ok: Type.Boolean(), message: Type.String(), until: Type.Optional(Type.String()) })),
});

const NStr = Type.Union([Type.String(), Type.Null()]);
const NInt = Type.Union([Type.Integer(), Type.Null()]);
export const RepairView = Type.Object({
  id: Type.Integer(), subjectId: Type.Integer(), record: NInt, listEntry: NInt, department: Type.Union([Type.Object({ code: Type.String(), name: Type.String() }), Type.Null()]),
  severity: NStr, state: Type.String(), stateLabel: Type.String(), open: Type.Boolean(), filedBy: Type.String(), agentName: NStr, statement: NStr,
  appliedOn: Type.String(), acceptedOn: NStr, decisionDue: NStr, dueProvisional: Type.Boolean(), extensions: Type.Integer(), overdue: Type.Boolean(),
  materials: Type.Object({ required: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })), missing: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })) }),
  eligibility: Type.Record(Type.String(), Type.Unknown()),
  decision: Type.Union([Type.Object({ decidedOn: Type.String(), decidedBy: Type.String(), reason: Type.String() }), Type.Null()]),
  recheck: Type.Union([Type.Object({ recheckedOn: Type.String(), reason: Type.String() }), Type.Null()]),
  barUntil: NStr, pendingListExits: Type.Array(Type.Integer()),
  rule: Type.Object({ code: Type.String(), version: Type.Integer(), params: Type.Record(Type.String(), Type.Unknown()) }),
  events: Type.Optional(Type.Array(CaseEventView)), files: Type.Optional(Type.Array(FileMetaView)),
  context: Type.Optional(Type.Union([CaseContextView, Type.Null()], { description: 'GET /repairs/:id for staff: what the decision is about' })),
  check: Type.Optional(Type.Union([CaseEligibilityView, Type.Null()])),
});
export const RepairPage = Paged(RepairView);

export function repairView(r: RepairRow, today: string, extra: { events?: CaseEvent[]; files?: FileMeta[]; context?: CaseContextView | null; check?: CaseEligibility | null } = {}) {
  const open = isOpen(REPAIR_CASE, r.state);
  const named = (codes: string[]) => codes.map((code) => ({ code, name: r.ruleParams.materials.find((m) => m.code === code)?.name ?? code }));
  return {
    id: r.id, subjectId: r.subjectId, record: r.recordId, listEntry: r.listEntryId,
    department: r.departmentCode ? { code: r.departmentCode, name: r.departmentName ?? '' } : null, severity: r.severity,
    state: r.state, stateLabel: REPAIR_STATE_LABELS[r.state], open, filedBy: r.filedBy, agentName: r.agentName, statement: r.statement,
    appliedOn: r.appliedOn, acceptedOn: r.acceptedOn, decisionDue: r.decisionDue, dueProvisional: r.dueProvisional, extensions: r.extensions,
    overdue: r.overdue || (REPAIR_CASE.deadline.states.includes(r.state) && r.decisionDue !== null && r.decisionDue < today),
    materials: { required: named(r.materialsRequired), missing: named(r.materialsMissing) }, eligibility: r.eligibility,
    decision: r.decidedOn ? { decidedOn: r.decidedOn, decidedBy: r.decidedBy ?? '', reason: r.decisionReason ?? '' } : null,
    recheck: r.recheckedOn ? { recheckedOn: r.recheckedOn, reason: r.recheckReason ?? '' } : null,
    barUntil: r.barUntil, pendingListExits: r.pendingListExits,
    rule: { code: r.ruleCode, version: r.ruleVersion, params: { ...r.ruleParams } },
    ...(extra.events ? { events: extra.events.map(caseEventView) } : {}),
    ...(extra.files ? { files: extra.files.map(fileMetaView) } : {}),
    ...(extra.context !== undefined ? { context: extra.context } : {}),
    ...(extra.check !== undefined ? { check: extra.check } : {}),
  };
}
