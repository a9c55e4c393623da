import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.js';
import { errorResponses } from '../../http/schemas.js';
import { readEvents } from './service.js';
import { EVENT_TYPES } from './types.js';

const EventView = Type.Object({
  id: Type.Integer(), type: Type.String(), subjectId: Type.Union([Type.Integer(), Type.Null()]),
  payload: Type.Record(Type.String(), Type.Unknown()), createdAt: Type.String(),
});

export async function eventRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get('/events', {
    schema: {
      tags: ['events'], summary: 'Domain events after a cursor, in commit order (admin, operator)',
      description: `Poll with \`after\` = the \`next\` of the previous answer. Types: ${EVENT_TYPES.join(', ')}. Ids are assigned in commit order, so no event is skipped. Events name non-public records: a purpose is required (X-Purpose header or ?purpose=), and each page that returns events is audit-logged.`,
      querystring: Type.Object({
        purpose: Type.Optional(Type.String({ maxLength: 200, description: 'why the events are read (or the X-Purpose header)' })),
        after: Type.Integer({ minimum: 0, default: 0 }),
        type: Type.Optional(Type.Array(Type.String(), { maxItems: 20 })),
        limit: Type.Integer({ minimum: 1, maximum: 1000, default: 200 }),
      }),
      response: { 200: Type.Object({ items: Type.Array(EventView), next: Type.Integer() }), ...errorResponses },
    },
  }, async (req) => {
    const q = req.query as { after: number; type?: string[]; limit: number };
    const r = await readEvents(deps.pool, req.viewer, { after: q.after, types: (q.type ?? []).flatMap((t) => t.split(',')).filter(Boolean), limit: q.limit });
    return { items: r.items.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })), next: r.next };
  });
}
