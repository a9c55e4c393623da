import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    dataDir: string;
    adminPassword: string;
  }
}

const root = path.resolve(import.meta.dirname, '../..');
export const ADMIN_PASSWORD = 'e2e-admin-password-1';
let server: ChildProcess | null = null;
let dataDir = '';

const freePort = () => new Promise<number>((resolve) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => {
    const p = (s.address() as net.AddressInfo).port;
    s.close(() => resolve(p));
  });
});

/** The entry to start: src/main.ts once it serves the web app itself, else the test-only entry. */
function entry(): string {
  const wired = ['src/main.ts', 'src/app.ts'].some((f) => readFileSync(path.join(root, f), 'utf8').includes('registerWebApp'));
  return wired ? 'src/main.ts' : 'test/e2e/serve.ts';
}

export function serverEnv(port: number, dir: string): NodeJS.ProcessEnv {
  return {
    ...process.env, DATA_DIR: dir, PORT: String(port), HOST: '127.0.0.1', DEMO_SUBJECTS: '80', DATABASE_URL: '',
    ADMIN_PASSWORD, RATE_LIMIT_PUBLIC: '100000', LOG_LEVEL: 'warn',
  };
}

export async function setup(project: TestProject): Promise<void> {
  const build = spawnSync(process.execPath, ['scripts/build-web.mjs'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('web build failed');
  if (!existsSync('/usr/bin/chromium')) throw new Error('Chromium is missing: run node scripts/ensure-browser.mjs (npm test does), or apt-get install chromium fonts-noto-cjk');
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'xinyong-e2e-'));
  await chmod(dataDir, 0o755); // the embedded server runs as an unprivileged user
  const port = await freePort();
  let output = '';
  server = spawn(process.execPath, ['--import', 'tsx', entry()], { cwd: root, env: serverEnv(port, dataDir) });
  server.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  server.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const started = Date.now();
  while (!/ready: http:\/\//.test(output)) {
    if (server.exitCode !== null) throw new Error(`server exited (${server.exitCode}):\n${output}`);
    if (Date.now() - started > 150_000) throw new Error(`server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  if (process.env.E2E_VERBOSE) console.log(output);
  project.provide('baseUrl', `http://127.0.0.1:${port}`);
  project.provide('dataDir', dataDir);
  project.provide('adminPassword', ADMIN_PASSWORD);
}

export async function teardown(): Promise<void> {
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server!.once('exit', r));
    server.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
    if (server.exitCode === null) server.kill('SIGKILL');
  }
  const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    try { process.kill(pid, 'SIGINT'); } catch { /* already stopped */ }
    await new Promise((r) => setTimeout(r, 1000));
  }
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}
