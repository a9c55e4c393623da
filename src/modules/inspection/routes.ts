import type { AppDeps } from '../../deps.js';
import type { Api } from '../../http/api.js';
import { errorResponses, IdParam } from '../../http/schemas.js';
import * as dir from './directory.js';
import { createPlan, drawPlan, getPlan, listPlans, verifyPlan } from './plans.js';
import { planProblemRate } from './problem-rate.js';
import { recordTaskResult } from './results.js';
import {
  ConflictBody, DeptParam, DeptQuery, InspectorBody, InspectorList, InspectorPatch, InspectorView, ItemBody, ItemList, ItemPatch, ItemView, PartyList, PartyQuery,
  PlanBody, PlanList, PlanView, PolicyBody, PolicyQuery, PolicyView, ProblemRateView, ResultBody, ResultView, VerifyView,
} from './schema.js';

const list = <T>(items: T[]) => ({ items, total: items.length });
const tags = ['inspection'];

/** Tiered supervision and random inspections (双随机一公开). Register under /api/v1. */
export async function inspectionRoutes(app: Api, deps: AppDeps): Promise<void> {
  const { pool } = deps;

  app.get('/inspection/policies/:department', {
    schema: { tags, summary: 'A department\'s grade → supervision tier → sampling ratio (the default when none is set)', params: DeptParam, querystring: PolicyQuery, response: { 200: PolicyView, ...errorResponses } },
  }, async (req) => dir.departmentPolicy(pool, req.viewer, req.params.department, req.query.model));

  app.put('/inspection/policies/:department', {
    schema: { tags, summary: 'Set a department\'s tier policy (staff of the department or the credit center)', params: DeptParam, body: PolicyBody, response: { 200: PolicyView, ...errorResponses } },
  }, async (req) => dir.setPolicy(pool, req.viewer, req.params.department, req.body));

  app.get('/inspection/items', {
    schema: { tags, summary: '检查事项清单 (public)', querystring: DeptQuery, response: { 200: ItemList, ...errorResponses } },
  }, async (req) => list(await dir.listItems(pool, req.query.department)));

  app.post('/inspection/items', {
    schema: { tags, summary: 'Add an inspection item', body: ItemBody, response: { 201: ItemView, ...errorResponses } },
  }, async (req, reply) => reply.status(201).send(await dir.addItem(pool, req.viewer, req.body)));

  app.put('/inspection/items/:id', {
    schema: { tags, summary: 'Change an inspection item', params: IdParam, body: ItemPatch, response: { 200: ItemView, ...errorResponses } },
  }, async (req) => dir.updateItem(pool, req.viewer, req.params.id, req.body));

  app.delete('/inspection/items/:id', {
    schema: { tags, summary: 'Withdraw an inspection item (kept for earlier plans)', params: IdParam, response: { 200: ItemView, ...errorResponses } },
  }, async (req) => dir.updateItem(pool, req.viewer, req.params.id, { active: false }));

  app.get('/inspection/inspectors', {
    schema: { tags, summary: '执法检查人员名录库 (staff)', querystring: DeptQuery, response: { 200: InspectorList, ...errorResponses } },
  }, async (req) => list(await dir.listInspectors(pool, req.viewer, req.query.department)));

  app.post('/inspection/inspectors', {
    schema: { tags, summary: 'Register an inspector', body: InspectorBody, response: { 201: InspectorView, ...errorResponses } },
  }, async (req, reply) => reply.status(201).send(await dir.addInspector(pool, req.viewer, req.body)));

  app.put('/inspection/inspectors/:id', {
    schema: { tags, summary: 'Change an inspector (name, unit, active)', params: IdParam, body: InspectorPatch, response: { 200: InspectorView, ...errorResponses } },
  }, async (req) => dir.updateInspector(pool, req.viewer, req.params.id, req.body));

  app.delete('/inspection/inspectors/:id', {
    schema: { tags, summary: 'Take an inspector out of future draws', params: IdParam, response: { 200: InspectorView, ...errorResponses } },
  }, async (req) => dir.updateInspector(pool, req.viewer, req.params.id, { active: false }));

  app.post('/inspection/inspectors/:id/conflicts', {
    schema: { tags, summary: 'Declare a conflict of interest with a party (回避)', params: IdParam, body: ConflictBody, response: { 200: InspectorView, ...errorResponses } },
  }, async (req) => dir.declareConflict(pool, deps.pd, req.viewer, req.params.id, req.body, deps.clock.now()));

  app.get('/inspection/parties', {
    schema: { tags, summary: '检查对象名录库: subjects in scope with their latest grade (staff)', querystring: PartyQuery, response: { 200: PartyList, ...errorResponses } },
  }, async (req) => dir.partyDirectory(pool, req.viewer, req.query));

  app.get('/inspection/plans', {
    schema: { tags, summary: 'Random inspection plans with their commitments (public)', querystring: DeptQuery, response: { 200: PlanList, ...errorResponses } },
  }, async (req) => list(await listPlans(pool, req.query.department)));

  app.post('/inspection/plans', {
    schema: {
      tags, summary: 'Create a plan: snapshot and publish the draw inputs, commit to sha256(seed)',
      body: PlanBody, response: { 201: PlanView, ...errorResponses },
    },
  }, async (req, reply) => {
    const r = await createPlan(pool, req.viewer, deps.clock, req.body);
    return reply.status(201).send({ ...r.plan, warnings: r.warnings });
  });

  app.get('/inspection/plans/:id', {
    schema: { tags, summary: 'A plan with its published inputs, seed hash and — once drawn — seed and tasks (public)', params: IdParam, response: { 200: PlanView, ...errorResponses } },
  }, async (req) => getPlan(pool, req.params.id, true));

  app.post('/inspection/plans/:id/draw', {
    schema: { tags, summary: 'Draw parties per tier and two inspectors each; reveals the seed (all or nothing)', params: IdParam, response: { 200: PlanView, ...errorResponses } },
  }, async (req) => drawPlan(pool, req.viewer, deps.clock, req.params.id));

  app.get('/inspection/plans/:id/verify', {
    schema: { tags, summary: 'Recompute the draw from the published inputs and the revealed seed (public)', params: IdParam, response: { 200: VerifyView, ...errorResponses } },
  }, async (req) => verifyPlan(pool, req.params.id));

  app.get('/inspection/plans/:id/problem-rate', {
    schema: { tags, summary: '问题发现率: share of inspected parties where problems were found, for the plan and per tier (public, as the results are)', params: IdParam, response: { 200: ProblemRateView, ...errorResponses } },
  }, async (req) => planProblemRate(pool, req.params.id));

  app.post('/inspection/tasks/:id/result', {
    schema: { tags, summary: 'Record the result of an inspection (检查结果): filed in the archive under inspection_result', params: IdParam, body: ResultBody, response: { 201: ResultView, ...errorResponses } },
  }, async (req, reply) => reply.status(201).send(await recordTaskResult({ pool, pd: deps.pd, clock: deps.clock }, req.viewer, req.params.id, req.body)));
}
