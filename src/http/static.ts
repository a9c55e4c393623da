import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * Serve the built web app (web/dist): hashed assets with a long cache, and index.html for every
 * other GET outside /api so the browser router handles /subjects/…, /console/… on reload.
 * Without a build, pages answer 503 with how to build it; the API is unaffected.
 */
// The app shell is HTML, not API: kept out of the OpenAPI document (and so out of the web's generated types).
const hidden = { hide: true };

export async function registerWebApp(app: FastifyInstance, distDir: string): Promise<void> {
  const indexFile = path.join(distDir, 'index.html');
  if (!existsSync(indexFile)) {
    app.log.warn(`web app not built (${indexFile} missing): run npm run build:web`);
    app.get('/*', { schema: hidden }, async (req, reply) => {
      if (req.url.startsWith('/api/')) return reply.callNotFound();
      return reply.status(503).type('text/plain; charset=utf-8').send('网页尚未构建：请运行 npm run build:web 后重启。The web app is not built: run npm run build:web and restart.');
    });
    return;
  }
  const index = readFileSync(indexFile);
  await app.register(fastifyStatic, {
    root: distDir,
    wildcard: false,
    index: false,
    setHeaders: (res, file) => {
      res.setHeader('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const sendIndex = async (_req: unknown, reply: import('fastify').FastifyReply) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(index);
  app.get('/', { schema: hidden }, sendIndex);
  app.get('/*', { schema: hidden }, async (req, reply) => {
    if (req.url === '/api' || req.url.startsWith('/api/')) return reply.callNotFound();
    // A missing asset is a 404, not the app shell (a stale tab asking for an old chunk).
    if (req.url.startsWith('/assets/')) return reply.callNotFound();
    return sendIndex(req, reply);
  });
}
