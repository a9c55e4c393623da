import { analyzeStale } from '../db/statistics.js';
import type pg from 'pg';
import '../db/pool.js'; // the pool's type parsers (bigint → number, dates as text) must be in place
import { GENESIS_HASH } from '../lib/hash-chain.js';
import { cstDate, isIsoDate } from '../lib/clock.js';
import type { PersonalData } from '../lib/personal-data.js';
import { listCategories } from '../modules/catalog/service.js';
import { lockLedgerTail } from '../modules/records/repo.js';
import { BatchEncoder, RowChecker, type EncodeContext, type Lookup } from './batch.js';
import { DEMO_DEPARTMENTS } from './departments.js';
import { CityGenerator } from './generate.js';
import * as repo from './repo.js';

export interface DemoOptions {
  subjects: number;
  seed: number;
  /** YYYY-MM-DD; default today in Asia/Shanghai. */
  today?: string;
  onProgress?: (done: number, total: number, phase: string) => void;
}

export interface DemoResult {
  subjects: number;
  records: number;
  departments: number;
  ms: number;
}

const BATCH = 10_000;
const RECORD_ID_CHUNK = 32_768;
/** Give the event loop a turn this often, so the COPY of the previous batch keeps streaming. */
const YIELD_MS = 8;

export async function countSubjects(pool: pg.Pool): Promise<number> {
  return repo.countSubjects(pool);
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Record ids reserved ahead in chunks, handed out in order. */
class RecordIds {
  private ids: number[] = [];
  private next = 0;
  constructor(private readonly pool: pg.Pool) {}

  async take(n: number): Promise<number[]> {
    if (this.ids.length - this.next < n) {
      this.ids = [...this.ids.slice(this.next), ...(await repo.reserveIds(this.pool, 'record', Math.max(n, RECORD_ID_CHUNK)))];
      this.next = 0;
    }
    const out = this.ids.slice(this.next, this.next + n);
    this.next += n;
    return out;
  }
}

const DEMO_TABLES = ['subject', 'subject_identifier', 'subject_link', 'record', 'record_version'] as const;

function checkOptions(opts: DemoOptions): string {
  if (!Number.isInteger(opts.subjects) || opts.subjects < 0) throw new RangeError(`demo: subjects must be a whole number ≥ 0, got ${opts.subjects}`);
  if (!Number.isInteger(opts.seed)) throw new RangeError(`demo: seed must be an integer, got ${opts.seed}`);
  const today = opts.today ?? cstDate(new Date());
  if (!isIsoDate(today)) throw new RangeError(`demo: today must be YYYY-MM-DD, got ${today}`);
  // People are born up to 2005 and organisations carry USCCs (2015 on): an earlier "today" would make invalid rows.
  if (today < '2016-01-01') throw new RangeError(`demo: today must be 2016-01-01 or later, got ${today}`);
  return today;
}

interface Pipeline {
  gen: CityGenerator;
  checker: RowChecker;
  enc: EncodeContext;
  recordIds: RecordIds;
}

/** Generate, validate and encode subjects [from, to), yielding now and then to let the previous batch stream. */
async function buildBatch(p: Pipeline, from: number, to: number, prevHash: string): Promise<BatchEncoder> {
  const batch = new BatchEncoder(p.enc, prevHash);
  let last = performance.now();
  for (let i = from; i < to; i++) {
    if ((i & 15) === 0 && performance.now() - last > YIELD_MS) {
      await tick();
      last = performance.now();
    }
    const checked = p.checker.check(p.gen.next());
    batch.add(checked, await p.recordIds.take(checked.rows.length));
  }
  return batch;
}

/**
 * Load the deterministic demo city (departments, subjects, identifiers, legal representatives,
 * records and their ledger entries) into a platform without subjects, in one transaction that
 * holds the ledger lock. Batches are generated while the previous one is being COPYed.
 */
export async function loadDemoCity(pool: pg.Pool, pd: PersonalData, opts: DemoOptions): Promise<DemoResult> {
  const started = performance.now();
  const today = checkOptions(opts);
  // One connection holds the transaction; ids are reserved on another while it COPYs.
  if ((pool.options.max ?? 10) < 2) throw new Error('demo: the loader needs a pool of at least 2 connections');
  // Midnight in Asia/Shanghai of `today`: the same ledger timestamps for the same `today`.
  const at = new Date(`${today}T00:00:00+08:00`);
  if ((await repo.countSubjects(pool)) > 0) throw new Error('demo: the platform already holds subjects; the demo city loads only into an empty platform');
  const categories = new Map((await listCategories(pool)).map((c) => [c.code, c]));
  const client = await pool.connect();
  let pending: Promise<void> = Promise.resolve();
  try {
    await client.query('begin');
    const tail = (await lockLedgerTail(client)) ?? GENESIS_HASH;
    if ((await repo.countSubjects(client)) > 0) throw new Error('demo: the platform already holds subjects; the demo city loads only into an empty platform');
    const departments = await repo.ensureDepartments(client, DEMO_DEPARTMENTS);
    const lookup: Lookup = { categories, departments: new Map(departments.map((d) => [d.code, d.id])), today };
    const p: Pipeline = {
      gen: new CityGenerator(opts.seed, today, departments),
      checker: new RowChecker(lookup),
      enc: { pd, at, subjectIds: [] },
      // Ids come from another connection: sequences are not transactional, and this client may be busy COPYing.
      recordIds: new RecordIds(pool),
    };
    let hash = tail;
    let records = 0;
    opts.onProgress?.(0, opts.subjects, 'subjects');
    for (let from = 0; from < opts.subjects; from += BATCH) {
      const to = Math.min(opts.subjects, from + BATCH);
      (await repo.reserveIds(pool, 'subject', to - from)).forEach((id, k) => (p.enc.subjectIds[from + k] = id));
      const batch = await buildBatch(p, from, to, hash);
      hash = batch.lastHash;
      records += batch.recordCount;
      await pending;
      pending = repo.writeBatch(client, batch.done()).then(() => opts.onProgress?.(to, opts.subjects, 'subjects'));
      pending.catch(() => undefined); // awaited on the next turn; keeps an early failure from being "unhandled"
    }
    await pending;
    await client.query('commit');
    // The city grew these tables from nothing: give the planner their statistics now, not when autovacuum comes.
    await analyzeStale(pool, DEMO_TABLES, { subject: opts.subjects, record: records, record_version: records });
    return { subjects: opts.subjects, records, departments: departments.length, ms: Math.round(performance.now() - started) };
  } catch (err) {
    await pending.catch(() => undefined);
    await client.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
