import cluster from 'node:cluster';
import path from 'node:path';
import { buildApp } from './app.js';
import { registerWebApp } from './http/static.js';
import { startSubjectRightsSweep } from './modules/subject-rights/sweep.js';
import { startPublicationSweep } from './modules/publicity/sweep.js';
import { startEventDispatch } from './modules/events/bus.js';
import { startExchangeDelivery } from './modules/exchange/delivery.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import type { Platform } from './platform.js';
import { maskIdNumbersInUrl } from './lib/redact.js';
import { startAuditSealer } from './modules/access/audit.js';
import { ensureAdmin } from './modules/access/service.js';
import { markInterruptedSubmissions } from './modules/ingest/service.js';
import { evaluateOnFirstStart, markInterruptedRuns } from './modules/evaluation/startup.js';
import { openPlatform } from './runtime.js';

type Say = (line: string) => void;

/** The HTTP app of this process, with the web app; not yet listening. */
async function httpApp(config: Config, platform: Platform) {
  const app = await buildApp({
    config, pool: platform.pool, pd: platform.pd, clock: platform.clock,
    logger: {
      level: config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      serializers: {
        // URLs may carry citizen ID numbers (/subjects/{id}/archive, ?q=…), also percent-encoded or glued
        // to other text: logged decoded, with every ID masked.
        req: (req: { method: string; url: string; ip?: string }) => ({ method: req.method, url: maskIdNumbersInUrl(req.url), ip: req.ip }),
      },
    },
  });
  await registerWebApp(app, path.resolve(import.meta.dirname, '../web/dist'));
  return app;
}

/** Migrations, the first admin, interrupted imports and the demo city: once, before anyone serves. */
async function prepare(config: Config, platform: Platform, say: Say): Promise<void> {
  // Imports cut off when the server last stopped (kill -9, crash) would otherwise show "processing" for ever.
  const interrupted = await markInterruptedSubmissions(platform.pool, platform.clock);
  if (interrupted.length) say(`${interrupted.length} submission(s) cut off when the server last stopped marked interrupted (已中断（服务重启）): #${interrupted.join(', #')}; their departments should re-submit`);
  const admin = await ensureAdmin(platform.pool, config.adminPassword);
  if (admin.created) {
    say(admin.password ? `created user "admin" with generated password: ${admin.password}  (shown once; change it)` : 'created user "admin" with ADMIN_PASSWORD');
  }
  const { countSubjects, loadDemoCity } = await import('./demo/load.js');
  if (config.demoSubjects > 0 && (await countSubjects(platform.pool)) === 0) {
    say(`loading demo city: ${config.demoSubjects} subjects (seed ${config.demoSeed}) …`);
    const r = await loadDemoCity(platform.pool, platform.pd, { subjects: config.demoSubjects, seed: config.demoSeed, today: platform.clock.today() });
    say(`demo city loaded: ${r.subjects} subjects, ${r.records} records, ${r.departments} departments in ${(r.ms / 1000).toFixed(1)} s`);
    const { populateDemoLists } = await import('./demo/lists.js');
    const l = await populateDemoLists(platform.pool, platform.pd, platform.clock.today());
    const { seedDemoCommitmentItems } = await import('./demo/commitments.js');
    const items = await seedDemoCommitmentItems(platform.pool);
    say(`demo lists: ${l.blacklist} blacklist, ${l.watch} watch-list and ${l.honour} honour-list entries; ${items} commitment items`);
    const { submitDemoDeliveries } = await import('./demo/deliveries.js');
    const d = await submitDemoDeliveries(platform.pool, platform.pd, platform.clock);
    say(`demo deliveries (归集) of last month and this: ${d.submissions} submissions, ${d.counts?.received ?? 0} rows, ${d.counts?.rejected ?? 0} rejected`);
  }
  // Evaluation runs cut off by the last stop would show "running" for ever; a platform that has never
  // evaluated anyone gets its default models run once, so grades and the dashboard's charts are there.
  const cut = await markInterruptedRuns(platform.pool, platform.clock);
  if (cut.length) say(`${cut.length} evaluation run(s) cut off when the server last stopped marked failed: #${cut.join(', #')}`);
  for (const r of await evaluateOnFirstStart(platform.pool, platform.clock)) {
    say(`first evaluation with ${r.model.name}: ${r.subjects} subjects graded (${Object.entries(r.gradeCounts).map(([g, n]) => `${g} ${n}`).join(' · ')})`);
  }
}

/** The background work of a platform, run by exactly one process: sweeps, event dispatch, the audit sequencer. */
function startJobs(config: Config, platform: Platform, say: Say): { stop(): Promise<void> } {
  // Audited reads append with a plain insert; this sequencer links them into the hash chain.
  const sealer = startAuditSealer(platform.pool, config.auditSealMs, say);
  const jobs = [
    startSubjectRightsSweep(platform.pool, platform.clock, say, { pd: platform.pd }),
    startPublicationSweep(platform.pool, platform.clock, say),
    startEventDispatch(platform.pool, say),
    startExchangeDelivery({ pool: platform.pool, pd: platform.pd, clock: platform.clock, settings: config.exchange, log: say }),
  ];
  return {
    stop: async () => {
      for (const job of jobs) job.stop();
      await sealer.stop();
    },
  };
}

