import type { AppDeps } from '../../deps.js';
import type { Api } from '../../http/api.js';
import { errorResponses } from '../../http/schemas.js';
import { measureStats } from './feedback.js';
import { MeasureStatsQuery, MeasureStatsView } from './schema.js';

/** 跟踪问效 under /measures: counted from reviews and their feedback, so the review module answers it. */
export async function measureStatsRoutes(app: Api, deps: AppDeps): Promise<void> {
  app.get('/measures/stats', {
    schema: {
      tags: ['measures'], summary: '跟踪问效: initiations, reviews, hits, applications and feedback rates per department and measure',
      description: 'Department clerks see their own department only.',
      querystring: MeasureStatsQuery,
      response: { 200: MeasureStatsView, ...errorResponses },
    },
  }, async (req) => measureStats(deps.pool, req.viewer, req.query));
}
