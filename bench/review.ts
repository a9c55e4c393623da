/**
 * Credit review (信用审查) latency beside a same-run baseline.
 *
 *   npx tsx bench/review.ts [subjects=1000000] [--runs 7] [--dir DIR]
 *
 * Starts an embedded PostgreSQL (fsync off) in a temp dir (or DIR, kept and reused, so a big city
 * is loaded once), migrates, seeds the catalog, loads the demo city and puts ~1.5% of subjects on
 * lists. It then sends a 10,000-party review through HTTP (POST /api/v1/reviews): USCCs, ID numbers,
 * legacy organisation codes, names spelt differently (有限责任公司, brackets, full width,
 * traditional script), names with a typo, unknown names and malformed codes. The baseline is the
 * single SQL statement a hand-written screen would run for the same parties: one index probe per
 * party for the exact USCC or exact pre-normalised name, left-joined to live list entries and serious penalties; it does no ID
 * hashing, fuzzy matching, measures, persistence, audit or JSON.
 */
import os from 'node:os';
import { Converter } from 'opencc-js/cn2t';
import { percentile, withBenchCity } from './lib/city.js';
import { buildApp } from '../src/app.js';
import { parseConfig } from '../src/config.js';
import { type Pool } from '../src/db/pool.js';
import { systemClock } from '../src/lib/clock.js';
import { PersonalData } from '../src/lib/personal-data.js';
import { createUser } from '../src/modules/access/service.js';
import { systemViewer } from '../src/modules/access/viewer.js';
import { mulberry32 } from '../src/modules/identity/generate.js';
import { eventRoutes } from '../src/modules/events/routes.js';
import { listRoutes } from '../src/modules/lists/routes.js';
import { measureRoutes } from '../src/modules/measures/routes.js';
import { publicityRoutes } from '../src/modules/publicity/routes.js';
import { reviewRoutes } from '../src/modules/review/routes.js';
import { refreshNameGrams } from '../src/modules/review/service.js';
import { normalizeName } from '../src/modules/subjects/name.js';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
const runs = Number(flag('--runs') ?? 7);
const keepDir = flag('--dir');
const subjects = Number.parseInt(args[0] ?? '1000000', 10);
if (!Number.isInteger(subjects) || subjects <= 0 || !Number.isInteger(runs) || runs < 1) throw new Error('usage: tsx bench/review.ts [subjects] [--runs N] [--dir DIR]');
const PARTIES = 10_000;
const rng = mulberry32(20261125);
const toTraditional = Converter({ from: 'cn', to: 't' });


/** ~1.5% of subjects on blacklists, watch and honour lists (bench setup only: no ledger rows). */
async function seedEntries(pool: Pool): Promise<number> {
  const have = await pool.query<{ n: number }>('select count(*)::int as n from list_entry');
  if (have.rows[0]!.n > 0) return have.rows[0]!.n;
  const r = await pool.query(
    `insert into list_entry (list_id, subject_id, decided_by, reason, listed_on, planned_expiry, state, version, created_at)
     select (select id from list where code = (array['major_tax_violation','court_dishonest_debtor','procurement_serious','wage_arrears','focus_watch','tax_a_grade'])[1 + (s.id % 6)::int]),
       s.id, '基准测试', '基准测试', $1::date - 30, $1::date + 700, 'listed', 1, $2
     from subject s where s.id % 67 = 0`,
    [systemClock.today(), systemClock.now()],
  );
  await pool.query('analyze list_entry');
  return r.rowCount ?? 0;
}

const pick = <T>(xs: T[]): T => xs[Math.floor(rng() * xs.length)]!;
function variant(name: string): string {
  const v = [
    (n: string) => n.replace(/有限公司$/, '有限责任公司'),
    (n: string) => n.replace(/（/g, '(').replace(/）/g, ')'),
    (n: string) => toTraditional(n),
    (n: string) => ` ${n.replace(/[A-Za-z0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))} `,
  ];
  return pick(v)(name);
}
function typo(name: string): string {
  const chars = [...name];
  const at = 2 + Math.floor(rng() * Math.max(1, chars.length - 6));
  chars.splice(at, 1, ...(rng() < 0.5 ? [] : ['鑫']));
  return chars.join('');
}

interface Party { code?: string; name?: string }

