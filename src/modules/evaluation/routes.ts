import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.js';
import { withTx } from '../../db/pool.js';
import { errorResponses, IdParam } from '../../http/schemas.js';
import { explainEvaluation } from './explain.js';
import type { ModelRow } from './model-types.js';
import { createModel, listModels, parseModelSource, resolveModel } from './models.js';
import { getRun, runEvaluation } from './run.js';
import { ExplanationView, ModelView, RunBody, RunView } from './schema.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const modelView = (m: ModelRow) => ({ ...m, createdAt: m.createdAt.toISOString() });
const runView = (r: Awaited<ReturnType<typeof getRun>>) => ({ ...r, startedAt: r.startedAt.toISOString(), finishedAt: iso(r.finishedAt) });
const YAML_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml'];

/** Evaluation models, runs and the per-subject explanation. Register under /api/v1. */
export async function evaluationRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get('/evaluation/models', {
    schema: {
      tags: ['evaluation'], summary: 'Evaluation models (every version; the methodology is public)',
      querystring: Type.Object({ code: Type.Optional(Type.String({ maxLength: 63 })) }),
      response: { 200: Type.Object({ items: Type.Array(ModelView), total: Type.Integer() }), ...errorResponses },
    },
  }, async (req) => {
    const code = (req.query as { code?: string }).code;
    const items = (await listModels(deps.pool)).filter((m) => !code || m.code === code).map(modelView);
    return { items, total: items.length };
  });

  app.get('/evaluation/models/:ref', {
    schema: {
      tags: ['evaluation'], summary: 'One model: latest version of a code, or code@version',
      params: Type.Object({ ref: Type.String({ maxLength: 80 }) }), response: { 200: ModelView, ...errorResponses },
    },
  }, async (req) => modelView(await resolveModel(deps.pool, (req.params as { ref: string }).ref)));

  // YAML bodies are accepted on this route only (encapsulated parser).
  await app.register(async (scope) => {
    scope.addContentTypeParser(YAML_TYPES, { parseAs: 'string', bodyLimit: 1024 * 1024 }, (_req, body, done) => done(null, { __source: body }));
    scope.post('/evaluation/models', {
      schema: {
        tags: ['evaluation'], summary: 'Publish a model from JSON or YAML (a new version when the code exists) — admin, operator',
        description: 'Body: the model as JSON, or YAML with Content-Type application/yaml. Invalid models are rejected with every problem in `details` (`field` = path, `reason` = weights_mismatch · unknown_indicator · cyclic_indicator · unknown_category · unknown_field · grades_out_of_order …).',
        body: Type.Unknown(), response: { 201: ModelView, ...errorResponses },
      },
    }, async (req, reply) => {
      const body = req.body as { __source?: string } | null;
      const input = body && typeof body === 'object' && typeof body.__source === 'string' ? parseModelSource(body.__source) : req.body;
      const m = await withTx(deps.pool, (db) => createModel(db, req.viewer, input));
      return reply.status(201).send(modelView(m));
    });
  });

  app.post('/evaluation/runs', {
    schema: {
      tags: ['evaluation'], summary: 'Run an evaluation (set-based over all applicable subjects, or incremental) — admin, operator',
      body: RunBody, response: { 201: RunView, ...errorResponses },
    },
  }, async (req, reply) => {
    const b = req.body as RunBody;
    const run = await runEvaluation(deps.pool, req.viewer, deps.clock, { model: b.model, incremental: b.incremental ?? false, asOf: b.asOf });
    return reply.status(201).send(runView(await getRun(deps.pool, req.viewer, run.id)));
  });

  app.get('/evaluation/runs/:id', {
    schema: { tags: ['evaluation'], summary: 'One evaluation run with its grade distribution (staff)', params: IdParam, response: { 200: RunView, ...errorResponses } },
  }, async (req) => runView(await getRun(deps.pool, req.viewer, (req.params as IdParam).id)));

  app.get('/subjects/:code/evaluation', {
    config: { rateLimit: {} },
    schema: {
      tags: ['evaluation'], summary: 'A subject\'s evaluation: grade, score, breakdown and what-if, filtered by what the caller may see',
      description: 'The public sees the grade when the model publishes grades. The subject itself and staff with a purpose (X-Purpose) see score, per-indicator points and what-if (repairing a record, fulfilling a commitment), except indicators over disclosure classes they may not read.',
      params: Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) }),
      querystring: Type.Object({ model: Type.Optional(Type.String({ maxLength: 63 })), purpose: Type.Optional(Type.String({ maxLength: 200 })) }),
      response: { 200: ExplanationView, ...errorResponses },
    },
  }, async (req) => explainEvaluation(deps, req.viewer, (req.params as { code: string }).code, (req.query as { model?: string }).model ?? null));
}
