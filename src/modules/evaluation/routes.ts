import type { AppDeps } from '../../deps.js';
import type { Api } from '../../http/api.js';
import { errorResponses, IdParam } from '../../http/schemas.js';
import { explainEvaluation } from './explain.js';
import type { ModelRow } from './model-types.js';
import { createModel, listModels, parseModelSource, resolveModel } from './models.js';
import { getRun, listRuns, startEvaluation, type EvaluationRun } from './run.js';
import { ExplanationQuery, ExplanationView, ModelBody, ModelList, ModelRefParam, ModelsQuery, ModelView, RunBody, RunList, RunsQuery, RunView, SubjectCodeParam } from './schema.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const modelView = (m: ModelRow) => ({ ...m, createdAt: m.createdAt.toISOString() });
const runView = (r: EvaluationRun) => ({ ...r, startedAt: r.startedAt.toISOString(), finishedAt: iso(r.finishedAt) });
const YAML_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml'];
/** The YAML parser below hands the text over as `{ __source }`; a JSON body is the model itself. */
const modelInput = (body: unknown) => (typeof body === 'object' && body !== null && '__source' in body && typeof body.__source === 'string' ? parseModelSource(body.__source) : body);

/** Evaluation models, runs and the per-subject explanation. Register under /api/v1. */
export async function evaluationRoutes(app: Api, deps: AppDeps): Promise<void> {
  app.get('/evaluation/models', {
    schema: {
      tags: ['evaluation'], summary: 'Evaluation models (every version; the methodology is public)',
      querystring: ModelsQuery,
      response: { 200: ModelList, ...errorResponses },
    },
  }, async (req) => {
    const code = req.query.code;
    const items = (await listModels(deps.pool)).filter((m) => !code || m.code === code).map(modelView);
    return { items, total: items.length };
  });

  app.get('/evaluation/models/:ref', {
    schema: {
      tags: ['evaluation'], summary: 'One model: latest version of a code, or code@version',
      params: ModelRefParam, response: { 200: ModelView, ...errorResponses },
    },
  }, async (req) => modelView(await resolveModel(deps.pool, req.params.ref)));

  // YAML bodies are accepted on this route only (encapsulated parser).
  await app.register(async (scope: Api) => {
    scope.addContentTypeParser(YAML_TYPES, { parseAs: 'string', bodyLimit: 1024 * 1024 }, (_req, body, done) => done(null, { __source: body }));
    scope.post('/evaluation/models', {
      schema: {
        tags: ['evaluation'], summary: 'Publish a model from JSON or YAML (a new version when the code exists) — admin, operator',
        description: 'Body: the model as JSON, or YAML with Content-Type application/yaml. Invalid models are rejected with every problem in `details` (`field` = path, `reason` = weights_mismatch · unknown_indicator · cyclic_indicator · unknown_category · unknown_field · grades_out_of_order …).',
        body: ModelBody, response: { 201: ModelView, ...errorResponses },
      },
    }, async (req, reply) => {
      const m = await createModel(deps.pool, req.viewer, modelInput(req.body));
      return reply.status(201).send(modelView(m));
    });
  });

  app.post('/evaluation/runs', {
    schema: {
      tags: ['evaluation'], summary: 'Run an evaluation (set-based over all applicable subjects, or incremental) — admin, operator',
      description: 'Answers 201 with the ended run; with `wait: false`, 202 as soon as it has started (poll GET /evaluation/runs/{id} for its progress). 409 `run_in_progress` while the model is being run.',
      body: RunBody, response: { 201: RunView, 202: RunView, ...errorResponses },
    },
  }, async (req, reply) => {
    const b = req.body;
    const { run, finished } = await startEvaluation(deps.pool, req.viewer, deps.clock, { model: b.model, incremental: b.incremental ?? false, asOf: b.asOf });
    if (b.wait !== false) return reply.status(201).send(runView(await finished));
    // The run goes on after the answer; a failure is stored on the run (status failed, error).
    finished.catch((err: unknown) => req.log.warn({ err, runId: run.id }, 'evaluation run failed'));
    return reply.status(202).send(runView(run));
  });

  app.get('/evaluation/runs', {
    schema: {
      tags: ['evaluation'], summary: 'Evaluation runs, newest first: model, kind, dates, status, grade counts, progress (staff)',
      querystring: RunsQuery, response: { 200: RunList, ...errorResponses },
    },
  }, async (req) => {
    const r = await listRuns(deps.pool, req.viewer, { model: req.query.model, page: req.query.page, pageSize: req.query.pageSize });
    return { items: r.items.map(runView), total: r.total };
  });

  app.get('/evaluation/runs/:id', {
    schema: { tags: ['evaluation'], summary: 'One evaluation run with its grade distribution (staff)', params: IdParam, response: { 200: RunView, ...errorResponses } },
  }, async (req) => runView(await getRun(deps.pool, req.viewer, req.params.id)));

  app.get('/subjects/:code/evaluation', {
    config: { rateLimit: {} },
    schema: {
      tags: ['evaluation'], summary: 'A subject\'s evaluation: grade, score, breakdown and what-if, filtered by what the caller may see',
      description: 'The public sees the grade when the model publishes grades. The subject itself and staff with a purpose (X-Purpose) see score, per-indicator points and what-if (repairing a record, fulfilling a commitment), except indicators over disclosure classes they may not read.',
      params: SubjectCodeParam,
      querystring: ExplanationQuery,
      response: { 200: ExplanationView, ...errorResponses },
    },
  }, async (req) => explainEvaluation(deps, req.viewer, req.params.code, req.query.model ?? null));
}
