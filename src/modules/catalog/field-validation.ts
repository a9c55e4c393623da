import { validateCitizenId } from '../identity/citizen-id.js';
import { validateUscc } from '../identity/uscc.js';
import type { Category, FieldDef, SubjectKind } from './types.js';
import { printable, textProblem, textProblemMessage } from '../../lib/text.js';

export type FieldIssue = {
  field: string;
  message: string;
};

export type FieldValues = Record<string, string>;

const DATE_PATTERNS: [RegExp, (m: RegExpMatchArray) => [string, string, string]][] = [
  [/^(\d{4})-(\d{1,2})-(\d{1,2})$/, (m) => [m[1]!, m[2]!, m[3]!]],
  [/^(\d{4})\/(\d{1,2})\/(\d{1,2})$/, (m) => [m[1]!, m[2]!, m[3]!]],
  [/^(\d{4})\.(\d{1,2})\.(\d{1,2})$/, (m) => [m[1]!, m[2]!, m[3]!]],
  [/^(\d{4})(\d{2})(\d{2})$/, (m) => [m[1]!, m[2]!, m[3]!]],
  [/^(\d{4})年(\d{1,2})月(\d{1,2})日$/, (m) => [m[1]!, m[2]!, m[3]!]],
  [/^(\d{4})-(\d{2})-(\d{2})[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/, (m) => [m[1]!, m[2]!, m[3]!]],
];

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isDigits(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i += 1) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Parse the date spellings departments send (2024-03-05, 2024/3/5, 20240305, 2024年3月5日). */
export function parseDate(raw: string): string | null {
  // Already YYYY-MM-DD (most rows): check the calendar day without a regular expression or a Date.
  if (raw.length === 10 && raw.charCodeAt(4) === 45 && raw.charCodeAt(7) === 45 && isDigits(raw, 0, 4) && isDigits(raw, 5, 7) && isDigits(raw, 8, 10)) {
    const y = Number(raw.slice(0, 4));
    const m = Number(raw.slice(5, 7));
    const d = Number(raw.slice(8, 10));
    const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    const days = m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1];
    return days !== undefined && d >= 1 && d <= days ? raw : null;
  }
  for (const [re, pick] of DATE_PATTERNS) {
    const m = raw.match(re);
    if (!m) continue;
    const [y, mo, d] = pick(m);
    const iso = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
    const dt = new Date(`${iso}T00:00:00Z`);
    if (Number.isNaN(dt.getTime()) || dt.toISOString().slice(0, 10) !== iso) return null;
    return iso;
  }
  return null;
}

function splitMulti(v: string): string[] {
  return v.split(/[;；、,，]/).map((s) => s.trim()).filter(Boolean);
}

function checkValue(def: FieldDef, raw: string, today: string): { value?: string; error?: string } {
  switch (def.type) {
    case 'date': {
      const iso = parseDate(raw);
      if (!iso) return { error: `“${raw}”不是有效日期（应为 YYYY-MM-DD）` };
      if (iso < '1900-01-01') return { error: `日期 ${iso} 早于 1900 年` };
      return { value: iso };
    }
    case 'decimal': {
      const v = raw.replace(/,/g, '');
      if (!/^-?\d+(\.\d+)?$/.test(v)) return { error: `“${raw}”不是数字` };
      if (Number(v) < 0) return { error: `金额不能为负数：${raw}` };
      return { value: v };
    }
    case 'integer':
      return /^-?\d+$/.test(raw) ? { value: raw } : { error: `“${raw}”不是整数` };
    case 'enum': {
      const values = def.multi ? splitMulti(raw) : [raw];
      const bad = values.filter((x) => !def.enum?.includes(x));
      if (bad.length > 0) return { error: `取值“${bad.join('、')}”不在允许范围内（${def.enum?.join(' / ')}）` };
      return { value: values.join(';') };
    }
    case 'uscc': {
      const r = checkUsccCached(raw);
      return r.valid ? { value: r.normalized ?? raw } : { error: r.errors.map((e) => e.message).join('；') };
    }
    case 'id_number': {
      const r = validateCitizenId(raw, new Date(`${today}T12:00:00Z`));
      return r.valid ? { value: r.normalized ?? raw } : { error: r.errors.map((e) => e.message).join('；') };
    }
    default:
      return { value: raw };
  }
}

