import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, movableClock, monthOf } from '../../test/helpers/clock.js';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.js';
import { systemViewer } from '../modules/access/viewer.js';
import { qualityReport } from '../modules/quality/service.js';
import { verifyLedger } from '../modules/records/ledger.js';
import { submitDemoDeliveries } from './deliveries.js';
import { loadDemoCity } from './load.js';

// The demo city and its deliveries run on the tests' injected clock (TEST_NOW).
const clock = movableClock();
const TODAY = clock.today();

describe('demo deliveries', () => {
  let t: TestDatabase;
  let first: Awaited<ReturnType<typeof submitDemoDeliveries>>;

  beforeAll(async () => {
    t = await createTestDatabase();
    await loadDemoCity(t.pool, t.pd, { subjects: 3000, seed: 7, today: TODAY });
    first = await submitDemoDeliveries(t.pool, t.pd, clock);
  }, 180_000);
  afterAll(async () => t?.drop());

  it('go through the import path with resent, corrected, new, late and faulty rows', async () => {
    expect(first.submissions).toBeGreaterThanOrEqual(6);
    const c = first.counts!;
    expect(c.unchanged).toBeGreaterThan(0);
    expect(c.updated).toBeGreaterThan(0);
    expect(c.created).toBeGreaterThan(0);
    expect(c.rejected).toBeGreaterThanOrEqual(first.submissions * 4);
    expect(c.warnings).toBeGreaterThanOrEqual(first.submissions);
    expect(c.received).toBe(c.created + c.updated + c.unchanged + c.rejected);
    expect((await verifyLedger(t.pool)).broken).toBeNull();
  });

  it('give the quality dashboard every indicator to show for the current month', async () => {
    const q = await qualityReport(t.pool, systemViewer, clock, {});
    expect(q.from).toBe(monthOf(TODAY).from);
    const penalty = q.items.find((i) => i.department.code === 'SCJGJ' && i.category.code === 'penalty')!;
    expect(penalty.obliged && penalty.reported).toBe(true);
    expect(penalty.complianceRate).toBeGreaterThan(0.5);
    expect(penalty.complianceRate).toBeLessThan(1);
    expect(penalty.rejectedByReason.map((r) => r.code).sort()).toEqual(['duplicate_key', 'future_decision', 'invalid_enum', 'invalid_uscc', 'missing_required']);
    // This month's new decisions only (the resent rows were first received last month): most on time.
    expect(penalty.timeliness.evaluated).toBe(penalty.created);
    expect(penalty.timeliness.late).toBeGreaterThan(0);
    expect(penalty.timeliness.timelyRate).toBeGreaterThan(0.6);
    expect(penalty.unchanged).toBeGreaterThan(0);
    expect(penalty.updated).toBeGreaterThan(0);
    expect(penalty.uscc.wrong).toBe(1);
    expect(penalty.uscc.conflicts).toBeGreaterThanOrEqual(1);
    // Obliged to report, not delivered this month.
    const unreported = q.items.filter((i) => i.obliged && !i.reported).map((i) => `${i.department.code}/${i.category.code}`);
    expect(unreported).toEqual(expect.arrayContaining(['SWJ/penalty', 'YJGLJ/penalty']));
    const scjgj = q.departments.find((d) => d.department.code === 'SCJGJ')!;
    expect(scjgj.reportingRate).toBe(1);
    expect(q.departments.find((d) => d.department.code === 'SWJ')!.reportingRate).toBe(0);
  });

  it('delivers the GBK file with Chinese labels as headers, and the rest as JSON pushes', async () => {
    const r = await t.pool.query<{ pair: string; format: string; encoding: string | null; columns: string[]; receivedOn: string }>(
      `select d.code || '/' || c.code as pair, s.format, s.encoding, s.columns, s.received_on::text as "receivedOn"
       from submission s join department d on d.id = s.department_id join category c on c.id = s.category_id order by s.id`,
    );
    const csv = r.rows.filter((x) => x.pair === 'SCJGJ/penalty');
    // Last month's delivery is dated six days before this month began.
    expect(csv.map((x) => x.receivedOn)).toEqual([addDays(monthOf(TODAY).from, -6), TODAY]);
    for (const x of csv) {
      expect(x).toMatchObject({ format: 'csv', encoding: 'gb18030' });
      expect(x.columns).toContain('行政处罚决定书文号');
    }
    expect(r.rows.filter((x) => x.pair !== 'SCJGJ/penalty').every((x) => x.format === 'json')).toBe(true);
  });

  it('still delivers on a city of 80 subjects (the browser tests\' city)', async () => {
    const small = await createTestDatabase();
    try {
      await loadDemoCity(small.pool, small.pd, { subjects: 80, seed: 20261125, today: TODAY });
      const r = await submitDemoDeliveries(small.pool, small.pd, clock);
      expect(r.submissions).toBeGreaterThanOrEqual(1);
      const q = await qualityReport(small.pool, systemViewer, clock, {});
      const penalty = q.items.find((i) => i.department.code === 'SCJGJ' && i.category.code === 'penalty')!;
      expect(penalty.received).toBeGreaterThan(0);
      expect(penalty.rejectedByReason.map((x) => x.code)).toContain('invalid_uscc');
    } finally {
      await small.drop();
    }
  }, 120_000);

  it('happens once', async () => {
    expect(await submitDemoDeliveries(t.pool, t.pd, clock)).toEqual({ submissions: 0, counts: null });
  });
});
