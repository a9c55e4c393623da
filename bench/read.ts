/**
 * Read paths at city scale, each beside `pgbench -S` measured in the same run on the same server.
 *
 *   npx tsx bench/read.ts [subjects=20000] [--seconds 10] [--mixed-seconds 120] [--connections 16] [--dir DIR] [--workers N]
 *
 * Starts an embedded PostgreSQL (fsync off, like every bench) in a temp dir (or DIR, kept and
 * reused, so a big city is loaded once), loads the demo city with its lists, and serves the real
 * HTTP app on a local port (audit sequencer running, public rate limit lifted). Load comes from
 * autocannon in a separate process (bench/lib/load.mjs). With --workers N > 1 the load goes instead to
 * `src/main.ts` started with WORKERS=N on the same database (a primary and N HTTP workers sharing a
 * port), as an operator would run it. Measures:
 *   - pgbench -S -c4 -j2 (the baseline: a primary-key select per transaction);
 *   - anonymous GET /subjects/{uscc}/archive over random organisations;
 *   - the same through a department API key with a purpose (every read audited);
 *   - subject search by name fragment and by exact code;
 *   - 双公示 list pages (first page, a filtered page, page 500) one at a time: p50/p99 latency;
 *   - mixed public and staff reads over 50 connections for --mixed-seconds, with memory before/after.
 * Queries per request are counted on the server side (every pg query of 50 requests of each kind).
 */
import { fork, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { percentile, withBenchCity, type BenchCity } from './lib/city.js';
import { buildApp } from '../src/app.js';
import { parseConfig } from '../src/config.js';
import { populateDemoLists } from '../src/demo/lists.js';
import { systemClock } from '../src/lib/clock.js';
import { startAuditSealer } from '../src/modules/access/audit.js';
import { createApiKey } from '../src/modules/access/keys.js';
import { createUser } from '../src/modules/access/service.js';
import { systemViewer } from '../src/modules/access/viewer.js';
import { seedEvaluationModels } from '../src/modules/evaluation/models.js';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
const seconds = Number(flag('--seconds') ?? 10);
const mixedSeconds = Number(flag('--mixed-seconds') ?? 120);
const connections = Number(flag('--connections') ?? 16);
const keepDir = flag('--dir');
const workers = Number(flag('--workers') ?? 1);
const subjects = Number.parseInt(args[0] ?? '20000', 10);
if (!Number.isInteger(subjects) || subjects <= 0 || !(seconds > 0) || !(mixedSeconds >= 0)) {
  throw new Error('usage: tsx bench/read.ts [subjects] [--seconds N] [--mixed-seconds N] [--connections N] [--dir DIR]');
}

interface LoadResult { requests: number; rps: number; p50: number; p90: number; p99: number; max: number; errors: number; timeouts: number; non2xx: number; statusCodes: Record<string, { count: number }> }
interface Group { weight: number; paths: string[]; headers?: Record<string, string> }

// Every query the server sends, counted where pg sends it (pool.query goes through Client#query too).
let queries = 0;
const clientQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function counted(this: pg.Client, ...a: unknown[]) {
  queries += 1;
  return (clientQuery as (...x: unknown[]) => unknown).apply(this, a);
} as typeof clientQuery;


async function load(dir: string, url: string, groups: Group[], opts: { connections: number; seconds: number }): Promise<LoadResult> {
  const spec = path.join(dir, `load-${randomBytes(4).toString('hex')}.json`);
  await writeFile(spec, JSON.stringify({ url, groups, ...opts, seed: 7 }));
  const child = fork(path.join(import.meta.dirname, 'lib/load.mjs'), [spec], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  await new Promise<void>((resolve, reject) => child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`load generator exited ${code}`)))));
  await rm(spec, { force: true });
  return JSON.parse(out) as LoadResult;
}

