import { createHash, createHmac } from 'node:crypto';
import { canonicalJson } from '../../lib/canonical-json.js';

/**
 * The verifiable draw (双随机): a pure function of the published inputs and the revealed seed.
 * Anyone holding both recomputes exactly the same tasks:
 *
 *   stream(label) yields HMAC-SHA256(seed, label ":" counter) for counter = 0, 1, 2, …;
 *   below(n) reads the first 6 bytes (big-endian, 48 bits) and rejects values ≥ 2^48 − (2^48 mod n),
 *   then returns value mod n (no modulo bias);
 *   tier i draws ceil(|parties| × ratioBp / 10000) parties by a partial Fisher–Yates shuffle of its
 *   published party list driven by stream("parties:" i);
 *   task k (0-based, in tier order then draw order) draws `inspectorsPerTask` inspectors one by
 *   one from stream("inspectors:" k), each time uniformly among the published inspectors (in
 *   published order) not yet chosen, not excluded for that party (declared conflict or a recent
 *   inspection of it) and, with distinctUnits, not of a unit already chosen for the task.
 */

export interface PartyRef {
  id: number;
  /** USCC, or the masked ID number of a natural person. */
  code: string;
  name: string;
  grade: string | null;
}

export interface TierInput {
  tier: string;
  grade: string | null;
  /** Sampling ratio in basis points (300 = 3 %). */
  ratioBp: number;
  parties: PartyRef[];
}

export interface InspectorRef {
  id: number;
  name: string;
  unit: string;
  certificateNo: string;
}

export interface DrawInputs {
  version: 1;
  department: string;
  name: string;
  period: { from: string; to: string };
  items: { id: number; code: string; name: string }[];
  scope: Record<string, unknown>;
  model: string;
  inspectorsPerTask: number;
  distinctUnits: boolean;
  tiers: TierInput[];
  inspectors: InspectorRef[];
  /** [inspectorId, subjectId] pairs that may not meet, sorted. */
  excluded: [number, number][];
  /** sha256 of the canonical JSON of the tiers' party lists: the directory snapshot. */
  directoryHash: string;
}

export interface DrawnTask {
  ordinal: number;
  tier: string;
  subjectId: number;
  grade: string | null;
  inspectorIds: number[];
}

export class TooFewInspectorsError extends Error {
  constructor(readonly party: PartyRef, readonly eligible: number, readonly needed: number) {
    super(`可派检查人员不足：检查对象“${party.name}”（${party.code}）排除回避后只有 ${eligible} 名可派人员，需要 ${needed} 名`);
  }
}

export const sha256Hex = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');
export const inputsHash = (inputs: DrawInputs): string => sha256Hex(canonicalJson(inputs));
export const directoryHash = (tiers: Pick<TierInput, 'tier' | 'parties'>[]): string => sha256Hex(canonicalJson(tiers.map((t) => ({ tier: t.tier, parties: t.parties }))));

const TWO_48 = 2 ** 48;

class Stream {
  private counter = 0;
  constructor(private readonly seed: Buffer, private readonly label: string) {}

  /** Uniform integer in [0, n). */
  below(n: number): number {
    const limit = TWO_48 - (TWO_48 % n);
    for (;;) {
      const h = createHmac('sha256', this.seed).update(`${this.label}:${this.counter++}`).digest();
      const x = h.readUIntBE(0, 6);
      if (x < limit) return x % n;
    }
  }
}

/** ceil(n × bp / 10000) in integer arithmetic. */
export const sampleSize = (n: number, ratioBp: number): number => Math.min(n, Math.floor((n * ratioBp + 9999) / 10000));

