import { EVALUATION_MODEL_LOCK } from '../../db/locks.js';
import type { Db } from '../../db/pool.js';
import type { ModelDefinition, ModelRow } from './model-types.js';

/** All SQL of evaluation runs and models, except the compiled scoring statements (compile.ts). */

const MODEL_COLS = `id, code, version, name, subject_kinds as "subjectKinds", grades_public as "gradesPublic", definition,
  created_by as "createdBy", created_at as "createdAt"`;

export interface RunRow {
  id: number;
  modelId: number;
  mode: 'full' | 'incremental';
  basedOnRunId: number | null;
  asOf: string;
  highWater: Date;
  status: 'running' | 'completed' | 'failed';
  subjects: number;
  gradeCounts: Record<string, number>;
  statements: number;
  ms: number | null;
  error: string | null;
  startedBy: string;
  startedAt: Date;
  finishedAt: Date | null;
}

const runCols = (t = '') => `${t}id, ${t}model_id as "modelId", ${t}mode, ${t}based_on_run_id as "basedOnRunId", ${t}as_of as "asOf",
  ${t}high_water as "highWater", ${t}status, ${t}subjects, ${t}grade_counts as "gradeCounts", ${t}statements, ${t}ms, ${t}error,
  ${t}started_by as "startedBy", ${t}started_at as "startedAt", ${t}finished_at as "finishedAt"`;
const RUN_COLS = runCols();

export async function catalogForModels(db: Db): Promise<{ categories: { id: number; code: string; fields: { code: string }[]; disclosure: string }[]; lists: string[] }> {
  const [c, l] = await Promise.all([
    db.query<{ id: number; code: string; fields: { code: string }[]; disclosure: string }>('select id, code, fields, disclosure from category'),
    db.query<{ code: string }>('select code from list'),
  ]);
  return { categories: c.rows, lists: l.rows.map((r) => r.code) };
}

export async function latestModel(db: Db, code: string): Promise<ModelRow | null> {
  const r = await db.query<ModelRow>(`select ${MODEL_COLS} from evaluation_model where code = $1 order by version desc limit 1`, [code]);
  return r.rows[0] ?? null;
}

export async function modelVersion(db: Db, code: string, version: number): Promise<ModelRow | null> {
  const r = await db.query<ModelRow>(`select ${MODEL_COLS} from evaluation_model where code = $1 and version = $2`, [code, version]);
  return r.rows[0] ?? null;
}

export async function modelById(db: Db, id: number): Promise<ModelRow | null> {
  const r = await db.query<ModelRow>(`select ${MODEL_COLS} from evaluation_model where id = $1`, [id]);
  return r.rows[0] ?? null;
}

/** Every version of every model, newest version first within a code. */
export async function listModels(db: Db): Promise<ModelRow[]> {
  const r = await db.query<ModelRow>(`select ${MODEL_COLS} from evaluation_model order by code, version desc`);
  return r.rows;
}

/** Insert the next version of a model code (serialised per code by an advisory lock). */
export async function insertModelVersion(db: Db, def: ModelDefinition, createdBy: string): Promise<ModelRow> {
  await db.query('select pg_advisory_xact_lock($1, hashtext($2))', [EVALUATION_MODEL_LOCK, def.code]);
  const r = await db.query<ModelRow>(
    `insert into evaluation_model (code, version, name, subject_kinds, grades_public, definition, created_by)
     select $1, coalesce(max(version), 0) + 1, $2, $3, $4, $5, $6 from evaluation_model where code = $1
     returning ${MODEL_COLS}`,
    [def.code, def.name, def.subjectKinds, def.gradesPublic, JSON.stringify(def), createdBy],
  );
  return r.rows[0]!;
}

/**
 * Run inside the run's snapshot: the instant before which every record change is visible to it.
 * Rows carry updated_at = now() of their transaction, i.e. its start; a transaction still open
 * may commit such rows later, so the mark is the start of the oldest open transaction, or now.
 */
export async function highWaterMark(db: Db): Promise<Date> {
  const r = await db.query<{ hw: Date }>(
    `select least(now(), (select min(xact_start) from pg_stat_activity
       where xact_start is not null and pid <> pg_backend_pid() and datname = current_database())) as hw`,
  );
  return r.rows[0]!.hw;
}

