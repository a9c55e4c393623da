import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.js';
import { errorResponses, IdParam, OkBody, PageQuery, Paged } from '../../http/schemas.js';
import { subjectAccessLog } from './audit.js';
import { grantAccess, listGrants, revokeGrant, type GrantRow } from './grants.js';
import { createApiKey, listApiKeys, revokeApiKey } from './keys.js';
import { AccessLogPage, ApiKeyView, GrantView } from './schema.js';
import { SCOPES } from './viewer.js';

const grantView = (g: GrantRow) => ({
  id: g.id, subjectId: g.subjectId, grantee: g.granteeName, categories: g.categories, purpose: g.purpose,
  expiresAt: g.expiresAt.toISOString(), createdAt: g.createdAt.toISOString(), revokedAt: g.revokedAt?.toISOString() ?? null,
});

/** API keys, subject grants and the subject's own access log. */
export async function grantRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.post('/keys', {
    schema: {
      tags: ['access'], summary: 'Issue an API key for a department system (admin, operator); the key is shown once',
      body: Type.Object({
        department: Type.String(), name: Type.Optional(Type.String({ maxLength: 100 })),
        scopes: Type.Array(Type.String(), { description: `any of ${SCOPES.join(', ')}` }), expiresAt: Type.Optional(Type.Union([Type.String(), Type.Null()])),
      }, { additionalProperties: false }),
      response: { 201: Type.Object({ id: Type.Integer(), key: Type.String(), prefix: Type.String() }), ...errorResponses },
    },
  }, async (req, reply) => reply.status(201).send(await createApiKey(deps.pool, req.viewer, req.body as Parameters<typeof createApiKey>[2], deps.clock.now())));

  app.get('/keys', { schema: { tags: ['access'], summary: 'API keys (no secrets)', response: { 200: Paged(ApiKeyView), ...errorResponses } } }, async (req) => {
    const items = await listApiKeys(deps.pool, req.viewer);
    return { items, total: items.length };
  });

  app.delete('/keys/:id', { schema: { tags: ['access'], summary: 'Revoke an API key at once', params: IdParam, response: { 200: OkBody, ...errorResponses } } }, async (req) => {
    await revokeApiKey(deps.pool, req.viewer, (req.params as IdParam).id, deps.clock.now());
    return { ok: true };
  });

  app.post('/grants', {
    schema: {
      tags: ['access'], summary: 'A verified subject authorises a lender or department to read its authorised (B) data',
      body: Type.Object({
        grantee: Type.String({ minLength: 1 }), scope: Type.Optional(Type.Array(Type.String())),
        purpose: Type.String({ minLength: 1, maxLength: 200 }), expiresAt: Type.String(),
      }, { additionalProperties: false }),
      response: { 201: GrantView, ...errorResponses },
    },
  }, async (req, reply) => {
    const b = req.body as { grantee: string; scope?: string[]; purpose: string; expiresAt: string };
    const g = await grantAccess(deps.pool, req.viewer, { grantee: b.grantee, categories: (b.scope ?? []).filter((s) => s !== 'authorised'), purpose: b.purpose, expiresAt: b.expiresAt }, deps.clock.now());
    return reply.status(201).send(grantView(g));
  });

  app.get('/grants', { schema: { tags: ['access'], summary: 'Grants given (subject) or held (lender, department)', response: { 200: Paged(GrantView), ...errorResponses } } }, async (req) => {
    const items = (await listGrants(deps.pool, req.viewer)).map(grantView);
    return { items, total: items.length };
  });

  app.delete('/grants/:id', { schema: { tags: ['access'], summary: 'Withdraw a grant', params: IdParam, response: { 200: OkBody, ...errorResponses } } }, async (req) => {
    await revokeGrant(deps.pool, req.viewer, (req.params as IdParam).id, deps.clock.now());
    return { ok: true };
  });

  app.get('/me/access-log', {
    schema: { tags: ['access'], summary: 'Who read my non-public data, when and why', querystring: Type.Object(PageQuery), response: { 200: AccessLogPage, ...errorResponses } },
  }, async (req) => {
    const q = req.query as { page: number; pageSize: number };
    return subjectAccessLog(deps.pool, req.viewer, q.page, q.pageSize);
  });
}
