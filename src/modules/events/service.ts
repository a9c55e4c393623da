import type { Db } from '../../db/pool.js';
import { ValidationError } from '../../errors.js';
import { actorOf, appendAudit, READ_ACTIONS } from '../access/audit.js';
import { requireRole, type Viewer } from '../access/viewer.js';
import * as repo from './repo.js';
import type { DomainEvent, NewDomainEvent } from './types.js';

export { lockEvents } from './repo.js';

/** Append events to the outbox inside the caller's transaction (the change and its events commit together). */
export async function appendEvents(tx: Db, at: Date, events: NewDomainEvent[]): Promise<DomainEvent[]> {
  return repo.insertEvents(tx, at, events);
}

/**
 * The event feed for upper platforms: everything after a cursor, oldest first. Payloads name
 * records of every disclosure class and list entries, so the feed is the credit center's only,
 * read with a declared purpose, and each page that carries events is audited once.
 */
export async function readEvents(db: Db, viewer: Viewer, q: { after: number; types: string[]; limit: number }): Promise<{ items: DomainEvent[]; next: number }> {
  requireRole(viewer, 'admin', 'operator');
  if (!viewer.purpose) {
    throw new ValidationError('读取事件流须说明用途（X-Purpose）', [{ field: 'purpose', message: 'a purpose is required to read the event feed' }]);
  }
  const items = await repo.eventsAfter(db, q);
  const next = items.length ? items[items.length - 1]!.id : q.after;
  // An empty page read nothing: polling must not flood the audit log.
  if (items.length) {
    await appendAudit(db, {
      actor: actorOf(viewer), departmentId: viewer.departmentId, action: READ_ACTIONS.events, purpose: viewer.purpose, ip: viewer.ip,
      // The feed is append-only: after, next and types name exactly the events served.
      details: { after: q.after, next, types: q.types, events: items.length, subjects: new Set(items.map((e) => e.subjectId).filter((s) => s !== null)).size },
    });
  }
  return { items, next };
}
