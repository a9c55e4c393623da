import type { AppDeps } from '../../deps.js';
import type { Api } from '../../http/api.js';
import { errorResponses, IdParam } from '../../http/schemas.js';
import { ReasonBody } from '../cases/schema.js';
import { recordFulfilment, withdrawCommitment } from './fulfilment.js';
import { CommitmentPage, CommitmentQuery, CommitmentView, commitmentView, FulfilmentBody, ItemBody, ItemPage, ItemsQuery, ItemView, itemView, PreviewParams, PreviewQuery, PreviewView, SignBody } from './schema.js';
import * as commitments from './service.js';

export async function commitmentRoutes(app: Api, deps: AppDeps): Promise<void> {
  const ctx = { pool: deps.pool, pd: deps.pd, clock: deps.clock };

  app.get('/commitment-items', {
    schema: { tags: ['commitments'], summary: 'The published list of commitment items (承诺事项) with their template texts', querystring: ItemsQuery, response: { 200: ItemPage } },
  }, async (req) => {
    const items = (await commitments.itemsFor(deps.pool, req.viewer, req.query.all)).map(itemView);
    return { items, total: items.length };
  });

  app.post('/commitment-items', {
    schema: { tags: ['commitments'], summary: 'Define a commitment item (admin, operator)', body: ItemBody, response: { 201: ItemView, ...errorResponses } },
  }, async (req, reply) => reply.status(201).send(itemView(await commitments.createItem(deps.pool, req.viewer, req.body))));

  app.get('/commitment-items/:code/preview', {
    schema: {
      tags: ['commitments'], summary: 'The text a signer would sign: the item\'s template filled with the signer\'s data, and whether a department must be chosen',
      params: PreviewParams, querystring: PreviewQuery, response: { 200: PreviewView, ...errorResponses },
    },
  }, async (req) => commitments.previewCommitment(ctx, req.viewer, { item: req.params.code, ...req.query }));

  app.post('/commitments', {
    schema: {
      tags: ['commitments'], summary: 'Sign a commitment: the subject in the portal, or a department during an approval (with the party\'s code)',
      description: 'Subjects with serious adverse records, on a serious-dishonesty list or with an unrepaired false commitment are refused (409 commitment_excluded) with the reasons. Public items are filed in the commitment category of the archive.',
      body: SignBody, response: { 201: CommitmentView, ...errorResponses },
    },
  }, async (req, reply) => reply.status(201).send(commitmentView(await commitments.signCommitment(ctx, req.viewer, req.body))));

  app.get('/commitments', {
    schema: { tags: ['commitments'], summary: 'Commitments by subject and state (subject: own; department: accepted by it; centre: all)', querystring: CommitmentQuery, response: { 200: CommitmentPage, ...errorResponses } },
  }, async (req) => {
    const r = await commitments.listCommitments(ctx, req.viewer, req.query);
    return { items: r.items.map((c) => commitmentView(c)), total: r.total };
  });

  app.get('/commitments/:id', {
    schema: { tags: ['commitments'], summary: 'One commitment with its history', params: IdParam, response: { 200: CommitmentView, ...errorResponses } },
  }, async (req) => {
    const r = await commitments.getCommitment(deps.pool, req.viewer, req.params.id);
    return commitmentView(r.commitment, r.events);
  });

  app.post('/commitments/:id/fulfilment', {
    schema: { tags: ['commitments'], summary: 'Record fulfilment or breach (accepting department or credit centre); a breach files a dishonesty record', params: IdParam, body: FulfilmentBody, response: { 200: CommitmentView, ...errorResponses } },
  }, async (req) => commitmentView(await recordFulfilment(ctx, req.viewer, req.params.id, req.body)));

  app.post('/commitments/:id/withdraw', {
    schema: { tags: ['commitments'], summary: 'Withdraw a commitment before completion (the subject, or the accepting department)', params: IdParam, body: ReasonBody, response: { 200: CommitmentView, ...errorResponses } },
  }, async (req) => commitmentView(await withdrawCommitment(ctx, req.viewer, req.params.id, req.body.reason)));
}
