import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { deliverDue, deliverTarget, type DeliveryContext } from '../src/modules/exchange/delivery.js';
import * as exchangeRepo from '../src/modules/exchange/repo.js';
import { transitionRecord } from '../src/modules/records/service.js';
import { createTestApp, json, type SessionHeaders, type TestApp } from './helpers/app.js';
import { TEST_NOW } from './helpers/clock.js';
import { createTestDatabase, type TestDatabase } from './helpers/db.js';
import { makeDepartment, newUscc, penaltyRow } from './helpers/factories.js';
import { freePort } from './helpers/net.js';

// The city (an in-process app) delivers to a real province: a second Xinyong started from
// src/main.ts with its own database, receiving through its ordinary API with an API key its CLI made.

vi.setConfig({ testTimeout: 180_000 });
const root = path.resolve(import.meta.dirname, '..');
const N = 30;

let city: TestApp;
let op: SessionHeaders;
let provinceDb: TestDatabase;
let dataDir: string;
let port: number;
let province: ChildProcess | null = null;
let output = '';
let apiKey = '';
const wshs: string[] = [];

const env = () => ({
  ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', DEMO_SUBJECTS: '0', DATABASE_URL: provinceDb.url, ADMIN_PASSWORD: '',
  XINYONG_NOW: TEST_NOW, XINYONG_HMAC_KEY: '17'.repeat(32), XINYONG_ENCRYPTION_KEY: '19'.repeat(32), EXCHANGE_POLL_MS: '3600000', PLATFORM_NAME: '示范省公共信用信息平台',
});
const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: root, env: env(), encoding: 'utf8', timeout: 120_000 });

