import type { Pool, PoolClient } from '../../db/pool.js';
import { analyzeStale } from '../../db/statistics.js';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js';
import { isIsoDate, type Clock } from '../../lib/clock.js';
import { actorOf, appendAudit } from '../access/audit.js';
import { requireRole, type Viewer } from '../access/viewer.js';
import { SqlParams } from './compile.js';
import type { ModelRow } from './model-types.js';
import { catalogView, resolveModel } from './models.js';
import * as repo from './repo.js';
import {
  addCounts, beginRun, collectChanged, compile, scoreChanged, scoreRange, setHighWater, tryLockModel, unlockModel, type GradeCounts, type RunContext,
} from './run-repo.js';

/** Tables a run reads: analysed first when their statistics are stale. */
const EVALUATION_INPUTS = ['subject', 'record', 'list_entry', 'evaluation_result', 'category'] as const;

export interface RunOptions {
  /** `code` or `code@version`. */
  model: string;
  incremental?: boolean;
  /** Evaluation date (YYYY-MM-DD); default today. */
  asOf?: string;
  /** Subjects per statement of a full run (progress granularity, memory per statement). */
  chunkSize?: number;
  onProgress?: (done: number, total: number, phase: string) => void;
}

export type { RunRow } from './repo.js';
/** A run with the model it scored, and how far it has got while it runs. */
export type EvaluationRun = repo.RunRow & { model: { code: string; version: number; name: string }; progress: { done: number; total: number } | null };
const withModel = (run: repo.RunRow, m: { code: string; version: number; name: string }, progress: EvaluationRun['progress'] = null): EvaluationRun =>
  ({ ...run, model: { code: m.code, version: m.version, name: m.name }, progress: run.status === 'running' ? progress : null });

/** Audit action of a run's start (by a person, or by the platform at its first start). */
export const RUN_STARTED = 'evaluation.run.started';

const DEFAULT_CHUNK = 250_000;

interface Scored {
  subjects: number;
  statements: number;
  gradeCounts: GradeCounts;
}

type Progress = (done: number, total: number, phase: string) => Promise<void>;

const total = (g: GradeCounts) => Object.values(g).reduce((a, b) => a + b, 0);

async function fullRun(ctx: RunContext, chunkSize: number, progress: Progress): Promise<Scored> {
  const { lo, hi, n } = await repo.subjectIdRange(ctx.client, ctx.def.subjectKinds);
  const chunks = Math.max(1, Math.ceil(n / chunkSize));
  const width = Math.ceil((hi - lo + 1) / chunks);
  const gradeCounts: GradeCounts = {};
  await progress(0, n, 'scoring');
  for (let k = 0; k < chunks; k++) {
    const from = lo + k * width;
    addCounts(gradeCounts, await scoreRange(ctx, from, k === chunks - 1 ? hi : from + width - 1));
    await progress(total(gradeCounts), n, 'scoring');
  }
  return { subjects: total(gradeCounts), statements: chunks, gradeCounts };
}

async function incrementalRun(ctx: RunContext, base: repo.RunRow, progress: Progress): Promise<Scored> {
  const changed = await collectChanged(ctx, base, compile(ctx, new SqlParams()));
  await progress(0, changed, 'scoring changed subjects');
  const gradeCounts = await scoreChanged(ctx);
  await progress(total(gradeCounts), changed, 'scoring changed subjects');
  return { subjects: total(gradeCounts), statements: 1, gradeCounts };
}

async function pickBase(client: PoolClient, model: ModelRow, asOf: string, incremental: boolean): Promise<repo.RunRow | null> {
  if (!incremental) return null;
  const base = await repo.lastCompletedRun(client, model.id);
  return base && base.asOf <= asOf ? base : null;
}

interface Started {
  pool: Pool;
  client: PoolClient;
  clock: Clock;
  model: ModelRow;
  categoryIds: Map<string, number>;
  run: repo.RunRow;
  base: repo.RunRow | null;
  opts: RunOptions;
  started: number;
}

