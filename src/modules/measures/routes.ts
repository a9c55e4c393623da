import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.js';
import { errorResponses } from '../../http/schemas.js';
import { SCENARIOS, requireScenario } from './scenarios.js';
import * as measures from './service.js';
import { MEASURE_KINDS, type MeasureRow, type NewMeasure } from './types.js';

const MeasureView = Type.Object({
  code: Type.String(), name: Type.String(), kind: Type.Union(MEASURE_KINDS.map((k) => Type.Literal(k))), targetLists: Type.Array(Type.String()),
  scenarios: Type.Array(Type.String()), departments: Type.Array(Type.String()), legalBasis: Type.String(), description: Type.String(), active: Type.Boolean(),
});
const view = (m: MeasureRow) => ({
  code: m.code, name: m.name, kind: m.kind, targetLists: m.targetLists, scenarios: m.scenarios, departments: m.departments,
  legalBasis: m.legalBasis, description: m.description, active: m.active,
});
const CodeParam = Type.Object({ code: Type.String({ minLength: 1, maxLength: 63 }) });

export async function measureRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get('/measures', {
    schema: {
      tags: ['measures'], summary: 'Joint reward and sanction measures (联合奖惩措施) with their legal basis',
      querystring: Type.Object({ scenario: Type.Optional(Type.String({ maxLength: 40 })), active: Type.Optional(Type.Boolean()) }),
      response: { 200: Type.Object({ items: Type.Array(MeasureView), total: Type.Integer(), scenarios: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })) }), ...errorResponses },
    },
  }, async (req) => {
    const q = req.query as { scenario?: string; active?: boolean };
    const items = (await measures.listMeasures(deps.pool, { scenario: q.scenario ? requireScenario(q.scenario) : null, activeOnly: q.active ?? false })).map(view);
    return { items, total: items.length, scenarios: SCENARIOS.map((s) => ({ ...s })) };
  });

  app.post('/measures', {
    schema: {
      tags: ['measures'], summary: 'Add a measure (admin, operator); it can be active only with a legal basis',
      body: Type.Object({
        code: Type.String({ minLength: 2, maxLength: 63 }), name: Type.String({ minLength: 1, maxLength: 200 }), kind: Type.Union(MEASURE_KINDS.map((k) => Type.Literal(k))),
        targetLists: Type.Array(Type.String({ maxLength: 63 }), { maxItems: 50 }), scenarios: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20 }),
        departments: Type.Optional(Type.Array(Type.String({ maxLength: 200 }), { maxItems: 50 })), legalBasis: Type.Optional(Type.String({ maxLength: 2000 })),
        description: Type.Optional(Type.String({ maxLength: 2000 })), active: Type.Optional(Type.Boolean()),
      }, { additionalProperties: false }),
      response: { 201: MeasureView, ...errorResponses },
    },
  }, async (req, reply) => {
    const b = req.body as Partial<NewMeasure> & Pick<NewMeasure, 'code' | 'name' | 'kind' | 'targetLists' | 'scenarios'>;
    const m = await measures.addMeasure(deps.pool, req.viewer, { departments: [], legalBasis: '', description: '', active: false, ...b });
    return reply.status(201).send(view(m));
  });

  app.post('/measures/:code/activate', {
    schema: { tags: ['measures'], summary: 'Start applying a measure; 409 legal_basis_required without a legal basis', params: CodeParam, response: { 200: MeasureView, ...errorResponses } },
  }, async (req) => view(await measures.activateMeasure(deps.pool, req.viewer, (req.params as { code: string }).code)));

  app.post('/measures/:code/deactivate', {
    schema: { tags: ['measures'], summary: 'Stop applying a measure', params: CodeParam, response: { 200: MeasureView, ...errorResponses } },
  }, async (req) => view(await measures.deactivateMeasure(deps.pool, req.viewer, (req.params as { code: string }).code)));
}
