import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.js';
import { withTx } from '../../db/pool.js';
import { errorResponses, IdParam } from '../../http/schemas.js';
import * as access from '../access/service.js';
import * as dir from './directory.js';
import { createPlan, drawPlan, getPlan, listPlans, verifyPlan } from './plans.js';
import { recordTaskResult } from './results.js';
import {
  ConflictBody, InspectorBody, InspectorPatch, InspectorView, ItemBody, ItemPatch, ItemView, PartyItem, PartyQuery, PlanBody, PlanSummary,
  PlanView, PolicyBody, PolicyView, ResultBody, ResultView, VerifyView,
} from './schema.js';

const DeptParam = Type.Object({ department: Type.String({ minLength: 1, maxLength: 40 }) });
const DeptQuery = Type.Object({ department: Type.Optional(Type.String({ maxLength: 40 })) });
const list = <T>(items: T[]) => ({ items, total: items.length });
const tags = ['inspection'];

/** Tiered supervision and random inspections (双随机一公开). Register under /api/v1. */
export async function inspectionRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const { pool } = deps;

  app.get('/inspection/policies/:department', {
    schema: { tags, summary: 'A department\'s grade → supervision tier → sampling ratio (the default when none is set)', params: DeptParam, querystring: Type.Object({ model: Type.Optional(Type.String()) }), response: { 200: PolicyView, ...errorResponses } },
  }, async (req) => {
    const d = await access.getDepartment(pool, (req.params as { department: string }).department);
    dir.requireDepartmentStaff(req.viewer, d.id);
    return dir.policyView(await dir.policyOf(pool, d.id, (req.query as { model?: string }).model), d.code);
  });

  app.put('/inspection/policies/:department', {
    schema: { tags, summary: 'Set a department\'s tier policy (staff of the department or the credit center)', params: DeptParam, body: PolicyBody, response: { 200: PolicyView, ...errorResponses } },
  }, async (req) => withTx(pool, (db) => dir.setPolicy(db, req.viewer, (req.params as { department: string }).department, req.body as PolicyBody)));

  app.get('/inspection/items', {
    schema: { tags, summary: '检查事项清单 (public)', querystring: DeptQuery, response: { 200: Type.Object({ items: Type.Array(ItemView), total: Type.Integer() }), ...errorResponses } },
  }, async (req) => list(await dir.listItems(pool, (req.query as { department?: string }).department)));

  app.post('/inspection/items', {
    schema: { tags, summary: 'Add an inspection item', body: ItemBody, response: { 201: ItemView, ...errorResponses } },
  }, async (req, reply) => reply.status(201).send(await withTx(pool, (db) => dir.addItem(db, req.viewer, req.body as ItemBody))));

  app.put('/inspection/items/:id', {
    schema: { tags, summary: 'Change an inspection item', params: IdParam, body: ItemPatch, response: { 200: ItemView, ...errorResponses } },
  }, async (req) => withTx(pool, (db) => dir.updateItem(db, req.viewer, (req.params as IdParam).id, req.body as ItemPatch)));

  app.delete('/inspection/items/:id', {
    schema: { tags, summary: 'Withdraw an inspection item (kept for earlier plans)', params: IdParam, response: { 200: ItemView, ...errorResponses } },
  }, async (req) => withTx(pool, (db) => dir.updateItem(db, req.viewer, (req.params as IdParam).id, { active: false })));

  app.get('/inspection/inspectors', {
    schema: { tags, summary: '执法检查人员名录库 (staff)', querystring: DeptQuery, response: { 200: Type.Object({ items: Type.Array(InspectorView), total: Type.Integer() }), ...errorResponses } },
  }, async (req) => list(await dir.listInspectors(pool, req.viewer, (req.query as { department?: string }).department)));

  app.post('/inspection/inspectors', {
    schema: { tags, summary: 'Register an inspector', body: InspectorBody, response: { 201: InspectorView, ...errorResponses } },
  }, async (req, reply) => reply.status(201).send(await withTx(pool, (db) => dir.addInspector(db, req.viewer, req.body as InspectorBody))));

  app.put('/inspection/inspectors/:id', {
    schema: { tags, summary: 'Change an inspector (name, unit, active)', params: IdParam, body: InspectorPatch, response: { 200: InspectorView, ...errorResponses } },
  }, async (req) => withTx(pool, (db) => dir.updateInspector(db, req.viewer, (req.params as IdParam).id, req.body as InspectorPatch)));

  app.delete('/inspection/inspectors/:id', {
    schema: { tags, summary: 'Take an inspector out of future draws', params: IdParam, response: { 200: InspectorView, ...errorResponses } },
  }, async (req) => withTx(pool, (db) => dir.updateInspector(db, req.viewer, (req.params as IdParam).id, { active: false })));

  app.post('/inspection/inspectors/:id/conflicts', {
    schema: { tags, summary: 'Declare a conflict of interest with a party (回避)', params: IdParam, body: ConflictBody, response: { 200: InspectorView, ...errorResponses } },
  }, async (req) => withTx(pool, (db) => dir.declareConflict(db, deps.pd, req.viewer, (req.params as IdParam).id, req.body as { subject: string; reason: string }, deps.clock.now())));

  app.get('/inspection/parties', {
    schema: { tags, summary: '检查对象名录库: subjects in scope with their latest grade (staff)', querystring: PartyQuery, response: { 200: Type.Object({ items: Type.Array(PartyItem), total: Type.Integer() }), ...errorResponses } },
  }, async (req) => dir.partyDirectory(pool, req.viewer, req.query as PartyQuery));

  app.get('/inspection/plans', {
    schema: { tags, summary: 'Random inspection plans with their commitments (public)', querystring: DeptQuery, response: { 200: Type.Object({ items: Type.Array(PlanSummary), total: Type.Integer() }), ...errorResponses } },
  }, async (req) => list(await listPlans(pool, (req.query as { department?: string }).department)));

  app.post('/inspection/plans', {
    schema: {
      tags, summary: 'Create a plan: snapshot and publish the draw inputs, commit to sha256(seed)',
      body: PlanBody, response: { 201: PlanView, ...errorResponses },
    },
  }, async (req, reply) => {
    const r = await withTx(pool, (db) => createPlan(db, req.viewer, deps.clock, req.body as PlanBody));
    return reply.status(201).send({ ...r.plan, warnings: r.warnings });
  });

  app.get('/inspection/plans/:id', {
    schema: { tags, summary: 'A plan with its published inputs, seed hash and — once drawn — seed and tasks (public)', params: IdParam, response: { 200: PlanView, ...errorResponses } },
  }, async (req) => getPlan(pool, (req.params as IdParam).id, true));

  app.post('/inspection/plans/:id/draw', {
    schema: { tags, summary: 'Draw parties per tier and two inspectors each; reveals the seed (all or nothing)', params: IdParam, response: { 200: PlanView, ...errorResponses } },
  }, async (req) => drawPlan(pool, req.viewer, deps.clock, (req.params as IdParam).id));

  app.get('/inspection/plans/:id/verify', {
    schema: { tags, summary: 'Recompute the draw from the published inputs and the revealed seed (public)', params: IdParam, response: { 200: VerifyView, ...errorResponses } },
  }, async (req) => verifyPlan(pool, (req.params as IdParam).id));

  app.post('/inspection/tasks/:id/result', {
    schema: { tags, summary: 'Record the result of an inspection (检查结果): filed in the archive under inspection_result', params: IdParam, body: ResultBody, response: { 201: ResultView, ...errorResponses } },
  }, async (req, reply) => {
    const r = await withTx(pool, (db) => recordTaskResult({ db, pd: deps.pd, clock: deps.clock }, req.viewer, (req.params as IdParam).id, req.body as ResultBody));
    return reply.status(201).send(r);
  });
}
