import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ensureEmbedded } from '../../src/db/embedded.js';
import { migrate } from '../../src/db/migrate.js';
import { createPool, type Pool } from '../../src/db/pool.js';
import { countSubjects, loadDemoCity } from '../../src/demo/load.js';
import { PersonalData } from '../../src/lib/personal-data.js';
import { seedNationalCatalog } from '../../src/modules/catalog/service.js';

/** The bench's personal-data keys, kept in its dir so a reused city stays readable. */
async function benchKeys(dir: string): Promise<PersonalData> {
  const file = path.join(dir, 'bench-keys.json');
  if (!existsSync(file)) await writeFile(file, JSON.stringify({ h: randomBytes(32).toString('hex'), e: randomBytes(32).toString('hex') }));
  const k = JSON.parse(await readFile(file, 'utf8')) as { h: string; e: string };
  return new PersonalData({ hmacKey: Buffer.from(k.h, 'hex'), encryptionKey: Buffer.from(k.e, 'hex') });
}

/** The p-th percentile (nearest rank) of a sample. */
export const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

export interface BenchCity {
  dir: string;
  url: string;
  pool: Pool;
  pd: PersonalData;
}

/**
 * An embedded PostgreSQL (fsync off) in a temp dir, or in `keepDir` (kept and reused, so a big city
 * is loaded once), migrated, with the national catalog and the demo city of `subjects` subjects;
 * `afterLoad` runs once after a fresh load, before ANALYZE. Everything started is stopped after `fn`.
 */
export async function withBenchCity<T>(
  opts: { subjects: number; keepDir?: string; name: string; poolSize: number; today?: string; afterLoad?: (city: BenchCity) => Promise<void> },
  fn: (city: BenchCity) => Promise<T>,
): Promise<T> {
  const dir = opts.keepDir ?? (await mkdtemp(path.join(os.tmpdir(), `xinyong-bench-${opts.name}-`)));
  await mkdir(dir, { recursive: true });
  await chmod(dir, 0o755); // the embedded server runs as the unprivileged postgres user
  const server = await ensureEmbedded({ dataDir: dir, database: 'bench', fast: true, sharedBuffersMb: null });
  const pool = createPool(server.url, opts.poolSize);
  try {
    await migrate(pool);
    await seedNationalCatalog(pool);
    const city: BenchCity = { dir, url: server.url, pool, pd: await benchKeys(dir) };
    if ((await countSubjects(pool)) === 0) {
      let last = -1;
      const r = await loadDemoCity(pool, city.pd, {
        subjects: opts.subjects, seed: 20261125, ...(opts.today ? { today: opts.today } : {}),
        onProgress: (done, total) => {
          const p = Math.floor((done / total) * 20);
          if (p !== last) process.stderr.write(`\rloading demo city … ${p * 5}%`);
          last = p;
        },
      });
      process.stderr.write(`\rdemo city loaded in ${(r.ms / 1000).toFixed(0)} s\n`);
      await opts.afterLoad?.(city);
      await pool.query('analyze');
    }
    return await fn(city);
  } finally {
    await pool.end();
    await server.stop();
    if (!opts.keepDir) await rm(dir, { recursive: true, force: true });
  }
}
