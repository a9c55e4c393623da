import { createHash } from 'node:crypto';
import type { Db } from '../../db/pool.js';
import { canonicalJson } from '../../lib/canonical-json.js';
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
