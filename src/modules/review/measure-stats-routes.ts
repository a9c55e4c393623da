import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.js';
import { DateString, errorResponses } from '../../http/schemas.js';
import { measureStats } from './feedback.js';
import { MeasureStatsView } from './schema.js';

/** 跟踪问效 under /measures: counted from reviews and their feedback, so the review module answers it. */
export async function measureStatsRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get('/measures/stats', {
    schema: {
      tags: ['measures'], summary: '跟踪问效: initiations, reviews, hits, applications and feedback rates per department and measure',
      description: 'Department clerks see their own department only.',
      querystring: Type.Object({ department: Type.Optional(Type.String({ maxLength: 40 })), from: Type.Optional(DateString), to: Type.Optional(DateString) }),
      response: { 200: MeasureStatsView, ...errorResponses },
    },
  }, async (req) => measureStats(deps.pool, req.viewer, req.query as { department?: string; from?: string; to?: string }));
}
