import type { AppDeps } from '../../deps.js';
import type { Api } from '../../http/api.js';
import { errorResponses, IdParam } from '../../http/schemas.js';
import { markNotificationRead, myNotifications } from '../cases/notifications.js';
import { RULE_CODES } from './params.js';
import { NoContent, NotificationsPage, NotificationsQuery, RuleBody, RuleCodeParam, RulesPage, RuleVersionQuery, RuleView } from './schema.js';
import * as rules from './service.js';

/** Rule sets (GET for everyone: every decision names the rule it used; PUT for admins) and notifications. */
export async function ruleRoutes(app: Api, deps: AppDeps): Promise<void> {
  app.get('/rules', {
    schema: { tags: ['rules'], summary: `Current version of each rule set (${RULE_CODES.join(', ')})`, response: { 200: RulesPage } },
  }, async () => {
    const items = await rules.listRules(deps.pool);
    return { items, total: items.length };
  });

  app.get('/rules/:code', {
    schema: {
      tags: ['rules'], summary: 'One rule set: the current version, or `?version=` the one a case used',
      params: RuleCodeParam, querystring: RuleVersionQuery,
      response: { 200: RuleView, ...errorResponses },
    },
  }, async (req) => rules.getRule(deps.pool, req.params.code, req.query.version));

  app.get('/rules/:code/versions', {
    schema: { tags: ['rules'], summary: 'Every version of a rule set, newest first', params: RuleCodeParam, response: { 200: RulesPage, ...errorResponses } },
  }, async (req) => {
    const items = await rules.ruleHistory(deps.pool, req.params.code);
    return { items, total: items.length };
  });

  app.put('/rules/:code', {
    schema: {
      tags: ['rules'], summary: 'Publish a new version of a rule set (admin; audited). Cases already opened keep their version.',
      params: RuleCodeParam, body: RuleBody,
      response: { 200: RuleView, ...errorResponses },
    },
  }, async (req) => rules.publishRule(deps.pool, req.viewer, req.params.code, req.body));

  app.get('/me/notifications', {
    schema: {
      tags: ['subject rights'], summary: 'My notifications: a subject\'s outcomes, a department\'s inbox alerts, the credit centre\'s escalations',
      querystring: NotificationsQuery,
      response: { 200: NotificationsPage, ...errorResponses },
    },
  }, async (req) => myNotifications(deps.pool, req.viewer, req.query));

  app.post('/me/notifications/:id/read', {
    schema: { tags: ['subject rights'], summary: 'Mark one of my notifications read', params: IdParam, response: { 204: NoContent, ...errorResponses } },
  }, async (req, reply) => {
    await markNotificationRead(deps.pool, req.viewer, req.params.id, deps.clock.now());
    return reply.status(204).send(null);
  });
}
