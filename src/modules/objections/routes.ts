import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.js';
import { errorResponses, IdParam } from '../../http/schemas.js';
import { getDepartment } from '../access/service.js';
import { fileContent, filesOf } from '../cases/evidence.js';
import { DecisionBody, InboxQuery, NoteBody, ObjectionBody, ObjectionStatsView, ObjectionView, objectionView, ReasonBody, TrackView, trackView } from './schema.js';
import * as objections from './service.js';
import { objectionStats } from './stats.js';

const FileParams = Type.Object({ id: Type.Integer({ minimum: 1 }), fileId: Type.Integer({ minimum: 1 }) });

export async function objectionRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const ctx = { pool: deps.pool, pd: deps.pd, clock: deps.clock };
  const today = () => deps.clock.today();

  app.post('/objections', {
    schema: {
      tags: ['objections'], summary: 'Object to a record (异议): the subject, or credit-centre staff as its agent with a power of attorney',
      description: 'The record is marked 异议处理中 at once and routed to its source department with the rule\'s deadlines (working days). A second objection to the same record while one is open is a 409.',
      body: ObjectionBody, response: { 201: ObjectionView, ...errorResponses },
    },
  }, async (req, reply) => {
    const o = await objections.submitObjection(ctx, req.viewer, req.body as Static<typeof ObjectionBody>);
    return reply.status(201).send(objectionView(o, today(), { files: await filesOf(deps.pool, 'objection', o.id) }));
  });

  app.get('/objections', {
    schema: {
      tags: ['objections'], summary: 'Inbox: a department sees its own, the credit centre all (filter by department), a subject its own; with deadlines and overdue flags',
      querystring: InboxQuery, response: { 200: Type.Object({ items: Type.Array(ObjectionView), total: Type.Integer() }), ...errorResponses },
    },
  }, async (req) => {
    const q = req.query as Static<typeof InboxQuery>;
    const department = q.department ? (await getDepartment(deps.pool, q.department)).id : null;
    const states = (q.state ?? []).flatMap((s) => s.split(',')).filter(Boolean);
    const r = await objections.listObjections(deps.pool, req.viewer, today(), { states, department, overdue: q.overdue ?? null, page: q.page, pageSize: q.pageSize });
    return { items: r.items.map((o) => objectionView(o, today())), total: r.total };
  });

  app.get('/objections/stats', {
    schema: { tags: ['objections'], summary: 'Objections per 100,000 records and the valid-objection rate per department (staff)', response: { 200: ObjectionStatsView, ...errorResponses } },
  }, async (req) => objectionStats(deps.pool, req.viewer, today()));

  app.get('/objections/track/:trackingNo', {
    config: { rateLimit: {} },
    schema: {
      tags: ['objections'], summary: 'Public progress of an objection by its tracking number (no personal details)',
      params: Type.Object({ trackingNo: Type.String({ pattern: '^[A-Za-z]{2}-[A-Za-z0-9]{6}$' }) }), response: { 200: TrackView, ...errorResponses },
    },
  }, async (req) => {
    const r = await objections.trackObjection(deps.pool, (req.params as { trackingNo: string }).trackingNo);
    return trackView(r.objection, r.events, today());
  });

  app.get('/objections/:id', {
    schema: { tags: ['objections'], summary: 'One objection with its case file (异议处理档案): the subject, the source department, staff', params: IdParam, response: { 200: ObjectionView, ...errorResponses } },
  }, async (req) => {
    const id = (req.params as IdParam).id;
    const r = await objections.getObjection(deps.pool, req.viewer, id);
    return objectionView(r.objection, today(), { events: r.events, files: await filesOf(deps.pool, 'objection', id) });
  });

  app.get('/objections/:id/files/:fileId', {
    schema: { tags: ['objections'], summary: 'Download an evidence file of an objection', params: FileParams, response: errorResponses },
  }, async (req, reply) => {
    const p = req.params as Static<typeof FileParams>;
    await objections.getObjection(deps.pool, req.viewer, p.id);
    const f = await fileContent(deps.pool, 'objection', p.id, p.fileId);
    return reply.header('content-type', f.contentType).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`).send(f.content);
  });

  app.post('/objections/:id/decision', {
    schema: {
      tags: ['objections'], summary: 'Answer an objection (source department or credit centre): correct (new record version), revoke, or maintain with reasons',
      params: IdParam, body: DecisionBody, response: { 200: ObjectionView, ...errorResponses },
    },
  }, async (req) => {
    const o = await objections.decideObjection(ctx, req.viewer, (req.params as IdParam).id, req.body as objections.DecisionInput);
    return objectionView(o, today());
  });

  app.post('/objections/:id/extend', {
    schema: { tags: ['objections'], summary: 'Extend the deadline once, to the rule\'s total period from receipt', params: IdParam, body: ReasonBody, response: { 200: ObjectionView, ...errorResponses } },
  }, async (req) => objectionView(await objections.extendObjection(ctx, req.viewer, (req.params as IdParam).id, (req.body as { reason: string }).reason), today()));

  app.post('/objections/:id/check', {
    schema: { tags: ['objections'], summary: 'The credit centre records its check of the record against the source (核查)', params: IdParam, body: NoteBody, response: { 200: ObjectionView, ...errorResponses } },
  }, async (req) => objectionView(await objections.checkObjection(ctx, req.viewer, (req.params as IdParam).id, (req.body as { note: string }).note), today()));
}
