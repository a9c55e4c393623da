import { asStored } from './text.js';

/**
 * Text that is already canonical JSON (e.g. a sub-object rendered once and embedded in several
 * hashed documents): canonicalJson() writes it out as it is.
 */
export class CanonicalText {
  constructor(readonly text: string) {}
}

/** An object layout seen before: its keys in insertion order, sorted, and quoted for output. */
interface Layout {
  keys: string[];
  prefixes: string[];
  order: string[];
}

// Records of one kind share their keys: their sorted order is worked out once per layout. The
// layouts met last are checked first, key by key (no lookup string to build).
const MAX_LAYOUTS = 256;
const MAX_LAYOUT_KEYS = 64;
const RECENT = 8;
const layouts = new Map<string, Layout>();
const recent: Layout[] = [];

function sameKeys(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

function layoutOf(keys: string[]): { order: string[]; prefixes: string[] } {
  for (const l of recent) if (sameKeys(l.keys, keys)) return l;
  if (keys.length > MAX_LAYOUT_KEYS) {
    const order = keys.sort();
    return { order, prefixes: order.map((k) => `${JSON.stringify(asStored(k))}:`) };
  }
  const id = keys.join('\u0000');
  let layout = layouts.get(id);
  // A key containing U+0000 could make two layouts share an id: use the cached one only when its keys match.
  if (!layout || !sameKeys(layout.keys, keys)) {
    const order = [...keys].sort();
    layout = { keys, order, prefixes: order.map((k) => `${JSON.stringify(asStored(k))}:`) };
    if (!layouts.has(id)) {
      if (layouts.size >= MAX_LAYOUTS) layouts.clear();
      layouts.set(id, layout);
    }
  }
  if (recent.length >= RECENT) recent.pop();
  recent.unshift(layout);
  return layout;
}

/**
 * Canonical JSON (sorted keys, no whitespace, undefined dropped) so hashes are reproducible. Text is
 * hashed as PostgreSQL stores it (a lone surrogate as U+FFFD), so a chain verifies over what was stored.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'string') return JSON.stringify(asStored(value));
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('non-finite number in canonical JSON');
    return JSON.stringify(value) ?? 'null';
  }
  if (value instanceof CanonicalText) return value.text;
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i += 1) {
      if (i) out += ',';
      const v: unknown = value[i];
      out += canonicalJson(v === undefined ? null : v);
    }
    return `${out}]`;
  }
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  const obj = value as Record<string, unknown>;
  // Default sort: UTF-16 code unit order, as canonical JSON here has always used.
  const { order, prefixes } = layoutOf(Object.keys(obj));
  let out = '{';
  for (let i = 0; i < order.length; i += 1) {
    const v = obj[order[i]!];
    if (v === undefined) continue;
    if (out.length > 1) out += ',';
    out += prefixes[i]! + (typeof v === 'string' ? JSON.stringify(asStored(v)) : canonicalJson(v));
  }
  return `${out}}`;
}
