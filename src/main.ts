import path from 'node:path';
import { buildApp } from './app.js';
import { registerWebApp } from './http/static.js';
import { startSubjectRightsSweep } from './modules/subject-rights/sweep.js';
import { startPublicationSweep } from './modules/publicity/sweep.js';
import { startEventDispatch } from './modules/events/bus.js';
import { ConfigError, loadConfig } from './config.js';
import { maskIdNumbersInUrl } from './lib/redact.js';
import { startAuditSealer } from './modules/access/audit.js';
import { ensureAdmin } from './modules/access/service.js';
import { markInterruptedSubmissions } from './modules/ingest/service.js';
import { openPlatform } from './runtime.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const say = (line: string) => console.log(`[xinyong] ${line}`);
  if (!config.publicBaseUrl) say(`PUBLIC_BASE_URL is not set: report QR codes and verification links will point at http://localhost:${config.port}; set it to the platform's public address`);
  say(config.databaseUrl ? 'using external PostgreSQL (DATABASE_URL)' : `starting embedded PostgreSQL in ${config.dataDir}`);
  const platform = await openPlatform(config, say);
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
  const jobs: { stop(): void }[] = [];
  // Audited reads append with a plain insert; this sequencer links them into the hash chain.
  const sealer = startAuditSealer(platform.pool, config.auditSealMs, say);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal} received, shutting down`);
    for (const job of jobs) job.stop();
    await app.close().catch(() => undefined);
    await sealer.stop();
    await platform.close().catch((e: unknown) => console.error(e));
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    console.error(`cannot listen on ${config.host}:${config.port}: ${(err as Error).message}`);
    await platform.close();
    process.exit(1);
  }
  jobs.push(startSubjectRightsSweep(platform.pool, platform.clock, say, { pd: platform.pd }));
  jobs.push(startPublicationSweep(platform.pool, platform.clock, say));
  jobs.push(startEventDispatch(platform.pool, say));
  const shown = config.host === '0.0.0.0' ? 'localhost' : config.host;
  say(`ready: http://${shown}:${config.port}/  ·  API docs: http://${shown}:${config.port}/api/docs`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
