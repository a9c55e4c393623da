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

const RUN_COLS = `id, model_id as "modelId", mode, based_on_run_id as "basedOnRunId", as_of as "asOf", high_water as "highWater",
  status, subjects, grade_counts as "gradeCounts", statements, ms, error, started_by as "startedBy", started_at as "startedAt",
  finished_at as "finishedAt"`;

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