/** Score the started run in one repeatable-read transaction; a failure marks the run failed. */
async function scoreRun(s: Started): Promise<EvaluationRun> {
  const { client, run, model, opts } = s;
  // Progress goes to its own table over another connection (the run's transaction must not see it).
  const progress: Progress = async (done, n, phase) => {
    opts.onProgress?.(done, n, phase);
    await repo.saveProgress(s.pool, run.id, done, n).catch(() => undefined);
  };
  try {
    await beginRun(client);
    await setHighWater(client, run.id, await repo.highWaterMark(client));
    const ctx: RunContext = { client, def: model.definition, categoryIds: s.categoryIds, asOf: run.asOf, runId: run.id };
    const done = s.base ? await incrementalRun(ctx, s.base, progress) : await fullRun(ctx, opts.chunkSize ?? DEFAULT_CHUNK, progress);
    const finished = await repo.finishRun(client, run.id, { status: 'completed', ...done, ms: Math.round(performance.now() - s.started), error: null, finishedAt: s.clock.now() });
    await client.query('commit');
    await analyzeStale(client, ['evaluation_result'], { evaluation_result: done.subjects });
    return withModel(finished, model);
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    await repo.finishRun(client, run.id, { status: 'failed', subjects: 0, gradeCounts: {}, statements: 0, ms: Math.round(performance.now() - s.started), error: (err as Error).message.slice(0, 1000), finishedAt: s.clock.now() }).catch(() => undefined);
    throw err;
  } finally {
    await unlockModel(client, model.code).catch(() => undefined);
    client.release();
  }
}

/**
 * Start a run: check the caller and the date, take the model's run lock (one run per model code at
 * a time), record the run and its audit entry. The scoring goes on in `finished`: every subject
 * the model applies to (or, incrementally, those changed since the model's last completed run), in
 * one repeatable-read transaction, so the run sees one snapshot and stores all its results or none.
 */
export async function startEvaluation(pool: Pool, viewer: Viewer, clock: Clock, opts: RunOptions): Promise<{ run: EvaluationRun; finished: Promise<EvaluationRun> }> {
  requireRole(viewer, 'admin', 'operator');
  const asOf = opts.asOf ?? clock.today();
  if (!isIsoDate(asOf)) throw new ValidationError(`评价基准日“${asOf}”须为 YYYY-MM-DD`, [{ field: 'asOf', message: 'not a date' }]);
  const model = await resolveModel(pool, opts.model);
  const cat = await catalogView(pool);
  // A run right after a bulk load must not be planned on an empty-looking city (minutes instead of ms).
  await analyzeStale(pool, EVALUATION_INPUTS);
  const client = await pool.connect();
  const started = performance.now();
  let locked = false;
  let run: repo.RunRow;
  let base: repo.RunRow | null;
  try {
    locked = await tryLockModel(client, model.code);
    if (!locked) throw new ConflictError(`模型“${model.name}”正在评价中，请等这次评价结束后再试`, [{ field: 'model', message: 'a run of this model is in progress' }], 'run_in_progress');
    base = await pickBase(client, model, asOf, opts.incremental ?? false);
    await client.query('begin');
    run = await repo.insertRun(client, { modelId: model.id, mode: base ? 'incremental' : 'full', basedOnRunId: base?.id ?? null, asOf, highWater: new Date(0), startedBy: viewer.username ?? 'system', startedAt: clock.now() });
    await appendAudit(client, {
      actor: actorOf(viewer), departmentId: viewer.departmentId, action: RUN_STARTED, ip: viewer.ip,
      details: { runId: run.id, model: model.code, version: model.version, mode: run.mode, asOf, basedOnRunId: run.basedOnRunId, requested: opts.incremental ? 'incremental' : 'full' },
    });
    await client.query('commit');
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    if (locked) await unlockModel(client, model.code).catch(() => undefined);
    client.release();
    throw err;
  }
  const finished = scoreRun({ pool, client, clock, model, categoryIds: cat.categoryIds, run, base, opts, started });
  return { run: withModel(run, model, { done: 0, total: 0 }), finished };
}

/** Start a run and wait for its end (the CLI, the API's default, the first start). */
export async function runEvaluation(pool: Pool, viewer: Viewer, clock: Clock, opts: RunOptions): Promise<EvaluationRun> {
  return (await startEvaluation(pool, viewer, clock, opts)).finished;
}

export async function getRun(db: Pool, viewer: Viewer, id: number): Promise<EvaluationRun> {
  requireRole(viewer, 'admin', 'operator', 'department');
  const run = await repo.findRun(db, id);
  if (!run) throw new NotFoundError('evaluation run', String(id));
  return withModel(run, (await repo.modelById(db, run.modelId))!, run.status === 'running' ? await repo.runProgress(db, id) : null);
}

/** Runs, newest first, with model, kind, dates, status, grade counts and progress (staff). */
export async function listRuns(db: Pool, viewer: Viewer, f: { model?: string; page: number; pageSize: number }): Promise<{ items: EvaluationRun[]; total: number }> {
  requireRole(viewer, 'admin', 'operator', 'department');
  const r = await repo.listRuns(db, { modelCode: f.model, limit: f.pageSize, offset: (f.page - 1) * f.pageSize });
  return {
    total: r.total,
    items: r.items.map(({ modelCode, modelVersion, modelName, progress, ...run }) => withModel(run, { code: modelCode, version: modelVersion, name: modelName }, progress)),
  };
}
