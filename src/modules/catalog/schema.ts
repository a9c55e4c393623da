import { Type, type TLiteral, type TUnion } from '@sinclair/typebox';
import { DISCLOSURES, FIELD_TYPES, SUBJECT_KINDS } from './types.js';

// The declared return type keeps the literal union in the static type (inferred, it widens to string).
const lit = <T extends readonly string[]>(xs: T): TUnion<TLiteral<T[number]>[]> => Type.Union(xs.map((x) => Type.Literal(x)));

export const FieldDefSchema = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 40 }),
  label: Type.String({ minLength: 1, maxLength: 100 }),
  labelEn: Type.Optional(Type.String({ maxLength: 200, description: 'the label in English' })),
  type: lit(FIELD_TYPES),
  required: Type.Optional(Type.Boolean()),
  requiredFor: Type.Optional(Type.Array(lit(SUBJECT_KINDS))),
  maxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
  enum: Type.Optional(Type.Array(Type.String(), { minItems: 1 })),
  multi: Type.Optional(Type.Boolean()),
  personal: Type.Optional(Type.Boolean()),
  aliases: Type.Optional(Type.Array(Type.String())),
}, { additionalProperties: false });

const SeverityMonths = Type.Object({
  minor: Type.Optional(Type.Integer({ minimum: 0, maximum: 600 })),
  ordinary: Type.Optional(Type.Integer({ minimum: 0, maximum: 600 })),
  serious: Type.Optional(Type.Integer({ minimum: 0, maximum: 600 })),
}, { additionalProperties: false });

/** Which fields carry the subject of a record. */
const SubjectFieldsSchema = Type.Object({
  name: Type.String(), uscc: Type.Optional(Type.String()), idNumber: Type.Optional(Type.String()),
  kindLabel: Type.Optional(Type.String()), legalRep: Type.Optional(Type.String()), orgCode: Type.Optional(Type.String()), regNo: Type.Optional(Type.String()),
}, { additionalProperties: false });

/** How long a record is published, from its decision (or receipt) date. */
const publicationProps = {
  basis: Type.Optional(lit(['decision', 'receipt'] as const)),
  periodMonths: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 600 }), Type.Null()])),
  bySeverity: Type.Optional(SeverityMonths),
  severityField: Type.Optional(Type.String()), fineField: Type.Optional(Type.String()), untilField: Type.Optional(Type.String()),
  validFromField: Type.Optional(Type.String()), validUntilField: Type.Optional(Type.String()),
};

export const CategoryBody = Type.Object({
  code: Type.String({ pattern: '^[a-z][a-z0-9_]{1,62}$' }),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  nameEn: Type.String({ default: '' }),
  classCode: Type.String(),
  subjectKinds: Type.Array(lit(SUBJECT_KINDS), { minItems: 1 }),
  disclosure: lit(DISCLOSURES),
  naturalPersonPublic: Type.Boolean({ default: false }),
  fields: Type.Array(FieldDefSchema, { minItems: 1, maxItems: 500 }),
  keyField: Type.Union([Type.String(), Type.Null()], { default: null }),
  subjectFields: SubjectFieldsSchema,
  decisionField: Type.Union([Type.String(), Type.Null()], { default: null }),
  publication: Type.Object(publicationProps, { additionalProperties: false, default: {} }),
  deadlineWorkingDays: Type.Union([Type.Integer({ minimum: 0, maximum: 365 }), Type.Null()], { default: 7 }),
  repairable: Type.Boolean({ default: true }),
  adverse: Type.Boolean({ default: false }),
  legalBasis: Type.String({ default: '' }),
  retentionYears: Type.Union([Type.Integer({ minimum: 1, maximum: 100 }), Type.Null()], { default: null }),
  updateFrequency: Type.Union([Type.String(), Type.Null()], { default: null }),
}, { additionalProperties: false });

export const CategoryView = Type.Object({
  id: Type.Integer(), code: Type.String(), name: Type.String(), nameEn: Type.String(), classCode: Type.String(),
  subjectKinds: Type.Array(Type.String()), disclosure: Type.String(), naturalPersonPublic: Type.Boolean(),
  fields: Type.Array(FieldDefSchema), keyField: Type.Union([Type.String(), Type.Null()]),
  subjectFields: SubjectFieldsSchema, decisionField: Type.Union([Type.String(), Type.Null()]),
  publication: Type.Object(publicationProps), deadlineWorkingDays: Type.Union([Type.Integer(), Type.Null()]),
  repairable: Type.Boolean(), adverse: Type.Boolean(), legalBasis: Type.String(), retentionYears: Type.Union([Type.Integer(), Type.Null()]),
  updateFrequency: Type.Union([Type.String(), Type.Null()]), active: Type.Boolean(), version: Type.Integer(),
});

export const CatalogClassView = Type.Object({ code: Type.String(), ordinal: Type.Integer(), name: Type.String(), nameEn: Type.String() });

export const CategoryCodeParam = Type.Object({ code: Type.String() });
