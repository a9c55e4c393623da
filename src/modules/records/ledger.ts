import { createHash } from 'node:crypto';
import type { Db } from '../../db/pool.js';
import { canonicalJson, CanonicalText } from '../../lib/canonical-json.js';
import { verifyChain, GENESIS_HASH, chainHash, type ChainBreak } from '../../lib/hash-chain.js';
import * as repo from './repo.js';
import type { Actor, RecordRow, VersionRow } from './types.js';

/** Hash of a record's content, stored on the row and in its ledger snapshot. */
export function contentHash(d: Omit<repo.RecordData, 'contentHash'>): string {
  return createHash('sha256').update(canonicalJson(d)).digest('hex');
}

export function snapshotOf(row: RecordRow): Record<string, unknown> {
  return {
    recordId: row.id, subjectId: row.subjectId, categoryId: row.categoryId, departmentId: row.departmentId,
    sourceKey: row.sourceKey, fields: row.fields, decidedOn: row.decidedOn, validFrom: row.validFrom,
    validUntil: row.validUntil, publishFrom: row.publishFrom, publishUntil: row.publishUntil,
    severity: row.severity, state: row.state, version: row.version, contentHash: row.contentHash,
  };
}

type LinkBody = Pick<VersionRow, 'recordId' | 'subjectId' | 'version' | 'op' | 'snapshot' | 'actorKind' | 'actorId' | 'actorName' | 'reason' | 'at'>;

function hashedPart(v: LinkBody) {
  // Numbers, whatever the driver's bigint parsing: the hash must not depend on it.
  return {
    recordId: Number(v.recordId), subjectId: Number(v.subjectId), version: Number(v.version), op: v.op, snapshot: v.snapshot,
    actor: { kind: v.actorKind, id: v.actorId, name: v.actorName }, reason: v.reason, at: v.at.toISOString(),
  };
}

/** Append the row's current state to the ledger; call inside the transaction that changed it. */
export async function appendVersion(db: Db, row: RecordRow, op: VersionRow['op'], actor: Actor, reason: string | null, at: Date): Promise<void> {
  const prevHash = (await repo.lockLedgerTail(db)) ?? GENESIS_HASH;
  const body: LinkBody = {
    recordId: row.id, subjectId: row.subjectId, version: row.version, op, snapshot: snapshotOf(row),
    actorKind: actor.kind, actorId: actor.id, actorName: actor.name, reason, at,
  };
  await repo.insertVersion(db, { ...body, prevHash, hash: chainHash(prevHash, hashedPart(body)) });
}

/** Compute the chain for rows appended in bulk (demo loader, COPY paths). */
export function chainLink(prevHash: string, body: LinkBody): { prevHash: string; hash: string } {
  return { prevHash, hash: chainHash(prevHash, hashedPart(body)) };
}

/**
 * The bulk path's ledger documents, byte for byte what contentHash / snapshotOf / chainLink hash,
 * for a record whose fields were rendered once as canonical JSON (UTF-8 bytes). The record's
 * `fields` is FIELDS_HOLE: each document is rendered around it (the text before and after the
 * fields) and hashed with the fields' bytes in between, so the fields are neither re-rendered
 * nor re-encoded per document. The chain entry does not depend on the previous hash.
 */
export const FIELDS_HOLE = new CanonicalText('\u0000');
// A raw U+0000 cannot come out of canonicalJson otherwise (JSON escapes it): it marks the hole.
const SNAPSHOT_HOLE = new CanonicalText('\u0000');

export type WithFieldsHole<T> = Omit<T, 'fields'> & { fields: CanonicalText };

/** Canonical JSON of a value holding one hole: the text before and after it. */
function around(value: unknown): [string, string] {
  const text = canonicalJson(value);
  const i = text.indexOf('\u0000');
  if (i < 0 || text.indexOf('\u0000', i + 1) >= 0) throw new Error('canonical JSON: expected exactly one hole');
  return [text.slice(0, i), text.slice(i + 1)];
}

export function bulkContentHash(d: WithFieldsHole<Omit<repo.RecordData, 'contentHash'>>, fields: Buffer): string {
  const [a, b] = around(d);
  return createHash('sha256').update(a).update(fields).update(b).digest('hex');
}

export interface BulkVersion {
  /** The snapshot is snapshot[0] ‖ fields ‖ snapshot[1]. */
  snapshot: [string, string];
  hash: string;
}

/** The ledger entry of a bulk-written version and its link hash after prevHash (as chainLink computes it). */
export function bulkVersion(
  row: WithFieldsHole<RecordRow>,
  fields: Buffer,
  op: VersionRow['op'],
  actor: Actor,
  reason: string | null,
  at: Date,
  prevHash: string,
): BulkVersion {
  const snapshot = around(snapshotOf(row as unknown as RecordRow));
  const [c, d] = around(hashedPart({
    recordId: row.id, subjectId: row.subjectId, version: row.version, op, snapshot: SNAPSHOT_HOLE as unknown as Record<string, unknown>,
    actorKind: actor.kind, actorId: actor.id, actorName: actor.name, reason, at,
  }));
  const hash = createHash('sha256').update(`${prevHash}\n${c}${snapshot[0]}`).update(fields).update(`${snapshot[1]}${d}`).digest('hex');
  return { snapshot, hash };
}

export interface LedgerReport {
  checked: number;
  broken: ChainBreak | null;
  outOfLedger: { id: number; reason: string }[];
}

/** Recompute the whole chain and compare every record with its latest ledger entry. */
export async function verifyLedger(db: Db, onProgress?: (n: number) => void): Promise<LedgerReport> {
  const r = await verifyChain(repo.scanLedger(db), hashedPart, onProgress);
  return { ...r, outOfLedger: r.broken ? [] : await repo.recordsOutOfLedger(db) };
}
