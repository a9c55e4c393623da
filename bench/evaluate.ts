/**
 * Evaluation run speed beside a same-run baseline.
 *
 *   npx tsx bench/evaluate.ts [subjects=1000000] [chunk=250000]
 *
 * Starts a throw-away embedded PostgreSQL (fsync off), migrates, seeds the catalog and the default
 * models, loads the demo city, then times:
 *   - baseline: one plain aggregate over the same records (count per subject, grouped by subject_id);
 *   - a full run of the enterprise model and of the natural-person model (every subject scored,
 *     results stored);
 *   - an incremental run after 1,000 records changed, and one ten days later (time alone moves
 *     records out of windows and subjects past registration anniversaries).
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ensureEmbedded } from '../src/db/embedded.js';
import { migrate } from '../src/db/migrate.js';
import { createPool, type Pool } from '../src/db/pool.js';
import { loadDemoCity } from '../src/demo/load.js';
import { fixedClock } from '../src/lib/clock.js';
import { PersonalData } from '../src/lib/personal-data.js';
import { systemViewer } from '../src/modules/access/viewer.js';
import { seedNationalCatalog } from '../src/modules/catalog/service.js';
import { seedEvaluationModels } from '../src/modules/evaluation/models.js';
import { runEvaluation } from '../src/modules/evaluation/run.js';

const subjects = Number.parseInt(process.argv[2] ?? '1000000', 10);
const chunk = Number.parseInt(process.argv[3] ?? '250000', 10);
if (!Number.isInteger(subjects) || subjects <= 0) throw new Error('usage: tsx bench/evaluate.ts [subjects] [chunk]');
const TODAY = '2026-11-25';

const secs = (ms: number) => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`);
const fmt = (n: number) => n.toLocaleString('en-US');

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const r = await fn();
  return [r, performance.now() - t0];
}

async function baseline(pool: Pool): Promise<[number, number]> {
  const [r, ms] = await timed(() => pool.query<{ n: number }>('select count(*)::int as n from (select subject_id, count(*) from record group by subject_id) g'));
  return [r.rows[0]!.n, ms];
}

async function bench(dir: string): Promise<void> {
  const server = await ensureEmbedded({ dataDir: dir, database: 'bench', fast: true, sharedBuffersMb: null });
  const pool = createPool(server.url, 4);
  try {
    await migrate(pool);
    await seedNationalCatalog(pool);
    await seedEvaluationModels(pool);
    const pd = new PersonalData({ hmacKey: randomBytes(32), encryptionKey: randomBytes(32) });
    let last = -1;
    const load = await loadDemoCity(pool, pd, {
      subjects, seed: 20261125, today: TODAY,
      onProgress: (done, total) => {
        const pct = Math.floor((done / total) * 10);
        if (pct !== last) process.stderr.write(`\rloading demo city … ${pct * 10}%`);
        last = pct;
      },
    });
    process.stderr.write('\n');
    await pool.query('vacuum analyze');
    const kinds = await pool.query<{ kind: string; n: number }>('select kind, count(*)::int as n from subject group by kind order by kind');
    console.log(`demo city: ${fmt(load.subjects)} subjects (${kinds.rows.map((k) => `${k.kind} ${fmt(k.n)}`).join(', ')}), ${fmt(load.records)} records, loaded in ${secs(load.ms)}`);

    const clock = fixedClock(`${TODAY}T10:00:00+08:00`);
    await baseline(pool); // warm the cache once, as the runs below find it
    const [groups, baseMs] = await baseline(pool);
    const [ent, entMs] = await timed(() => runEvaluation(pool, systemViewer, clock, { model: 'enterprise', chunkSize: chunk }));
    const [per, perMs] = await timed(() => runEvaluation(pool, systemViewer, clock, { model: 'natural_person', chunkSize: chunk }));
    const [groups2, baseMs2] = await baseline(pool);
    await pool.query(`update record set updated_at = now() where id in (select id from record order by id desc limit 1000)`);
    const [inc, incMs] = await timed(() => runEvaluation(pool, systemViewer, clock, { model: 'enterprise', incremental: true }));
    const [later, laterMs] = await timed(() => runEvaluation(pool, systemViewer, clock, { model: 'enterprise', incremental: true, asOf: '2026-12-05' }));

    const total = ent.subjects + per.subjects;
    const dist = (g: Record<string, number>, n: number) => Object.entries(g).map(([k, v]) => `${k} ${((100 * v) / n).toFixed(1)}%`).join(' · ');
    console.log('');
    console.log('| what | subjects | time | note |');
    console.log('|---|---:|---:|---|');
    console.log(`| baseline: \`select subject_id, count(*) from record group by subject_id\` | ${fmt(groups)} groups | ${secs(baseMs)} (again after the runs: ${secs(baseMs2)}, ${fmt(groups2)}) | one plain aggregate over all ${fmt(load.records)} records |`);
    console.log(`| full run, enterprise model (${ent.statements} statements) | ${fmt(ent.subjects)} | ${secs(entMs)} | ${dist(ent.gradeCounts, ent.subjects)} |`);
    console.log(`| full run, natural-person model (${per.statements} statements) | ${fmt(per.subjects)} | ${secs(perMs)} | ${dist(per.gradeCounts, per.subjects)} |`);
    console.log(`| **both full runs: every subject scored and stored** | **${fmt(total)}** | **${secs(entMs + perMs)}** | ${(((entMs + perMs) / baseMs)).toFixed(1)}× the baseline |`);
    console.log(`| incremental enterprise run after 1,000 records changed | ${fmt(inc.subjects)} | ${secs(incMs)} | |`);
    console.log(`| incremental enterprise run ten days later (records leaving windows, anniversaries) | ${fmt(later.subjects)} | ${secs(laterMs)} | |`);
  } finally {
    await pool.end();
    await server.stop();
  }
}

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'xinyong-bench-eval-'));
  await chmod(dir, 0o755); // when run as root, the embedded server runs as the unprivileged postgres user
  try {
    await bench(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
