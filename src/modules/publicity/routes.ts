import type { AppDeps } from '../../deps.js';
import type { Api } from '../../http/api.js';
import { errorResponses } from '../../http/schemas.js';
import { PublicityPage, PublicityQuery } from './schema.js';
import { searchPublicity } from './service.js';

export async function publicityRoutes(app: Api, deps: AppDeps): Promise<void> {
  app.get('/publicity', {
    config: { rateLimit: {} },
    schema: {
      tags: ['publicity'], summary: '双公示: administrative licences and penalties inside their publication window',
      description: 'Only live records (active, disputed) of public categories whose window covers today; natural persons only where the category publishes them. `q`: name fragment, USCC or document number. `from`/`to` bound the decision date.',
      querystring: PublicityQuery,
      response: { 200: PublicityPage, ...errorResponses },
    },
  }, async (req) => searchPublicity(deps.pool, deps.clock, req.query));
}
