import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.js';
import { errorResponses, IdParam, PageQuery } from '../../http/schemas.js';
import { markNotificationRead, myNotifications } from '../cases/notifications.js';
import { RULE_CODES } from './params.js';
import * as rules from './service.js';

const RuleView = Type.Object({
  code: Type.String(), version: Type.Integer(), name: Type.String(), basis: Type.String(), note: Type.Union([Type.String(), Type.Null()]),
  params: Type.Record(Type.String(), Type.Unknown()), createdBy: Type.String(), createdAt: Type.String(), current: Type.Boolean(),
});
const CodeParam = Type.Object({ code: Type.String({ minLength: 1, maxLength: 41 }) });
const NotificationView = Type.Object({
  id: Type.Integer(), kind: Type.String(), title: Type.String(), body: Type.String(), refType: Type.String(), refId: Type.Integer(),
  createdAt: Type.String(), readAt: Type.Union([Type.String(), Type.Null()]),
});

/** Rule sets (GET for everyone: every decision names the rule it used; PUT for admins) and notifications. */
export async function ruleRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get('/rules', {
    schema: { tags: ['rules'], summary: `Current version of each rule set (${RULE_CODES.join(', ')})`, response: { 200: Type.Object({ items: Type.Array(RuleView), total: Type.Integer() }) } },
  }, async () => {
    const items = await rules.listRules(deps.pool);
    return { items, total: items.length };
  });

  app.get('/rules/:code', {
    schema: {
      tags: ['rules'], summary: 'One rule set: the current version, or `?version=` the one a case used',
      params: CodeParam, querystring: Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1 })) }),
      response: { 200: RuleView, ...errorResponses },
    },
  }, async (req) => rules.getRule(deps.pool, (req.params as { code: string }).code, (req.query as { version?: number }).version));

  app.get('/rules/:code/versions', {
    schema: { tags: ['rules'], summary: 'Every version of a rule set, newest first', params: CodeParam, response: { 200: Type.Object({ items: Type.Array(RuleView), total: Type.Integer() }), ...errorResponses } },
  }, async (req) => {
    const items = await rules.ruleHistory(deps.pool, (req.params as { code: string }).code);
    return { items, total: items.length };
  });

  app.put('/rules/:code', {
    schema: {
      tags: ['rules'], summary: 'Publish a new version of a rule set (admin; audited). Cases already opened keep their version.',
      params: CodeParam,
      body: Type.Object({
        params: Type.Record(Type.String(), Type.Unknown()), note: Type.Optional(Type.String({ maxLength: 2000 })),
        name: Type.Optional(Type.String({ maxLength: 200 })), basis: Type.Optional(Type.String({ maxLength: 4000 })),
      }, { additionalProperties: false }),
      response: { 200: RuleView, ...errorResponses },
    },
  }, async (req) => rules.publishRule(deps.pool, req.viewer, (req.params as { code: string }).code, req.body as { params: unknown; note?: string }));

  app.get('/me/notifications', {
    schema: {
      tags: ['subject rights'], summary: 'My notifications: a subject\'s outcomes, a department\'s inbox alerts, the credit centre\'s escalations',
      querystring: Type.Object({ unread: Type.Boolean({ default: false }), ...PageQuery }),
      response: { 200: Type.Object({ items: Type.Array(NotificationView), total: Type.Integer() }), ...errorResponses },
    },
  }, async (req) => myNotifications(deps.pool, req.viewer, req.query as { unread: boolean; page: number; pageSize: number }));

  app.post('/me/notifications/:id/read', {
    schema: { tags: ['subject rights'], summary: 'Mark one of my notifications read', params: IdParam, response: { 204: Type.Null(), ...errorResponses } },
  }, async (req, reply) => {
    await markNotificationRead(deps.pool, req.viewer, (req.params as IdParam).id, deps.clock.now());
    return reply.status(204).send();
  });
}