export async function insertRun(db: Db, run: { modelId: number; mode: RunRow['mode']; basedOnRunId: number | null; asOf: string; highWater: Date; startedBy: string; startedAt: Date }): Promise<RunRow> {
  const r = await db.query<RunRow>(
    `insert into evaluation_run (model_id, mode, based_on_run_id, as_of, high_water, status, started_by, started_at)
     values ($1, $2, $3, $4, $5, 'running', $6, $7) returning ${RUN_COLS}`,
    [run.modelId, run.mode, run.basedOnRunId, run.asOf, run.highWater, run.startedBy, run.startedAt],
  );
  return r.rows[0]!;
}

export async function finishRun(db: Db, id: number, f: { status: 'completed' | 'failed'; subjects: number; gradeCounts: Record<string, number>; statements: number; ms: number; error: string | null; finishedAt: Date }): Promise<RunRow> {
  const r = await db.query<RunRow>(
    `update evaluation_run set status = $2, subjects = $3, grade_counts = $4, statements = $5, ms = $6, error = $7, finished_at = $8
     where id = $1 returning ${RUN_COLS}`,
    [id, f.status, f.subjects, JSON.stringify(f.gradeCounts), f.statements, f.ms, f.error, f.finishedAt],
  );
  return r.rows[0]!;
}

export async function findRun(db: Db, id: number): Promise<RunRow | null> {
  const r = await db.query<RunRow>(`select ${RUN_COLS} from evaluation_run where id = $1`, [id]);
  return r.rows[0] ?? null;
}

/** How far a running run has got (written outside its transaction; see migration 019). */
export async function saveProgress(db: Db, runId: number, done: number, total: number): Promise<void> {
  await db.query(
    `insert into evaluation_run_progress (run_id, done, total) values ($1, $2, $3)
     on conflict (run_id) do update set done = excluded.done, total = excluded.total`,
    [runId, done, total],
  );
}

export async function runProgress(db: Db, runId: number): Promise<{ done: number; total: number } | null> {
  const r = await db.query<{ done: number; total: number }>('select done, total from evaluation_run_progress where run_id = $1', [runId]);
  return r.rows[0] ?? null;
}

export type ListedRun = RunRow & { modelCode: string; modelVersion: number; modelName: string; progress: { done: number; total: number } | null };

/** Runs, newest first, with their model and progress; optionally of one model code. */
export async function listRuns(db: Db, f: { modelCode?: string; limit: number; offset: number }): Promise<{ items: ListedRun[]; total: number }> {
  const where = f.modelCode ? 'where m.code = $3' : '';
  const args: unknown[] = [f.limit, f.offset, ...(f.modelCode ? [f.modelCode] : [])];
  const [rows, n] = await Promise.all([
    db.query<ListedRun>(
      `select ${runCols('er.')}, m.code as "modelCode", m.version as "modelVersion", m.name as "modelName",
         case when p.run_id is null then null else json_build_object('done', p.done, 'total', p.total) end as progress
       from evaluation_run er join evaluation_model m on m.id = er.model_id
       left join evaluation_run_progress p on p.run_id = er.id
       ${where} order by er.id desc limit $1 offset $2`,
      args,
    ),
    db.query<{ n: number }>(`select count(*)::int as n from evaluation_run er join evaluation_model m on m.id = er.model_id ${f.modelCode ? 'where m.code = $1' : ''}`, f.modelCode ? [f.modelCode] : []),
  ]);
  return { items: rows.rows, total: n.rows[0]!.n };
}

/** Whether any evaluation run was ever started on this platform. */
export async function anyRun(db: Db): Promise<boolean> {
  return (await db.query('select 1 from evaluation_run limit 1')).rowCount !== 0;
}

/** Runs still marked running, with their model code. */
export async function runningRuns(db: Db): Promise<{ id: number; modelCode: string }[]> {
  const r = await db.query<{ id: number; modelCode: string }>(
    `select er.id, m.code as "modelCode" from evaluation_run er join evaluation_model m on m.id = er.model_id where er.status = 'running' order by er.id`,
  );
  return r.rows;
}

