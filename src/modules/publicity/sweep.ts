import type { Pool } from '../../db/pool.js';
import type { Clock } from '../../lib/clock.js';
import { refreshNameGrams } from '../review/service.js';
import { sweepPublication } from './service.js';

const DAY_MS = 86_400_000;
const CST_MS = 8 * 3_600_000;
/** Minutes after midnight (Asia/Shanghai) at which the daily sweep runs. */
const SWEEP_AT_MINUTES = 5;

/** Milliseconds from `now` until the next 00:05 China Standard Time. */
export function msUntilNextSweep(now: Date): number {
  const local = now.getTime() + CST_MS;
  const next = Math.floor(local / DAY_MS) * DAY_MS + SWEEP_AT_MINUTES * 60_000;
  return (next > local ? next : next + DAY_MS) - local;
}

/**
 * Sweep publication windows and list expiries once on start and then daily just after midnight
 * (Asia/Shanghai), then recount the name grams the review's fuzzy matching uses. Runs never overlap; a failed run is logged and retried at the next slot.
 */
export function startPublicationSweep(pool: Pool, clock: Clock, log: (line: string) => void = () => undefined): { stop(): void } {
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let running = false;
  const run = async () => {
    if (running || stopped) return;
    running = true;
    try {
      const r = await sweepPublication({ pool, clock });
      if (r.records || r.entries) log(`publication sweep: ${r.records} records expired, ${r.entries} list entries exited (${r.ms} ms)`);
      // The review's fuzzy name lookup picks rare name grams by these counts; stale counts only cost speed.
      await refreshNameGrams(pool);
    } catch (err) {
      log(`publication sweep failed: ${(err as Error).message}`);
    } finally {
      running = false;
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => void run().then(schedule), msUntilNextSweep(clock.now()));
    timer.unref();
  };
  void run().then(schedule);
  return {
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
