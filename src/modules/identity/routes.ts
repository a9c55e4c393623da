import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { errorResponses } from '../../http/schemas.js';
import { validateCode } from './validate.js';

const Issue = Type.Object({ position: Type.Optional(Type.Integer()), message: Type.String(), messageEn: Type.String() });

export async function identityRoutes(app: FastifyInstance): Promise<void> {
  app.get('/identity/validate', {
    schema: {
      tags: ['identity'],
      summary: 'Validate and explain a USCC, citizen ID number, organisation code or registration number',
      querystring: Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) }),
      response: {
        200: Type.Object({
          valid: Type.Boolean(), scheme: Type.String(), normalized: Type.Union([Type.String(), Type.Null()]),
          parts: Type.Record(Type.String(), Type.Unknown()), errors: Type.Array(Issue), warnings: Type.Array(Issue),
        }),
        ...errorResponses,
      },
    },
  }, async (req) => {
    const { code } = req.query as { code: string };
    const r = validateCode(code);
    return { valid: r.valid, scheme: r.scheme, normalized: r.normalized, parts: r.parts, errors: r.errors, warnings: r.warnings };
  });
}
