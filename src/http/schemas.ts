import { Type, type Static, type TSchema } from '@sinclair/typebox';

/** Shared request/response pieces for the OpenAPI document. */
export const PageQuery = {
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
};

/** `T | null` in a response: the serialiser writes a missing value as null only when the schema allows it. */
export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
export const NullableString = Nullable(Type.String());
export const NullableInteger = Nullable(Type.Integer());
export const NullableNumber = Nullable(Type.Number());

/** One detail of an error or a warning; details may carry more keys (e.g. the id of a duplicate). */
export const ErrorDetail = Type.Object(
  { field: Type.Optional(Type.String()), row: Type.Optional(Type.Integer()), position: Type.Optional(Type.Integer()), message: Type.String() },
  { additionalProperties: true },
);

export const ErrorBody = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String(), details: Type.Array(ErrorDetail) }),
});

export const errorResponses = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** The answer of an action that has nothing else to say. */
export const OkBody = Type.Object({ ok: Type.Boolean() });

export const Paged = <T extends ReturnType<typeof Type.Object>>(item: T) => Type.Object({ items: Type.Array(item), total: Type.Integer() });

/** One row of a hash-chained ledger (record or list-entry versions), beside the id of what it versions. */
export const ledgerRowProps = {
  seq: Type.Integer(), subjectId: Type.Integer(), version: Type.Integer(), op: Type.String(),
  snapshot: Type.Record(Type.String(), Type.Unknown(), { description: 'the row as it was after this change' }),
  actorKind: Type.String(), actorId: NullableString, actorName: Type.String(), reason: NullableString, at: Type.String(), prevHash: Type.String(), hash: Type.String(),
};

/** A calendar date YYYY-MM-DD that exists (2026-02-30 and 2026-13-45 are refused by the schema). */
export const DateString = Type.String({ format: 'date', description: 'YYYY-MM-DD' });

export const IdParam = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export type IdParam = Static<typeof IdParam>;
