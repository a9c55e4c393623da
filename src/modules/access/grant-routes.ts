import type { AppDeps } from '../../deps.js';
import type { Api } from '../../http/api.js';
import { errorResponses, IdParam, OkBody } from '../../http/schemas.js';
import { subjectAccessLog } from './audit.js';
import { grantAccess, listGrants, revokeGrant, type GrantRow } from './grants.js';
import { createApiKey, listApiKeys, revokeApiKey, type ApiKeyRow } from './keys.js';
import { AccessLogPage, ApiKeyBody, ApiKeysPage, GrantBody, GrantsPage, GrantView, IssuedKeyView, PageOnlyQuery } from './schema.js';

const grantView = (g: GrantRow) => ({
  id: g.id, subjectId: g.subjectId, grantor: g.grantorName, grantorKind: g.grantorKind, grantorCode: g.grantorCode, grantee: g.granteeName, categories: g.categories, purpose: g.purpose,
  expiresAt: g.expiresAt.toISOString(), createdAt: g.createdAt.toISOString(), revokedAt: g.revokedAt?.toISOString() ?? null,
});

const keyView = (k: Omit<ApiKeyRow, 'keyHash'>) => ({
  ...k, expiresAt: k.expiresAt?.toISOString() ?? null, revokedAt: k.revokedAt?.toISOString() ?? null,
  createdAt: k.createdAt.toISOString(), lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
});

/** API keys, subject grants and the subject's own access log. */
export async function grantRoutes(app: Api, deps: AppDeps): Promise<void> {
  app.post('/keys', {
    schema: {
      tags: ['access'], summary: 'Issue an API key for a department system (admin, operator); the key is shown once',
      body: ApiKeyBody,
      response: { 201: IssuedKeyView, ...errorResponses },
    },
  }, async (req, reply) => reply.status(201).send(await createApiKey(deps.pool, req.viewer, req.body, deps.clock.now())));

  app.get('/keys', { schema: { tags: ['access'], summary: 'API keys (no secrets)', response: { 200: ApiKeysPage, ...errorResponses } } }, async (req) => {
    const items = (await listApiKeys(deps.pool, req.viewer)).map(keyView);
    return { items, total: items.length };
  });

  app.delete('/keys/:id', { schema: { tags: ['access'], summary: 'Revoke an API key at once', params: IdParam, response: { 200: OkBody, ...errorResponses } } }, async (req) => {
    await revokeApiKey(deps.pool, req.viewer, req.params.id, deps.clock.now());
    return { ok: true };
  });

  app.post('/grants', {
    schema: {
      tags: ['access'], summary: 'A verified subject authorises a lender or department to read its authorised (B) data',
      body: GrantBody,
      response: { 201: GrantView, ...errorResponses },
    },
  }, async (req, reply) => {
    const b = req.body;
    const g = await grantAccess(deps.pool, req.viewer, { grantee: b.grantee, categories: (b.scope ?? []).filter((s) => s !== 'authorised'), purpose: b.purpose, expiresAt: b.expiresAt }, deps.clock.now());
    return reply.status(201).send(grantView(g));
  });

  app.get('/grants', { schema: { tags: ['access'], summary: 'Grants given (subject) or held (lender, department)', response: { 200: GrantsPage, ...errorResponses } } }, async (req) => {
    const items = (await listGrants(deps.pool, req.viewer)).map(grantView);
    return { items, total: items.length };
  });

  app.delete('/grants/:id', { schema: { tags: ['access'], summary: 'Withdraw a grant', params: IdParam, response: { 200: OkBody, ...errorResponses } } }, async (req) => {
    await revokeGrant(deps.pool, req.viewer, req.params.id, deps.clock.now());
    return { ok: true };
  });

  app.get('/me/access-log', {
    schema: { tags: ['access'], summary: 'Who read my non-public data, when and why', querystring: PageOnlyQuery, response: { 200: AccessLogPage, ...errorResponses } },
  }, async (req) => subjectAccessLog(deps.pool, req.viewer, req.query.page, req.query.pageSize));
}
