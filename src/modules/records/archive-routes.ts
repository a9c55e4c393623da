import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.js';
import { errorResponses } from '../../http/schemas.js';
import { readArchive } from './archive.js';
import { ArchiveView } from './schema.js';

const CodeParam = Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) });

/** A subject's credit archive: under /subjects in the API, but the records module's to answer. */
export async function archiveRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const publicLimit = { rateLimit: {} };
  app.get('/subjects/:code/archive', {
    config: publicLimit,
    schema: {
      tags: ['subjects'], summary: 'The credit archive of a subject, filtered by what the caller may see',
      description: 'Anonymous callers get public records inside their publication window. Staff get more only with a purpose (X-Purpose header or ?purpose=), and each such read is audit-logged.',
      params: CodeParam, querystring: Type.Object({ purpose: Type.Optional(Type.String({ maxLength: 200 })) }), response: { 200: ArchiveView, ...errorResponses },
    },
  }, async (req) => {
    // readArchive answers a natural person the caller may not find as a code no one has.
    return readArchive(deps.pool, deps.pd, deps.clock, req.viewer, (req.params as { code: string }).code);
  });
}
