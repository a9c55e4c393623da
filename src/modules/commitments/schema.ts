import { fillCommitmentText } from './template.js';
import { Type, type Static } from '@sinclair/typebox';
import { Paged } from '../../http/schemas.js';
import { caseEventView, CaseEventView } from '../cases/schema.js';
import type { CaseEvent } from '../cases/workflow.js';
import { COMMITMENT_STATE_LABELS, COMMITMENT_TYPE_LABELS, COMMITMENT_TYPES, type CommitmentRow, type ItemRow } from './types.js';

const NStr = Type.Union([Type.String(), Type.Null()]);
const NInt = Type.Union([Type.Integer(), Type.Null()]);
const ExcludedWhen = Type.Object({ seriousAdverse: Type.Optional(Type.Boolean()), blacklisted: Type.Optional(Type.Boolean()), falseCommitment: Type.Optional(Type.Boolean()) }, { additionalProperties: false });

export const ItemBody = Type.Object({
  code: Type.String({ pattern: '^[A-Za-z0-9_.-]{1,60}$' }), name: Type.String({ minLength: 1, maxLength: 200 }),
  type: Type.Union(COMMITMENT_TYPES.map((t) => Type.Literal(t)), { description: COMMITMENT_TYPES.map((t) => `${t} ${COMMITMENT_TYPE_LABELS[t]}`).join(' · ') }),
  templateText: Type.String({ minLength: 1, maxLength: 20000, description: '承诺书格式文本; placeholders {主体名称} {承诺事由} {承诺日期} {受理单位}' }),
  public: Type.Optional(Type.Boolean()), verificationWorkingDays: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 365 }), Type.Null()])),
  department: Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Null()])), excludedWhen: Type.Optional(ExcludedWhen),
  legalBasis: Type.Optional(Type.String({ maxLength: 2000 })),
}, { additionalProperties: false });
/** A commitment item as operators define it. */
export type ItemInput = Static<typeof ItemBody>;

export const ItemView = Type.Object({
  code: Type.String(), name: Type.String(), type: Type.String(), typeLabel: Type.String(), templateText: Type.String(), public: Type.Boolean(),
  verificationWorkingDays: NInt, department: NStr, excludedWhen: ExcludedWhen, legalBasis: Type.String(), active: Type.Boolean(),
  textPreview: Type.String({ description: 'the template as a reader sees it: placeholders as bracketed blanks in words, never {…}' }),
});
export const ItemsQuery = Type.Object({ all: Type.Boolean({ default: false }) });
export const ItemPage = Paged(ItemView);
export const itemView = (i: ItemRow) => ({
  code: i.code, name: i.name, type: i.type, typeLabel: COMMITMENT_TYPE_LABELS[i.type], templateText: i.templateText, public: i.public,
  verificationWorkingDays: i.verificationWorkingDays, department: i.departmentCode, excludedWhen: i.excludedWhen, legalBasis: i.legalBasis, active: i.active,
  textPreview: fillCommitmentText(i.templateText, {}),
});

export const PreviewParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 60 }) });
export const PreviewQuery = Type.Object({
  matter: Type.Optional(Type.String({ maxLength: 1000 })), department: Type.Optional(Type.String({ maxLength: 40, description: 'accepting department when the item names none' })),
});
export const PreviewView = Type.Object({
  text: Type.String({ description: 'the commitment text filled with the signer\'s data (a subject\'s own name and code, today, the department)' }),
  departmentRequired: Type.Boolean({ description: 'the item names no accepting department: the signer chooses one (department)' }),
  department: Type.Union([Type.Object({ code: Type.String(), name: Type.String() }), Type.Null()]),
});

export const SignBody = Type.Object({
  item: Type.String({ minLength: 1, maxLength: 60 }), matter: Type.String({ minLength: 1, maxLength: 1000, description: '承诺事由' }),
  party: Type.Optional(Type.String({ maxLength: 64, description: 'department channel: the party\'s USCC or ID number' })),
  idNumber: Type.Optional(Type.String({ maxLength: 18, description: 'portal, natural persons: own ID number (checked against the account)' })),
  department: Type.Optional(Type.String({ maxLength: 40, description: 'accepting department (承诺受理单位)' })),
  signerName: Type.Optional(Type.String({ maxLength: 100 })),
}, { additionalProperties: false });
/** Portal: the subject's own (natural persons confirm their ID number); department channel: the party's code and the accepting department. */
export type SignInput = Static<typeof SignBody>;

export const FulfilmentBody = Type.Object({
  outcome: Type.Union([Type.Literal('fulfilled'), Type.Literal('breached')]), note: Type.String({ maxLength: 2000 }),
}, { additionalProperties: false });
export type FulfilmentInput = Static<typeof FulfilmentBody>;

export const CommitmentQuery = Type.Object({
  subject: Type.Optional(Type.String({ maxLength: 64 })), state: Type.Optional(Type.Array(Type.String(), { maxItems: 5 })),
  overdue: Type.Optional(Type.Boolean()), page: Type.Integer({ minimum: 1, default: 1 }), pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
});
export type CommitmentQuery = Static<typeof CommitmentQuery>;

export const CommitmentView = Type.Object({
  id: Type.Integer(), item: Type.Object({ code: Type.String(), name: Type.String(), type: Type.String(), typeLabel: Type.String() }),
  subject: Type.Object({ id: Type.Integer(), name: Type.String() }), department: Type.Object({ code: Type.String(), name: Type.String() }),
  channel: Type.String(), matter: Type.String(), signedText: Type.String(), signedOn: Type.String(), signerName: Type.String(),
  state: Type.String(), stateLabel: Type.String(), verificationDue: NStr, dueProvisional: Type.Boolean(), verificationOverdue: Type.Boolean(),
  outcome: Type.Union([Type.Object({ on: Type.String(), by: Type.String(), note: NStr }), Type.Null()]),
  publicRecord: NInt, breachRecord: NInt, rule: Type.Object({ code: Type.String(), version: Type.Integer(), params: Type.Record(Type.String(), Type.Unknown()) }),
  events: Type.Optional(Type.Array(CaseEventView)),
});
export const CommitmentPage = Paged(CommitmentView);

export function commitmentView(c: CommitmentRow, events?: CaseEvent[]) {
  return {
    id: c.id, item: { code: c.itemCode, name: c.itemName, type: c.type, typeLabel: COMMITMENT_TYPE_LABELS[c.type] },
    subject: { id: c.subjectId, name: c.subjectName }, department: { code: c.departmentCode, name: c.departmentName }, channel: c.channel,
    matter: c.matter, signedText: c.signedText, signedOn: c.signedOn, signerName: c.signerName, state: c.state, stateLabel: COMMITMENT_STATE_LABELS[c.state],
    verificationDue: c.verificationDue, dueProvisional: c.dueProvisional, verificationOverdue: c.verificationOverdue,
    outcome: c.outcomeOn ? { on: c.outcomeOn, by: c.outcomeBy ?? '', note: c.outcomeNote } : null,
    publicRecord: c.publicRecordId, breachRecord: c.breachRecordId,
    rule: { code: c.ruleCode, version: c.ruleVersion, params: { ...c.ruleParams } },
    ...(events ? { events: events.map(caseEventView) } : {}),
  };
}
