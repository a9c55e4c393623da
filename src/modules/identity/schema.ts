import { Type } from '@sinclair/typebox';

const Issue = Type.Object({ position: Type.Optional(Type.Integer()), message: Type.String(), messageEn: Type.String() });

export const ValidateQuery = Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) });

export const Validation = Type.Object({
  valid: Type.Boolean(), scheme: Type.String(), normalized: Type.Union([Type.String(), Type.Null()]),
  parts: Type.Record(Type.String(), Type.Unknown()), errors: Type.Array(Issue), warnings: Type.Array(Issue),
});
