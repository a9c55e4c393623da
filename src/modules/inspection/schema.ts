import { Type } from '@sinclair/typebox';
import { SUBJECT_KINDS } from '../catalog/types.js';

/** Request/response schemas of the inspection routes (the OpenAPI source). */

const Str = Type.String();
const NullStr = Type.Union([Type.String(), Type.Null()]);
const Kind = Type.Union(SUBJECT_KINDS.map((k) => Type.Literal(k)));
const Ratio = Type.Number({ minimum: 0, maximum: 100, description: 'sampling ratio in percent (3 = 3 %)' });

export const TierRatio = Type.Object({ grade: Type.String({ minLength: 1 }), tier: Type.String({ minLength: 1, maxLength: 50 }), ratio: Ratio }, { additionalProperties: false });
export const Ungraded = Type.Object({ tier: Type.String({ minLength: 1, maxLength: 50 }), ratio: Ratio }, { additionalProperties: false });

export const DeptParam = Type.Object({ department: Type.String({ minLength: 1, maxLength: 40 }) });
export const DeptQuery = Type.Object({ department: Type.Optional(Type.String({ maxLength: 40 })) });
export const PolicyQuery = Type.Object({ model: Type.Optional(Type.String()) });

export const PolicyBody = Type.Object({ model: Type.String({ minLength: 2, maxLength: 63 }), tiers: Type.Array(TierRatio, { minItems: 1 }), ungraded: Type.Optional(Ungraded) }, { additionalProperties: false });
export const PolicyView = Type.Object({
  department: Str, model: Str, isDefault: Type.Boolean(),
  tiers: Type.Array(Type.Object({ grade: Str, tier: Str, ratio: Type.Number() })), ungraded: Type.Object({ tier: Str, ratio: Type.Number() }),
});

export const ItemBody = Type.Object({
  department: Type.Optional(Type.String()), code: Type.String({ pattern: '^[A-Za-z0-9_.-]{1,60}$' }), name: Type.String({ minLength: 1, maxLength: 200 }),
  basis: Type.Optional(Type.String({ maxLength: 2000 })), method: Type.Optional(Type.String({ maxLength: 200 })), subjectKinds: Type.Optional(Type.Array(Kind, { minItems: 1 })),
}, { additionalProperties: false });
export const ItemPatch = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), basis: Type.Optional(Type.String({ maxLength: 2000 })), method: Type.Optional(Type.String({ maxLength: 200 })),
  subjectKinds: Type.Optional(Type.Array(Kind, { minItems: 1 })), active: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });
export const ItemView = Type.Object({ id: Type.Integer(), departmentId: Type.Integer(), code: Str, name: Str, basis: Str, method: Str, subjectKinds: Type.Array(Str), active: Type.Boolean() });
export const ItemList = Type.Object({ items: Type.Array(ItemView), total: Type.Integer() });

export const InspectorBody = Type.Object({
  department: Type.Optional(Type.String()), name: Type.String({ minLength: 1, maxLength: 50 }), unit: Type.String({ minLength: 1, maxLength: 200 }),
  certificateNo: Type.String({ minLength: 4, maxLength: 50, description: '行政执法证号' }),
}, { additionalProperties: false });
export const InspectorPatch = Type.Object({ name: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })), unit: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), active: Type.Optional(Type.Boolean()) }, { additionalProperties: false });
export const ConflictBody = Type.Object({ subject: Type.String({ minLength: 1, maxLength: 64, description: 'USCC or ID number of the party' }), reason: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false });
export const InspectorView = Type.Object({
  id: Type.Integer(), departmentId: Type.Integer(), name: Str, unit: Str, certificateNo: Str, active: Type.Boolean(),
  conflicts: Type.Array(Type.Object({ subjectId: Type.Integer(), code: Str, name: Str, reason: Str, declaredAt: Str })),
});
export const InspectorList = Type.Object({ items: Type.Array(InspectorView), total: Type.Integer() });

export const ScopeBody = Type.Object({
  kinds: Type.Optional(Type.Array(Kind)), regionPrefix: Type.Optional(Type.String({ pattern: '^\\d{2,6}$' })), industries: Type.Optional(Type.Array(Type.String({ maxLength: 10 }))),
}, { additionalProperties: false });

export const PlanBody = Type.Object({
  department: Type.Optional(Type.String()), name: Type.String({ minLength: 1, maxLength: 200 }), items: Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1 }),
  scope: Type.Optional(ScopeBody), model: Type.Optional(Type.String({ maxLength: 63 })), tiers: Type.Optional(Type.Array(TierRatio, { minItems: 1 })), ungraded: Type.Optional(Ungraded),
  periodFrom: Type.String({ format: 'date' }), periodTo: Type.String({ format: 'date' }),
  inspectorsPerTask: Type.Optional(Type.Integer({ minimum: 1, maximum: 10, default: 2 })), repeatMonths: Type.Optional(Type.Integer({ minimum: 0, maximum: 120 })),
  distinctUnits: Type.Optional(Type.Boolean({ description: 'the inspectors of one task come from different units' })),
}, { additionalProperties: false });

