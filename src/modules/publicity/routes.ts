import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.js';
import { DateString, errorResponses, PageQuery } from '../../http/schemas.js';
import { PUBLICITY_TYPES, searchPublicity, type PublicityType } from './service.js';

const Item = Type.Object({
  id: Type.Integer(), type: Type.String(), department: Type.String(), departmentName: Type.String(),
  subject: Type.Object({ kind: Type.String(), name: Type.String(), uscc: Type.Optional(Type.String()), idNumberMasked: Type.Optional(Type.String()) }),
  fields: Type.Record(Type.String(), Type.String()), decidedOn: Type.Union([Type.String(), Type.Null()]),
  publishFrom: Type.Union([Type.String(), Type.Null()]), publishUntil: Type.Union([Type.String(), Type.Null()]),
  severity: Type.Union([Type.String(), Type.Null()]), state: Type.String(),
});

export async function publicityRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get('/publicity', {
    config: { rateLimit: {} },
    schema: {
      tags: ['publicity'], summary: '双公示: administrative licences and penalties inside their publication window',
      description: 'Only live records (active, disputed) of public categories whose window covers today; natural persons only where the category publishes them. `q`: name fragment, USCC or document number. `from`/`to` bound the decision date.',
      querystring: Type.Object({
        type: Type.Optional(Type.Union(PUBLICITY_TYPES.map((t) => Type.Literal(t)))), q: Type.Optional(Type.String({ maxLength: 100 })),
        department: Type.Optional(Type.String({ maxLength: 40 })), from: Type.Optional(DateString), to: Type.Optional(DateString), ...PageQuery,
      }),
      response: { 200: Type.Object({ items: Type.Array(Item), total: Type.Integer() }), ...errorResponses },
    },
  }, async (req) => searchPublicity(deps.pool, deps.clock, req.query as { type?: PublicityType; q?: string; department?: string; from?: string; to?: string; page: number; pageSize: number }));
}
