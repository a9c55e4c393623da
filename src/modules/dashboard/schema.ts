import { Type } from '@sinclair/typebox';
import { DateString, NullableString, Paged } from '../../http/schemas.js';
import { ListEntryView } from '../lists/schema.js';

export const PeriodQuery = Type.Object({ from: Type.Optional(DateString), to: Type.Optional(DateString) });
const Region = Type.Object({ code: NullableString, name: NullableString });
/** A live entry with its list, as the portal's party page shows it. */
const SubjectEntry = Type.Composite([
  Type.Pick(ListEntryView, ['id', 'subjectId', 'decidedBy', 'documentNo', 'reason', 'listedOn', 'plannedExpiry', 'state', 'exitReason', 'exitedOn']),
  Type.Object({ list: Type.String(), listName: Type.String(), listKind: Type.String(), issuer: Type.String() }),
]);

export const RecordStats = Type.Object({ from: Type.String(), to: Type.String(), scope: Type.String(), items: Type.Array(Type.Object({ month: Type.String(), category: Type.String(), categoryName: Type.String(), count: Type.Integer() })) });

export const GradeStats = Type.Object({
  runs: Type.Array(Type.Object({ runId: Type.Integer(), model: Type.String(), modelName: Type.String(), asOf: Type.String() })),
  items: Type.Array(Type.Object({ region: Region, industry: NullableString, grade: Type.String(), count: Type.Integer() })),
});

export const ListEntryStats = Type.Object({ from: Type.String(), to: Type.String(), items: Type.Array(Type.Object({ month: Type.String(), kind: Type.String(), entered: Type.Integer(), exited: Type.Integer() })) });

export const DistrictStats = Type.Object({ items: Type.Array(Type.Object({ region: Type.String(), name: Type.String(), subjects: Type.Integer(), records: Type.Integer(), adverse: Type.Integer(), listed: Type.Integer() })) });

export const SubjectCodeParam = Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) });

export const SubjectEntries = Paged(SubjectEntry);
