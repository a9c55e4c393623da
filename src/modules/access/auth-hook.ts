import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Pool } from '../../db/pool.js';
import type { Clock } from '../../lib/clock.js';
import { ForbiddenError } from '../../errors.js';
import { asStored } from '../../lib/text.js';
import { viewerFromApiKey } from './keys.js';
import { viewerFromSession } from './service.js';
import { anonymousViewer, type Viewer } from './viewer.js';

export const SESSION_COOKIE = 'xy_session';
export const CSRF_HEADER = 'x-csrf-token';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const CSRF_EXEMPT = new Set(['/api/v1/auth/login']);

declare module 'fastify' {
  interface FastifyRequest {
    viewer: Viewer;
    /** The CSRF token of the cookie session, if any (the web app echoes it on unsafe requests). */
    csrfToken: string | null;
  }
}

/** `?purpose=`: the hook runs before any route's schema, so the query is whatever the URL held. */
function queryPurpose(query: unknown): unknown {
  return typeof query === 'object' && query !== null && 'purpose' in query ? query.purpose : undefined;
}

function purposeOf(req: FastifyRequest): string | null {
  const header = req.headers['x-purpose'];
  const raw = (Array.isArray(header) ? header[0] : header) ?? queryPurpose(req.query);
  if (typeof raw !== 'string' || !raw.trim()) return null;
  let text = raw;
  try {
    text = decodeURIComponent(raw);
  } catch {
    // not percent-encoded: taken as sent
  }
  // The purpose goes into the hash-chained audit log: no control characters (NUL cannot be stored).
  const clean = asStored(text.replace(/\p{Cc}+/gu, ' ').trim().slice(0, 200)).trim();
  return clean || null;
}

/**
 * Resolve the caller once per request: an API key (Authorization: Bearer), a session cookie, or
 * the anonymous public. Unsafe requests on a cookie session must echo the session's CSRF token.
 */
export function authHook(pool: Pool, clock: Clock) {
  return async (req: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const purpose = purposeOf(req);
    const auth = req.headers.authorization;
    req.csrfToken = null;
    if (auth?.startsWith('Bearer ')) {
      req.viewer = await viewerFromApiKey(pool, auth.slice(7).trim(), req.ip, purpose, clock.now());
      return;
    }
    const token = req.cookies?.[SESSION_COOKIE];
    const session = token ? await viewerFromSession(pool, token, req.ip, purpose) : null;
    if (session && UNSAFE.has(req.method) && !CSRF_EXEMPT.has(req.url.split('?')[0]!)) {
      const sent = req.headers[CSRF_HEADER];
      if (sent !== session.csrfToken) {
        throw new ForbiddenError('缺少或错误的 CSRF 令牌：请刷新页面后重试', [{ field: `header.${CSRF_HEADER}`, message: 'missing or wrong CSRF token' }]);
      }
    }
    req.viewer = session?.viewer ?? anonymousViewer(req.ip, purpose);
    req.csrfToken = session?.csrfToken ?? null;
  };
}
