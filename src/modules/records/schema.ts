import { Type } from '@sinclair/typebox';
import { ErrorDetail, ledgerRowProps, NullableString, Paged } from '../../http/schemas.js';
import { SUBJECT_KINDS } from '../catalog/types.js';
import { SubjectView } from '../subjects/schema.js';

export const SubjectHint = Type.Object({
  code: Type.Optional(Type.String()), name: Type.Optional(Type.String()), kind: Type.Optional(Type.Union(SUBJECT_KINDS.map((k) => Type.Literal(k)))),
}, { additionalProperties: false });

export const FieldValue = Type.Union([Type.String(), Type.Number(), Type.Null()]);
/** A record's values by field code (personal values masked). */
export const Fields = Type.Record(Type.String(), FieldValue);

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

const ArchiveRecord = Type.Object({
  id: Type.Integer(), category: Type.String(), department: Type.String(), departmentName: Type.String(), sourceKey: Type.String(),
  decidedOn: NullableString, severity: NullableString, state: Type.String(), notice: NullableString,
  publishFrom: NullableString, publishUntil: NullableString, version: Type.Integer(),
}, { additionalProperties: FieldValue, description: 'plus the record\'s values by field code of its category' });

export const ArchiveView = Type.Object({
  subject: SubjectView,
  categories: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), disclosure: Type.String(), records: Type.Array(ArchiveRecord) })),
  scope: Type.Object({
    classes: Type.Array(Type.String()), windowed: Type.Boolean(), authorisedCategories: Type.Array(Type.String()), notice: NullableString,
    publicOnly: Type.Boolean(), purpose: NullableString,
  }),
});
