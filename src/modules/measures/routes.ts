import type { AppDeps } from '../../deps.js';
import type { Api } from '../../http/api.js';
import { errorResponses } from '../../http/schemas.js';
import { SCENARIOS, requireScenario } from './scenarios.js';
import { MeasureBody, MeasureCodeParam, MeasureList, MeasurePatch, MeasuresQuery, MeasureView } from './schema.js';
import * as measures from './service.js';
import type { MeasureRow } from './types.js';

const view = (m: MeasureRow) => ({
  code: m.code, name: m.name, nameEn: m.nameEn, kind: m.kind, targetLists: m.targetLists, scenarios: m.scenarios, departments: m.departments,
  legalBasis: m.legalBasis, description: m.description, active: m.active,
});

export async function measureRoutes(app: Api, deps: AppDeps): Promise<void> {
  app.get('/measures', {
    schema: {
      tags: ['measures'], summary: 'Joint reward and sanction measures (联合奖惩措施) with their legal basis',
      querystring: MeasuresQuery,
      response: { 200: MeasureList, ...errorResponses },
    },
  }, async (req) => {
    const q = req.query;
    const items = (await measures.listMeasures(deps.pool, { scenario: q.scenario ? requireScenario(q.scenario) : null, activeOnly: q.active ?? false })).map(view);
    return { items, total: items.length, scenarios: SCENARIOS.map((s) => ({ ...s })) };
  });

  app.post('/measures', {
    schema: {
      tags: ['measures'], summary: 'Add a measure (admin, operator); it can be active only with a legal basis',
      body: MeasureBody,
      response: { 201: MeasureView, ...errorResponses },
    },
  }, async (req, reply) => {
    const m = await measures.addMeasure(deps.pool, req.viewer, { departments: [], legalBasis: '', description: '', active: false, ...req.body, nameEn: req.body.nameEn?.trim() || null });
    return reply.status(201).send(view(m));
  });

  app.patch('/measures/:code', {
    schema: {
      tags: ['measures'], summary: 'Correct a measure (admin, operator), e.g. add its legal basis; an active measure cannot lose its legal basis',
      params: MeasureCodeParam, body: MeasurePatch,
      response: { 200: MeasureView, ...errorResponses },
    },
  }, async (req) => view(await measures.updateMeasure(deps.pool, req.viewer, req.params.code, req.body)));

  app.post('/measures/:code/activate', {
    schema: { tags: ['measures'], summary: 'Start applying a measure; 409 legal_basis_required without a legal basis', params: MeasureCodeParam, response: { 200: MeasureView, ...errorResponses } },
  }, async (req) => view(await measures.activateMeasure(deps.pool, req.viewer, req.params.code)));

  app.post('/measures/:code/deactivate', {
    schema: { tags: ['measures'], summary: 'Stop applying a measure', params: MeasureCodeParam, response: { 200: MeasureView, ...errorResponses } },
  }, async (req) => view(await measures.deactivateMeasure(deps.pool, req.viewer, req.params.code)));
}
