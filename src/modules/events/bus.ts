import type { Pool } from '../../db/pool.js';
import { eventsAfter, lastEventId } from './repo.js';
import type { DomainEvent, EventType } from './types.js';

export type EventHandler = (event: DomainEvent) => void | Promise<void>;

const handlers = new Map<string, Set<EventHandler>>();
const dispatchers = new Set<EventDispatch>();

/** Run `handler` for every committed event of `type` ('*' for all); returns the unsubscribe function. */
export function subscribe(type: EventType | '*', handler: EventHandler): () => void {
  let set = handlers.get(type);
  if (!set) handlers.set(type, (set = new Set()));
  set.add(handler);
  return () => void set.delete(handler);
}

async function deliver(event: DomainEvent, log: (line: string) => void): Promise<void> {
  const targets = [...(handlers.get(event.type) ?? []), ...(handlers.get('*') ?? [])];
  for (const h of targets) {
    try {
      await h(event);
    } catch (err) {
      // One failing subscriber must not hold back the others or the feed.
      log(`event handler for ${event.type} #${event.id} failed: ${(err as Error).message}`);
    }
  }
}

export interface EventDispatch {
  /** Resolves once the dispatcher knows where the feed stood when it started. */
  readonly ready: Promise<void>;
  /** Deliver everything committed so far; resolves with the number of events delivered. */
  flush(): Promise<number>;
  stop(): void;
}

const BATCH = 500;

/**
 * In-process delivery after commit: events are read back from the outbox in id (= commit) order,
 * so a subscriber sees an event only once the change that caused it is committed. Polls every
 * `intervalMs` and is nudged by `eventsCommitted()` after this process's own commits.
 */
export function startEventDispatch(pool: Pool, log: (line: string) => void = () => undefined, intervalMs = 1000): EventDispatch {
  let cursor = 0;
  let stopped = false;
  const ready = lastEventId(pool).then((id) => void (cursor = id));
  let chain: Promise<number> = ready.then(() => 0);
  const tick = async (): Promise<number> => {
    let delivered = 0;
    while (!stopped) {
      const batch = await eventsAfter(pool, { after: cursor, types: [], limit: BATCH });
      for (const e of batch) {
        await deliver(e, log);
        cursor = e.id;
        delivered += 1;
      }
      if (batch.length < BATCH) break;
    }
    return delivered;
  };
  const flush = (): Promise<number> => {
    chain = chain.then(tick, () => tick()).catch((err: unknown) => {
      log(`event dispatch failed: ${(err as Error).message}`);
      return 0;
    });
    return chain;
  };
  const timer = setInterval(() => void flush(), intervalMs);
  timer.unref();
  const dispatch: EventDispatch = {
    ready,
    flush,
    stop: () => {
      stopped = true;
      clearInterval(timer);
      dispatchers.delete(dispatch);
    },
  };
  dispatchers.add(dispatch);
  return dispatch;
}

/** Nudge the running dispatchers: call after committing a transaction that emitted events. */
export function eventsCommitted(): void {
  for (const d of dispatchers) void d.flush();
}
