import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.js';
import { errorResponses, IdParam } from '../../http/schemas.js';
import { getDepartment } from '../access/service.js';
import { InboxQuery, ReasonBody } from '../objections/schema.js';
import { fileContent } from '../cases/evidence.js';
import { decideRepair, extendRepair, recheckRepair } from './decisions.js';
import { EligibilityQuery, EligibilityView, MaterialsBody, RecheckBody, RepairBody, RepairDecisionBody, RepairView, repairView } from './schema.js';
import * as repairs from './service.js';

const FileParams = Type.Object({ id: Type.Integer({ minimum: 1 }), fileId: Type.Integer({ minimum: 1 }) });

export async function repairRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const ctx = { pool: deps.pool, pd: deps.pd, clock: deps.clock };
  const today = () => deps.clock.today();

  app.get('/repairs/eligibility', {
    schema: {
      tags: ['repairs'], summary: 'Can this record (or list entry) be repaired now? `{ eligible, earliestDate?, reasons[] }`, each reason naming its rule',
      querystring: EligibilityQuery, response: { 200: EligibilityView, ...errorResponses },
    },
  }, async (req) => repairs.checkEligibility(deps.pool, req.viewer, today(), req.query as Static<typeof EligibilityQuery>));

  app.post('/repairs', {
    schema: {
      tags: ['repairs'], summary: 'Apply for credit repair (信用修复) with the materials the rule requires',
      description: 'Ineligible: 409 repair_not_eligible with the reasons. An application already open for the same record or entry: 409 duplicate_application. Complete materials: accepted the same day; incomplete: returned with the missing list.',
      body: RepairBody, response: { 201: RepairView, ...errorResponses },
    },
  }, async (req, reply) => {
    const r = await repairs.applyForRepair(ctx, req.viewer, req.body as repairs.RepairInput);
    return reply.status(201).send(repairView(r, today()));
  });

  app.get('/repairs', {
    schema: { tags: ['repairs'], summary: 'Inbox of repair applications (department: its own; centre: all; subject: its own)', querystring: InboxQuery, response: { 200: Type.Object({ items: Type.Array(RepairView), total: Type.Integer() }), ...errorResponses } },
  }, async (req) => {
    const q = req.query as Static<typeof InboxQuery>;
    const department = q.department ? (await getDepartment(deps.pool, q.department)).id : null;
    const states = (q.state ?? []).flatMap((s) => s.split(',')).filter(Boolean);
    const r = await repairs.listRepairs(deps.pool, req.viewer, today(), { states, department, overdue: q.overdue ?? null, page: q.page, pageSize: q.pageSize });
    return { items: r.items.map((x) => repairView(x, today())), total: r.total };
  });

  app.get('/repairs/:id', {
    schema: { tags: ['repairs'], summary: 'One repair application with its case file', params: IdParam, response: { 200: RepairView, ...errorResponses } },
  }, async (req) => {
    const r = await repairs.getRepair(deps.pool, req.viewer, (req.params as IdParam).id);
    return repairView(r.repair, today(), { events: r.events, files: r.files });
  });

  app.get('/repairs/:id/files/:fileId', {
    schema: { tags: ['repairs'], summary: 'Download a material of a repair application', params: FileParams, response: errorResponses },
  }, async (req, reply) => {
    const p = req.params as Static<typeof FileParams>;
    await repairs.getRepair(deps.pool, req.viewer, p.id);
    const f = await fileContent(deps.pool, 'repair', p.id, p.fileId);
    return reply.header('content-type', f.contentType).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`).send(f.content);
  });

  app.post('/repairs/:id/materials', {
    schema: { tags: ['repairs'], summary: 'Supply missing materials of a returned application (accepted once complete)', params: IdParam, body: MaterialsBody, response: { 200: RepairView, ...errorResponses } },
  }, async (req) => repairView(await repairs.supplementRepair(ctx, req.viewer, (req.params as IdParam).id, req.body as Static<typeof MaterialsBody>), today()));

  app.post('/repairs/:id/decision', {
    schema: { tags: ['repairs'], summary: 'Approve or reject (credit centre or the penalising department)', params: IdParam, body: RepairDecisionBody, response: { 200: RepairView, ...errorResponses } },
  }, async (req) => repairView(await decideRepair(ctx, req.viewer, (req.params as IdParam).id, req.body as Static<typeof RepairDecisionBody>), today()));

  app.post('/repairs/:id/extend', {
    schema: { tags: ['repairs'], summary: 'Extend the decision deadline once', params: IdParam, body: ReasonBody, response: { 200: RepairView, ...errorResponses } },
  }, async (req) => repairView(await extendRepair(ctx, req.viewer, (req.params as IdParam).id, (req.body as { reason: string }).reason), today()));

  app.post('/repairs/:id/recheck', {
    schema: { tags: ['repairs'], summary: 'Re-check a granted repair (复查): confirm, or revoke (record published again; abuse bar starts)', params: IdParam, body: RecheckBody, response: { 200: RepairView, ...errorResponses } },
  }, async (req) => repairView(await recheckRepair(ctx, req.viewer, (req.params as IdParam).id, req.body as Static<typeof RecheckBody>), today()));
}
