import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../lib/clock.js';
import { TEST_NOW, TEST_TODAY } from '../../test/helpers/clock.js';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.js';
import { loadDemoCity } from '../demo/load.js';
import { systemViewer } from '../modules/access/viewer.js';
import { seedEvaluationModels } from '../modules/evaluation/models.js';
import { runEvaluation } from '../modules/evaluation/run.js';
import { isStale, STALE_MIN_ROWS, tableStatistics, type TableStatistics } from './statistics.js';

// Bulk paths leave the planner statistics of what they grew; asserted on the statistics, never on time.

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await seedEvaluationModels(db.pool);
});
afterAll(async () => {
  await db.drop();
});

/** Manual ANALYZE runs (autovacuum's are counted apart) and the planner's row estimate, per table. */
async function analysed(tables: string[]): Promise<Record<string, { manual: number; plannerRows: number; rows: number }>> {
  const out: Record<string, { manual: number; plannerRows: number; rows: number }> = {};
  for (const t of tables) {
    const s = await db.pool.query<{ manual: number; plannerRows: number }>(
      `select coalesce(s.analyze_count, 0)::int as manual, c.reltuples::float8 as "plannerRows"
       from pg_class c left join pg_stat_user_tables s on s.relid = c.oid where c.oid = $1::regclass`,
      [t],
    );
    const n = await db.pool.query<{ n: number }>(`select count(*)::int as n from ${t}`);
    out[t] = { ...s.rows[0]!, rows: n.rows[0]!.n };
  }
  return out;
}

const stats = (plannerRows: number, changedSinceAnalyse: number, pages = { then: 100, now: 100 }): TableStatistics => ({
  table: 't', plannerRows, plannerPages: pages.then, pages: pages.now, changedSinceAnalyse, lastAnalysed: null,
});

describe('planner statistics after bulk loads', () => {
  it('counts a table stale when never analysed or changed by more than a tenth since', () => {
    expect(isStale(stats(-1, 0))).toBe(true);
    expect(isStale(stats(100_000, 5_000))).toBe(false);
    expect(isStale(stats(100_000, 0), 20_000)).toBe(true); // rows the caller just wrote count before the collector reports them
    expect(isStale(stats(100_000, 10_001))).toBe(true);
    expect(isStale(stats(50_000, STALE_MIN_ROWS - 1), STALE_MIN_ROWS - 1)).toBe(false); // a handful of rows never triggers a full analyse
    expect(isStale(stats(5_000, STALE_MIN_ROWS))).toBe(true);
    expect(isStale(stats(0, 0, { then: 0, now: 0 }), 3)).toBe(true); // grown from empty: no column statistics at all yet
    expect(isStale(stats(0, 0, { then: 0, now: 0 }))).toBe(false);
    expect(isStale(stats(0, 0, { then: 0, now: 4 }))).toBe(true);
    // Growth seen in the table's pages before the statistics collector reports it: 100 → 150 pages of 100 rows each.
    expect(isStale(stats(10_000, 0, { then: 100, now: 150 }))).toBe(true);
    expect(isStale(stats(10_000, 0, { then: 100, now: 105 }))).toBe(false);
  });

  it('leaves a freshly loaded demo city analysed, so an evaluation right away is planned on real numbers', async () => {
    const before = await tableStatistics(db.pool, ['subject', 'record']);
    expect(before.map((s) => s.plannerRows)).toEqual([-1, -1]); // a new database: never analysed
    const city = await loadDemoCity(db.pool, db.pd, { subjects: 300, seed: 7, today: TEST_TODAY });
    const after = await analysed(['subject', 'record', 'record_version', 'subject_link']);
    for (const [table, s] of Object.entries(after)) {
      expect(s.manual, table).toBeGreaterThan(0);
      expect(s.plannerRows, table).toBe(s.rows); // small tables are read whole: the estimate is exact
    }
    expect(after.subject!.rows).toBe(city.subjects);
    expect(after.record!.rows).toBe(city.records);

    // The run itself leaves its results analysed for the next incremental run.
    const run = await runEvaluation(db.pool, systemViewer, fixedClock(TEST_NOW), { model: 'enterprise' });
    expect(run.status).toBe('completed');
    const results = await analysed(['evaluation_result']);
    expect(results.evaluation_result!.manual).toBeGreaterThan(0);
    expect(results.evaluation_result!.plannerRows).toBe(results.evaluation_result!.rows);
    expect(results.evaluation_result!.rows).toBeGreaterThan(0);
  });

  it('analyses stale inputs before a full evaluation run', async () => {
    // Grow the subjects by far more than a tenth behind the loader's back (as a restore or psql would).
    const grown = 2 * Math.max(STALE_MIN_ROWS, (await analysed(['subject'])).subject!.rows);
    await db.pool.query(
      `insert into subject (kind, uscc, name, name_norm, region_code, status)
       select 'legal_person', 'BULK' || g, '批量主体' || g, '批量主体' || g, '320602', 'active' from generate_series(1, $1) g`,
      [grown],
    );
    const before = await analysed(['subject']);
    expect(before.subject!.plannerRows).toBeLessThan(before.subject!.rows / 2);
    await runEvaluation(db.pool, systemViewer, fixedClock(TEST_NOW), { model: 'enterprise' });
    const after = await analysed(['subject']);
    expect(after.subject!.manual).toBeGreaterThan(before.subject!.manual);
    expect(after.subject!.plannerRows).toBe(after.subject!.rows);
  });
});
