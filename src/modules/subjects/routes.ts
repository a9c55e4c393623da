import type { AppDeps } from '../../deps.js';
import type { Api } from '../../http/api.js';
import { errorResponses } from '../../http/schemas.js';
import { RenameBody, SubjectBody, SubjectCodeParam, SubjectSearchQuery, SubjectsPage, SubjectView } from './schema.js';
import * as subjects from './service.js';
import type { SubjectRow } from './types.js';

const itemOf = (r: SubjectRow) => ({
  id: r.id, kind: r.kind, ...(r.uscc ? { uscc: r.uscc } : {}), ...(r.idMasked ? { idNumberMasked: r.idMasked } : {}),
  name: r.name, legalRepName: r.legalRepName, regionCode: r.regionCode, status: r.status,
});

export async function subjectRoutes(app: Api, deps: AppDeps): Promise<void> {
  const publicLimit = { rateLimit: {} };
  app.get('/subjects', {
    config: publicLimit,
    schema: {
      tags: ['subjects'], summary: 'Find subjects by exact code or name fragment',
      querystring: SubjectSearchQuery,
      response: { 200: SubjectsPage, ...errorResponses },
    },
  }, async (req) => {
    const q = req.query;
    const r = await subjects.searchSubjects(deps.pool, deps.pd, req.viewer, { q: q.q, kind: q.kind ?? null, page: q.page, pageSize: q.pageSize }, deps.clock.now());
    return { items: r.items.map(itemOf), total: r.total };
  });

  app.get('/subjects/:code', {
    config: publicLimit,
    schema: { tags: ['subjects'], summary: 'One subject by USCC, ID number or legacy code', params: SubjectCodeParam, response: { 200: SubjectView, ...errorResponses } },
  }, async (req) => {
    // A natural person is found only by staff, departments, the person and lenders it granted
    // access; to anyone else it is the 404 of a code that exists nowhere.
    const row = await subjects.getSubjectForViewer(deps.pool, deps.pd, req.viewer, req.params.code, deps.clock.now());
    return subjects.viewSubject(deps.pool, row);
  });
}

/**
 * Registering and renaming subjects. Apart from subjectRoutes because app.ts registers the records
 * module's archive route between the two, where the OpenAPI document has always listed it.
 */
export async function subjectRegistrationRoutes(app: Api, deps: AppDeps): Promise<void> {
  app.post('/subjects', {
    schema: {
      tags: ['subjects'], summary: 'Register a subject with legacy codes, former names and legal representative (admin, operator)',
      body: SubjectBody,
      response: { 201: SubjectView, ...errorResponses },
    },
  }, async (req, reply) => {
    const view = await subjects.registerSubject(deps.pool, deps.pd, req.viewer, req.body, deps.clock.today());
    return reply.status(201).send(view);
  });

  app.post('/subjects/:code/rename', {
    schema: { tags: ['subjects'], summary: 'Rename; the old name becomes a former name', params: SubjectCodeParam, body: RenameBody, response: { 200: SubjectView, ...errorResponses } },
  }, async (req) => subjects.renameSubject(deps.pool, deps.pd, req.viewer, req.params.code, req.body.name));
}
