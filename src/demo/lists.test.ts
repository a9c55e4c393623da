import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_TODAY } from '../../test/helpers/clock.js';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.js';
import { verifyListLedger } from '../modules/lists/ledger.js';
import { loadDemoCity } from './load.js';
import { populateDemoLists } from './lists.js';

// The demo city and its lists are built for the tests' injected clock.
const TODAY = TEST_TODAY;

describe('demo lists', () => {
  let t: TestDatabase;
  let first: Awaited<ReturnType<typeof populateDemoLists>>;
  const progress: number[] = [];

  beforeAll(async () => {
    t = await createTestDatabase();
    await loadDemoCity(t.pool, t.pd, { subjects: 3000, seed: 7, today: TODAY });
    first = await populateDemoLists(t.pool, t.pd, TODAY, (done) => progress.push(done));
  }, 180_000);
  afterAll(async () => t?.drop());

  it('puts subjects on blacklists, the watch list and honour lists, through the ledger', async () => {
    expect(first.blacklist).toBeGreaterThan(0);
    expect(first.watch).toBeGreaterThan(0);
    expect(first.honour).toBeGreaterThan(0);
    const n = await t.pool.query<{ kind: string; n: number }>(
      `select l.kind, count(*)::int as n from list_entry e join list l on l.id = e.list_id where e.state = 'listed' group by l.kind`,
    );
    expect(Object.fromEntries(n.rows.map((r) => [r.kind, r.n]))).toEqual({ blacklist: first.blacklist, watch: first.watch, honour: first.honour });
    expect(progress.at(-1)).toBe(first.blacklist + first.watch + first.honour);
    const ledger = await verifyListLedger(t.pool);
    expect(ledger.broken).toBeNull();
  });

  it('rests each blacklist entry on a serious-dishonesty finding of the same subject by the list\'s department, inside its period', async () => {
    const bad = await t.pool.query(
      `select e.id from list_entry e join list l on l.id = e.list_id
       left join record r on r.id = any(e.basis_record_ids) and r.subject_id = e.subject_id
       left join category c on c.id = r.category_id left join department d on d.id = r.department_id
       where l.kind = 'blacklist' and (c.code is distinct from 'serious_dishonesty' or d.code is distinct from l.department_code
         or e.listed_on > $1 or e.planned_expiry < $1 or r.publish_until < $1)`,
      [TODAY],
    );
    expect(bad.rows).toEqual([]);
    const honourWithAdverse = await t.pool.query(
      `select e.id from list_entry e join list l on l.id = e.list_id
       where l.kind = 'honour' and exists (select 1 from record r join category c on c.id = r.category_id where r.subject_id = e.subject_id and c.adverse)`,
    );
    expect(honourWithAdverse.rows).toEqual([]);
    const watchOnUnpublished = await t.pool.query(
      `select e.id from list_entry e join list l on l.id = e.list_id join record r on r.id = any(e.basis_record_ids)
       where l.kind = 'watch' and r.publish_until < $1`,
      [TODAY],
    );
    expect(watchOnUnpublished.rows).toEqual([]);
  });

  it('adds nothing when run again', async () => {
    expect(await populateDemoLists(t.pool, t.pd, TODAY)).toEqual({ blacklist: 0, watch: 0, honour: 0 });
  });
});
