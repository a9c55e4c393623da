import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

/** The hash that precedes the first link of every chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** sha256 over the previous hash and the canonical JSON of the entry. */
export function chainHash(prevHash: string, entry: unknown): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(entry)).digest('hex');
}

export interface ChainLink<T> {
  seq: number;
  prevHash: string;
  hash: string;
  entry: T;
}

export interface ChainBreak {
  seq: number;
  reason: 'prev_hash_mismatch' | 'hash_mismatch';
  expected: string;
  found: string;
}

/** Incremental verifier: feed links in seq order; returns the first break or null. */
export class ChainVerifier {
  private last = GENESIS_HASH;
  count = 0;

  constructor(start = GENESIS_HASH) {
    this.last = start;
  }

  check<T>(link: ChainLink<T>): ChainBreak | null {
    this.count += 1;
    if (link.prevHash !== this.last) {
      return { seq: link.seq, reason: 'prev_hash_mismatch', expected: this.last, found: link.prevHash };
    }
    const expected = chainHash(link.prevHash, link.entry);
    if (expected !== link.hash) return { seq: link.seq, reason: 'hash_mismatch', expected, found: link.hash };
    this.last = link.hash;
    return null;
  }
}

/** Walk a stored chain in seq order; the number of links checked and the first break, if any. */
export async function verifyChain<R extends { seq: number; prevHash: string; hash: string }>(
  rows: AsyncIterable<R>,
  hashedPart: (row: R) => unknown,
  onProgress?: (checked: number) => void,
): Promise<{ checked: number; broken: ChainBreak | null }> {
  const v = new ChainVerifier();
  for await (const row of rows) {
    const broken = v.check({ seq: row.seq, prevHash: row.prevHash, hash: row.hash, entry: hashedPart(row) });
    if (broken) return { checked: v.count, broken };
    if (onProgress && v.count % 10000 === 0) onProgress(v.count);
  }
  return { checked: v.count, broken: null };
}