const PartyView = Type.Object({ id: Type.Integer(), code: Str, name: Str, grade: NullStr });
export const PlanView = Type.Object({
  id: Type.Integer(), department: Type.Object({ code: Str, name: Str }), name: Str, status: Str, model: Str, period: Type.Object({ from: Str, to: Str }),
  items: Type.Array(Type.Object({ id: Type.Integer(), code: Str, name: Str })), inspectorsPerTask: Type.Integer(), repeatMonths: Type.Integer(), distinctUnits: Type.Boolean(),
  tiers: Type.Array(Type.Object({ tier: Str, grade: NullStr, ratio: Type.Number(), parties: Type.Integer() })),
  seedHash: Str, inputsHash: Str, seed: NullStr, createdAt: Str, drawnAt: NullStr,
  tasks: Type.Array(Type.Object({
    id: Type.Integer(), ordinal: Type.Integer(), tier: Str, grade: NullStr, party: PartyView,
    inspectors: Type.Array(Type.Object({ id: Type.Integer(), name: Str, unit: Str })), status: Str, outcome: NullStr, inspectedOn: NullStr, recordId: Type.Union([Type.Integer(), Type.Null()]),
  })),
  inputs: Type.Optional(Type.Unknown({ description: 'the published draw inputs: tiers with ordered party lists, inspectors, excluded pairs, directory hash' })),
  warnings: Type.Optional(Type.Array(Type.Object({ field: Str, message: Str }))),
});
export const PlanSummary = Type.Object({
  id: Type.Integer(), departmentId: Type.Integer(), name: Str, status: Str, model: Str, period: Type.Object({ from: Str, to: Str }),
  seedHash: Str, inputsHash: Str, seed: NullStr, createdAt: Str, drawnAt: NullStr,
});
export const PlanList = Type.Object({ items: Type.Array(PlanSummary), total: Type.Integer() });

export const VerifyView = Type.Object({
  planId: Type.Integer(), verified: Type.Boolean(), seedHash: Str, seed: Str, inputsHash: Str, tasks: Type.Integer(),
  mismatches: Type.Array(Type.Object({ ordinal: Type.Union([Type.Integer(), Type.Null()]), field: Str, expected: Type.Unknown(), found: Type.Unknown() })),
});

const Counts = {
  drawn: Type.Integer({ description: 'parties drawn' }), inspected: Type.Integer({ description: 'results recorded' }),
  passed: Type.Integer({ description: '未发现问题' }), problemsFound: Type.Integer({ description: '发现问题' }),
  unreachable: Type.Integer({ description: '通过登记的住所（经营场所）无法联系 (counted as a problem found)' }), pending: Type.Integer({ description: 'drawn, no result yet' }),
  rate: Type.Union([Type.Number(), Type.Null()], { description: '(problemsFound + unreachable) / inspected, 0..1 with 4 decimals; null when nothing is inspected' }),
};
export const ProblemRateView = Type.Object({
  planId: Type.Integer(), status: Type.String({ description: 'committed (not drawn yet) or drawn' }), ...Counts,
  tiers: Type.Array(Type.Object({ tier: Str, grades: Type.Array(NullStr, { description: 'the grades in the tier; null = not evaluated' }), ...Counts })),
});

export const ResultBody = Type.Object({
  outcome: Type.Union([Type.Literal('passed'), Type.Literal('problems_found'), Type.Literal('not_found')], { description: 'passed 未发现问题 · problems_found 发现问题 · not_found 无法联系' }),
  inspectedOn: Type.String({ format: 'date' }), findings: Type.Optional(Type.String({ maxLength: 4000 })),
}, { additionalProperties: false });
export const ResultView = Type.Object({
  taskId: Type.Integer(), planId: Type.Integer(), ordinal: Type.Integer(), status: Str, outcome: Str, inspectedOn: Str,
  record: Type.Object({ id: Type.Integer(), category: Str, published: Type.Boolean(), publishFrom: NullStr, publishUntil: NullStr }),
});

export const PartyQuery = Type.Object({
  kinds: Type.Optional(Type.Array(Kind)), regionPrefix: Type.Optional(Type.String({ pattern: '^\\d{2,6}$' })), industries: Type.Optional(Type.Array(Type.String({ maxLength: 10 }))),
  model: Type.Optional(Type.String({ maxLength: 63 })), page: Type.Integer({ minimum: 1, default: 1 }), pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
});
export const PartyItem = Type.Object({ id: Type.Integer(), kind: Str, uscc: NullStr, idMasked: NullStr, name: Str, regionCode: NullStr, industryCode: NullStr, grade: NullStr });
export const PartyList = Type.Object({ items: Type.Array(PartyItem), total: Type.Integer() });
