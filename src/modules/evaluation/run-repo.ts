import { EVALUATION_RUN_LOCK } from '../../db/locks.js';
import type { Db, PoolClient } from '../../db/pool.js';
import { addMonths } from '../../lib/clock.js';
import { compileModel, listAggSql, recordAggSql, scoringSelect, SqlParams, type CompiledModel } from './compile.js';
import type { ModelDefinition } from './model-types.js';
import type { RunRow } from './repo.js';

/** The set-based statements of a run: compiled scoring INSERT … SELECTs and the changed-subject set. */

export interface RunContext {
  client: PoolClient;
  def: ModelDefinition;
  categoryIds: Map<string, number>;
  asOf: string;
  runId: number;
}

export function compile(ctx: RunContext, p: SqlParams): CompiledModel {
  return compileModel(ctx.def, { categoryIds: ctx.categoryIds }, ctx.asOf, p);
}

/** Score every applicable subject with ids in [lo, hi] in one INSERT … SELECT. */
export type GradeCounts = Record<string, number>;

/** Insert the scored rows and count them per grade in the same statement (no second pass over the results). */
async function insertScored(ctx: RunContext, sel: string, p: SqlParams): Promise<GradeCounts> {
  const r = await ctx.client.query<{ grade: string; n: number }>(
    `with ins as (
       insert into evaluation_result (subject_id, run_id, score, grade, points, raw, raw_text)
       select subject_id, ${p.add(ctx.runId, 'bigint')}, score, grade, pts, raws, raws_text from (${sel}) q
       returning grade)
     select grade, count(*)::int as n from ins group by grade`,
    p.values,
  );
  return Object.fromEntries(r.rows.map((x) => [x.grade, x.n]));
}

/** Score every applicable subject with ids in [lo, hi] in one INSERT … SELECT. */
export async function scoreRange(ctx: RunContext, lo: number, hi: number): Promise<GradeCounts> {
  const p = new SqlParams();
  const c = compile(ctx, p);
  const [plo, phi, kinds, cats] = [p.add(lo, 'bigint'), p.add(hi, 'bigint'), p.add(ctx.def.subjectKinds, 'text[]'), p.add(c.categoryIds, 'int[]')];
  const from = `from subject s
    left join ${recordAggSql(c, `record r where r.category_id = any(${cats}) and r.subject_id between ${plo} and ${phi}`, ['r.subject_id'])} a on a.subject_id = s.id
    left join ${listAggSql(c, `e.subject_id between ${plo} and ${phi}`)} l on l.subject_id = s.id
    where s.kind = any(${kinds}) and s.id between ${plo} and ${phi}`;
  return insertScored(ctx, scoringSelect(ctx.def, c, { keySelect: 's.id as subject_id', keys: ['subject_id'], from }, p), p);
}

/** Score the subjects listed in the temp table eval_changed. */
export async function scoreChanged(ctx: RunContext): Promise<GradeCounts> {
  const p = new SqlParams();
  const c = compile(ctx, p);
  const cats = p.add(c.categoryIds, 'int[]');
  const from = `from eval_changed ch join subject s on s.id = ch.subject_id
    left join ${recordAggSql(c, `eval_changed ch2 join record r on r.subject_id = ch2.subject_id where r.category_id = any(${cats})`, ['r.subject_id'])} a on a.subject_id = s.id
    left join ${listAggSql(c, 'e.subject_id in (select subject_id from eval_changed)')} l on l.subject_id = s.id`;
  return insertScored(ctx, scoringSelect(ctx.def, c, { keySelect: 's.id as subject_id', keys: ['subject_id'], from }, p), p);
}

export function addCounts(into: GradeCounts, more: GradeCounts): GradeCounts {
  for (const [g, n] of Object.entries(more)) into[g] = (into[g] ?? 0) + n;
  return into;
}

/**
 * Subjects to rescore since the base run: records, list entries or the subject changed after its
 * high-water mark, or time moved a record out of a window, past its validity, or the subject past
 * a registration anniversary between the two evaluation dates.
 */
