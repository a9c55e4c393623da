import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_TODAY } from '../../test/helpers/clock.js';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.js';
import { NATIONAL_CATEGORIES } from '../modules/catalog/national-catalog.js';
import { validateUscc } from '../modules/identity/uscc.js';
import { verifyLedger } from '../modules/records/ledger.js';
import { DEMO_DEPARTMENTS } from './departments.js';
import { CityGenerator } from './generate.js';
import { countSubjects, loadDemoCity } from './load.js';

// The city is generated for the tests' injected clock.
const TODAY = TEST_TODAY;
const SIZE = 500;

/** Every plain citizen ID the generator hands out for this seed and size (subjects and legal representatives). */
function generatedIdNumbers(seed: number, n: number): Set<string> {
  const gen = new CityGenerator(seed, TODAY, DEMO_DEPARTMENTS);
  const ids = new Set<string>();
  for (let i = 0; i < n; i++) {
    const { subject } = gen.next();
    for (const id of [subject.idNumber, subject.legalRep?.idNumber, subject.formerRep?.idNumber]) if (id) ids.add(id);
  }
  return ids;
}

async function usccNames(t: TestDatabase): Promise<string[]> {
  const r = await t.pool.query<{ uscc: string | null; name: string }>('select uscc, name from subject order by id');
  return r.rows.map((x) => `${x.uscc ?? '-'} ${x.name}`);
}

async function recordHashes(t: TestDatabase): Promise<string[]> {
  const r = await t.pool.query<{ content_hash: string }>('select content_hash from record order by id');
  return r.rows.map((x) => x.content_hash);
}

describe('demo city loader', () => {
  let a: TestDatabase;
  let b: TestDatabase;
  let loaded: Awaited<ReturnType<typeof loadDemoCity>>;
  const progress: [number, number, string][] = [];

  beforeAll(async () => {
    [a, b] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    loaded = await loadDemoCity(a.pool, a.pd, { subjects: SIZE, seed: 1, today: TODAY, onProgress: (d, t, p) => progress.push([d, t, p]) });
  }, 120_000);

  afterAll(async () => {
    await Promise.all([a?.drop(), b?.drop()]);
  });

  it('loads plausible counts: every category, ~20% natural persons, some blacklisted subjects', async () => {
    expect(await countSubjects(a.pool)).toBe(SIZE);
    expect(loaded.subjects).toBe(SIZE);
    expect(loaded.departments).toBeGreaterThanOrEqual(30);
    expect(loaded.records / SIZE).toBeGreaterThan(2.5);
    expect(loaded.records / SIZE).toBeLessThan(3.6);
    expect(progress.at(-1)).toEqual([SIZE, SIZE, 'subjects']);

    const perCategory = await a.pool.query<{ code: string; n: number }>(
      `select c.code, count(r.id)::int as n from category c left join record r on r.category_id = c.id group by c.code`,
    );
    const counts = Object.fromEntries(perCategory.rows.map((r) => [r.code, r.n]));
    // Every category of the seeded national catalog (later migrations may add workflow-only ones).
    for (const { code } of NATIONAL_CATEGORIES) expect(counts[code], code).toBeGreaterThanOrEqual(1);
    expect(counts.licence).toBeGreaterThan(counts.penalty!);
    expect(counts.serious_dishonesty).toBeGreaterThanOrEqual(1);
    expect(Object.values(counts).reduce((x, y) => x + y, 0)).toBe(loaded.records);

    const kinds = await a.pool.query<{ kind: string; n: number }>('select kind, count(*)::int as n from subject group by kind');
    const byKind = Object.fromEntries(kinds.rows.map((r) => [r.kind, r.n]));
    expect(byKind.natural_person! / SIZE).toBeGreaterThan(0.14);
    expect(byKind.natural_person! / SIZE).toBeLessThan(0.26);
    for (const k of ['legal_person', 'sole_trader', 'unincorporated']) expect(byKind[k], k).toBeGreaterThan(0);

    // Kinds only where the catalog allows them.
    const misfit = await a.pool.query(
      'select r.id from record r join subject s on s.id = r.subject_id join category c on c.id = r.category_id where not (s.kind = any(c.subject_kinds))',
    );
    expect(misfit.rowCount).toBe(0);
  });

  it('hands out only valid, unique USCCs and links legal representatives by HMAC', async () => {
    const r = await a.pool.query<{ uscc: string; kind: string }>('select uscc, kind from subject where uscc is not null');
    for (const { uscc } of r.rows) expect(validateUscc(uscc).valid, uscc).toBe(true);
    const depts = await a.pool.query<{ uscc: string }>('select uscc from department');
    for (const { uscc } of depts.rows) expect(validateUscc(uscc).valid, uscc).toBe(true);
    const persons = await a.pool.query<{ n: number }>("select count(*)::int as n from subject where kind = 'natural_person' and (id_hmac is null or id_cipher is null or id_masked !~ '^\\d{4}\\*{10}[\\dX]{4}$')");
    expect(persons.rows[0]!.n).toBe(0);
    const reps = await a.pool.query<{ n: number }>(
      "select count(*)::int as n from subject s where s.kind <> 'natural_person' and not exists (select 1 from subject_link l where l.subject_id = s.id and l.role = 'legal_rep' and l.until is null and l.person_name = s.legal_rep_name and l.person_id_hmac is not null)",
    );
    expect(reps.rows[0]!.n).toBe(0);
    const orgCodes = await a.pool.query<{ n: number }>(
      "select count(*)::int as n from subject_identifier i join subject s on s.id = i.subject_id where i.scheme = 'org_code' and i.value <> substr(s.uscc, 9, 9)",
    );
    expect(orgCodes.rows[0]!.n).toBe(0);
  });

  it('stores no plain citizen ID number anywhere', async () => {
    const ids = generatedIdNumbers(1, SIZE);
    expect(ids.size).toBeGreaterThan(SIZE * 0.5);
    const dump = await a.pool.query<{ t: string }>(
      `select t from (
         select s::text as t from subject s
         union all select l::text from subject_link l
         union all select i::text from subject_identifier i
         union all select r::text from record r
         union all select v::text from record_version v) x`,
    );
    let found = 0;
    for (const { t } of dump.rows) for (const m of t.matchAll(/\d{17}[\dX]/g)) if (ids.has(m[0])) found += 1;
    expect(found).toBe(0);
  });

  it('keeps the ledger intact with every record in it', async () => {
    const report = await verifyLedger(a.pool);
    expect(report.broken).toBeNull();
    expect(report.checked).toBe(loaded.records);
    expect(report.outOfLedger).toEqual([]);
  });

  it('is deterministic: the same seed gives the same subjects and record contents', async () => {
    const again = await loadDemoCity(b.pool, b.pd, { subjects: SIZE, seed: 1, today: TODAY });
    expect(again.records).toBe(loaded.records);
    expect(await usccNames(b)).toEqual(await usccNames(a));
    expect(await recordHashes(b)).toEqual(await recordHashes(a));
    const ledgerA = await a.pool.query<{ hash: string }>('select hash from record_version order by seq');
    const ledgerB = await b.pool.query<{ hash: string }>('select hash from record_version order by seq');
    expect(ledgerB.rows).toEqual(ledgerA.rows);
  }, 60_000);

  it('refuses to load into a platform that already holds subjects', async () => {
    await expect(loadDemoCity(a.pool, a.pd, { subjects: 10, seed: 2, today: TODAY })).rejects.toThrow(/already holds subjects/);
    expect(await countSubjects(a.pool)).toBe(SIZE);
  });
});
