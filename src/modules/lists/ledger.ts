import type { Db } from '../../db/pool.js';
import { verifyChain, GENESIS_HASH, chainHash, type ChainBreak } from '../../lib/hash-chain.js';
import type { Actor } from '../records/types.js';
import * as repo from './repo.js';
import type { EntryRow } from './types.js';

type LinkBody = Omit<repo.EntryVersionRow, 'seq' | 'prevHash' | 'hash'>;

export function entrySnapshot(e: EntryRow): Record<string, unknown> {
  return {
    entryId: e.id, listId: e.listId, subjectId: e.subjectId, basisRecordIds: e.basisRecordIds, departmentId: e.departmentId,
    decidedBy: e.decidedBy, documentNo: e.documentNo, reason: e.reason, listedOn: e.listedOn, plannedExpiry: e.plannedExpiry,
    state: e.state, exitReason: e.exitReason, exitNote: e.exitNote, exitedOn: e.exitedOn, version: e.version,
  };
}

function hashedPart(v: LinkBody) {
  return {
    entryId: v.entryId, subjectId: v.subjectId, version: v.version, op: v.op, snapshot: v.snapshot,
    actor: { kind: v.actorKind, id: v.actorId, name: v.actorName }, reason: v.reason, at: v.at.toISOString(),
  };
}

/** Append the entry's current state to the list ledger; call inside the transaction that changed it. */
export async function appendEntryVersion(db: Db, e: EntryRow, op: 'enter' | 'exit', actor: Actor, reason: string | null, at: Date): Promise<void> {
  const prevHash = (await repo.lockListTail(db)) ?? GENESIS_HASH;
  // Through JSON so the hashed snapshot equals what jsonb gives back (bigint ids, dates as text).
  const body: LinkBody = {
    entryId: e.id, subjectId: e.subjectId, version: e.version, op, snapshot: JSON.parse(JSON.stringify(entrySnapshot(e))) as Record<string, unknown>,
    actorKind: actor.kind, actorId: actor.id, actorName: actor.name, reason, at,
  };
  await repo.insertEntryVersion(db, { ...body, prevHash, hash: chainHash(prevHash, hashedPart(body)) });
}

export interface ListLedgerReport {
  checked: number;
  broken: ChainBreak | null;
  outOfLedger: { id: number; reason: string }[];
}

/** Recompute the list ledger chain and compare every entry with its latest ledger row. */
export async function verifyListLedger(db: Db): Promise<ListLedgerReport> {
  const r = await verifyChain(repo.scanEntryLedger(db), hashedPart);
  return { ...r, outOfLedger: r.broken ? [] : await repo.entriesOutOfLedger(db) };
}
