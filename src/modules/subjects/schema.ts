import { Type } from '@sinclair/typebox';
import { NullableString } from '../../http/schemas.js';

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
