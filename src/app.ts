import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import type { AppDeps } from './deps.js';
import { TooManyRequestsError } from './errors.js';
import { errorHandler, notFoundHandler } from './http/errors.js';
import { hostileTextHook } from './http/hostile-text.js';
import { boundRequestNumbers } from './http/schema-bounds.js';
import { accountRoutes } from './modules/accounts/routes.js';
import { registrationLookup } from './modules/accounts/registration.js';
import { authHook } from './modules/access/auth-hook.js';
import { keyScopeHook } from './modules/access/key-scope-hook.js';
import { grantRoutes } from './modules/access/grant-routes.js';
import { accessRoutes } from './modules/access/routes.js';
import { calendarRoutes } from './modules/calendar/routes.js';
import { evaluationRoutes } from './modules/evaluation/routes.js';
import { exchangeRoutes } from './modules/exchange/routes.js';
import { eventRoutes } from './modules/events/routes.js';
import { ingestRoutes } from './modules/ingest/routes.js';
import { inspectionRoutes } from './modules/inspection/routes.js';
import { listRoutes } from './modules/lists/routes.js';
import { measureRoutes } from './modules/measures/routes.js';
import { publicityRoutes } from './modules/publicity/routes.js';
import { qualityRoutes } from './modules/quality/routes.js';
import { measureStatsRoutes } from './modules/review/measure-stats-routes.js';
import { reviewRoutes } from './modules/review/routes.js';
import { catalogRoutes } from './modules/catalog/routes.js';
import { dashboardRoutes } from './modules/dashboard/routes.js';
import { subjectRightsRoutes } from './modules/subject-rights/routes.js';
import { reportPublicRoutes } from './modules/reports/public-routes.js';
import { reportRoutes } from './modules/reports/routes.js';
import { identityRoutes } from './modules/identity/routes.js';
import { archiveRoutes } from './modules/records/archive-routes.js';
import { recordRoutes } from './modules/records/routes.js';
import { subjectRegistrationRoutes, subjectRoutes } from './modules/subjects/routes.js';
import { getSubjectByCode } from './modules/subjects/service.js';

// AppDeps lives in deps.ts (route files import it from there); re-exported for callers of buildApp.
export type { AppDeps } from './deps.js';

export type App = FastifyInstance;

/** Build the HTTP app without listening (tests use app.inject()). */
export async function buildApp(deps: AppDeps): Promise<App> {
  const app = Fastify({
    logger: deps.logger ?? false,
    bodyLimit: 10 * 1024 * 1024,
    trustProxy: false,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);
  // Hostile input stops at the edge: bounded numbers in every request schema, no NUL or lone
  // surrogate in any parameter, query or JSON body (src/http/hostile-text.ts).
  app.addHook('onRoute', boundRequestNumbers);
  app.addHook('preValidation', hostileTextHook);
  // No route reads plain text: a JSON body labelled text/plain is a 415, not a string a handler trips on.
  app.removeContentTypeParser('text/plain');
  await app.register(cookie);
  await app.register(helmet, {
    // The swagger UI and the web app load their own scripts and styles from this origin only.
    contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:'] } },
  });
  // Anonymous callers are rate limited on search and archive routes (config.rateLimit on the route).
  await app.register(rateLimit, {
    global: false,
    max: deps.config.publicRateLimit,
    timeWindow: '1 minute',
    allowList: (req) => req.viewer !== undefined && req.viewer.role !== 'public',
    errorResponseBuilder: (_req, ctx) => new TooManyRequestsError(`查询过于频繁，请 ${Math.ceil(ctx.ttl / 1000)} 秒后再试（每分钟最多 ${ctx.max} 次）`),
  });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Xinyong 公共信用信息平台 API', version: '1', description: 'REST API of the Xinyong public credit information platform. Errors: `{ error: { code, message, details } }`.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'xy_session' } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.addHook('onRequest', authHook(deps.pool, deps.clock));
  // An API key reaches only the routes its scopes admit (src/modules/access/key-scope-hook.ts); new routes stay closed to keys until listed.
  app.addHook('onRequest', keyScopeHook);
  app.get('/api/v1/health', { schema: { tags: ['system'], summary: 'Readiness', response: { 200: Type.Object({ status: Type.Literal('ok') }) } } }, async () => ({ status: 'ok' as const }));
  await app.register(async (plain) => {
    const api = plain.withTypeProvider<TypeBoxTypeProvider>();
    await identityRoutes(api);
    await accessRoutes(api, deps, { subjectIdByCode: async (code) => (await getSubjectByCode(deps.pool, deps.pd, code)).id }, registrationLookup(deps.pool));
    await grantRoutes(api, deps);
    await catalogRoutes(api, deps);
    await subjectRoutes(api, deps);
    await archiveRoutes(api, deps);
    await subjectRegistrationRoutes(api, deps);
    await recordRoutes(api, deps);
    await dashboardRoutes(api, deps);
    await subjectRightsRoutes(api, deps);
    await reportRoutes(api, deps);
    await calendarRoutes(api, deps);
    await ingestRoutes(api, deps);
    await qualityRoutes(api, deps);
    await publicityRoutes(api, deps);
    await listRoutes(api, deps);
    await measureRoutes(api, deps);
    await measureStatsRoutes(api, deps);
    await reviewRoutes(api, deps);
    await eventRoutes(api, deps);
    await evaluationRoutes(api, deps);
    await inspectionRoutes(api, deps);
    await exchangeRoutes(api, deps);
    await accountRoutes(api, deps);
  }, { prefix: '/api/v1' });
  await reportPublicRoutes(app, deps);
  return app;
}
