import type { AppDeps } from '../../deps.js';
import type { Api } from '../../http/api.js';
import { errorResponses, IdParam } from '../../http/schemas.js';
import { caseFile, filesOf } from '../cases/evidence.js';
import { sendCaseFile } from '../cases/http.js';
import { FileParams, InboxQuery, ReasonBody } from '../cases/schema.js';
import { OBJECTION_CASE } from './case-kind.js';
import {
  DecisionBody, NoteBody, ObjectionBody, ObjectionPage, ObjectionStatsView, ObjectionView, objectionView, TrackParams, TrackView, trackView,
} from './schema.js';
import * as objections from './service.js';
import { objectionStats } from './stats.js';

export async function objectionRoutes(app: Api, deps: AppDeps): Promise<void> {
  const ctx = { pool: deps.pool, pd: deps.pd, clock: deps.clock };
  const today = () => deps.clock.today();

  app.post('/objections', {
    schema: {
      tags: ['objections'], summary: 'Object to a record (异议): the subject, or credit-centre staff as its agent with a power of attorney',
      description: 'The record is marked 异议处理中 at once and routed to its source department with the rule\'s deadlines (working days). A second objection to the same record while one is open is a 409.',
      body: ObjectionBody, response: { 201: ObjectionView, ...errorResponses },
    },
  }, async (req, reply) => {
    const o = await objections.submitObjection(ctx, req.viewer, req.body);
    return reply.status(201).send(objectionView(o, today(), { files: await filesOf(deps.pool, OBJECTION_CASE.name, o.id) }));
  });

  app.get('/objections', {
    schema: {
      tags: ['objections'], summary: 'Inbox: a department sees its own, the credit centre all (filter by department), a subject its own; with deadlines and overdue flags',
      querystring: InboxQuery, response: { 200: ObjectionPage, ...errorResponses },
    },
  }, async (req) => {
    const r = await objections.listObjections(deps.pool, req.viewer, today(), req.query);
    return { items: r.items.map((o) => objectionView(o, today())), total: r.total };
  });

  app.get('/objections/stats', {
    schema: { tags: ['objections'], summary: 'Objections per 100,000 records and the valid-objection rate per department (staff)', response: { 200: ObjectionStatsView, ...errorResponses } },
  }, async (req) => objectionStats(deps.pool, req.viewer, today()));

  app.get('/objections/track/:trackingNo', {
    config: { rateLimit: {} },
    schema: {
      tags: ['objections'], summary: 'Public progress of an objection by its tracking number (no personal details)',
      params: TrackParams, response: { 200: TrackView, ...errorResponses },
    },
  }, async (req) => {
    const r = await objections.trackObjection(deps.pool, req.params.trackingNo);
    return trackView(r.objection, r.events, today());
  });

  app.get('/objections/:id', {
    schema: { tags: ['objections'], summary: 'One objection with its case file (异议处理档案): the subject, the source department, staff; for staff with `context` (party, record fields, category, publication window)', params: IdParam, response: { 200: ObjectionView, ...errorResponses } },
  }, async (req) => {
    const r = await objections.getObjection(deps.pool, req.viewer, req.params.id, today());
    return objectionView(r.objection, today(), { events: r.events, files: r.files, context: r.context });
  });

  app.get('/objections/:id/files/:fileId', {
    schema: { tags: ['objections'], summary: 'Download an evidence file of an objection', params: FileParams, response: errorResponses },
  }, async (req, reply) => sendCaseFile(reply, await caseFile(deps.pool, req.viewer, OBJECTION_CASE, req.params.id, req.params.fileId)));

  app.post('/objections/:id/decision', {
    schema: {
      tags: ['objections'], summary: 'Answer an objection (source department or credit centre): correct (new record version), revoke, or maintain with reasons',
      params: IdParam, body: DecisionBody, response: { 200: ObjectionView, ...errorResponses },
    },
  }, async (req) => {
    const o = await objections.decideObjection(ctx, req.viewer, req.params.id, req.body);
    return objectionView(o, today());
  });

  app.post('/objections/:id/extend', {
    schema: { tags: ['objections'], summary: 'Extend the deadline once, to the rule\'s total period from receipt', params: IdParam, body: ReasonBody, response: { 200: ObjectionView, ...errorResponses } },
  }, async (req) => objectionView(await objections.extendObjection(ctx, req.viewer, req.params.id, req.body.reason), today()));

  app.post('/objections/:id/check', {
    schema: { tags: ['objections'], summary: 'The credit centre records its check of the record against the source (核查)', params: IdParam, body: NoteBody, response: { 200: ObjectionView, ...errorResponses } },
  }, async (req) => objectionView(await objections.checkObjection(ctx, req.viewer, req.params.id, req.body.note), today()));
}