/** A realistic mix of 10,000 parties drawn from the city. */
async function parties(pool: Pool, pd: PersonalData): Promise<Party[]> {
  await pool.query('select setseed(0.42)');
  const orgs = (await pool.query<{ uscc: string; name: string }>(`select uscc, name from subject where uscc is not null order by random() limit 9000`)).rows;
  const persons = (await pool.query<{ c: Buffer }>(`select id_cipher as c from subject where kind = 'natural_person' order by random() limit 1000`)).rows;
  const orgCodes = (await pool.query<{ v: string }>(`select value as v from subject_identifier where scheme = 'org_code' order by random() limit 500`)).rows;
  const out: Party[] = [];
  let o = 0;
  for (let i = 0; i < 5000 && o < orgs.length; i++) out.push({ code: orgs[o++]!.uscc });
  for (const p of persons) out.push({ code: pd.decrypt(p.c) });
  for (const c of orgCodes) out.push({ code: c.v });
  for (let i = 0; i < 2500 && o < orgs.length; i++) out.push({ name: variant(orgs[o++]!.name) });
  for (let i = 0; i < 700 && o < orgs.length; i++) out.push({ name: typo(orgs[o++]!.name) });
  for (let i = 0; out.length < PARTIES - 150; i++) out.push({ name: `不存在的${i}号虚构贸易有限公司` });
  while (out.length < PARTIES) {
    const u = pick(orgs).uscc;
    out.push({ code: `${u.slice(0, 17)}${u[17] === '0' ? '1' : '0'}` });
  }
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

async function baseline(pool: Pool, ps: Party[]): Promise<number> {
  // Index probes per party (LATERAL … LIMIT), as the review does: a plain join lets the planner hash the whole register.
  const r = await pool.query(
    `select p.ord, s.id as subject, e.id as entry, r.id as record
     from unnest($1::text[], $2::text[]) with ordinality as p(code, k, ord)
     left join lateral (select s.id from subject s where s.uscc = p.code or s.name_norm = p.k limit 1) s on true
     left join list_entry e on e.subject_id = s.id and e.state = 'listed'
     left join record r on r.subject_id = s.id and r.severity = 'serious' and r.state in ('active', 'disputed')
       and r.publish_from <= current_date and (r.publish_until is null or r.publish_until >= current_date)
     order by p.ord`,
    [ps.map((p) => p.code ?? null), ps.map((p) => (p.name ? normalizeName(p.name) : null))],
  );
  return r.rowCount ?? 0;
}

const pct = percentile;

async function main(): Promise<void> {
  await withBenchCity({ subjects, keepDir, name: 'review', poolSize: 8 }, async ({ dir, pool, pd }) => {
    const city = (await pool.query<{ n: number; p: number; r: number }>(
      `select (select count(*)::int from subject) as n, (select count(*)::int from subject where kind = 'natural_person') as p, (select count(*)::int from record) as r`,
    )).rows[0]!;
    const entries = await seedEntries(pool);
    let gramsNote = 'name gram statistics already counted';
    if (!(await pool.query('select 1 from name_gram_state')).rowCount) {
      const t0 = performance.now();
      const grams = await refreshNameGrams(pool);
      gramsNote = `name gram statistics counted (the daily sweep's job): ${grams.toLocaleString('en-US')} grams in ${((performance.now() - t0) / 1000).toFixed(1)} s`;
    }
    const ps = await parties(pool, pd);

    const config = parseConfig({ DATA_DIR: dir });
    const deps = { config, pool, pd, clock: systemClock, logger: false };
    const app = await buildApp(deps);
    if (!app.hasRoute({ method: 'POST', url: '/api/v1/reviews' })) {
      await app.register(async (api) => {
        for (const routes of [publicityRoutes, listRoutes, measureRoutes, reviewRoutes, eventRoutes]) await routes(api, deps);
      }, { prefix: '/api/v1' });
    }
    await app.ready();
    const username = `bench${Date.now()}`;
    await createUser(pool, systemViewer, { username, password: 'bench password 1', role: 'operator', department: null });
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: 'bench password 1' } });
    const headers = { cookie: `xy_session=${login.cookies.find((c) => c.name === 'xy_session')!.value}`, 'x-csrf-token': (JSON.parse(login.body) as { csrfToken: string }).csrfToken };
    const review = async () => {
      const t0 = performance.now();
      const res = await app.inject({ method: 'POST', url: '/api/v1/reviews', headers, payload: { scenario: 'procurement', parties: ps } });
      const ms = performance.now() - t0;
      if (res.statusCode !== 200) throw new Error(`review failed ${res.statusCode}: ${res.body.slice(0, 500)}`);
      return { ms, body: JSON.parse(res.body) as { counts: Record<string, number>; parties: { matched: unknown; candidates: unknown[]; errors: unknown[] }[] }, bytes: res.body.length };
    };

    const first = await review();
    const firstBase = performance.now();
    await baseline(pool, ps);
    const firstBaseMs = performance.now() - firstBase;
    const times: number[] = [];
    const base: number[] = [];
    for (let i = 0; i < runs; i++) {
      times.push((await review()).ms);
      const t0 = performance.now();
      await baseline(pool, ps);
      base.push(performance.now() - t0);
    }
    const b = first.body;
    const candidatesOnly = b.parties.filter((p) => !p.matched && p.candidates.length).length;
    const withErrors = b.parties.filter((p) => p.errors.length).length;
    console.log(`\ncity: ${city.n.toLocaleString('en-US')} subjects (${city.p.toLocaleString('en-US')} natural persons), ${city.r.toLocaleString('en-US')} records, ${entries.toLocaleString('en-US')} list entries; ${os.cpus().length} CPUs, node ${process.version}`);
    console.log(gramsNote);
    console.log(`review: ${PARTIES.toLocaleString('en-US')} parties → matched ${b.counts.matched}, candidates only ${candidatesOnly}, with errors ${withErrors}, parties with hits ${b.counts.hitParties}, hits ${b.counts.hits}; response ${(first.bytes / 1e6).toFixed(1)} MB\n`);
    console.log(`| ${'measure'.padEnd(62)} | ${'first'.padStart(7)} | ${'p50'.padStart(7)} | ${'p99'.padStart(7)} |`);
    console.log(`|${'-'.repeat(64)}|${'-'.repeat(9)}|${'-'.repeat(9)}|${'-'.repeat(9)}|`);
    const row = (what: string, f: number, xs: number[]) => console.log(`| ${what.padEnd(62)} | ${f.toFixed(0).padStart(5)}ms | ${pct(xs, 50).toFixed(0).padStart(5)}ms | ${pct(xs, 99).toFixed(0).padStart(5)}ms |`);
    row('POST /api/v1/reviews, 10,000 parties (HTTP, stored, audited)', first.ms, times);
    row('baseline: one SQL join, exact code or name → entries, penalties', firstBaseMs, base);
    console.log(`\n${runs} runs after the first; p99 of ${runs} runs is their maximum. The review is ${(pct(times, 50) / pct(base, 50)).toFixed(1)}× the baseline at p50.`);
    await app.close();
  });
}

await main();
