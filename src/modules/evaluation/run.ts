import type { Pool, PoolClient } from '../../db/pool.js';
import { analyzeStale } from '../../db/statistics.js';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js';
import { isIsoDate, type Clock } from '../../lib/clock.js';
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
/** A run with the model it scored. */
export type EvaluationRun = repo.RunRow & { model: { code: string; version: number; name: string } };
const withModel = (run: repo.RunRow, m: ModelRow): EvaluationRun => ({ ...run, model: { code: m.code, version: m.version, name: m.name } });

const DEFAULT_CHUNK = 250_000;

interface Scored {
  subjects: number;
  statements: number;
  gradeCounts: GradeCounts;
}

const total = (g: GradeCounts) => Object.values(g).reduce((a, b) => a + b, 0);

async function fullRun(ctx: RunContext, chunkSize: number, onProgress: RunOptions['onProgress']): Promise<Scored> {
  const { lo, hi, n } = await repo.subjectIdRange(ctx.client, ctx.def.subjectKinds);
  const chunks = Math.max(1, Math.ceil(n / chunkSize));
  const width = Math.ceil((hi - lo + 1) / chunks);
  const gradeCounts: GradeCounts = {};
  onProgress?.(0, n, 'scoring');
  for (let k = 0; k < chunks; k++) {
    const from = lo + k * width;
    addCounts(gradeCounts, await scoreRange(ctx, from, k === chunks - 1 ? hi : from + width - 1));
    onProgress?.(total(gradeCounts), n, 'scoring');
  }
  return { subjects: total(gradeCounts), statements: chunks, gradeCounts };
}

async function pickBase(client: PoolClient, model: ModelRow, asOf: string, incremental: boolean): Promise<repo.RunRow | null> {
  if (!incremental) return null;
  const base = await repo.lastCompletedRun(client, model.id);
  return base && base.asOf <= asOf ? base : null;
}

/**
 * Score every subject the model applies to (or, incrementally, those changed since the model's
 * last completed run) in one repeatable-read transaction: the run sees one snapshot, and either
 * all its results are stored or none. One run per model code at a time.
 */
export async function runEvaluation(pool: Pool, viewer: Viewer, clock: Clock, opts: RunOptions): Promise<EvaluationRun> {
  requireRole(viewer, 'admin', 'operator');
  const asOf = opts.asOf ?? clock.today();
  if (!isIsoDate(asOf)) throw new ValidationError(`评价基准日“${asOf}”须为 YYYY-MM-DD`, [{ field: 'asOf', message: 'not a date' }]);
  const model = await resolveModel(pool, opts.model);
  const cat = await catalogView(pool);
  // A run right after a bulk load must not be planned on an empty-looking city (minutes instead of ms).
  await analyzeStale(pool, EVALUATION_INPUTS);
  const client = await pool.connect();
  let runId: number | null = null;
  let locked = false;
  const started = performance.now();
  try {
    locked = await tryLockModel(client, model.code);
    if (!locked) throw new ConflictError(`模型 ${model.code} 正在评价中，请稍后再试`, [{ field: 'model', message: 'a run of this model is in progress' }], 'run_in_progress');
    const base = await pickBase(client, model, asOf, opts.incremental ?? false);
    const run = await repo.insertRun(client, { modelId: model.id, mode: base ? 'incremental' : 'full', basedOnRunId: base?.id ?? null, asOf, highWater: new Date(0), startedBy: viewer.username ?? 'system', startedAt: clock.now() });
    runId = run.id;
    await beginRun(client);
    await setHighWater(client, run.id, await repo.highWaterMark(client));
    const ctx: RunContext = { client, def: model.definition, categoryIds: cat.categoryIds, asOf, runId: run.id };
    let done: Scored;
    if (base) {
      const changed = await collectChanged(ctx, base, compile(ctx, new SqlParams()));
      opts.onProgress?.(0, changed, 'scoring changed subjects');
      const gradeCounts = await scoreChanged(ctx);
      done = { subjects: total(gradeCounts), statements: 1, gradeCounts };
      opts.onProgress?.(done.subjects, changed, 'scoring changed subjects');
    } else {
      done = await fullRun(ctx, opts.chunkSize ?? DEFAULT_CHUNK, opts.onProgress);
    }
    const finished = await repo.finishRun(client, run.id, { status: 'completed', ...done, ms: Math.round(performance.now() - started), error: null, finishedAt: clock.now() });
    await client.query('commit');
    await analyzeStale(client, ['evaluation_result'], { evaluation_result: done.subjects });
    return withModel(finished, model);
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    if (runId !== null) {
      await repo.finishRun(client, runId, { status: 'failed', subjects: 0, gradeCounts: {}, statements: 0, ms: Math.round(performance.now() - started), error: (err as Error).message.slice(0, 1000), finishedAt: clock.now() }).catch(() => undefined);
    }
    throw err;
  } finally {
    if (locked) await unlockModel(client, model.code).catch(() => undefined);
    client.release();
  }
}

export async function getRun(db: Pool, viewer: Viewer, id: number): Promise<EvaluationRun> {
  requireRole(viewer, 'admin', 'operator', 'department');
  const run = await repo.findRun(db, id);
  if (!run) throw new NotFoundError('evaluation run', String(id));
  return withModel(run, (await repo.modelById(db, run.modelId))!);
}
