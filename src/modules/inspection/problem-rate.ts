import type { Db } from '../../db/pool.js';
import { NotFoundError } from '../../errors.js';
import * as repo from './repo.js';

/**
 * 问题发现率: the share of inspected parties where problems were found. A party counts as
 * inspected once its result is recorded; "problems found" includes a party that could not be
 * reached at its registered address (通过登记的住所无法联系), itself an irregularity that leads to the
 * list of abnormal operations. The rate is null while nothing has been inspected.
 */
export interface ProblemCounts {
  /** Parties drawn. */
  drawn: number;
  /** Results recorded. */
  inspected: number;
  /** 未发现问题 */
  passed: number;
  /** 发现问题 */
  problemsFound: number;
  /** 通过登记的住所（经营场所）无法联系 */
  unreachable: number;
  /** Drawn, no result yet. */
  pending: number;
  /** (problemsFound + unreachable) / inspected, 4 decimals; null when nothing is inspected. */
  rate: number | null;
}

type TaskOutcome = Pick<repo.TaskRow, 'tier' | 'status' | 'outcome'>;

export function problemCounts(tasks: TaskOutcome[]): ProblemCounts {
  const done = tasks.filter((t) => t.status === 'done');
  const n = (o: repo.TaskRow['outcome']) => done.filter((t) => t.outcome === o).length;
  const problemsFound = n('problems_found');
  const unreachable = n('not_found');
  const rate = done.length ? Math.round(((problemsFound + unreachable) / done.length) * 10000) / 10000 : null;
  return { drawn: tasks.length, inspected: done.length, passed: n('passed'), problemsFound, unreachable, pending: tasks.length - done.length, rate };
}

/**
 * 问题发现率 of a plan: over all its parties and per supervision tier, in the plan's tier order.
 * Tasks carry their tier's name, so grades a policy puts in one tier (same name) count together.
 */
export async function planProblemRate(db: Db, planId: number) {
  const plan = await repo.findPlan(db, planId);
  if (!plan) throw new NotFoundError('inspection plan', String(planId));
  const tasks = plan.status === 'drawn' ? await repo.tasksOf(db, planId) : [];
  const tiers = new Map<string, (string | null)[]>();
  for (const t of plan.inputs.tiers) tiers.set(t.tier, [...(tiers.get(t.tier) ?? []), t.grade]);
  return {
    planId, status: plan.status, ...problemCounts(tasks),
    tiers: [...tiers].map(([tier, grades]) => ({ tier, grades, ...problemCounts(tasks.filter((x) => x.tier === tier)) })),
  };
}