/** A run cut off when its server stopped (its lock is free): failed, with the reason. */
export async function markRunInterrupted(db: Db, id: number, error: string, finishedAt: Date): Promise<boolean> {
  const r = await db.query(`update evaluation_run set status = 'failed', error = $2, finished_at = $3 where id = $1 and status = 'running'`, [id, error, finishedAt]);
  return r.rowCount === 1;
}

/** The last completed run of a model version (the base of an incremental run). */
export async function lastCompletedRun(db: Db, modelId: number): Promise<RunRow | null> {
  const r = await db.query<RunRow>(`select ${RUN_COLS} from evaluation_run where model_id = $1 and status = 'completed' order by id desc limit 1`, [modelId]);
  return r.rows[0] ?? null;
}

export async function subjectIdRange(db: Db, kinds: string[]): Promise<{ lo: number; hi: number; n: number }> {
  const r = await db.query<{ lo: number | null; hi: number | null; n: number }>(
    'select min(id) as lo, max(id) as hi, count(*)::int as n from subject where kind = any($1::text[])',
    [kinds],
  );
  const row = r.rows[0]!;
  return { lo: row.lo ?? 0, hi: row.hi ?? -1, n: row.n };
}

export interface ResultRow {
  subjectId: number;
  runId: number;
  score: string;
  grade: string;
  points: number[];
  raw: (number | null)[];
  rawText: (string | null)[] | null;
  modelId: number;
  asOf: string;
}

/** The subject's latest completed result under any version of a model code. */
export async function latestResult(db: Db, subjectId: number, modelCode: string): Promise<ResultRow | null> {
  const r = await db.query<ResultRow>(
    `select er.subject_id as "subjectId", er.run_id as "runId", er.score, er.grade, er.points, er.raw, er.raw_text as "rawText", ru.model_id as "modelId", ru.as_of as "asOf"
     from evaluation_result er join evaluation_run ru on ru.id = er.run_id
     where er.subject_id = $1 and ru.status = 'completed'
       and ru.model_id in (select id from evaluation_model where code = $2)
     order by er.run_id desc limit 1`,
    [subjectId, modelCode],
  );
  return r.rows[0] ?? null;
}

/** The model codes that apply to a subject kind and have a result for the subject, newest run first. */
export async function modelCodesWithResult(db: Db, subjectId: number): Promise<string[]> {
  const r = await db.query<{ code: string }>(
    `select m.code from evaluation_result er join evaluation_run ru on ru.id = er.run_id join evaluation_model m on m.id = ru.model_id
     where er.subject_id = $1 and ru.status = 'completed' group by m.code order by max(er.run_id) desc`,
    [subjectId],
  );
  return r.rows.map((x) => x.code);
}

export interface WhatIfCandidate {
  id: number;
  categoryCode: string;
  categoryName: string;
  sourceKey: string;
  decidedOn: string | null;
  state: string;
  severity: string | null;
  disclosure: string;
  action: 'repair' | 'fulfil';
}

/**
 * Records whose repair (adverse, repairable, still counting) or fulfilment (a breached
 * commitment) could change the subject's score, newest first.
 */
export async function whatIfCandidates(db: Db, subjectId: number, categoryIds: number[], limit: number): Promise<WhatIfCandidate[]> {
  const r = await db.query<WhatIfCandidate>(
    `select r.id, c.code as "categoryCode", c.name as "categoryName", r.source_key as "sourceKey", r.decided_on as "decidedOn",
       r.state, r.severity, c.disclosure,
       case when c.code = 'commitment' then 'fulfil' else 'repair' end as action
     from record r join category c on c.id = r.category_id
     where r.subject_id = $1 and r.category_id = any($2::int[]) and r.state in ('active', 'disputed', 'expired')
       and ((c.adverse and c.repairable) or (c.code = 'commitment' and r.fields->>'LXZT' = '未履约'))
     order by r.decided_on desc nulls last, r.id desc limit $3`,
    [subjectId, categoryIds, limit],
  );
  return r.rows;
}
