import type { AppDeps } from '../../deps.js';
import type { Api } from '../../http/api.js';
import { errorResponses, IdParam } from '../../http/schemas.js';
import { caseFile } from '../cases/evidence.js';
import { sendCaseFile } from '../cases/http.js';
import { FileParams, InboxQuery, ReasonBody } from '../cases/schema.js';
import { REPAIR_CASE } from './case-kind.js';
import { decideRepair, extendRepair, recheckRepair } from './decisions.js';
import { EligibilityQuery, EligibilityView, MaterialsBody, RecheckBody, RepairBody, RepairDecisionBody, RepairPage, RepairView, repairView } from './schema.js';
import * as repairs from './service.js';

export async function repairRoutes(app: Api, deps: AppDeps): Promise<void> {
  const ctx = { pool: deps.pool, pd: deps.pd, clock: deps.clock };
  const today = () => deps.clock.today();

  app.get('/repairs/eligibility', {
    schema: {
      tags: ['repairs'], summary: 'Can this record (or list entry) be repaired now? `{ eligible, earliestDate?, reasons[] }`, each reason naming its rule',
      querystring: EligibilityQuery, response: { 200: EligibilityView, ...errorResponses },
    },
  }, async (req) => repairs.checkEligibility(deps.pool, req.viewer, today(), req.query));

  app.post('/repairs', {
    schema: {
      tags: ['repairs'], summary: 'Apply for credit repair (信用修复) with the materials the rule requires',
      description: 'Ineligible: 409 repair_not_eligible with the reasons. An application already open for the same record or entry: 409 duplicate_application. Complete materials: accepted the same day; incomplete: returned with the missing list.',
      body: RepairBody, response: { 201: RepairView, ...errorResponses },
    },
  }, async (req, reply) => {
    const r = await repairs.applyForRepair(ctx, req.viewer, req.body);
    return reply.status(201).send(repairView(r, today()));
  });

  app.get('/repairs', {
    schema: { tags: ['repairs'], summary: 'Inbox of repair applications (department: its own; centre: all; subject: its own)', querystring: InboxQuery, response: { 200: RepairPage, ...errorResponses } },
  }, async (req) => {
    const r = await repairs.listRepairs(deps.pool, req.viewer, today(), req.query);
    return { items: r.items.map((x) => repairView(x, today())), total: r.total };
  });

  app.get('/repairs/:id', {
    schema: { tags: ['repairs'], summary: 'One repair application with its case file; for staff with `context` (party, record or list entry, category, publication window) and `check` (the eligibility in words)', params: IdParam, response: { 200: RepairView, ...errorResponses } },
  }, async (req) => {
    const r = await repairs.getRepair(deps.pool, req.viewer, req.params.id, today());
    return repairView(r.repair, today(), { events: r.events, files: r.files, context: r.context, check: r.check });
  });

  app.get('/repairs/:id/files/:fileId', {
    schema: { tags: ['repairs'], summary: 'Download a material of a repair application', params: FileParams, response: errorResponses },
  }, async (req, reply) => sendCaseFile(reply, await caseFile(deps.pool, req.viewer, REPAIR_CASE, req.params.id, req.params.fileId)));

  app.post('/repairs/:id/materials', {
    schema: { tags: ['repairs'], summary: 'Supply missing materials of a returned application (accepted once complete)', params: IdParam, body: MaterialsBody, response: { 200: RepairView, ...errorResponses } },
  }, async (req) => repairView(await repairs.supplementRepair(ctx, req.viewer, req.params.id, req.body), today()));

  app.post('/repairs/:id/decision', {
    schema: { tags: ['repairs'], summary: 'Approve or reject (credit centre or the penalising department)', params: IdParam, body: RepairDecisionBody, response: { 200: RepairView, ...errorResponses } },
  }, async (req) => repairView(await decideRepair(ctx, req.viewer, req.params.id, req.body), today()));

  app.post('/repairs/:id/extend', {
    schema: { tags: ['repairs'], summary: 'Extend the decision deadline once', params: IdParam, body: ReasonBody, response: { 200: RepairView, ...errorResponses } },
  }, async (req) => repairView(await extendRepair(ctx, req.viewer, req.params.id, req.body.reason), today()));

  app.post('/repairs/:id/recheck', {
    schema: { tags: ['repairs'], summary: 'Re-check a granted repair (复查): confirm, or revoke (record published again; abuse bar starts)', params: IdParam, body: RecheckBody, response: { 200: RepairView, ...errorResponses } },
  }, async (req) => repairView(await recheckRepair(ctx, req.viewer, req.params.id, req.body), today()));
}
