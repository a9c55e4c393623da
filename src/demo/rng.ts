import { mulberry32, type Rng } from '../modules/identity/generate.js';

/** Seeded helpers for the demo city: every random choice goes through an Rng, never Math.random. */

export type { Rng };

/** 32-bit integer mix (murmur3 finaliser) of several inputs, for independent per-entity streams. */
export function mix(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const p of parts) {
    h = Math.imul(h ^ (p >>> 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/** The stream of one entity (e.g. subject #i) under the run's seed: independent of the others. */
export function streamFor(seed: number, index: number, stream: number): Rng {
  return mulberry32(mix(seed, index, stream));
}

export function int(rng: Rng, lo: number, hi: number): number {
  return lo + Math.floor(rng() * (hi - lo + 1));
}

export function chance(rng: Rng, p: number): boolean {
  return rng() < p;
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new RangeError('cannot pick from an empty list');
  return item;
}

/** A list of [item, weight] pairs prepared for repeated weighted draws. */
export class Weighted<T> {
  private readonly items: T[];
  private readonly cumulative: number[];
  private readonly total: number;

  constructor(pairs: ReadonlyArray<readonly [T, number]>) {
    if (pairs.length === 0) throw new RangeError('weighted list is empty');
    this.items = pairs.map(([item]) => item);
    let sum = 0;
    this.cumulative = pairs.map(([, w]) => (sum += w));
    this.total = sum;
  }

  draw(rng: Rng): T {
    const x = rng() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]!;
  }
}

/** Poisson-distributed count (Knuth; fine for the small means used here). */
export function poisson(rng: Rng, mean: number): number {
  if (mean <= 0) return 0;
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rng();
  while (p > limit) {
    k += 1;
    p *= rng();
  }
  return k;
}

/** Round to at most `digits` decimals and print without exponent or trailing zeros. */
export function decimal(x: number, digits = 4): string {
  const s = x.toFixed(digits);
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** Log-uniform amount between lo and hi (most fines are small, a few are large). */
export function logUniform(rng: Rng, lo: number, hi: number): number {
  return Math.exp(Math.log(lo) + rng() * (Math.log(hi) - Math.log(lo)));
}

/** 52-bit FNV-1a style hash of a string, for compact "seen" sets (false positives only cost a retry). */
export function hash52(s: string): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return (h1 >>> 0) * 0x100000 + ((h2 >>> 0) & 0xfffff);
}
