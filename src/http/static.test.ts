import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerWebApp } from './static.js';

// The web app as the build leaves it: hashed assets with .br and .gz copies beside them.
let dir: string;
let app: FastifyInstance;
const shell = `<!doctype html><html><body><div id="root"></div>${'<!-- padding -->'.repeat(100)}</body></html>`;
const script = `console.log(${JSON.stringify('信用'.repeat(2000))});`;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'xinyong-static-'));
  await mkdir(path.join(dir, 'assets'));
  for (const [file, text] of [['index.html', shell], ['assets/app-abc123.js', script]] as const) {
    await writeFile(path.join(dir, file), text);
    await writeFile(path.join(dir, `${file}.br`), brotliCompressSync(text));
    await writeFile(path.join(dir, `${file}.gz`), gzipSync(text));
  }
  app = Fastify();
  await registerWebApp(app, dir);
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the web app as served', () => {
  it('sends hashed assets precompressed by Accept-Encoding and cached for a year', async () => {
    const br = await app.inject({ url: '/assets/app-abc123.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.rawPayload.length).toBeLessThan(script.length / 10);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(script);
    const gz = await app.inject({ url: '/assets/app-abc123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(script);
    const plain = await app.inject({ url: '/assets/app-abc123.js', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.payload).toBe(script);
  });

  it('sends the app shell for the browser routes, compressed, never cached without revalidation', async () => {
    for (const url of ['/', '/subjects/91320100000000000X', '/console/users']) {
      const r = await app.inject({ url, headers: { 'accept-encoding': 'br' } });
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(r.headers['cache-control']).toBe('no-cache');
      expect(r.headers['content-encoding']).toBe('br');
      expect(brotliDecompressSync(r.rawPayload).toString()).toBe(shell);
    }
    expect((await app.inject({ url: '/' })).payload).toBe(shell);
  });

  it('answers 404 for a missing asset and leaves /api to the API', async () => {
    expect((await app.inject({ url: '/assets/old-chunk.js' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/api/v1/nothing' })).statusCode).toBe(404);
  });
});