async function startProvince(): Promise<void> {
  output = '';
  province = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: root, env: env() });
  province.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  province.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const start = Date.now();
  while (!/ready: http/.test(output)) {
    if (Date.now() - start > 90_000 || province.exitCode !== null) throw new Error(`province did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const ctx = (batchSize = 7): DeliveryContext => ({
  pool: city.db.pool, pd: city.db.pd, clock: city.clock,
  settings: { batchSize, maxAttempts: 4, timeoutMs: 2000, pollMs: 1000, backoffMs: 60_000 },
});
const provinceCount = async (sql: string) => Number((await provinceDb.pool.query<{ n: string }>(sql)).rows[0]!.n);
const cityCount = async (sql: string) => Number((await city.db.pool.query<{ n: string }>(sql)).rows[0]!.n);

async function registerTarget(name: string, baseUrl: string): Promise<number> {
  const res = await city.app.inject({
    method: 'POST', url: '/api/v1/exchange/targets', headers: op,
    payload: { name, kind: 'upper_platform', baseUrl, credential: apiKey || 'xy_none', remoteDepartment: 'CITY', receives: { categories: ['penalty'], lists: false, repairs: true, revocations: true, objectionOutcomes: true } },
  });
  expect(res.statusCode, res.body).toBe(201);
  return json<{ id: number }>(res).id;
}

beforeAll(async () => {
  city = await createTestApp();
  op = await city.loginAs('operator');
  const dept = await makeDepartment(city);
  const clerk = await city.loginAs('department', dept.code);
  for (let i = 0; i < N; i++) wshs.push(`市监罚〔2026〕${100 + i}号`);
  const records = wshs.map((wsh, i) => penaltyRow({ uscc: newUscc(), name: `示范贸易有限公司${i}`, wsh, dept }));
  const sub = await city.app.inject({ method: 'POST', url: '/api/v1/submissions', headers: clerk, payload: { department: dept.code, category: 'penalty', records } });
  expect(json<{ counts: { created: number } }>(sub).counts.created).toBe(N);

  provinceDb = await createTestDatabase();
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'xinyong-province-'));
  port = await freePort();
  expect(cli('department', 'add', '--code', 'CITY', '--name', '示范市公共信用信息平台').status).toBe(0);
  const k = cli('key', 'create', '--department', 'CITY', '--scopes', 'records:write,exchange:write', '--name', '示范市平台');
  apiKey = /\n(xy_\S+)/.exec(k.stdout)?.[1] ?? '';
  expect(apiKey, k.stdout + k.stderr).not.toBe('');
  await startProvince();
});

afterAll(async () => {
  if (province && province.exitCode === null) province.kill('SIGKILL');
  await city?.close();
  await provinceDb?.drop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('exchange with a real provincial platform', () => {
  let targetId = 0;

  it('registers the province as a target without ever returning its credential, audited', async () => {
    targetId = await registerTarget('示范省平台', `http://127.0.0.1:${port}`);
    const list = await city.app.inject({ method: 'GET', url: '/api/v1/exchange/targets', headers: op });
    expect(list.body).not.toContain(apiKey);
    expect(json<{ items: { cursor: number; lag: number }[] }>(list).items[0]).toMatchObject({ cursor: 0, lag: N });
    expect(await cityCount(`select count(*) as n from audit_log where action = 'exchange.target.created'`)).toBe(1);
    const stored = await city.db.pool.query<{ c: Buffer }>('select credential_cipher as c from exchange_target');
    expect(stored.rows[0]!.c.toString('latin1')).not.toContain(apiKey);
  });

  it('delivers 双公示 penalties; kill -9 of the province mid-delivery loses and duplicates nothing', async () => {
    const c = ctx();
    expect((await deliverDue(c)).get(targetId)).toBe('acknowledged');
    // Kill the province while the next batch is on its way (or just before): the try fails, is retried later.
    const inFlight = deliverDue(c);
    await new Promise((r) => setTimeout(r, 15));
    province!.kill('SIGKILL');
    await inFlight;
    let t = (await exchangeRepo.findTarget(city.db.pool, targetId))!;
    await startProvince();
    for (let i = 0; i < 20 && t.cursorSeq < (await exchangeRepo.ledgerHead(city.db.pool)); i++) {
      if (t.nextAttemptAt) city.clock.set(new Date(t.nextAttemptAt.getTime() + 1000).toISOString());
      await deliverDue(c);
      t = (await exchangeRepo.findTarget(city.db.pool, targetId))!;
    }
    expect(t.cursorSeq).toBe(await exchangeRepo.ledgerHead(city.db.pool));
    expect(await provinceCount(`select count(*) as n from record`)).toBe(N);
    expect(await provinceCount(`select count(distinct source_key) as n from record`)).toBe(N);
    const pub = await fetch(`http://127.0.0.1:${port}/api/v1/publicity?type=penalty&pageSize=100`);
    const page = (await pub.json()) as { total: number; items: { fields: Record<string, string> }[] };
    expect(page.total).toBe(N);
    expect(page.items.map((i) => i.fields.CF_WSH).sort()).toEqual([...wshs].sort());
    const batches = await exchangeRepo.listBatches(city.db.pool, targetId, 100);
    expect(batches.every((b) => b.status === 'acknowledged' && b.receipt)).toBe(true);
  });

  it('a repair and a revocation in the city reach the province, which stops publishing both records; re-sending changes nothing', async () => {
    const rows = (await city.db.pool.query<{ id: number; source_key: string }>(`select id, source_key from record where source_key = any($1) order by source_key`, [[wshs[0], wshs[1]]])).rows;
    const actor = { kind: 'user' as const, id: '1', name: '信用中心' };
    await transitionRecord({ db: city.db.pool, clock: city.clock }, rows[0]!.id, 'repaired', actor, '信用修复申请已通过');
    await transitionRecord({ db: city.db.pool, clock: city.clock }, rows[1]!.id, 'revoked', actor, '行政处罚决定被撤销');
    expect((await deliverDue(ctx()))?.get(targetId)).toBe('acknowledged');
    const states = await provinceDb.pool.query<{ source_key: string; state: string }>(`select source_key, state from record where source_key = any($1) order by source_key`, [[wshs[0], wshs[1]]]);
    expect(Object.fromEntries(states.rows.map((r) => [r.source_key, r.state]))).toEqual({ [rows[0]!.source_key]: 'repaired', [rows[1]!.source_key]: 'revoked' });
    const pub = (await (await fetch(`http://127.0.0.1:${port}/api/v1/publicity?type=penalty&pageSize=100`)).json()) as { total: number; items: { fields: Record<string, string> }[] };
    expect(pub.total).toBe(N - 2);
    expect(pub.items.map((i) => i.fields.CF_WSH)).not.toContain(wshs[0]);
    // The same batch delivered again (a lost acknowledgement): duplicates, no second transition.
    const last = (await exchangeRepo.listBatches(city.db.pool, targetId, 1))[0]!;
    const versionsBefore = await provinceCount('select count(*) as n from record_version');
    await city.db.pool.query(`update exchange_batch set status = 'pending' where id = $1`, [last.id]);
    await city.db.pool.query(`update exchange_target set cursor_seq = $2 where id = $1`, [targetId, last.fromSeq]);
    expect(await deliverTarget(ctx(), (await exchangeRepo.findTarget(city.db.pool, targetId))!)).toBe('acknowledged');
    const again = (await exchangeRepo.listBatches(city.db.pool, targetId, 1))[0]!;
    expect(again.receipt!.stateChanges).toMatchObject({ accepted: 0, duplicates: 1 });
    expect(await provinceCount('select count(*) as n from record_version')).toBe(versionsBefore);
    expect(await provinceCount(`select count(*) as n from record where state in ('active', 'disputed')`)).toBe(await cityCount(`select count(*) as n from record where state in ('active', 'disputed')`));
  });

  it('a target answering 500 or timing out backs off and is dead-lettered after N tries, without holding up another target', async () => {
    let hits = 0;
    const broken = http.createServer((req, res) => {
      hits += 1;
      if (hits % 2 === 0) return; // never answers: the delivery times out
      res.writeHead(500).end('boom');
    });
    await new Promise<void>((r) => broken.listen(0, '127.0.0.1', () => r()));
    const brokenId = await registerTarget('坏掉的平台', `http://127.0.0.1:${(broken.address() as { port: number }).port}`);
    await city.db.pool.query(`update exchange_target set active = false where id = $1`, [targetId]);
    const second = await registerTarget('第二个省平台', `http://127.0.0.1:${port}`);
    const c = ctx(100);
    const first = await deliverDue(c);
    expect(first.get(brokenId)).toBe('retrying');
    expect(first.get(second)).toBe('acknowledged');
    let b = (await exchangeRepo.findTarget(city.db.pool, brokenId))!;
    expect(b.attempts).toBe(1);
    expect(b.lastError).toMatch(/HTTP 500/);
    const wait1 = b.nextAttemptAt!.getTime() - city.clock.now().getTime();
    // Not due yet: no try before the back-off ends.
    expect((await deliverDue(c)).has(brokenId)).toBe(false);
    city.clock.set(new Date(b.nextAttemptAt!.getTime() + 1).toISOString());
    expect((await deliverDue(c)).get(brokenId)).toBe('retrying');
    b = (await exchangeRepo.findTarget(city.db.pool, brokenId))!;
    expect(b.lastError).toMatch(/超时/);
    expect(b.nextAttemptAt!.getTime() - city.clock.now().getTime()).toBe(2 * wait1);
    for (let i = 0; i < 2; i++) {
      city.clock.set(new Date(b.nextAttemptAt!.getTime() + 1).toISOString());
      await deliverDue(c);
      b = (await exchangeRepo.findTarget(city.db.pool, brokenId))!;
    }
    expect(b.pausedAt).not.toBeNull();
    const dead = await exchangeRepo.listBatches(city.db.pool, brokenId, 10);
    expect(dead[0]).toMatchObject({ status: 'dead', attempts: 4 });
    expect(dead[0]!.lastError).toBeTruthy();
    expect(b.cursorSeq).toBe(0);
    broken.close();
    const res = await city.app.inject({ method: 'POST', url: `/api/v1/exchange/targets/${brokenId}/resume`, headers: op });
    expect(json<{ pausedAt: string | null; pendingBatches: number }>(res)).toMatchObject({ pausedAt: null, pendingBatches: 1 });
    await city.db.pool.query(`update exchange_target set active = true where id = $1`, [targetId]);
    const status = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'exchange', 'status'], { cwd: root, env: { ...env(), DATABASE_URL: city.db.url }, encoding: 'utf8', timeout: 120_000 });
    expect(status.stdout, status.stderr).toMatch(/坏掉的平台[^\n]*\n {2}cursor 0 · lag \d+ changes · open batches 1 · dead 0/);
    expect(status.stdout).toMatch(/示范省平台[^\n]*\n {2}cursor \d+ · lag 0 changes/);
  });

  it('refuses a bad target in words naming the field, and the receiving route refuses a key without exchange:write', async () => {
    const bad = await city.app.inject({ method: 'POST', url: '/api/v1/exchange/targets', headers: op, payload: { name: 'x', kind: 'upper_platform', baseUrl: 'ftp://x', credential: 'k', remoteDepartment: 'CITY', receives: { categories: ['nope'], lists: false, repairs: true, revocations: true, objectionOutcomes: true } } });
    expect(bad.statusCode).toBe(400);
    expect(json<{ error: { details: { field: string }[] } }>(bad).error.details.map((d) => d.field).sort()).toEqual(['baseUrl', 'receives.categories']);
    const k = cli('key', 'create', '--department', 'CITY', '--scopes', 'records:write');
    const writeOnly = /\n(xy_\S+)/.exec(k.stdout)![1]!;
    const r = await fetch(`http://127.0.0.1:${port}/api/v1/exchange/state-changes`, { method: 'POST', headers: { authorization: `Bearer ${writeOnly}`, 'content-type': 'application/json' }, body: JSON.stringify({ department: 'CITY', changes: [{ category: 'penalty', sourceKey: wshs[2], version: 9, state: 'repaired', reason: 'x' }] }) });
    expect(r.status).toBe(403);
  });
});
