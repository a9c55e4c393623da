import type { AppDeps } from '../../deps.js';
import type { Api } from '../../http/api.js';
import { errorResponses } from '../../http/schemas.js';
import { EventsPage, EventsQuery } from './schema.js';
import { readEvents } from './service.js';
import { EVENT_TYPES } from './types.js';

export async function eventRoutes(app: Api, deps: AppDeps): Promise<void> {
  app.get('/events', {
    schema: {
      tags: ['events'], summary: 'Domain events after a cursor, in commit order (admin, operator)',
      description: `Poll with \`after\` = the \`next\` of the previous answer. Types: ${EVENT_TYPES.join(', ')}. Ids are assigned in commit order, so no event is skipped. Events name non-public records: a purpose is required (X-Purpose header or ?purpose=), and each page that returns events is audit-logged.`,
      querystring: EventsQuery,
      response: { 200: EventsPage, ...errorResponses },
    },
  }, async (req) => {
    const q = req.query;
    const r = await readEvents(deps.pool, req.viewer, { after: q.after, types: (q.type ?? []).flatMap((t) => t.split(',')).filter(Boolean), limit: q.limit });
    return { items: r.items.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })), next: r.next };
  });
}
