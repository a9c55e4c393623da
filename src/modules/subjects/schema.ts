import { Type, type Static } from '@sinclair/typebox';
import { NullableString, PageQuery, Paged } from '../../http/schemas.js';
import { SUBJECT_KINDS } from '../catalog/types.js';

const Kind = Type.Union(SUBJECT_KINDS.map((k) => Type.Literal(k)));

/** A subject named in the path by USCC, ID number or legacy code. */
export const SubjectCodeParam = Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) });

export const SubjectSearchQuery = Type.Object({ q: Type.String({ maxLength: 100 }), kind: Type.Optional(Kind), ...PageQuery });

/** A subject in a search result: never the plain ID number. */
const subjectItemProps = {
  id: Type.Integer(), kind: Type.String(), uscc: Type.Optional(Type.String()), idNumberMasked: Type.Optional(Type.String()),
  name: Type.String(), legalRepName: NullableString, regionCode: NullableString, status: Type.String(),
};
export const SubjectItem = Type.Object(subjectItemProps);

/** The public shape of a subject, with its legacy codes, former names and (masked) legal representatives. */
export const SubjectView = Type.Object({
  ...subjectItemProps,
  regionName: NullableString, industryCode: NullableString, registeredOn: NullableString,
  formerNames: Type.Array(Type.String()),
  identifiers: Type.Array(Type.Object({ scheme: Type.String(), value: Type.String() })),
  links: Type.Array(Type.Object({ role: Type.String(), personName: Type.String(), personIdMasked: NullableString, since: NullableString, until: NullableString })),
});

export const SubjectsPage = Paged(SubjectItem);

export const SubjectBody = Type.Object({
  kind: Type.Optional(Kind), uscc: Type.Optional(Type.String()), idNumber: Type.Optional(Type.String()), name: Type.String({ minLength: 1, maxLength: 200 }),
  legalRep: Type.Optional(Type.String({ maxLength: 50 })), legalRepIdNumber: Type.Optional(Type.String()),
  regionCode: Type.Optional(Type.String({ pattern: '^\\d{6}$' })), industryCode: Type.Optional(Type.String({ maxLength: 10 })),
  registeredOn: Type.Optional(Type.String({ format: 'date' })), formerNames: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
  identifiers: Type.Optional(Type.Array(Type.Object({ scheme: Type.Union((['org_code', 'reg_no', 'tax_no', 'former_name'] as const).map((s) => Type.Literal(s))), value: Type.String({ minLength: 1 }) }))),
}, { additionalProperties: false });
export type SubjectBody = Static<typeof SubjectBody>;

export const RenameBody = Type.Object({ name: Type.String({ minLength: 1, maxLength: 200 }) });
