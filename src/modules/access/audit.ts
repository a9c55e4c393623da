import type { Db, Pool } from '../../db/pool.js';
import { withTx } from '../../db/pool.js';
import { verifyChain, GENESIS_HASH, chainHash, type ChainBreak } from '../../lib/hash-chain.js';
import { maskIdNumbersInFreeText } from '../../lib/redact.js';
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

/**
 * Append one entry to the audit log (inside the caller's transaction if given): a plain insert, so
 * concurrent readers never wait for each other. The entry is durable when the caller commits and
 * visible at once to the audit views; the sequencer (sealAudit) links it into the hash chain within
 * a bounded delay (config AUDIT_SEAL_MS).
 */
export async function appendAudit(db: Db | Pool, ev: AuditEvent): Promise<number> {
  // Texts as they will be stored (a caller's hostile text must neither break the chain nor the append).
  const text = <T>(v: T): T => storableCopy(v) as T;
  return repo.insertAudit(db, {
    at: new Date(), actorKind: text(ev.actor.kind), actorId: text(ev.actor.id), actorName: text(ev.actor.name),
    departmentId: ev.departmentId ?? null, action: ev.action, subjectId: ev.subjectId ?? null,
    categories: text(ev.categories ?? []), purpose: text(ev.purpose ?? null), ip: text(ev.ip ?? null), details: text(ev.details ?? {}),
  });
}

/** What a change touched: the subject, the department, the categories and the details an admin reads. */
export interface ChangeTarget {
  subjectId?: number | null;
  departmentId?: number | null;
  categories?: string[];
  details?: Record<string, unknown>;
}

/**
 * Audit a state-changing action of a person or a system, as the viewer, with its IP: call it
 * inside the transaction of the change, so the entry commits (or rolls back) with it. Actions are
 * named `area.verb` (e.g. `objection.revoked`); the audit screen labels them in words.
 */
export function auditChange(db: Db | Pool, viewer: Viewer, action: string, target: ChangeTarget = {}): Promise<number> {
  const departmentId = target.departmentId !== undefined ? target.departmentId : viewer.departmentId;
  return auditChangeBy(db, actorOf(viewer), action, { ...target, departmentId, ip: viewer.ip });
}

/** As auditChange, for code that knows the actor (as the ledger names it) but not the request. */
export function auditChangeBy(db: Db | Pool, actor: AuditEvent['actor'], action: string, target: ChangeTarget & { ip?: string | null }): Promise<number> {
  return appendAudit(db, {
    actor, action, ip: target.ip ?? null, departmentId: target.departmentId ?? null, subjectId: target.subjectId ?? null,
    categories: target.categories ?? [], details: maskedDetails(target.details ?? {}) as Record<string, unknown>,
  });
}

/** Details carry reasons and notes people typed: an ID number in them is masked, as in the case file. */
function maskedDetails(v: unknown): unknown {
  if (typeof v === 'string') return maskIdNumbersInFreeText(v);
  if (Array.isArray(v)) return v.map(maskedDetails);
  if (v && typeof v === 'object' && !(v instanceof Date)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, maskedDetails(x)]));
  return v;
}

/** Entries sealed per transaction of the sequencer. */
const SEAL_BATCH = 2000;

/**
 * The sequencer: link every committed, unsealed entry into the hash chain, in batches, oldest first.
 * One process seals at a time (an advisory lock); with `wait: false` it returns 0 at once when
 * another is sealing. Entries committed while it runs are sealed by its next pass.
 */
export async function sealAudit(pool: Pool, opts: { wait?: boolean } = {}): Promise<number> {
  let sealed = 0;
  for (;;) {
    const n = await withTx(pool, async (tx) => {
      if (!(await repo.lockSequencer(tx, opts.wait ?? true))) return -1;
      const pending = await repo.unsealedAudit(tx, SEAL_BATCH);
      if (!pending.length) return 0;
      const tail = await repo.chainTail(tx);
      let prevHash = tail?.hash ?? GENESIS_HASH;
      let pos = tail?.chainPos ?? 0;
      const links = pending.map((row) => {
        pos += 1;
        const link = { seq: row.seq, chainPos: pos, prevHash, hash: chainHash(prevHash, hashedPart(row)) };
        prevHash = link.hash;
        return link;
      });
      await repo.sealAuditRows(tx, links);
      return links.length;
    });
    if (n <= 0) return sealed;
    sealed += n;
    if (n < SEAL_BATCH) return sealed;
  }
}

/** Run the sequencer every `intervalMs` until stopped; a failed pass is logged and retried. */
export function startAuditSealer(pool: Pool, intervalMs: number, log: (line: string) => void): { stop(): Promise<void> } {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  const pass = () => {
    running = sealAudit(pool, { wait: false }).then(
      () => undefined,
      (err: unknown) => log(`audit sealing failed, retrying: ${(err as Error).message}`),
    ).finally(() => {
      if (!stopped) timer = setTimeout(pass, intervalMs);
    });
  };
  timer = setTimeout(pass, intervalMs);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

/**
 * Seal what is pending, then recompute the chain; the first broken link, or null when intact.
 * `pending` counts entries committed after the seal (sealed by the next pass, not yet checkable).
 */
export async function verifyAudit(pool: Pool): Promise<{ checked: number; broken: ChainBreak | null; pending: number }> {
  await sealAudit(pool);
  const r = await verifyChain(repo.scanAudit(pool), hashedPart);
  return { ...r, pending: await repo.countUnsealed(pool) };
}

export async function listAudit(
  db: Db,
  viewer: Viewer,
  q: { subjectId?: number | null; actor?: string | null; actions?: string[] | null; from?: string | null; to?: string | null; page: number; pageSize: number },
) {
  requireRole(viewer, 'admin');
  // An action ending in `*` matches every action it begins (`objection.*`); the others match exactly.
  const exact = q.actions?.filter((a) => !a.endsWith('*')) ?? [];
  const prefixes = q.actions?.filter((a) => a.endsWith('*')).map((a) => a.slice(0, -1)) ?? [];
  const filtered = exact.length + prefixes.length > 0;
  return repo.queryAudit(db, {
    ...q, actions: filtered ? exact : null, actionPrefixes: filtered ? prefixes : null, limit: q.pageSize, offset: (q.page - 1) * q.pageSize,
  });
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
