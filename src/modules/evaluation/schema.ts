import { Type } from '@sinclair/typebox';

/** Request/response schemas of the evaluation routes (the OpenAPI source). */

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const NullableNumber = Type.Union([Type.Number(), Type.Null()]);

export const ModelView = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  version: Type.Integer(),
  name: Type.String(),
  subjectKinds: Type.Array(Type.String()),
  gradesPublic: Type.Boolean(),
  createdBy: Type.String(),
  createdAt: Type.String(),
  definition: Type.Unknown({ description: 'the indicator tree: dimensions → indicators with rule and score (see docs/adr/0003-evaluation-models.md)' }),
});

export const ModelsQuery = Type.Object({ code: Type.Optional(Type.String({ maxLength: 63 })) });
export const ModelList = Type.Object({ items: Type.Array(ModelView), total: Type.Integer() });
export const ModelRefParam = Type.Object({ ref: Type.String({ maxLength: 80 }) });
/** JSON, or YAML text the route's own parser hands over as `{ __source }`; checked by validateModel. */
export const ModelBody = Type.Unknown();

export const RunBody = Type.Object({
  model: Type.String({ minLength: 2, maxLength: 80, description: 'model code, or code@version' }),
  incremental: Type.Optional(Type.Boolean({ description: 'rescore only subjects whose records changed since the last completed run of this model version' })),
  asOf: Type.Optional(Type.String({ format: 'date', description: 'evaluation date (default today)' })),
  wait: Type.Optional(Type.Boolean({ description: 'false: answer 202 as soon as the run has started (status running) and poll GET /evaluation/runs/{id}; default true: answer 201 when it has ended' })),
}, { additionalProperties: false });

export const RunsQuery = Type.Object({
  model: Type.Optional(Type.String({ maxLength: 63, description: 'model code' })),
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
});

export const RunView = Type.Object({
  id: Type.Integer(),
  model: Type.Object({ code: Type.String(), version: Type.Integer(), name: Type.String() }),
  mode: Type.String(),
  basedOnRunId: Type.Union([Type.Integer(), Type.Null()]),
  asOf: Type.String(),
  status: Type.String(),
  subjects: Type.Integer(),
  gradeCounts: Type.Record(Type.String(), Type.Integer()),
  statements: Type.Integer(),
  ms: Type.Union([Type.Integer(), Type.Null()]),
  error: Nullable(Type.String()),
  startedBy: Type.String(),
  startedAt: Type.String(),
  finishedAt: Nullable(Type.String()),
  progress: Type.Union([Type.Object({ done: Type.Integer(), total: Type.Integer() }), Type.Null()], { description: 'subjects scored so far of those to score, while the run is running; null otherwise' }),
});

export const RunList = Type.Object({ items: Type.Array(RunView), total: Type.Integer() });

export const ExplanationView = Type.Object({
  subject: Type.Object({ kind: Type.String(), name: Type.String() }),
  evaluated: Type.Boolean({ description: 'false: no completed run has scored the subject yet; model and run are null and grade is null (an answer, not a 404)' }),
  model: Type.Union([Type.Object({ code: Type.String(), version: Type.Integer(), name: Type.String(), totalPoints: Type.Number(), gradesPublic: Type.Boolean() }), Type.Null()]),
  run: Type.Union([Type.Object({ id: Type.Integer(), asOf: Type.String() }), Type.Null()]),
  disclosure: Type.String({ description: 'full (score, breakdown, what-if) · grade_only · none' }),
  grade: Nullable(Type.String()),
  score: NullableNumber,
  breakdown: Type.Array(Type.Object({
    dimension: Type.String(), dimensionName: Type.String(), indicator: Type.String(), name: Type.String(), maxPoints: Type.Number(),
    points: NullableNumber, delta: NullableNumber, value: Nullable(Type.String()), withheld: Type.Boolean(),
  })),
  moved: Type.Array(Type.Object({ indicator: Type.String(), name: Type.String(), delta: Type.Number() })),
  whatIf: Type.Array(Type.Object({
    action: Type.String(), recordId: Type.Integer(), category: Type.String(), categoryName: Type.String(), sourceKey: Type.String(),
    decidedOn: Nullable(Type.String()), description: Type.String(), score: Type.Number(), grade: Type.String(), scoreDelta: Type.Number(),
  })),
  whatIfBaseline: Type.Union([Type.Object({ score: Type.Number(), grade: Type.String(), asOf: Type.String() }), Type.Null()]),
  notice: Nullable(Type.String()),
});

export const SubjectCodeParam = Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) });
export const ExplanationQuery = Type.Object({ model: Type.Optional(Type.String({ maxLength: 63 })), purpose: Type.Optional(Type.String({ maxLength: 200 })) });
