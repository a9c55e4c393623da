import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW } from './helpers/clock.js';
import { freePort } from './helpers/net.js';

// WORKERS=2: the primary prepares the database and runs the background jobs, two HTTP workers share
// the port; a worker that dies is replaced; SIGTERM stops workers, jobs and the embedded PostgreSQL.

const root = path.resolve(import.meta.dirname, '..');
let dataDir: string;
let port: number;
let server: ChildProcess;
let output = '';

/** The Node processes the primary forked (its other child is the embedded PostgreSQL). */
const workers = (): number[] => spawnSync('ps', ['-o', 'pid=,comm=', '--ppid', String(server.pid)], { encoding: 'utf8' }).stdout
  .split('\n').map((l) => l.trim().split(/\s+/)).filter(([, comm]) => comm === 'node').map(([pid]) => Number(pid));
const alive = (pid: number) => { try { process.kill(pid, 0); return true; } catch { return false; } };

async function until(test: () => boolean, what: string, ms = 90_000): Promise<void> {
  const start = Date.now();
  while (!test()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}; output:\n${output}`);
    if (server.exitCode !== null) throw new Error(`server exited (${server.exitCode}):\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'xinyong-cluster-'));
  await chmod(dataDir, 0o755);
  port = await freePort();
});
afterAll(async () => {
  if (server && server.exitCode === null) server.kill('SIGKILL');
  await rm(dataDir, { recursive: true, force: true });
});

describe('WORKERS=2', () => {
  it('prepares once, serves from two workers, replaces a dead one and stops cleanly', async () => {
    server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: root,
      env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', DEMO_SUBJECTS: '20', DATABASE_URL: '', ADMIN_PASSWORD: '', XINYONG_NOW: TEST_NOW, WORKERS: '2', EMBEDDED_SHARED_BUFFERS_MB: '64' },
    });
    server.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    server.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    await until(() => /ready: http:\/\/127\.0\.0\.1:\d+\/ \(2 HTTP workers\)/.test(output), 'ready');
    expect(output.match(/demo city loaded: 20 subjects/g)).toHaveLength(1);
    expect(output.match(/created user "admin"/g)).toHaveLength(1);
    const [first, second] = workers();
    expect(first && second && first !== second).toBe(true);

    const health = async () => (await fetch(`http://127.0.0.1:${port}/api/v1/health`)).status;
    for (let i = 0; i < 6; i++) expect(await health()).toBe(200);

    process.kill(first!, 'SIGKILL');
    await until(() => new RegExp(`HTTP worker ${first} exited \\(SIGKILL\\); starting another`).test(output), 'replacement');
    await until(() => workers().length === 2 && !workers().includes(first!), 'two workers again');
    for (let i = 0; i < 6; i++) expect(await health()).toBe(200);

    const children = workers();
    const postgres = Number(readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    expect(alive(postgres)).toBe(true);
    const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)));
    server.kill('SIGTERM');
    expect(await exited, output).toBe(0);
    for (const pid of children) expect(alive(pid)).toBe(false);
    expect(alive(postgres)).toBe(false);
    await expect(fetch(`http://127.0.0.1:${port}/api/v1/health`)).rejects.toThrow();
  }, 180_000);
});
