import { systemViewer } from '../access/viewer.js';
import { exitEntry } from '../lists/service.js';
import type { ExitReason } from '../lists/types.js';
import type { Actor } from '../records/types.js';
import type { RightsContext } from './workflow.js';

/**
 * Take entries off their lists after a decision committed (the lists service runs its own
 * transaction per exit). Returns the entries that are off their list now — including those that
 * already were; the rest stay queued on the case for the sweep to retry.
 */
export async function exitListEntries(ctx: RightsContext, entryIds: number[], reason: ExitReason, note: string, actor: Actor): Promise<number[]> {
  const done: number[] = [];
  for (const id of entryIds) {
    try {
      // The decision on the case authorised the exit, whichever department listed the subject.
      await exitEntry(ctx, systemViewer, id, { reason, note }, actor);
      done.push(id);
    } catch (err) {
      if ((err as { code?: string }).code === 'invalid_transition') done.push(id);
    }
  }
  return done;
}