function drawParties(seed: Buffer, index: number, tier: TierInput): PartyRef[] {
  const a = [...tier.parties];
  const k = sampleSize(a.length, tier.ratioBp);
  const s = new Stream(seed, `parties:${index}`);
  for (let i = 0; i < k; i++) {
    const j = i + s.below(a.length - i);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a.slice(0, k);
}

function drawInspectors(seed: Buffer, ordinal: number, party: PartyRef, inputs: DrawInputs, excluded: Set<string>): number[] {
  const s = new Stream(seed, `inspectors:${ordinal}`);
  const eligible = inputs.inspectors.filter((i) => !excluded.has(`${i.id}:${party.id}`));
  const chosen: InspectorRef[] = [];
  for (let j = 0; j < inputs.inspectorsPerTask; j++) {
    const pool = eligible.filter((i) => !chosen.includes(i) && !(inputs.distinctUnits && chosen.some((c) => c.unit === i.unit)));
    if (!pool.length) throw new TooFewInspectorsError(party, chosen.length + pool.length, inputs.inspectorsPerTask);
    chosen.push(pool[s.below(pool.length)]!);
  }
  return chosen.map((c) => c.id);
}

/** Draw the parties of every tier and two (or `inspectorsPerTask`) inspectors for each. */
export function drawInspection(inputs: DrawInputs, seed: Buffer): DrawnTask[] {
  const excluded = new Set(inputs.excluded.map(([i, s]) => `${i}:${s}`));
  const tasks: DrawnTask[] = [];
  inputs.tiers.forEach((tier, ti) => {
    for (const party of drawParties(seed, ti, tier)) {
      const ordinal = tasks.length;
      tasks.push({ ordinal, tier: tier.tier, subjectId: party.id, grade: party.grade, inspectorIds: drawInspectors(seed, ordinal, party, inputs, excluded) });
    }
  });
  return tasks;
}

export interface Mismatch {
  ordinal: number | null;
  field: string;
  expected: unknown;
  found: unknown;
}

/**
 * Check a published draw: the seed against its committed hash, the inputs against theirs, and
 * every stored task against the recomputed draw.
 */
export function verifyDraw(p: { inputs: DrawInputs; inputsHash: string; seedHash: string; seed: string; tasks: DrawnTask[] }): { verified: boolean; mismatches: Mismatch[] } {
  const mismatches: Mismatch[] = [];
  const seed = Buffer.from(p.seed, 'hex');
  const seedHash = sha256Hex(seed);
  if (seedHash !== p.seedHash) mismatches.push({ ordinal: null, field: 'seedHash', expected: p.seedHash, found: seedHash });
  const ih = inputsHash(p.inputs);
  if (ih !== p.inputsHash) mismatches.push({ ordinal: null, field: 'inputsHash', expected: p.inputsHash, found: ih });
  const dh = directoryHash(p.inputs.tiers);
  if (dh !== p.inputs.directoryHash) mismatches.push({ ordinal: null, field: 'directoryHash', expected: p.inputs.directoryHash, found: dh });
  let expected: DrawnTask[];
  try {
    expected = drawInspection(p.inputs, seed);
  } catch (err) {
    mismatches.push({ ordinal: null, field: 'draw', expected: 'a complete draw', found: (err as Error).message });
    return { verified: false, mismatches };
  }
  const stored = new Map(p.tasks.map((t) => [t.ordinal, t]));
  for (const e of expected) {
    const f = stored.get(e.ordinal);
    stored.delete(e.ordinal);
    if (!f) {
      mismatches.push({ ordinal: e.ordinal, field: 'task', expected: e, found: null });
      continue;
    }
    if (f.subjectId !== e.subjectId) mismatches.push({ ordinal: e.ordinal, field: 'subjectId', expected: e.subjectId, found: f.subjectId });
    if (f.tier !== e.tier) mismatches.push({ ordinal: e.ordinal, field: 'tier', expected: e.tier, found: f.tier });
    if (f.inspectorIds.join(',') !== e.inspectorIds.join(',')) mismatches.push({ ordinal: e.ordinal, field: 'inspectorIds', expected: e.inspectorIds, found: f.inspectorIds });
  }
  for (const extra of stored.values()) mismatches.push({ ordinal: extra.ordinal, field: 'task', expected: null, found: extra });
  return { verified: mismatches.length === 0, mismatches };
}
