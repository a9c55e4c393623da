import { Type } from '@sinclair/typebox';
import { MEASURE_KINDS } from './types.js';

export const MeasureView = Type.Object({
  code: Type.String(), name: Type.String(), nameEn: Type.Union([Type.String(), Type.Null()]), kind: Type.Union(MEASURE_KINDS.map((k) => Type.Literal(k))), targetLists: Type.Array(Type.String()),
  scenarios: Type.Array(Type.String()), departments: Type.Array(Type.String()), legalBasis: Type.String(), description: Type.String(), active: Type.Boolean(),
});

export const MeasureCodeParam = Type.Object({ code: Type.String({ minLength: 1, maxLength: 63 }) });

export const MeasuresQuery = Type.Object({ scenario: Type.Optional(Type.String({ maxLength: 40 })), active: Type.Optional(Type.Boolean()) });

export const MeasureList = Type.Object({ items: Type.Array(MeasureView), total: Type.Integer(), scenarios: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })) });

export const MeasureBody = Type.Object({
  code: Type.String({ minLength: 2, maxLength: 63 }), name: Type.String({ minLength: 1, maxLength: 200 }),
  nameEn: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])), kind: Type.Union(MEASURE_KINDS.map((k) => Type.Literal(k))),
  targetLists: Type.Array(Type.String({ maxLength: 63 }), { maxItems: 50 }), scenarios: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20 }),
  departments: Type.Optional(Type.Array(Type.String({ maxLength: 200 }), { maxItems: 50 })), legalBasis: Type.Optional(Type.String({ maxLength: 2000 })),
  description: Type.Optional(Type.String({ maxLength: 2000 })), active: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });

/** A correction of a measure's definition: the fields sent replace the stored ones; code and active state do not change here. */
export const MeasurePatch = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), nameEn: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
  kind: Type.Optional(Type.Union(MEASURE_KINDS.map((k) => Type.Literal(k)))),
  targetLists: Type.Optional(Type.Array(Type.String({ maxLength: 63 }), { maxItems: 50 })), scenarios: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20 })),
  departments: Type.Optional(Type.Array(Type.String({ maxLength: 200 }), { maxItems: 50 })), legalBasis: Type.Optional(Type.String({ maxLength: 2000 })),
  description: Type.Optional(Type.String({ maxLength: 2000 })),
}, { additionalProperties: false, minProperties: 1 });
