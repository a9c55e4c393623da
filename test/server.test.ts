import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW } from './helpers/clock.js';
import { freePort } from './helpers/net.js';

// The two-command promise, end to end: the real entry point on a fresh data dir starts the
// embedded PostgreSQL, loads the demo city, serves, and on SIGTERM stops everything it started.
// The CLI works on the same data dir with the server running and without it.

const root = path.resolve(import.meta.dirname, '..');
let dataDir: string;
let port: number;
let server: ChildProcess | null = null;
let output = '';

const env = () => ({ ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', DEMO_SUBJECTS: '40', DATABASE_URL: '', ADMIN_PASSWORD: '', XINYONG_NOW: TEST_NOW });
const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: root, env: env(), encoding: 'utf8', timeout: 120_000 });
const postgresPid = () => {
  const f = path.join(dataDir, 'pg', 'postmaster.pid');
  return existsSync(f) ? Number(readFileSync(f, 'utf8').split('\n')[0]) : null;
};
const alive = (pid: number) => { try { process.kill(pid, 0); return true; } catch { return false; } };

async function waitFor(pattern: RegExp, ms: number): Promise<void> {
  const start = Date.now();
  while (!pattern.test(output)) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${pattern}; output:\n${output}`);
    if (server?.exitCode !== null) throw new Error(`server exited (${server?.exitCode}):\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'xinyong-start-'));
  await chmod(dataDir, 0o755);
  port = await freePort();
});
afterAll(async () => {
  if (server && server.exitCode === null) server.kill('SIGKILL');
  const pid = postgresPid();
  if (pid && alive(pid)) process.kill(pid, 'SIGINT');
  await rm(dataDir, { recursive: true, force: true });
});

describe('npm start on a fresh data dir', () => {
  it('starts embedded PostgreSQL, prints a generated admin password once, loads the demo city and serves', async () => {
    server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: root, env: env() });
    server.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    server.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    await waitFor(/ready: http:\/\/127\.0\.0\.1:\d+\//, 90_000);
    expect(output).toMatch(/created user "admin" with generated password: \S{20}/);
    expect(output).toMatch(/demo city loaded: 40 subjects/);
    // Nobody was ever evaluated: the default models ran once before the server listened.
    expect(output).toMatch(/first evaluation with 企业公共信用综合评价模型: \d+ subjects graded/);
    const health = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
    expect(await health.json()).toEqual({ status: 'ok' });
    const found = (await (await fetch(`http://127.0.0.1:${port}/api/v1/subjects?q=${encodeURIComponent('有限')}`)).json()) as { total: number };
    expect(found.total).toBeGreaterThan(0);
    const docs = await fetch(`http://127.0.0.1:${port}/api/docs/json`);
    expect(((await docs.json()) as { paths: Record<string, unknown> }).paths).toHaveProperty('/api/v1/subjects/{code}/archive');
  }, 120_000);

  it('lets the CLI use the running server\'s database', () => {
    const r = cli('verify-ledger');
    expect(r.stdout + r.stderr).toMatch(/ledger intact: \d+ entries/);
    expect(r.status).toBe(0);
  }, 120_000);

  it('stops the embedded PostgreSQL on SIGTERM and exits cleanly', async () => {
    const pid = postgresPid();
    expect(pid && alive(pid)).toBe(true);
    const exited = new Promise<number | null>((resolve) => server!.on('exit', (code) => resolve(code)));
    server!.kill('SIGTERM');
    expect(await exited, output).toBe(0);
    expect(alive(pid!)).toBe(false);
  }, 60_000);

  it('lets the CLI start the embedded server for one command when nothing runs, then stop it', () => {
    const add = cli('department', 'add', '--code', 'CLI1', '--name', '命令行测试局');
    expect(add.stdout).toContain('department CLI1');
    const key = cli('key', 'create', '--department', 'CLI1', '--scopes', 'records:write');
    expect(key.stdout).toMatch(/shown once, store it now\):\nxy_[0-9a-f]{12}_[A-Za-z0-9_-]{43}/);
    const badScope = cli('key', 'create', '--department', 'CLI1', '--scopes', 'root');
    expect(badScope.status).toBe(1);
    expect(badScope.stderr).toContain('未知权限范围 root');
    const r = cli('verify-audit');
    expect(r.stdout).toMatch(/audit log intact/);
    const pid = postgresPid();
    expect(pid === null || !alive(pid)).toBe(true);
    const dup = cli('department', 'add', '--code', 'CLI1', '--name', '重复');
    expect(dup.status).toBe(1);
    expect(dup.stderr).toContain('部门编码 CLI1 已存在');
  }, 120_000);

  it('exits 1 from a command that sets the exit code (validate a code with a wrong check digit), 0 for a good one', () => {
    const bad = cli('validate', '91320600MA1MXXXX0A');
    expect(bad.status).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ valid: false });
    const good = cli('validate', '11010519491231002X');
    expect(JSON.parse(good.stdout)).toMatchObject({ valid: true, scheme: 'citizen_id' });
    expect(good.status).toBe(0);
  });
});
