/**
 * Text that PostgreSQL cannot store as it was sent. NUL cannot be stored at all (text and jsonb
 * refuse it); a lone UTF-16 surrogate is sent as U+FFFD by the driver's UTF-8 encoder, so a hash
 * computed over the surrogate would not match what was stored. Requests carrying either are refused
 * at the edge (src/http/hostile-text.ts); hashing and error reports use the helpers below.
 */

interface WellFormedString {
  isWellFormed(): boolean;
  toWellFormed(): string;
}

const NUL = '\u0000';

/** The first problem of a text PostgreSQL would not store as given, or null when it is fine. */
export function textProblem(s: string): 'nul' | 'lone_surrogate' | null {
  if (s.includes(NUL)) return 'nul';
  if (!(s as unknown as WellFormedString).isWellFormed()) return 'lone_surrogate';
  return null;
}

/** Words for a clerk: why a value was refused. */
export function textProblemMessage(problem: 'nul' | 'lone_surrogate'): string {
  return problem === 'nul'
    ? '含有空字符（NUL, U+0000），无法保存：请删除该控制字符后重试'
    : '含有残缺的 Unicode 字符（不成对的代理码元），无法保存：请检查文字编码后重试';
}

/** The text as PostgreSQL stores it: lone surrogates become U+FFFD (what the driver sends). NUL is left to the caller. */
export function asStored(s: string): string {
  const w = s as unknown as WellFormedString;
  return w.isWellFormed() ? s : w.toWellFormed();
}

/**
 * A storable copy of any JSON-like value, for reports of what was refused (a rejected row's raw
 * content): NUL and lone surrogates become U+FFFD, in keys and values.
 */
export function storableCopy(value: unknown): unknown {
  if (typeof value === 'string') return asStored(value).replaceAll(NUL, '\uFFFD');
  if (Array.isArray(value)) return value.map(storableCopy);
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[storableCopy(k) as string] = storableCopy(v);
    return out;
  }
  return value;
}

/** A printable form of a text for an error message: control characters and lone surrogates shown as escapes. */
export function printable(s: string, max = 80): string {
  let out = '';
  for (const ch of s.length > max ? s.slice(0, max) : s) {
    const c = ch.codePointAt(0)!;
    out += c < 0x20 || c === 0x7f || (c >= 0xd800 && c <= 0xdfff) ? `\\u${c.toString(16).padStart(4, '0')}` : ch;
  }
  return s.length > max ? `${out}…` : out;
}
