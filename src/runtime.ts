import type { Config } from './config.js';
import type { Platform } from './platform.js';
import { ensureEmbedded } from './db/embedded.js';
import { migrate } from './db/migrate.js';
import { createPool } from './db/pool.js';
import { loadPersonalDataKeys, PersonalData } from './lib/personal-data.js';
import { runningClock, systemClock } from './lib/clock.js';
import { sealAudit } from './modules/access/audit.js';
import { seedNationalCatalog } from './modules/catalog/service.js';
import { seedEvaluationModels } from './modules/evaluation/models.js';

/**
 * Connect to DATABASE_URL, or to the embedded PostgreSQL of the data dir (started if nobody runs
 * it); migrate and seed the catalog (unless `prepare` is false: a cluster worker after its primary).
 * close() stops the embedded server only if we started it.
 */
export async function openPlatform(
  config: Config, log: (line: string) => void = () => undefined, opts: { prepare: boolean } = { prepare: true },
): Promise<Platform> {
  const embedded = config.databaseUrl ? null : await ensureEmbedded({ dataDir: config.dataDir, sharedBuffersMb: config.embeddedSharedBuffersMb, log: (l) => log(`[postgres] ${l}`) });
  const pool = createPool(config.databaseUrl ?? embedded!.url);
  // An HTTP worker of a cluster finds the database its primary has already prepared.
  if (opts.prepare) {
    try {
      const applied = await migrate(pool);
      if (applied.length) log(`migrations applied: ${applied.join(', ')}`);
      await seedNationalCatalog(pool);
      await seedEvaluationModels(pool);
    } catch (err) {
      await pool.end();
      await embedded?.stop();
      throw err;
    }
  }
  const pd = new PersonalData(await loadPersonalDataKeys(config.dataDir, config.hmacKey, config.encryptionKey));
  let closed = false;
  return {
    pool, pd, embedded,
    clock: config.clockStart ? runningClock(config.clockStart) : systemClock,
    close: async () => {
      if (closed) return;
      closed = true;
      // Entries this process appended are linked into the audit chain before it goes (best effort:
      // a server's sequencer or verify-audit seals whatever is left).
      await sealAudit(pool, { wait: false }).catch(() => undefined);
      await pool.end();
      await embedded?.stop();
    },
  };
}
