import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

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
  const index = shellOf(indexFile);
  await app.register(fastifyStatic, {
    root: distDir,
    wildcard: false,
    index: false,
    // The build writes .br and .gz beside each asset (scripts/build-web.mjs): sent by Accept-Encoding.
    preCompressed: true,
    // Our own header below: the plugin's default (max-age=0) would overwrite it.
    cacheControl: false,
    setHeaders: (res, file) => {
      res.setHeader('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const sendIndex = async (req: FastifyRequest, reply: FastifyReply) => {
    const accepted = String(req.headers['accept-encoding'] ?? '');
    const encoding = (['br', 'gzip'] as const).find((e) => index[e] && new RegExp(`\\b${e}\\b`).test(accepted));
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').header('vary', 'accept-encoding');
    return encoding ? reply.header('content-encoding', encoding).send(index[encoding]) : reply.send(index.identity);
  };
  app.get('/', { schema: hidden }, sendIndex);
  app.get('/*', { schema: hidden }, async (req, reply) => {
    if (req.url === '/api' || req.url.startsWith('/api/')) return reply.callNotFound();
    // A missing asset is a 404, not the app shell (a stale tab asking for an old chunk).
    if (req.url.startsWith('/assets/')) return reply.callNotFound();
    return sendIndex(req, reply);
  });
}

/** The app shell as built, with its precompressed copies when the build made them. */
function shellOf(file: string): { identity: Buffer; br: Buffer | null; gzip: Buffer | null } {
  const copy = (ext: string) => (existsSync(`${file}${ext}`) ? readFileSync(`${file}${ext}`) : null);
  return { identity: readFileSync(file), br: copy('.br'), gzip: copy('.gz') };
}
