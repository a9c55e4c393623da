import type { FastifyRequest } from 'fastify';
import { ForbiddenError } from '../../errors.js';
import { requireAnyScope, SCOPES, type Scope } from './viewer.js';

// An API key is a department system, not a person: it may call only the routes listed here, each
// with the scopes that admit it (any one of them). Every other route — administration, the
// console's pages, dashboards, a person's own pages — refuses a key with a 403 before its handler
// runs, so a route added later stays closed to keys until it is listed. Sessions are not affected:
// their role decides, in the services. Services keep their own requireScope checks as well.

const ANY: readonly Scope[] = SCOPES;
const WRITE: readonly Scope[] = ['records:write'];
const READ: readonly Scope[] = ['archive:read'];
const REVIEW: readonly Scope[] = ['reviews:write'];
const REPORT: readonly Scope[] = ['reports:write'];

/** Routes a key may call, as "METHOD url" the way they are registered, with the scopes admitting it. */
export const KEY_ROUTES: Readonly<Record<string, readonly Scope[]>> = {
  // Reference data anyone may read, the key's own identity, public verification: any scope.
  'GET /api/v1/health': ANY,
  'GET /api/v1/auth/me': ANY,
  'GET /api/v1/identity/validate': ANY,
  'GET /api/v1/departments': ANY,
  'GET /api/v1/catalog/classes': ANY,
  'GET /api/v1/catalog/categories': ANY,
  'GET /api/v1/catalog/categories/:code': ANY,
  'GET /api/v1/calendar/working-days/add': ANY,
  'GET /api/v1/calendar/working-days/between': ANY,
  'GET /api/v1/calendar/days': ANY,
  'GET /api/v1/rules': ANY,
  'GET /api/v1/rules/:code': ANY,
  'GET /api/v1/rules/:code/versions': ANY,
  'GET /api/v1/lists': ANY,
  'GET /api/v1/measures': ANY,
  'GET /api/v1/commitment-items': ANY,
  'GET /api/v1/evaluation/models': ANY,
  'GET /api/v1/evaluation/models/:ref': ANY,
  'GET /api/v1/reports/domains': ANY,
  'GET /api/v1/reports/:number/verify': ANY,
  'POST /api/v1/reports/verify-file': ANY,
  'GET /verify/:number': ANY,
  'GET /api/v1/objections/track/:trackingNo': ANY,

  // records:write — pushing records (归集) and answering the cases about them.
  'POST /api/v1/records': WRITE,
  'PUT /api/v1/records/:id': WRITE,
  'POST /api/v1/records/:id/revoke': WRITE,
  'POST /api/v1/submissions': WRITE,
  // exchange:write — a lower platform's state changes (repair, revocation, objection outcome) of the records it filed.
  'POST /api/v1/exchange/state-changes': ['exchange:write'],
  'GET /api/v1/submissions': WRITE,
  'GET /api/v1/submissions/:id': WRITE,
  'GET /api/v1/submissions/:id/errors.csv': WRITE,
  'POST /api/v1/lists/:code/entries': WRITE,
  'POST /api/v1/lists/:code/entries/batch': WRITE,
  'POST /api/v1/list-entries/:id/exit': WRITE,
  'POST /api/v1/objections/:id/decision': WRITE,
  'POST /api/v1/objections/:id/extend': WRITE,
  'POST /api/v1/repairs/:id/decision': WRITE,
  'POST /api/v1/repairs/:id/extend': WRITE,
  'POST /api/v1/repairs/:id/recheck': WRITE,
  'POST /api/v1/commitments': WRITE,
  'POST /api/v1/commitments/:id/fulfilment': WRITE,
  'POST /api/v1/commitments/:id/withdraw': WRITE,
  'POST /api/v1/inspection/tasks/:id/result': WRITE,
  // A system reads back the records it filed (its own department's only, as the route checks).
  'GET /api/v1/records/:id': [...WRITE, ...READ],
  'GET /api/v1/records/:id/versions': [...WRITE, ...READ],

  // archive:read — archives, subjects, lists and the case files of the department.
  'GET /api/v1/subjects': READ,
  'GET /api/v1/subjects/:code': READ,
  'GET /api/v1/subjects/:code/archive': READ,
  'GET /api/v1/subjects/:code/list-entries': READ,
  'GET /api/v1/subjects/:code/evaluation': READ,
  'GET /api/v1/publicity': READ,
  'GET /api/v1/publicity/export.csv': READ,
  'GET /api/v1/lists/:code/entries': READ,
  'GET /api/v1/list-entries/:id/versions': READ,
  'GET /api/v1/grants': READ,
  'GET /api/v1/objections': READ,
  'GET /api/v1/objections/:id': READ,
  'GET /api/v1/objections/:id/files/:fileId': READ,
  'GET /api/v1/repairs': READ,
  'GET /api/v1/repairs/eligibility': READ,
  'GET /api/v1/repairs/:id': READ,
  'GET /api/v1/repairs/:id/files/:fileId': READ,
  'GET /api/v1/commitments': READ,
  'GET /api/v1/commitments/:id': READ,

  // reviews:write — credit reviews (信用审查) and the feedback on their hits.
  'POST /api/v1/reviews': REVIEW,
  'GET /api/v1/reviews/:id': REVIEW,
  'POST /api/v1/reviews/:id/hits/:hitId/feedback': REVIEW,

  // reports:write — credit reports.
  'POST /api/v1/reports': REPORT,
  'POST /api/v1/reports/batch': REPORT,
  'GET /api/v1/reports/:number.pdf': REPORT,
};

/** The scopes admitting a key to a route, or null when no key may call it. */
export function keyScopesFor(method: string, url: string): readonly Scope[] | null {
  return KEY_ROUTES[`${method === 'HEAD' ? 'GET' : method} ${url}`] ?? null;
}

/**
 * onRequest hook, added right after the auth hook: a caller with an API key reaches only the
 * routes of KEY_ROUTES, and only with one of the scopes listed there.
 */
export async function keyScopeHook(req: FastifyRequest): Promise<void> {
  if (!req.viewer?.apiKey) return;
  const url = req.routeOptions.url;
  if (url === undefined) return; // no such route: the not-found handler answers
  const scopes = keyScopesFor(req.method, url);
  if (!scopes) {
    throw new ForbiddenError('API 密钥不能调用此接口', [{ field: 'scope', message: `no API key scope admits ${req.method} ${url}` }]);
  }
  requireAnyScope(req.viewer, scopes);
}
