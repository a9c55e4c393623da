import { createHash } from 'node:crypto';
import type { Db } from '../../db/pool.js';
import { canonicalJson, CanonicalText } from '../../lib/canonical-json.js';
import { verifyChain, GENESIS_HASH, chainHash, type ChainBreak } from '../../lib/hash-chain.js';
import { asStored } from '../../lib/text.js';
import * as repo from './repo.js';
import type { Actor, RecordRow, VersionRow } from './types.js';

/** Hash of a record's content, stored on the row and in its ledger snapshot (renderedContentHash). */
export function contentHash(d: Omit<repo.RecordData, 'contentHash'>): string {
  return renderedContentHash({ ...d, fields: FIELDS_HOLE }, Buffer.from(canonicalJson(d.fields)));
}

/** The snapshot a ledger entry holds of a record (what ledgerEntry renders; the ledger-bulk test holds them together). */
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
  const fields = canonicalJson(row.fields);
  const e = ledgerEntry({ ...row, fields: FIELDS_HOLE }, Buffer.from(fields), op, actor, reason, at, prevHash);
  await repo.insertVersion(db, {
    recordId: row.id, subjectId: row.subjectId, version: row.version, op, snapshot: e.snapshot[0] + fields + e.snapshot[1],
    actorKind: actor.kind, actorId: actor.id, actorName: actor.name, reason, at, prevHash, hash: e.hash,
  });
}

/**
 * A link's hash as verifyLedger recomputes it, from the entry as a whole (canonicalJson of its
 * hashed part): what the writer's ledgerEntry must come to, and what the demo loader chains with.
 */
export function chainLink(prevHash: string, body: LinkBody): { prevHash: string; hash: string } {
  return { prevHash, hash: chainHash(prevHash, hashedPart(body)) };
}

/**
 * The ledger's documents as every writer renders them, single-row (appendVersion, contentHash) and
 * bulk (ledger-bulk.ts): byte for byte what canonicalJson makes of the content, of snapshotOf and
 * of the hashed part verifyLedger checks, for a record whose fields are rendered once as canonical
 * JSON (UTF-8 bytes). The record's `fields` is FIELDS_HOLE (a placeholder): each document is
 * rendered around the fields (the text before and after them) and hashed with the fields' bytes in
 * between, so a bulk writer neither re-renders nor re-encodes the fields per document. The chain
 * entry does not depend on the previous hash.
 */
export const FIELDS_HOLE = new CanonicalText('\u0000');
export type WithFieldsHole<T> = Omit<T, 'fields'> & { fields: CanonicalText };

/** A scalar as canonicalJson writes it; undefined is refused (it would be dropped, not written). */
function scalar(v: string | number | null | undefined): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return JSON.stringify(asStored(v));
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  throw new Error(`canonical JSON of a record: unexpected value ${String(v)}`);
}

// The documents below have fixed keys: they are written out in canonicalJson's (sorted) key order
// directly, around the fields, instead of being sorted and searched for the hole on every row.
// The ledger-bulk test holds them to canonicalJson byte for byte.

type Content = WithFieldsHole<Omit<repo.RecordData, 'contentHash'>>;

/** canonicalJson of a record's content (contentHash's input) before and after its fields. */
function contentAround(d: Content): [string, string] {
  return [
    `{"categoryId":${scalar(d.categoryId)},"decidedOn":${scalar(d.decidedOn)},"departmentId":${scalar(d.departmentId)},"fields":`,
    `,"publishFrom":${scalar(d.publishFrom)},"publishUntil":${scalar(d.publishUntil)},"severity":${scalar(d.severity)},"sourceKey":${scalar(d.sourceKey)}`
      + `,"state":${scalar(d.state)},"subjectId":${scalar(d.subjectId)},"validFrom":${scalar(d.validFrom)},"validUntil":${scalar(d.validUntil)}}`,
  ];
}

/** canonicalJson of snapshotOf(row) before and after the fields. */
function snapshotAround(row: WithFieldsHole<RecordRow>): [string, string] {
  return [
    `{"categoryId":${scalar(row.categoryId)},"contentHash":${scalar(row.contentHash)},"decidedOn":${scalar(row.decidedOn)},"departmentId":${scalar(row.departmentId)},"fields":`,
    `,"publishFrom":${scalar(row.publishFrom)},"publishUntil":${scalar(row.publishUntil)},"recordId":${scalar(row.id)},"severity":${scalar(row.severity)}`
      + `,"sourceKey":${scalar(row.sourceKey)},"state":${scalar(row.state)},"subjectId":${scalar(row.subjectId)},"validFrom":${scalar(row.validFrom)}`
      + `,"validUntil":${scalar(row.validUntil)},"version":${scalar(row.version)}}`,
  ];
}

// A batch's entries share actor, time and reason: their opening is rendered once.
// hashedPart's keys in order: actor, at, op, reason, recordId, snapshot, subjectId, version.
let lastOpening: { actor: Actor; at: number; reason: string | null; head: string; reason_: string } | null = null;
function entryOpening(actor: Actor, at: Date, reason: string | null): { head: string; reason_: string } {
  const l = lastOpening;
  if (l && l.actor.kind === actor.kind && l.actor.id === actor.id && l.actor.name === actor.name && l.at === at.getTime() && l.reason === reason) return l;
  lastOpening = {
    actor: { ...actor }, at: at.getTime(), reason,
    head: `{"actor":{"id":${scalar(actor.id)},"kind":${scalar(actor.kind)},"name":${scalar(actor.name)}},"at":${scalar(at.toISOString())}`,
    reason_: `,"reason":${scalar(reason)}`,
  };
  return lastOpening;
}

/** The hash of a record's content (contentHash) from its rendered fields. */
export function renderedContentHash(d: Content, fields: Buffer): string {
  const [a, b] = contentAround(d);
  return createHash('sha256').update(a).update(fields).update(b).digest('hex');
}

export interface LedgerEntry {
  /** The snapshot is snapshot[0] ‖ fields ‖ snapshot[1]. */
  snapshot: [string, string];
  hash: string;
}

/** The ledger entry of a record's version and its link hash after prevHash (as verifyLedger checks it). */
export function ledgerEntry(
  row: WithFieldsHole<RecordRow>,
  fields: Buffer,
  op: VersionRow['op'],
  actor: Actor,
  reason: string | null,
  at: Date,
  prevHash: string,
): LedgerEntry {
  const snapshot = snapshotAround(row);
  const o = entryOpening(actor, at, reason);
  const c = `${o.head},"op":${scalar(op)}${o.reason_},"recordId":${scalar(Number(row.id))},"snapshot":`;
  const d = `,"subjectId":${scalar(Number(row.subjectId))},"version":${scalar(Number(row.version))}}`;
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