function pgbench(url: string, secs: number): number {
  const u = new URL(url);
  const env = { ...process.env, PGHOST: u.hostname, PGPORT: u.port, PGUSER: decodeURIComponent(u.username), PGPASSWORD: decodeURIComponent(u.password) };
  const run = (argv: string[]) => {
    const r = spawnSync('pgbench', argv, { env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`pgbench ${argv.join(' ')} failed: ${r.stderr}`);
    return r.stdout;
  };
  const has = spawnSync('psql', ['-d', 'postgres', '-Atc', "select 1 from pg_database where datname = 'pgbench'"], { env, encoding: 'utf8' }).stdout.trim();
  if (!has) {
    spawnSync('psql', ['-d', 'postgres', '-c', 'create database pgbench'], { env, encoding: 'utf8' });
    run(['-i', '-q', '-s', '10', 'pgbench']);
  }
  const out = run(['-S', '-c4', '-j2', '-T', String(secs), 'pgbench']);
  const tps = /tps = ([\d.]+)/.exec(out);
  if (!tps) throw new Error(`no tps in pgbench output: ${out}`);
  return Number(tps[1]);
}

const pct = percentile;

async function main(): Promise<void> {
  const today = systemClock.today();
  const afterLoad = async ({ pool, pd }: BenchCity) => {
    await populateDemoLists(pool, pd, today);
  };
  await withBenchCity({ subjects, keepDir, name: 'read', poolSize: 16, today, afterLoad }, async ({ dir, url, pool, pd }) => {
    await seedEvaluationModels(pool);
    const city = (await pool.query<{ n: number; r: number; e: number }>(
      'select (select count(*)::int from subject) as n, (select count(*)::int from record) as r, (select count(*)::int from list_entry) as e',
    )).rows[0]!;

    const config = parseConfig({ DATA_DIR: dir, RATE_LIMIT_PUBLIC: '1000000' });
    const app = await buildApp({ config, pool, pd, clock: systemClock, logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const cluster = workers > 1 ? await startCluster(dir, url, workers) : null;
    const base = cluster?.base ?? `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    // A cluster's primary runs its own audit sequencer.
    const sealer = cluster ? { stop: async () => undefined } : startAuditSealer(pool, config.auditSealMs, (l) => console.error(l));

    // What the readers ask for: organisations with records, their names, a department's key, a staff session.
    const orgs = (await pool.query<{ uscc: string; name: string }>(
      `select s.uscc, s.name from subject s where s.kind = 'legal_person' and s.uscc is not null
        and exists (select 1 from record r where r.subject_id = s.id) order by md5(s.id::text) limit 5000`,
    )).rows;
    const dept = (await pool.query<{ code: string }>(
      `select d.code from department d join record r on r.department_id = d.id group by d.code order by count(*) desc limit 1`,
    )).rows[0]!.code;
    const key = await createApiKey(pool, systemViewer, { department: dept, scopes: ['archive:read'], name: 'bench read' }, new Date());
    const username = `bench${Date.now()}`;
    await createUser(pool, systemViewer, { username, password: 'bench password 1', role: 'operator', department: null });
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: 'bench password 1' } });
    const staff = { cookie: `xy_session=${login.cookies.find((c) => c.name === 'xy_session')!.value}`, 'x-purpose': encodeURIComponent('信用审查') };
    const audited = { authorization: `Bearer ${key.key}`, 'x-purpose': encodeURIComponent('行政许可审查') };

    const fragment = (name: string) => name.replace(/^(.{2,3}市)?/, '').slice(0, 4);
    const archive: Group = { weight: 1, paths: orgs.map((o) => `/api/v1/subjects/${o.uscc}/archive`) };
    const byName: Group = { weight: 1, paths: orgs.map((o) => `/api/v1/subjects?q=${encodeURIComponent(fragment(o.name))}`) };
    const byCode: Group = { weight: 1, paths: orgs.map((o) => `/api/v1/subjects?q=${o.uscc}`) };
    const publicity: Group = {
      weight: 1,
      paths: [
        '/api/v1/publicity?type=penalty', '/api/v1/publicity?type=licence', '/api/v1/publicity?type=penalty&page=2',
        `/api/v1/publicity?type=penalty&q=${encodeURIComponent(fragment(orgs[0]!.name))}`, `/api/v1/publicity?type=licence&department=${dept}`,
      ],
    };
    const perRequest = async (g: Group, headers: Record<string, string> = {}) => {
      const before = queries;
      for (let i = 0; i < 50; i++) {
        const res = await app.inject({ url: g.paths[i % g.paths.length]!, headers });
        if (res.statusCode !== 200) throw new Error(`${g.paths[i % g.paths.length]} answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
      }
      return (queries - before) / 50;
    };
    const qpr = {
      archive: await perRequest(archive), audited: await perRequest(archive, audited),
      byName: await perRequest(byName), byCode: await perRequest(byCode), publicity: await perRequest(publicity),
    };

    console.error('pgbench -S …');
    const tps = pgbench(url, seconds);
    const run = async (what: string, g: Group) => {
      console.error(`${what} …`);
      return load(dir, base, [g], { connections, seconds });
    };
    const results = {
      archive: await run('public archive', archive),
      audited: await run('audited archive', { ...archive, headers: audited }),
      byName: await run('search by name', byName),
      byCode: await run('search by code', byCode),
    };

    // 双公示 pages one at a time: first page, a filtered page, page 500, and the same oldest first.
    const pages: [string, string][] = [
      ['first page', '/api/v1/publicity?type=penalty'],
      ['filtered by department and name', `/api/v1/publicity?type=penalty&department=${dept}&q=${encodeURIComponent(fragment(orgs[1]!.name))}`],
      ['page 500', '/api/v1/publicity?type=penalty&page=500&pageSize=20'],
      ['oldest first (the indexes scanned backwards)', '/api/v1/publicity?type=penalty&order=asc'],
      ['oldest first, page 500', '/api/v1/publicity?type=penalty&order=asc&page=500&pageSize=20'],
    ];
    const pageTimes: { what: string; p50: number; p99: number; total: string }[] = [];
    for (const [what, url] of pages) {
      const xs: number[] = [];
      let total = '';
      for (let i = 0; i < 100; i++) {
        const t0 = performance.now();
        const res = await fetch(base + url);
        const body = (await res.json()) as { total: number; totalEstimated?: boolean };
        xs.push(performance.now() - t0);
        total = `${body.total}${body.totalEstimated ? ' (estimated)' : ''}`;
      }
      pageTimes.push({ what, p50: pct(xs, 50), p99: pct(xs, 99), total });
    }

    let mixed: LoadResult | null = null;
    let memory = '';
    if (mixedSeconds > 0) {
      console.error(`mixed reads, 50 connections, ${mixedSeconds} s …`);
      const rss = () => cluster?.rss() ?? process.memoryUsage().rss;
      const rss0 = rss();
      mixed = await load(dir, base, [
        { ...archive, weight: 4 }, { ...byName, weight: 2 }, { ...byCode, weight: 1 }, { ...publicity, weight: 2 },
        { ...archive, weight: 2, headers: staff }, { ...archive, weight: 1, headers: audited },
      ], { connections: 50, seconds: mixedSeconds });
      const rss1 = rss();
      memory = `server RSS ${(rss0 / 2 ** 20).toFixed(0)} MB before, ${(rss1 / 2 ** 20).toFixed(0)} MB after`;
    }
    await sealer.stop();

    console.log(`\ncity: ${city.n.toLocaleString('en-US')} subjects, ${city.r.toLocaleString('en-US')} records, ${city.e.toLocaleString('en-US')} list entries; ${os.cpus().length} CPUs, node ${process.version}; ${connections} connections, ${seconds} s each`);
    console.log(`baseline pgbench -S -c4 -j2: ${tps.toFixed(0)} TPS; server: ${cluster ? `WORKERS=${workers} (a primary and ${workers} HTTP workers)` : 'one process'}\n`);
    console.log(`| ${'read'.padEnd(44)} | ${'req/s'.padStart(7)} | ${'% pgbench'.padStart(9)} | ${'p50'.padStart(6)} | ${'p99'.padStart(6)} | ${'queries/req'.padStart(11)} | errors |`);
    console.log(`|${'-'.repeat(46)}|${'-'.repeat(9)}|${'-'.repeat(11)}|${'-'.repeat(8)}|${'-'.repeat(8)}|${'-'.repeat(13)}|--------|`);
    const line = (what: string, r: LoadResult, q: number) => console.log(
      `| ${what.padEnd(44)} | ${r.rps.toFixed(0).padStart(7)} | ${((r.rps / tps) * 100).toFixed(1).padStart(8)}% | ${`${r.p50}ms`.padStart(6)} | ${`${r.p99}ms`.padStart(6)} | ${q.toFixed(1).padStart(11)} | ${String(r.errors + r.timeouts + r.non2xx).padStart(6)} |`,
    );
    line('public archive (anonymous)', results.archive, qpr.archive);
    line('department archive via API key (audited)', results.audited, qpr.audited);
    line('subject search by name fragment', results.byName, qpr.byName);
    line('subject search by code', results.byCode, qpr.byCode);
    console.log(`\n双公示 pages, one request at a time, 100 each (queries/request over the page mix: ${qpr.publicity.toFixed(1)}):`);
    for (const p of pageTimes) console.log(`  ${p.what.padEnd(34)} p50 ${p.p50.toFixed(1)} ms  p99 ${p.p99.toFixed(1)} ms  (total ${p.total})`);
    if (mixed) {
      console.log(`\nmixed public and staff reads, 50 connections, ${mixedSeconds} s: ${mixed.rps.toFixed(0)} req/s, p50 ${mixed.p50} ms, p99 ${mixed.p99} ms, max ${mixed.max} ms, ${mixed.timeouts} timeouts, ${mixed.errors} errors, ${mixed.non2xx} non-2xx; ${memory}`);
    }
    await cluster?.stop();
    await app.close();
  });
}

/** `src/main.ts` with WORKERS=n on the bench city's database and keys; its base URL, total RSS and stop. */
async function startCluster(dir: string, url: string, n: number): Promise<{ base: string; rss(): number; stop(): Promise<void> }> {
  const keys = JSON.parse(await readFile(path.join(dir, 'bench-keys.json'), 'utf8')) as { h: string; e: string };
  const port = await new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, '../src/main.ts')], {
    env: {
      ...process.env, DATABASE_URL: url, DATA_DIR: dir, PORT: String(port), HOST: '127.0.0.1', WORKERS: String(n), DEMO_SUBJECTS: '0',
      RATE_LIMIT_PUBLIC: '1000000', LOG_LEVEL: 'warn', XINYONG_HMAC_KEY: keys.h, XINYONG_ENCRYPTION_KEY: keys.e, ADMIN_PASSWORD: 'bench admin password',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (/ready: http/.test(out)) resolve();
    });
    child.on('exit', (code) => reject(new Error(`cluster exited ${code}: ${out}`)));
  });
  const rss = () => {
    // The primary and its Node workers (not the load generator, not PostgreSQL).
    const ps = spawnSync('ps', ['-o', 'rss=,comm=', '--pid', String(child.pid), '--ppid', String(child.pid)], { encoding: 'utf8' }).stdout;
    return ps.split('\n').map((l) => l.trim().split(/\s+/)).filter(([, c]) => c === 'node').reduce((t, [kb]) => t + Number(kb) * 1024, 0);
  };
  return {
    base: `http://127.0.0.1:${port}`, rss,
    stop: () => new Promise<void>((resolve) => {
      child.removeAllListeners('exit');
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}

await main();
