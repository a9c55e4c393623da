/**
 * Login response time for a known username with a wrong password beside an unknown username: the
 * two must not differ by a password check (else accounts can be enumerated by timing).
 *
 *   npx tsx bench/login-timing.ts [--runs 20] [--fast]
 *
 * Starts an embedded PostgreSQL in a temp dir (durable, as in production; --fast turns fsync off
 * as the tests do), migrates, creates one account per run (so no account reaches the lock-out),
 * then sends the two kinds of failed login through HTTP (app.inject) in alternation and prints
 * the median and spread of each.
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../src/app.js';
import { parseConfig } from '../src/config.js';
import { ensureEmbedded } from '../src/db/embedded.js';
import { migrate } from '../src/db/migrate.js';
import { createPool } from '../src/db/pool.js';
import { systemClock } from '../src/lib/clock.js';
import { PersonalData } from '../src/lib/personal-data.js';
import { createUser } from '../src/modules/access/service.js';
import { systemViewer } from '../src/modules/access/viewer.js';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 20;
const fast = args.includes('--fast');
if (!Number.isInteger(runs) || runs < 1) throw new Error('usage: tsx bench/login-timing.ts [--runs N] [--fast]');

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'xinyong-bench-login-'));
  await chmod(dir, 0o755); // the embedded server runs as the unprivileged postgres user
  const server = await ensureEmbedded({ dataDir: dir, database: 'bench', fast, sharedBuffersMb: null });
  const pool = createPool(server.url, 5);
  try {
    await migrate(pool);
    const config = parseConfig({ DATA_DIR: dir });
    const pd = new PersonalData({ hmacKey: randomBytes(32), encryptionKey: randomBytes(32) });
    const app = await buildApp({ config, pool, pd, clock: systemClock, logger: false });
    await app.ready();
    const names = Array.from({ length: runs + 2 }, (_, i) => `known${i}`);
    for (const username of names) await createUser(pool, systemViewer, { username, password: 'the right password', role: 'operator' });
    const attempt = async (username: string): Promise<number> => {
      const t0 = performance.now();
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: 'a wrong password' } });
      const ms = performance.now() - t0;
      if (res.statusCode !== 401) throw new Error(`expected 401 for ${username}, got ${res.statusCode}: ${res.body}`);
      return ms;
    };
    // Warm up both paths (JIT, pool connections) before measuring.
    await attempt(names[runs]!);
    await attempt(`nobody-warm-${randomBytes(4).toString('hex')}`);
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < runs; i++) {
      const pair = [() => attempt(names[i]!).then((ms) => known.push(ms)), () => attempt(`nobody${i}-${randomBytes(4).toString('hex')}`).then((ms) => unknown.push(ms))];
      if (i % 2) pair.reverse();
      for (const run of pair) await run();
    }
    await app.close();
    const line = (what: string, xs: number[]) =>
      console.log(`| ${what.padEnd(34)} | ${pct(xs, 50).toFixed(1).padStart(7)} ms | ${Math.min(...xs).toFixed(1).padStart(7)} ms | ${Math.max(...xs).toFixed(1).padStart(7)} ms |`);
    console.log(`\n${runs} failed logins each, alternating; ${fast ? 'fsync off' : 'durable commits'}; ${os.cpus().length} CPUs, node ${process.version}\n`);
    console.log(`| ${'login (wrong password)'.padEnd(34)} | ${'median'.padStart(10)} | ${'min'.padStart(10)} | ${'max'.padStart(10)} |`);
    console.log(`|${'-'.repeat(36)}|${'-'.repeat(12)}|${'-'.repeat(12)}|${'-'.repeat(12)}|`);
    line('known username', known);
    line('unknown username', unknown);
    console.log(`\nmedian difference (known − unknown): ${(pct(known, 50) - pct(unknown, 50)).toFixed(1)} ms`);
  } finally {
    await pool.end();
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
