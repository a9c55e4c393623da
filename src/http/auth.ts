import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Pool } from '../db/pool.js';
import { viewerFromSession } from '../modules/access/service.js';
import { anonymousViewer, type Viewer } from '../modules/access/viewer.js';

export const SESSION_COOKIE = 'xy_session';

declare module 'fastify' {
  interface FastifyRequest {
    viewer: Viewer;
  }
}

function purposeOf(req: FastifyRequest): string | null {
  const header = req.headers['x-purpose'];
  const raw = (Array.isArray(header) ? header[0] : header) ?? (req.query as Record<string, unknown> | undefined)?.purpose;
  if (typeof raw !== 'string' || !raw.trim()) return null;
  try {
    return decodeURIComponent(raw).trim().slice(0, 200);
  } catch {
    return raw.trim().slice(0, 200);
  }
}

/** Resolve the caller once per request: a session cookie, else the anonymous public. */
export function authHook(pool: Pool) {
  return async (req: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const purpose = purposeOf(req);
    const token = req.cookies?.[SESSION_COOKIE];
    const viewer = token ? await viewerFromSession(pool, token, req.ip, purpose) : null;
    req.viewer = viewer ?? anonymousViewer(req.ip, purpose);
  };
}