export async function collectChanged(ctx: RunContext, base: RunRow, c: CompiledModel): Promise<number> {
  const p = new SqlParams();
  const hw = p.add(base.highWater, 'timestamptz');
  const cats = p.add(c.categoryIds, 'int[]');
  const parts = [
    `select subject_id from record where updated_at >= ${hw} and category_id = any(${cats})`,
    `select id from subject where updated_at >= ${hw}`,
  ];
  if (c.listAggs.length) parts.push(`select subject_id from list_entry where updated_at >= ${hw}`);
  // Range scans of (category_id, decided_on): only the categories each window applies to.
  for (const w of base.asOf === ctx.asOf ? [] : c.windows) {
    const from = p.add(addMonths(base.asOf, -w.months), 'date');
    const to = p.add(addMonths(ctx.asOf, -w.months), 'date');
    parts.push(`select subject_id from record where category_id = any(${p.add(w.categoryIds, 'int[]')}) and decided_on > ${from} and decided_on <= ${to}`);
  }
  if (c.liveCategoryIds.length && base.asOf !== ctx.asOf) {
    parts.push(`select subject_id from record where category_id = any(${p.add(c.liveCategoryIds, 'int[]')})
      and valid_until >= ${p.add(base.asOf, 'date')} and valid_until < ${p.add(ctx.asOf, 'date')}`);
  }
  if (c.usesYears && base.asOf !== ctx.asOf) {
    const [a, b] = [p.add(base.asOf, 'timestamp'), p.add(ctx.asOf, 'timestamp')];
    parts.push(`select id from subject where registered_on is not null
      and extract(year from age(${a}, registered_on::timestamp)) <> extract(year from age(${b}, registered_on::timestamp))`);
  }
  await ctx.client.query('create temp table eval_changed (subject_id bigint primary key) on commit drop');
  const r = await ctx.client.query(
    `insert into eval_changed select s.id from subject s where s.kind = any(${p.add(ctx.def.subjectKinds, 'text[]')})
       and s.id in (${parts.join('\n union ')})`,
    p.values,
  );
  await ctx.client.query('analyze eval_changed');
  return r.rowCount ?? 0;
}


/** Session-level lock: one run per model code at a time, across transactions. */
export async function tryLockModel(client: PoolClient, code: string): Promise<boolean> {
  return (await client.query<{ ok: boolean }>('select pg_try_advisory_lock($1, hashtext($2)) as ok', [EVALUATION_RUN_LOCK, code])).rows[0]!.ok;
}

export async function unlockModel(client: PoolClient, code: string): Promise<void> {
  await client.query('select pg_advisory_unlock($1, hashtext($2))', [EVALUATION_RUN_LOCK, code]);
}

/** One snapshot for every statement of the run; hash aggregates of a chunk fit in memory. */
export async function beginRun(client: PoolClient): Promise<void> {
  await client.query('begin isolation level repeatable read');
  await client.query("set local work_mem = '256MB'");
}

export async function setHighWater(client: PoolClient, runId: number, hw: Date): Promise<void> {
  await client.query('update evaluation_run set high_water = $2 where id = $1', [runId, hw]);
}

/** A hypothetical change of one record: a new state (repair) and/or changed fields (fulfilment). */
export interface Scenario {
  n: number;
  recordId: number | null;
  state: string | null;
  patch: Record<string, string> | null;
}

export interface ScenarioScore {
  scenario: number;
  score: string;
  grade: string;
}

/**
 * Score one subject under each scenario (scenario 0 = as is) with the same compiled SQL as a
 * run, so what-if numbers and run results can never disagree.
 */
export async function scoreScenarios(db: Db, def: ModelDefinition, categoryIds: Map<string, number>, asOf: string, subjectId: number, scenarios: Scenario[]): Promise<ScenarioScore[]> {
  const p = new SqlParams();
  const c = compileModel(def, { categoryIds }, asOf, p);
  const sc = p.add(JSON.stringify(scenarios.map((s) => ({ n: s.n, record_id: s.recordId, state: s.state, patch: s.patch }))), 'jsonb');
  const subj = p.add(subjectId, 'bigint');
  const cats = p.add(c.categoryIds, 'int[]');
  const rows = `jsonb_to_recordset(${sc}) as t(n int, record_id bigint, state text, patch jsonb)`;
  const src = `(select t.n as scenario, r.id, r.subject_id, r.category_id, r.severity, r.decided_on, r.valid_until,
      case when r.id = t.record_id and t.state is not null then t.state else r.state end as state,
      case when r.id = t.record_id and t.patch is not null then r.fields || t.patch else r.fields end as fields
    from ${rows} join record r on r.subject_id = ${subj} and r.category_id = any(${cats})) r`;
  const from = `from ${rows} join subject s on s.id = ${subj}
    left join ${recordAggSql(c, src, ['r.scenario', 'r.subject_id'])} a on a.scenario = t.n
    left join ${listAggSql(c, `e.subject_id = ${subj}`)} l on true`;
  const sel = scoringSelect(def, c, { keySelect: 't.n as scenario', keys: ['scenario'], from }, p);
  const r = await db.query<ScenarioScore>(`select scenario, score::text as score, grade from (${sel}) q order by scenario`, p.values);
  return r.rows;
}
