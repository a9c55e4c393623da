import { Type, type Static } from '@sinclair/typebox';
import { Nullable, NullableInteger, NullableString } from '../../http/schemas.js';
import { TARGET_KINDS } from './types.js';

export const Receives = Type.Object({
  categories: Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 1000, description: 'catalog category codes delivered (empty: all)' }),
  lists: Type.Boolean({ description: 'list entries and exits (list ledger: not delivered yet)' }),
  repairs: Type.Boolean({ description: 'credit repairs (信用修复) follow the records' }),
  revocations: Type.Boolean({ description: 'revocations (撤销) follow the records' }),
  objectionOutcomes: Type.Boolean({ description: 'objection outcomes (异议处理结果) follow the records' }),
}, { additionalProperties: false });

const TargetFields = {
  name: Type.String({ minLength: 1, maxLength: 100 }),
  kind: Type.Union(TARGET_KINDS.map((k) => Type.Literal(k)), { description: 'upper_platform (省/国家平台) or department_system' }),
  baseUrl: Type.String({ minLength: 1, maxLength: 500, description: 'root address of the target, e.g. https://credit.province.gov.cn (its API is under /api/v1)' }),
  remoteDepartment: Type.String({ minLength: 1, maxLength: 40, description: 'the department code this platform files under on the target' }),
  receives: Receives,
  active: Type.Optional(Type.Boolean()),
};

export const TargetCreateBody = Type.Object({
  ...TargetFields,
  credential: Type.String({ minLength: 1, maxLength: 500, description: 'the API key the target issued to this platform (stored encrypted, never returned)' }),
}, { additionalProperties: false });
export type TargetCreateBody = Static<typeof TargetCreateBody>;

export const TargetUpdateBody = Type.Object({
  ...TargetFields,
  credential: Type.Optional(Type.String({ minLength: 1, maxLength: 500, description: 'a new API key; absent keeps the stored one' })),
}, { additionalProperties: false });

export const TargetView = Type.Object({
  id: Type.Integer(), name: Type.String(), kind: Type.String(), baseUrl: Type.String(), remoteDepartment: Type.String(),
  receives: Receives, active: Type.Boolean(),
  cursor: Type.Integer({ description: 'last ledger position the target acknowledged' }),
  lag: NullableInteger,
  attempts: Type.Integer(), nextAttemptAt: NullableString, lastError: NullableString, lastDeliveredAt: NullableString,
  pausedAt: Type.Union([Type.String(), Type.Null()], { description: 'set when a batch was dead-lettered; resume to try it again' }),
  pendingBatches: NullableInteger, deadBatches: NullableInteger, hasCredential: Type.Boolean(),
});

const Rejected = Type.Object({
  category: Type.String(), sourceKey: Type.String(), field: Type.Optional(Nullable(Type.String())), code: Type.String(), reason: Type.String(),
});

export const BatchView = Type.Object({
  id: Type.Integer(), fromSeq: Type.Integer(), toSeq: Type.Integer(), changes: Type.Integer(),
  status: Type.Union([Type.Literal('pending'), Type.Literal('acknowledged'), Type.Literal('dead')]),
  attempts: Type.Integer(), lastError: NullableString,
  receipt: Type.Union([Type.Object({
    submissions: Type.Array(Type.Object({ category: Type.String(), submissionId: Type.Integer(), counts: Type.Record(Type.String(), Type.Integer()), rejected: Type.Array(Rejected) })),
    stateChanges: Type.Union([Type.Object({ accepted: Type.Integer(), duplicates: Type.Integer(), rejected: Type.Array(Rejected) }), Type.Null()]),
  }), Type.Null()]),
  createdAt: Type.String(), acknowledgedAt: NullableString,
});

export const BatchesQuery = Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }) });

export const StateChangesBody = Type.Object({
  department: Type.String({ minLength: 1, maxLength: 40, description: 'the sending department (the API key\'s own)' }),
  changes: Type.Array(Type.Object({
    category: Type.String({ minLength: 1, maxLength: 60 }),
    sourceKey: Type.String({ minLength: 1, maxLength: 500, description: 'the record\'s source key (决定书文号) as filed through /submissions' }),
    version: Type.Integer({ minimum: 1, maximum: 2_147_483_647, description: 'the record\'s version at the sender: (department, category, sourceKey, version) is the idempotency key' }),
    state: Type.Union([Type.Literal('active'), Type.Literal('disputed'), Type.Literal('repaired'), Type.Literal('revoked')]),
    reason: Type.String({ minLength: 1, maxLength: 2000 }),
  }, { additionalProperties: false }), { minItems: 1, maxItems: 5000 }),
}, { additionalProperties: false });

export const StateChangesResult = Type.Object({ accepted: Type.Integer(), duplicates: Type.Integer(), rejected: Type.Array(Rejected) });
