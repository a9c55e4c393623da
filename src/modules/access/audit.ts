import type { Db, Pool } from '../../db/pool.js';
import { withTx } from '../../db/pool.js';
import { verifyChain, GENESIS_HASH, chainHash, type ChainBreak } from '../../lib/hash-chain.js';
import { storableCopy } from '../../lib/text.js';
import * as repo from './audit-repo.js';
import { requireRole, type Viewer } from './viewer.js';

/**
 * Audit actions of reads of non-public data. Each such read is written once, as the real caller,
 * with purpose and IP; reads of public data are not audited.
 */
export const READ_ACTIONS = {
  /** A subject's archive beyond its public view (also the read behind a report's issue). */
  archive: 'archive_read',
  /** One record, or its ledger versions, of a non-public class. */
  record: 'record_read',
  /** The stored PDF of a report that holds more than public data. */
  report: 'report_read',
  /** A verification (number + code, or the file) of such a report: it tells whether its facts changed. */
  reportVerified: 'report_verified',
  /** A page of the domain event feed. */
  events: 'events_read',
} as const;

/**
 * What a subject sees in its access log: who read or fetched its non-public data. Verifications
 * are not reads of the subject's data by the verifier (they learn only genuine / changed).
 */
const SUBJECT_VISIBLE_READS = [READ_ACTIONS.archive, READ_ACTIONS.record, READ_ACTIONS.report] as const;

export interface AuditEvent {
  actor: { kind: string; id: string | null; name: string | null };
  departmentId?: number | null;
  action: string;
  subjectId?: number | null;
  categories?: string[];
  purpose?: string | null;
  ip?: string | null;
  details?: Record<string, unknown>;
}

function hashedPart(row: Omit<repo.AuditRow, 'seq' | 'prevHash' | 'hash'>) {
  return {
    at: row.at.toISOString(), actorKind: row.actorKind, actorId: row.actorId, actorName: row.actorName,
    departmentId: row.departmentId, action: row.action, subjectId: row.subjectId, categories: row.categories,
    purpose: row.purpose, ip: row.ip, details: row.details,
  };
}

export function actorOf(viewer: Viewer): AuditEvent['actor'] {
  const id = viewer.apiKey ? `key:${viewer.apiKey.id}` : viewer.userId === null ? null : String(viewer.userId);
  return { kind: viewer.role === 'public' ? 'anonymous' : viewer.role, id, name: viewer.username };
}

/** Append one entry to the hash-chained audit log (inside the caller's transaction if given). */
export async function appendAudit(db: Db | Pool, ev: AuditEvent): Promise<number> {
  const run = async (tx: Db) => {
    const prevHash = (await repo.lockAuditTail(tx)) ?? GENESIS_HASH;
    // Texts as they will be stored (a caller's hostile text must neither break the chain nor the append).
    const text = <T>(v: T): T => storableCopy(v) as T;
    const body = {
      at: new Date(), actorKind: text(ev.actor.kind), actorId: text(ev.actor.id), actorName: text(ev.actor.name),
      departmentId: ev.departmentId ?? null, action: ev.action, subjectId: ev.subjectId ?? null,
      categories: text(ev.categories ?? []), purpose: text(ev.purpose ?? null), ip: text(ev.ip ?? null), details: text(ev.details ?? {}),
    };
    return repo.insertAudit(tx, { ...body, prevHash, hash: chainHash(prevHash, hashedPart(body)) });
  };
  return 'totalCount' in db ? withTx(db as Pool, run) : run(db);
}

/** Recompute the audit chain; the first broken link, or null when intact. */
export async function verifyAudit(db: Db): Promise<{ checked: number; broken: ChainBreak | null }> {
  return verifyChain(repo.scanAudit(db), hashedPart);
}

export async function listAudit(
  db: Db,
  viewer: Viewer,
  q: { subjectId?: number | null; actor?: string | null; from?: string | null; to?: string | null; page: number; pageSize: number },
) {
  requireRole(viewer, 'admin');
  return repo.queryAudit(db, { ...q, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
}

/** For a subject: who read its non-public data, when and why. */
export async function subjectAccessLog(db: Db, viewer: Viewer, page: number, pageSize: number) {
  requireRole(viewer, 'subject');
  // A subject account not (yet) tied to a subject has no log: a null filter would mean "every subject".
  if (viewer.subjectId === null) return { items: [], total: 0 };
  const r = await repo.queryAudit(db, { subjectId: viewer.subjectId, actions: SUBJECT_VISIBLE_READS, limit: pageSize, offset: (page - 1) * pageSize });
  return {
    items: r.items.map((a) => ({ at: a.at.toISOString(), actor: a.actorName, actorKind: a.actorKind, departmentId: a.departmentId, purpose: a.purpose, categories: a.categories })),
    total: r.total,
  };
}
