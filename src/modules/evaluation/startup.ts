import type { Pool } from '../../db/pool.js';
import { ConflictError } from '../../errors.js';
import type { Clock } from '../../lib/clock.js';
import { systemViewer } from '../access/viewer.js';
import { DEFAULT_MODEL_CODES } from './models.js';
import * as repo from './repo.js';
import { runEvaluation, type EvaluationRun } from './run.js';
import { tryLockModel, unlockModel } from './run-repo.js';

/** Shown for a run its server stopped in the middle of (the run stored nothing). */
export const INTERRUPTED = '服务停止时评价被中断，未保存任何结果，请重新发起';

/**
 * Runs still marked running whose model lock nobody holds were cut off when their server stopped
 * (a run holds its model's lock until it ends): they are marked failed, so the console does not
 * show them running for ever. Runs of another live instance keep their lock and are left alone.
 */
export async function markInterruptedRuns(pool: Pool, clock: Clock): Promise<number[]> {
  const marked: number[] = [];
  const running = await repo.runningRuns(pool);
  if (!running.length) return marked;
  const client = await pool.connect();
  try {
    for (const r of running) {
      if (!(await tryLockModel(client, r.modelCode))) continue;
      try {
        if (await repo.markRunInterrupted(client, r.id, INTERRUPTED, clock.now())) marked.push(r.id);
      } finally {
        await unlockModel(client, r.modelCode);
      }
    }
  } finally {
    client.release();
  }
  return marked;
}

/**
 * On a platform where no evaluation has ever run (a fresh start, with or without the demo city),
 * run each default model once over the subjects it applies to, on the platform's clock, so grades
 * and the dashboard's grade charts are there from the start. Does nothing once any run exists;
 * a model another instance is running just then is left to it.
 */
export async function evaluateOnFirstStart(pool: Pool, clock: Clock): Promise<EvaluationRun[]> {
  const done: EvaluationRun[] = [];
  if (await repo.anyRun(pool)) return done;
  for (const code of DEFAULT_MODEL_CODES) {
    const model = await repo.latestModel(pool, code);
    if (!model || (await repo.subjectIdRange(pool, model.subjectKinds)).n === 0) continue;
    try {
      done.push(await runEvaluation(pool, systemViewer, clock, { model: code }));
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
    }
  }
  return done;
}