function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
}

/** Listen on the configured port, or say why not, close the platform and exit with `code`. */
async function listenOrExit(app: Awaited<ReturnType<typeof httpApp>>, config: Config, platform: Platform, code: number): Promise<void> {
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    console.error(`cannot listen on ${config.host}:${config.port}: ${(err as Error).message}`);
    await platform.close();
    process.exit(code);
  }
}

function onSignals(stop: (signal: string) => Promise<void>): void {
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

/** One process: prepares the database, serves HTTP and runs the background jobs. */
async function single(config: Config, say: Say): Promise<void> {
  say(config.databaseUrl ? 'using external PostgreSQL (DATABASE_URL)' : `starting embedded PostgreSQL in ${config.dataDir}`);
  const platform = await openPlatform(config, say);
  await prepare(config, platform, say);
  const app = await httpApp(config, platform);
  let jobs: { stop(): Promise<void> } | null = null;
  let stopping = false;
  onSignals(async (signal) => {
    if (stopping) return;
    stopping = true;
    say(`${signal} received, shutting down`);
    await app.close().catch(() => undefined);
    await jobs?.stop();
    await platform.close().catch((e: unknown) => console.error(e));
    process.exit(0);
  });
  await listenOrExit(app, config, platform, 1);
  jobs = startJobs(config, platform, say);
  const shown = config.host === '0.0.0.0' ? 'localhost' : config.host;
  say(`ready: http://${shown}:${config.port}/  ·  API docs: http://${shown}:${config.port}/api/docs`);
}

/**
 * WORKERS > 1: this primary prepares the database and runs the background jobs; its workers serve
 * HTTP on the shared port (node:cluster hands them the connections). A worker that dies is replaced.
 */
async function primary(config: Config, say: Say): Promise<void> {
  say(config.databaseUrl ? 'using external PostgreSQL (DATABASE_URL)' : `starting embedded PostgreSQL in ${config.dataDir}`);
  const platform = await openPlatform(config, say);
  await prepare(config, platform, say);
  let stopping = false;
  let ready = 0;
  const fork = () => cluster.fork().on('message', (m: unknown) => {
    if (m === 'listening' && ++ready === config.workers) {
      const shown = config.host === '0.0.0.0' ? 'localhost' : config.host;
      say(`ready: http://${shown}:${config.port}/ (${config.workers} HTTP workers)  ·  API docs: http://${shown}:${config.port}/api/docs`);
    }
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    if (code === 3) {
      // The worker could not listen: a new one would fail the same way.
      say('an HTTP worker cannot listen; shutting down');
      void shutdown('worker failure');
      return;
    }
    say(`HTTP worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
    fork();
  });
  for (let i = 0; i < config.workers; i++) fork();
  const jobs = startJobs(config, platform, say);
  const shutdown = async (why: string) => {
    if (stopping) return;
    stopping = true;
    say(`${why}: shutting down`);
    const workers = Object.values(cluster.workers ?? {});
    await Promise.all(workers.map((w) => new Promise<void>((resolve) => {
      if (!w || w.isDead()) return resolve();
      w.once('exit', () => resolve());
      w.process.kill('SIGTERM');
    })));
    await jobs.stop();
    await platform.close().catch((e: unknown) => console.error(e));
    process.exit(0);
  };
  onSignals((signal) => shutdown(`${signal} received`));
}

/** An HTTP worker of a cluster: the database is ready; no background jobs here. */
async function worker(shared: Config): Promise<void> {
  // Each worker counts anonymous requests in its own memory and the primary deals connections round
  // robin: a worker's share of the per-IP limit keeps the whole near RATE_LIMIT_PUBLIC.
  const config: Config = Object.freeze({ ...shared, publicRateLimit: Math.max(1, Math.ceil(shared.publicRateLimit / shared.workers)) });
  const platform = await openPlatform(config, () => undefined, { prepare: false });
  const app = await httpApp(config, platform);
  onSignals(async () => {
    await app.close().catch(() => undefined);
    await platform.close().catch(() => undefined);
    process.exit(0);
  });
  await listenOrExit(app, config, platform, 3);
  process.send?.('listening');
}

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const say: Say = (line) => console.log(`[xinyong] ${line}`);
  if (cluster.isWorker) return worker(config);
  if (!config.publicBaseUrl) say(`PUBLIC_BASE_URL is not set: report QR codes and verification links will point at http://localhost:${config.port}; set it to the platform's public address`);
  return config.workers > 1 ? primary(config, say) : single(config, say);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
