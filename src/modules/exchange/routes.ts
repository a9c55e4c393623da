import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../deps.js';
import type { Api } from '../../http/api.js';
import { errorResponses, IdParam, OkBody } from '../../http/schemas.js';
import { receiveStateChanges } from './inbound.js';
import { BatchesQuery, BatchView, StateChangesBody, StateChangesResult, TargetCreateBody, TargetUpdateBody, TargetView } from './schema.js';
import * as exchange from './service.js';

export async function exchangeRoutes(app: Api, deps: AppDeps): Promise<void> {
  const tags = ['exchange'];
  const one = async (id: number) => (await exchange.exchangeStatus(deps.pool)).find((t) => t.id === id)!;

  app.get('/exchange/targets', {
    schema: { tags, summary: 'Exchange targets (upper platforms, department systems) with cursor, lag, last error and open/dead batches', response: { 200: Type.Object({ items: Type.Array(TargetView) }), ...errorResponses } },
  }, async (req) => ({ items: await exchange.listTargets(deps.pool, req.viewer) }));

  app.post('/exchange/targets', {
    schema: { tags, summary: 'Register an exchange target; its credential is stored encrypted and never returned', body: TargetCreateBody, response: { 201: TargetView, ...errorResponses } },
  }, async (req, reply) => {
    const t = await exchange.createTarget(deps, req.viewer, req.body);
    return reply.status(201).send(await one(t.id));
  });

  app.get('/exchange/targets/:id', {
    schema: { tags, summary: 'One exchange target', params: IdParam, response: { 200: TargetView, ...errorResponses } },
  }, async (req) => {
    await exchange.getTarget(deps.pool, req.viewer, req.params.id);
    return one(req.params.id);
  });

  app.put('/exchange/targets/:id', {
    schema: { tags, summary: 'Change an exchange target (credential kept when absent)', params: IdParam, body: TargetUpdateBody, response: { 200: TargetView, ...errorResponses } },
  }, async (req) => {
    await exchange.updateTarget(deps, req.viewer, req.params.id, req.body);
    return one(req.params.id);
  });

  app.delete('/exchange/targets/:id', {
    schema: { tags, summary: 'Remove an exchange target and its delivery history', params: IdParam, response: { 200: OkBody, ...errorResponses } },
  }, async (req) => {
    await exchange.deleteTarget(deps, req.viewer, req.params.id);
    return { ok: true };
  });

  app.post('/exchange/targets/:id/resume', {
    schema: { tags, summary: 'Resume a target paused by a dead-lettered batch (that batch is tried again first)', params: IdParam, response: { 200: TargetView, ...errorResponses } },
  }, async (req) => {
    await exchange.resumeTarget(deps, req.viewer, req.params.id);
    return one(req.params.id);
  });

  app.get('/exchange/targets/:id/batches', {
    schema: { tags, summary: 'Delivered, open and dead batches of a target, newest first, with the target\'s receipts', params: IdParam, querystring: BatchesQuery, response: { 200: Type.Object({ items: Type.Array(BatchView) }), ...errorResponses } },
  }, async (req) => ({ items: await exchange.listBatches(deps.pool, req.viewer, req.params.id, req.query.limit) }));

  app.post('/exchange/state-changes', {
    schema: { tags, summary: 'Receive a lower platform\'s repairs, revocations and objection outcomes of records it filed (scope exchange:write; idempotent on department, category, source key, version)', body: StateChangesBody, response: { 200: StateChangesResult, ...errorResponses } },
  }, async (req) => receiveStateChanges(deps, req.viewer, req.body));
}
