import { Type, type Static } from '@sinclair/typebox';
import { ErrorDetail, ledgerRowProps, NullableString, Paged } from '../../http/schemas.js';
import { SUBJECT_KINDS } from '../catalog/types.js';
import { SubjectView } from '../subjects/schema.js';

export const SubjectHint = Type.Object({
  code: Type.Optional(Type.String()), name: Type.Optional(Type.String()), kind: Type.Optional(Type.Union(SUBJECT_KINDS.map((k) => Type.Literal(k)))),
}, { additionalProperties: false });

export const FieldValue = Type.Union([Type.String(), Type.Number(), Type.Null()]);
/** A record's values by field code (personal values masked). */
export const Fields = Type.Record(Type.String(), FieldValue);

/** Why a record is read: needed for a record of a non-public class. */
export const PurposeQuery = Type.Object({ purpose: Type.Optional(Type.String({ maxLength: 200, description: 'why the record is read (or the X-Purpose header)' })) });

export const RecordBody = Type.Object({ department: Type.String(), category: Type.String(), sourceKey: Type.Optional(Type.String()), subject: Type.Optional(SubjectHint), fields: Fields, reason: Type.Optional(Type.String()) }, { additionalProperties: false });
export type RecordBody = Static<typeof RecordBody>;

export const ReplaceRecordBody = Type.Object({ fields: Fields, subject: Type.Optional(SubjectHint), reason: Type.Optional(Type.String()) }, { additionalProperties: false });
export type ReplaceRecordBody = Static<typeof ReplaceRecordBody>;

export const RevokeBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 1000 }) });

const recordProps = {
  id: Type.Integer(), subjectId: Type.Integer(), categoryId: Type.Integer(), departmentId: Type.Integer(), sourceKey: Type.String(), fields: Fields,
  decidedOn: NullableString, validFrom: NullableString, validUntil: NullableString, publishFrom: NullableString, publishUntil: NullableString,
  severity: NullableString, state: Type.String(), version: Type.Integer(),
};

export const RecordView = Type.Object(recordProps);

/** A record as filed or replaced, with what happened and any warnings (e.g. a subject name differing from the one on file). */
export const SavedRecordView = Type.Object({
  ...recordProps,
  outcome: Type.Union([Type.Literal('created'), Type.Literal('updated'), Type.Literal('unchanged')]),
  warnings: Type.Array(ErrorDetail),
});

export const RecordVersions = Paged(Type.Object({ recordId: Type.Integer(), ...ledgerRowProps }));

export const ArchiveQuery = Type.Object({ purpose: Type.Optional(Type.String({ maxLength: 200 })) });

const ArchiveRecord = Type.Object({
  id: Type.Integer(), category: Type.String(), department: Type.String(), departmentName: Type.String(), sourceKey: Type.String(),
  decidedOn: NullableString, severity: NullableString, state: Type.String(), notice: NullableString,
  publishFrom: NullableString, publishUntil: NullableString, version: Type.Integer(),
}, { additionalProperties: FieldValue, description: 'plus the record\'s values by field code of its category' });

export const ArchiveView = Type.Object({
  subject: SubjectView,
  categories: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), nameEn: Type.String({ description: 'the category name in English; empty when none is set' }), disclosure: Type.String(), records: Type.Array(ArchiveRecord) })),
  scope: Type.Object({
    classes: Type.Array(Type.String()), windowed: Type.Boolean(), authorisedCategories: Type.Array(Type.String()), notice: NullableString,
    publicOnly: Type.Boolean(), purpose: NullableString,
  }),
});
