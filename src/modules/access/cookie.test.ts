import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { createUser } from './service.js';
import { systemViewer } from './viewer.js';

// The session cookie is Secure when the request came over TLS or the public URL is https; over
// plain HTTP with no https public URL it is not (a Secure cookie would never come back).

const PASSWORD = 'a long password';
let plain: TestApp;
let behindHttps: TestApp;

beforeAll(async () => {
  [plain, behindHttps] = await Promise.all([createTestApp(), createTestApp(undefined, { env: { PUBLIC_BASE_URL: 'https://xinyong.example.gov.cn' } })]);
  await createUser(plain.db.pool, systemViewer, { username: 'cookie1', password: PASSWORD, role: 'operator' });
  await createUser(behindHttps.db.pool, systemViewer, { username: 'cookie1', password: PASSWORD, role: 'operator' });
});
afterAll(() => Promise.all([plain.close(), behindHttps.close()]));

const injectLogin = (t: TestApp) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'cookie1', password: PASSWORD } });

/** A real TLS request to the app: an https server with a throwaway self-signed certificate in front of its router. */
async function loginOverTls(t: TestApp): Promise<{ status: number; setCookie: string[] }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'xinyong-tls-'));
  try {
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
      '-subj', '/CN=localhost', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'),
    ], { stdio: 'ignore' });
    const server = https.createServer(
      { key: await readFile(path.join(dir, 'key.pem')), cert: await readFile(path.join(dir, 'cert.pem')) },
      (req, res) => t.app.routing(req, res),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const body = JSON.stringify({ username: 'cookie1', password: PASSWORD });
      return await new Promise((resolve, reject) => {
        const req = https.request({
          host: '127.0.0.1', port: (server.address() as AddressInfo).port, path: '/api/v1/auth/login', method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }, rejectUnauthorized: false,
        }, (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0, setCookie: res.headers['set-cookie'] ?? [] }));
        });
        req.on('error', reject);
        req.end(body);
      });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('session cookie Secure flag', () => {
  it('is set when PUBLIC_BASE_URL is https, on login and on logout', async () => {
    const res = await injectLogin(behindHttps);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'xy_session')!;
    expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Strict' });
    const csrf = (JSON.parse(res.body) as { csrfToken: string }).csrfToken;
    const out = await behindHttps.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: `xy_session=${cookie.value}`, 'x-csrf-token': csrf } });
    expect(out.cookies.find((c) => c.name === 'xy_session')).toMatchObject({ value: '', secure: true });
  });

  it('is not set over plain HTTP without an https PUBLIC_BASE_URL', async () => {
    const res = await injectLogin(plain);
    expect(res.statusCode).toBe(200);
    expect(res.cookies.find((c) => c.name === 'xy_session')!.secure).toBeFalsy();
    expect(String(res.headers['set-cookie'])).not.toMatch(/;\s*secure/i);
  });

  it('is set when the request came over TLS, even without PUBLIC_BASE_URL', async () => {
    const res = await loginOverTls(plain);
    expect(res.status).toBe(200);
    const session = res.setCookie.find((c) => c.startsWith('xy_session='));
    expect(session).toMatch(/;\s*Secure(;|$)/i);
  });
});
