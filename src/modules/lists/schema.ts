import { Type, type Static } from '@sinclair/typebox';
import { ledgerRowProps, NullableInteger, NullableString, PageQuery, Paged } from '../../http/schemas.js';
import { EXIT_REASONS, LIST_KINDS } from './types.js';

const Str = (max: number) => Type.String({ maxLength: max });
const Date = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

export const CodeParam = Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) });

export const ListView = Type.Object({
  code: Type.String(), name: Type.String(), nameEn: Type.String({ description: 'the name in English; empty when none is set' }), kind: Type.Union(LIST_KINDS.map((k) => Type.Literal(k))), legalBasis: Type.String(),
  standard: Type.String(), procedure: Type.String(), remedies: Type.String(), defaultMonths: Type.Union([Type.Integer(), Type.Null()]),
  department: Type.Union([Type.String(), Type.Null()]), issuer: Type.String(), public: Type.Boolean(), active: Type.Boolean(),
});

export const ListsPage = Type.Object({ items: Type.Array(ListView), total: Type.Integer() });

const listFields = {
  name: Type.String({ minLength: 1, maxLength: 200 }), nameEn: Type.Optional(Type.String({ maxLength: 200, description: 'the name in English' })), legalBasis: Type.Optional(Str(2000)), standard: Type.Optional(Str(2000)),
  procedure: Type.Optional(Str(2000)), remedies: Type.Optional(Str(2000)), defaultMonths: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 600 }), Type.Null()])),
  department: Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Null()])), issuer: Type.String({ minLength: 1, maxLength: 200 }),
  public: Type.Optional(Type.Boolean()), active: Type.Optional(Type.Boolean()),
};

export const ListBody = Type.Object({
  code: Type.String({ minLength: 2, maxLength: 63 }), kind: Type.Union(LIST_KINDS.map((k) => Type.Literal(k))), ...listFields,
}, { additionalProperties: false });

export const ListPatch = Type.Partial(Type.Object(listFields), { additionalProperties: false });

export const EntriesQuery = Type.Object({ state: Type.Union([Type.Literal('listed'), Type.Literal('exited'), Type.Literal('all')], { default: 'listed' }), ...PageQuery });
export type EntriesQuery = Static<typeof EntriesQuery>;

export const EntryBody = Type.Object({
  subject: Type.String({ minLength: 1, maxLength: 64, description: 'USCC or ID number (or a legacy code) of the subject' }),
  basisRecords: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 100 })),
  department: Type.Optional(Type.String({ maxLength: 40, description: 'deciding department (credit-center staff only; clerks decide for their own)' })),
  documentNo: Type.Optional(Str(200)), reason: Type.String({ minLength: 1, maxLength: 2000 }),
  listedOn: Type.Optional(Date), plannedExpiry: Type.Optional(Date),
}, { additionalProperties: false });
export type EntryBody = Static<typeof EntryBody>;

export const ImportBody = Type.Object({
  department: Type.Optional(Type.String({ maxLength: 40 })),
  entries: Type.Array(Type.Object({
    code: Type.String({ minLength: 1, maxLength: 64 }), name: Type.Optional(Str(200)), reason: Type.String({ maxLength: 2000 }),
    documentNo: Type.Optional(Str(200)), decidedBy: Type.Optional(Str(200)), listedOn: Type.Optional(Type.String({ maxLength: 20 })),
    plannedExpiry: Type.Optional(Type.String({ maxLength: 20 })), basisRecords: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 100 })),
  }, { additionalProperties: false }), { minItems: 1 }),
}, { additionalProperties: false });

export const ExitBody = Type.Object({
  reason: Type.Union(EXIT_REASONS.map((r) => Type.Literal(r)), { description: 'expiry | repair | court | error | other' }),
  note: Type.Optional(Type.String({ maxLength: 2000 })),
}, { additionalProperties: false });
export type ExitBody = Static<typeof ExitBody>;

const entryProps = {
  id: Type.Integer(), subjectId: Type.Integer(), basisRecords: Type.Array(Type.Integer(), { description: 'ids of the records the listing rests on' }),
  departmentId: NullableInteger, decidedBy: Type.String(), documentNo: NullableString, reason: Type.String(), listedOn: Type.String(),
  plannedExpiry: NullableString, state: Type.String(), exitReason: NullableString, exitNote: NullableString, exitedOn: NullableString, version: Type.Integer(),
};

/** A list entry as listed or exited (`list`: the list's code, when listing). */
export const ListEntryView = Type.Object({ ...entryProps, list: Type.Optional(Type.String()) });

/** An entry on a list page, with its subject (natural persons masked for the public). */
export const ListEntriesPage = Paged(Type.Object({
  ...entryProps, list: Type.String(),
  subject: Type.Object({ kind: Type.String(), name: Type.String(), uscc: Type.Optional(Type.String()), idNumberMasked: Type.Optional(Type.String()) }),
  department: NullableString,
}));

export const ImportResultView = Type.Object({
  received: Type.Integer(), created: Type.Integer(), unchanged: Type.Integer(), rejected: Type.Integer(),
  errors: Type.Array(Type.Object({ row: Type.Integer(), field: Type.Optional(Type.String()), message: Type.String() })),
  entries: Type.Array(Type.Object({ row: Type.Integer(), entryId: Type.Integer(), outcome: Type.Union([Type.Literal('created'), Type.Literal('unchanged')]) })),
});

export const EntryVersions = Paged(Type.Object({ entryId: Type.Integer(), ...ledgerRowProps }));