// Department files repeat the same authority and source-unit codes on every row: bulk imports
// check each distinct USCC once (results are read-only; the memo is bounded).
const usccChecks = new Map<string, ReturnType<typeof validateUscc>>();
/** validateUscc through a bounded memo: the result is shared, do not change it. */
export function checkUsccCached(raw: string): ReturnType<typeof validateUscc> {
  let r = usccChecks.get(raw);
  if (!r) {
    if (usccChecks.size >= 10_000) usccChecks.clear();
    r = validateUscc(raw);
    usccChecks.set(raw, r);
  }
  return r;
}

function isRequired(def: FieldDef, kind: SubjectKind | null): boolean {
  if (def.required) return true;
  return Boolean(kind && def.requiredFor?.includes(kind));
}

const indexes = new WeakMap<readonly FieldDef[], Map<string, string>>();
// Input keys → field code (or none), per index: a file's rows repeat the same keys.
const resolvedKeys = new WeakMap<Map<string, string>, Map<string, string | undefined>>();

function resolveKey(index: Map<string, string>, key: string): string | undefined {
  let memo = resolvedKeys.get(index);
  if (!memo) resolvedKeys.set(index, (memo = new Map()));
  if (memo.has(key)) return memo.get(key);
  const code = index.get(key.trim().toUpperCase()) ?? index.get(key.trim());
  if (memo.size < 1000) memo.set(key, code);
  return code;
}
const defsByCode = new WeakMap<readonly FieldDef[], Map<string, FieldDef>>();

function byCodeOf(fields: readonly FieldDef[]): Map<string, FieldDef> {
  let m = defsByCode.get(fields);
  if (!m) defsByCode.set(fields, (m = new Map(fields.map((d) => [d.code, d]))));
  return m;
}

/** Map a header (code, alias or Chinese label) to the field code it means (built once per field list). */
export function fieldIndex(category: Pick<Category, 'fields'>): Map<string, string> {
  const cached = indexes.get(category.fields);
  if (cached) return cached;
  const index = new Map<string, string>();
  for (const def of category.fields) {
    index.set(def.code.toUpperCase(), def.code);
    index.set(def.label, def.code);
    for (const a of def.aliases ?? []) index.set(a.toUpperCase(), def.code);
  }
  indexes.set(category.fields, index);
  return index;
}

/**
 * Validate and normalise a record's fields against its category. Keys may be field codes,
 * aliases or Chinese labels; empty values count as absent; unknown fields are rejected
 * because information outside the catalog must not enter credit records.
 */
export function validateFields(
  category: Pick<Category, 'fields'>,
  input: Record<string, unknown>,
  kind: SubjectKind | null,
  today: string,
): { values: FieldValues; issues: FieldIssue[] } {
  const index = fieldIndex(category);
  const byCode = byCodeOf(category.fields);
  const values: FieldValues = {};
  const issues: FieldIssue[] = [];
  for (const key of Object.keys(input)) {
    const rawValue = input[key];
    const keyProblem = textProblem(key);
    if (keyProblem) {
      issues.push({ field: printable(key), message: `数据项名称“${printable(key)}”${textProblemMessage(keyProblem)}` });
      continue;
    }
    const code = resolveKey(index, key);
    if (!code) {
      issues.push({ field: key, message: `未知数据项“${key}”，不在该信息类别的目录中` });
      continue;
    }
    if (rawValue === null || rawValue === undefined) continue;
    if (typeof rawValue === 'object') {
      issues.push({ field: code, message: '数据项的值应为文本、数字或日期' });
      continue;
    }
    const raw = String(rawValue).trim();
    if (raw === '') continue;
    const def = byCode.get(code)!;
    const problem = textProblem(raw);
    if (problem) {
      issues.push({ field: code, message: `${def.label}${textProblemMessage(problem)}` });
      continue;
    }
    // Length in characters (code points): a string has at least as many UTF-16 units as code points.
    if (def.maxLength && raw.length > def.maxLength && [...raw].length > def.maxLength) {
      issues.push({ field: code, message: `${def.label}超过最大长度 ${def.maxLength}` });
      continue;
    }
    const r = checkValue(def, raw, today);
    if (r.error) issues.push({ field: code, message: `${def.label}：${r.error}` });
    else values[code] = r.value!;
  }
  for (const def of category.fields) {
    if (values[def.code] === undefined && isRequired(def, kind) && !issues.some((i) => i.field === def.code)) {
      issues.push({ field: def.code, message: `缺少必填数据项“${def.label}”（${def.code}）` });
    }
  }
  return { values, issues };
}
