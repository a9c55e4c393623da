import type { Pool } from '../../db/pool.js';
import type { Clock } from '../../lib/clock.js';
import type { PersonalData } from '../../lib/personal-data.js';
import { retryPendingExits, sweepOverdue } from '../cases/kernel.js';
import { COMMITMENT_CASE } from '../commitments/case-kind.js';
import { OBJECTION_CASE } from '../objections/case-kind.js';
import type { Actor } from '../records/types.js';
import { REPAIR_CASE } from '../repairs/case-kind.js';

const SWEEP_ACTOR: Actor = { kind: 'system', id: null, name: 'subject-rights sweep' };

export interface SweepResult {
  objectionsEscalated: number;
  repairsOverdue: number;
  commitmentsUnverified: number;
  listExits: number;
}

/**
 * Time-based work of the subject-rights workflows, each kind's overdue sweep as its definition
 * says (each case flagged once, each step its own transaction): overdue objections escalate to the
 * credit centre, overdue repair decisions and unverified notified commitments are flagged. With
 * `pd`, list exits of approved repairs and revoked records that failed after commit are retried.
 */
export async function runSubjectRightsSweep(pool: Pool, clock: Clock, pd?: PersonalData): Promise<SweepResult> {
  const ctx = { pool, clock };
  return {
    objectionsEscalated: await sweepOverdue(ctx, OBJECTION_CASE, SWEEP_ACTOR),
    repairsOverdue: await sweepOverdue(ctx, REPAIR_CASE, SWEEP_ACTOR),
    commitmentsUnverified: await sweepOverdue(ctx, COMMITMENT_CASE, SWEEP_ACTOR),
    listExits: pd ? (await retryPendingExits({ ...ctx, pd }, REPAIR_CASE, SWEEP_ACTOR)) + (await retryPendingExits({ ...ctx, pd }, OBJECTION_CASE, SWEEP_ACTOR)) : 0,
  };
}

/** Run the sweep now and then every `intervalMs` (default 10 minutes) until stopped; one run at a time. */
export function startSubjectRightsSweep(
  pool: Pool, clock: Clock, log: (line: string) => void = () => undefined, opts: { pd?: PersonalData; intervalMs?: number } = {},
): { stop(): void } {
  let running = false;
  let stopped = false;
  const tick = async () => {
    if (running || stopped) return;
    running = true;
    try {
      const r = await runSubjectRightsSweep(pool, clock, opts.pd);
      if (Object.values(r).some((n) => n > 0)) log(`subject-rights sweep: ${JSON.stringify(r)}`);
    } catch (err) {
      log(`subject-rights sweep failed: ${(err as Error).message}`);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void tick(), 1000);
  const timer = setInterval(() => void tick(), opts.intervalMs ?? 10 * 60_000);
  first.unref();
  timer.unref();
  return {
    stop: () => {
      stopped = true;
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
