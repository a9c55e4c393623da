import { citizenIdCheckChar } from './citizen-id.js';
import { orgCodeCheckChar, regNoCheckDigit } from './org-code.js';
import { knownCountyCodes } from './regions.js';
import { USCC_CHARSET, usccCheckChar } from './uscc.js';
import { usccOrgType } from './uscc-authorities.js';

/** Deterministic generators of valid identifiers for tests and the synthetic demo city. */

export type Rng = () => number;

/** Tiny seeded PRNG (mulberry32): floats in [0, 1), same seed → same sequence. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randInt(rng: Rng, lo: number, hi: number): number {
  return lo + Math.floor(rng() * (hi - lo + 1));
}

function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[randInt(rng, 0, items.length - 1)];
  if (item === undefined) throw new RangeError('cannot pick from an empty list');
  return item;
}

function randChars(rng: Rng, alphabet: string, n: number): string {
  return Array.from({ length: n }, () => alphabet.charAt(randInt(rng, 0, alphabet.length - 1))).join('');
}

function regionOrRandom(rng: Rng, region: string | undefined): string {
  if (region === undefined) return pick(rng, knownCountyCodes());
  if (!/^\d{6}$/.test(region)) throw new RangeError(`region must be 6 digits, got "${region}"`);
  return region;
}

/** Valid 9-character GB 11714 organisation code (no hyphen), body drawn from the USCC charset. */
export function makeOrgCode(rng: Rng): string {
  // The USCC charset is digits plus letters minus I O S V Z, so the result can be embedded in a USCC.
  const body = randChars(rng, USCC_CHARSET, 8);
  return body + orgCodeCheckChar(body);
}

/** Valid USCC; defaults: authority '9', type '1' (enterprise), a random real county. */
export function makeUscc(rng: Rng, opts: { authority?: string; orgType?: string; region?: string } = {}): string {
  const authority = opts.authority ?? '9';
  const orgType = opts.orgType ?? '1';
  if (usccOrgType(authority, orgType) === undefined) {
    throw new RangeError(`unknown USCC authority/type ${authority}${orgType}`);
  }
  const region = regionOrRandom(rng, opts.region);
  // The org check char is a digit or 'X', all inside the USCC charset, so no re-draw is needed.
  const body17 = authority + orgType + region + makeOrgCode(rng);
  return body17 + usccCheckChar(body17);
}

const DAY_MS = 86_400_000;

/** Valid 18-digit citizen ID with a real region code; birth dates never lie in the future. */
export function makeCitizenId(
  rng: Rng,
  opts: { region?: string; birthYearFrom?: number; birthYearTo?: number; sex?: 'male' | 'female' } = {},
): string {
  const from = opts.birthYearFrom ?? 1950;
  const to = opts.birthYearTo ?? 2005;
  if (from < 1900 || to < from) throw new RangeError(`bad birth year range ${from}–${to}`);
  const region = regionOrRandom(rng, opts.region);
  const start = Date.UTC(from, 0, 1);
  // Clamp to yesterday so a range reaching the current year still yields valid IDs.
  const end = Math.min(Date.UTC(to, 11, 31), Date.now() - DAY_MS);
  if (end < start) throw new RangeError(`birth year range ${from}–${to} lies in the future`);
  const birth = new Date(start + randInt(rng, 0, Math.floor((end - start) / DAY_MS)) * DAY_MS);
  const ymd = birth.toISOString().slice(0, 10).replaceAll('-', '');
  const sex = opts.sex ?? (rng() < 0.5 ? 'male' : 'female');
  const sexDigit = pick(rng, sex === 'male' ? [1, 3, 5, 7, 9] : [0, 2, 4, 6, 8]);
  const body17 = region + ymd + String(randInt(rng, 0, 99)).padStart(2, '0') + String(sexDigit);
  return body17 + citizenIdCheckChar(body17);
}

/** Valid 15-digit business registration number (ISO 7064 MOD 11,10 check). */
export function makeRegNo(rng: Rng, region?: string): string {
  const body14 = regionOrRandom(rng, region) + randChars(rng, '0123456789', 8);
  return body14 + regNoCheckDigit(body14);
}
