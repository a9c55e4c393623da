import { Type } from '@sinclair/typebox';
import { DateString } from '../../http/schemas.js';

export const QualityQuery = Type.Object({
  department: Type.Optional(Type.String({ description: 'department code; a clerk always gets its own' })),
  from: Type.Optional(DateString),
  to: Type.Optional(DateString),
});
const Rate = Type.Union([Type.Number(), Type.Null()], { description: 'fraction 0..1 (4 decimals); null when nothing to measure' });
const Named = Type.Object({ code: Type.String(), name: Type.String() });
const QualityItem = Type.Object({
  department: Named, category: Named, obliged: Type.Boolean(), reported: Type.Boolean(),
  submissions: Type.Integer(), received: Type.Integer(), accepted: Type.Integer(), rejected: Type.Integer(), created: Type.Integer(),
  updated: Type.Integer(), unchanged: Type.Integer(), revoked: Type.Integer(), warnings: Type.Integer(), complianceRate: Rate,
  timeliness: Type.Object({ deadlineWorkingDays: Type.Union([Type.Integer(), Type.Null()]), evaluated: Type.Integer(), late: Type.Integer(), timelyRate: Rate, lateRate: Rate, provisional: Type.Boolean() }),
  completeness: Type.Object({ optionalFields: Type.Integer(), rate: Rate, fields: Type.Array(Type.Object({ code: Type.String(), label: Type.String(), filled: Type.Integer(), rate: Rate })) }),
  uscc: Type.Object({ rows: Type.Integer(), wrong: Type.Integer(), conflicts: Type.Integer(), errorRate: Rate }),
  rejectedByReason: Type.Array(Type.Object({ code: Type.String(), rows: Type.Integer() })),
});
const DepartmentSummary = Type.Object({
  department: Named, obligedCategories: Type.Integer(), reportedCategories: Type.Integer(), reportingRate: Rate, received: Type.Integer(),
  accepted: Type.Integer(), rejected: Type.Integer(), complianceRate: Rate, evaluated: Type.Integer(), late: Type.Integer(), timelyRate: Rate,
  lateRate: Rate, usccRows: Type.Integer(), usccErrorRate: Rate,
});
export const QualityReport = Type.Object({ from: Type.String(), to: Type.String(), departments: Type.Array(DepartmentSummary), items: Type.Array(QualityItem) });
export const Obligations = Type.Object({ items: Type.Array(Type.Object({ department: Type.String(), category: Type.String() })), total: Type.Integer() });
export const ObligationsQuery = Type.Object({ department: Type.Optional(Type.String()) });
export const DepartmentParam = Type.Object({ department: Type.String() });
export const ObligationsBody = Type.Object({ categories: Type.Array(Type.String(), { maxItems: 1000 }) }, { additionalProperties: false });
