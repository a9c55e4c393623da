import type { AppDeps } from '../../deps.js';
import type { Api } from '../../http/api.js';
import { errorResponses } from '../../http/schemas.js';
import { SubjectCodeParam } from '../subjects/schema.js';
import { readArchive } from './archive.js';
import { ArchiveQuery, ArchiveView } from './schema.js';

/** A subject's credit archive: under /subjects in the API, but the records module's to answer. */
export async function archiveRoutes(app: Api, deps: AppDeps): Promise<void> {
  const publicLimit = { rateLimit: {} };
  app.get('/subjects/:code/archive', {
    config: publicLimit,
    schema: {
      tags: ['subjects'], summary: 'The credit archive of a subject, filtered by what the caller may see',
      description: 'Anonymous callers get public records inside their publication window. Staff get more only with a purpose (X-Purpose header or ?purpose=), and each such read is audit-logged.',
      params: SubjectCodeParam, querystring: ArchiveQuery, response: { 200: ArchiveView, ...errorResponses },
    },
  }, async (req) => {
    // readArchive answers a natural person the caller may not find as a code no one has.
    return readArchive(deps.pool, deps.pd, deps.clock, req.viewer, req.params.code);
  });
}
