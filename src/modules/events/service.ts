import type { Db } from '../../db/pool.js';
import { requireRole, type Viewer } from '../access/viewer.js';
import * as repo from './repo.js';
import type { DomainEvent, NewDomainEvent } from './types.js';

export { lockEvents } from './repo.js';

/** Append events to the outbox inside the caller's transaction (the change and its events commit together). */
export async function appendEvents(tx: Db, at: Date, events: NewDomainEvent[]): Promise<DomainEvent[]> {
  return repo.insertEvents(tx, at, events);
}

/** The event feed for upper platforms: everything after a cursor, oldest first. */
export async function readEvents(db: Db, viewer: Viewer, q: { after: number; types: string[]; limit: number }): Promise<{ items: DomainEvent[]; next: number }> {
  requireRole(viewer, 'admin', 'operator');
  const items = await repo.eventsAfter(db, q);
  return { items, next: items.length ? items[items.length - 1]!.id : q.after };
}
