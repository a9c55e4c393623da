import { regionFullName } from './regions.js';
import { checkCharIssue, finish, issue, normalizeInput, startResult, unknownRegionIssue } from './result.js';
import type { CodeValidation } from './types.js';

/** GB 11643-1999 citizen identity number (公民身份号码), including the legacy 15-digit form. */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK_CHARS = '10X98765432';

/** Check character of the first 17 digits. */
export function citizenIdCheckChar(body17: string): string {
  if (!/^\d{17}$/.test(body17)) throw new RangeError('citizen ID body must be 17 digits');
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(body17.charAt(i)), 0);
  return ID_CHECK_CHARS.charAt(sum % 11);
}

/** Convert a legacy 15-digit ID to 18 digits: insert century '19', append the check character. */
export function convertId15To18(id15: string): string {
  if (!/^\d{15}$/.test(id15)) throw new RangeError('legacy citizen ID must be 15 digits');
  const body = `${id15.slice(0, 6)}19${id15.slice(6)}`;
  return body + citizenIdCheckChar(body);
}

/** 'YYYY-MM-DD' if the 8 digits form a real calendar date, else null. */
export function realDate(yyyymmdd: string): string | null {
  if (!/^\d{8}$/.test(yyyymmdd)) return null;
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  // Date.UTC rolls 02-30 over into March, so a round trip exposes impossible dates.
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

function localYmd(today: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${today.getFullYear()}${pad(today.getMonth() + 1)}${pad(today.getDate())}`;
}

/** Birth date checks; `shown` is the date as written in the code, `span` its positions. */
function checkBirthDate(ymd: string, shown: string, span: [number, number], today: Date, result: CodeValidation): void {
  const [from, to] = span;
  const where = { zh: `第${from}–${to}位出生日期 ${shown}`, en: `positions ${from}–${to}: birth date ${shown}` };
  const iso = realDate(ymd);
  result.parts.birthDate = iso;
  if (iso === null) {
    result.errors.push(issue(`${where.zh} 不是有效日期`, `${where.en} is not a valid date`, from));
  } else if (ymd < '19000101') {
    result.errors.push(issue(`${where.zh} 早于 1900 年`, `${where.en} is before 1900`, from));
  } else if (ymd > localYmd(today)) {
    result.errors.push(issue(`${where.zh} 晚于今天`, `${where.en} is in the future`, from));
  }
}

function checkRegion(code: string, result: CodeValidation): void {
  const regionCode = code.slice(0, 6);
  result.parts.regionCode = regionCode;
  result.parts.region = regionFullName(regionCode) ?? null;
  if (result.parts.region === null) result.warnings.push(unknownRegionIssue(regionCode, 1, 6));
}

function digitIssues(code: string, allowFinalX: boolean, result: CodeValidation): void {
  [...code].forEach((ch, i) => {
    const last = allowFinalX && i === code.length - 1;
    if (/\d/.test(ch) || (last && ch === 'X')) return;
    const zh = last ? '数字或 X' : '数字';
    const en = last ? 'a digit or X' : 'a digit';
    result.errors.push(issue(`第${i + 1}位字符 ${ch} 应为${zh}`, `position ${i + 1}: character ${ch} should be ${en}`, i + 1));
  });
}

function sexOf(digit: string): 'male' | 'female' {
  return Number(digit) % 2 === 1 ? 'male' : 'female';
}

// parts deliberately omit the sequence number: with region and birth date it would rebuild the ID.
function validate18(norm: string, input: string, today: Date): CodeValidation {
  const result = startResult('citizen_id', input, norm);
  if (norm.length !== 18) {
    result.errors.push(issue(`长度应为 18 位（旧式为 15 位），实为 ${norm.length} 位`, `length should be 18 (legacy: 15), found ${norm.length}`));
  }
  digitIssues(norm, norm.length === 18, result);
  if (result.errors.length > 0) return finish(result);
  checkRegion(norm, result);
  checkBirthDate(norm.slice(6, 14), norm.slice(6, 14), [7, 14], today, result);
  result.parts.sex = sexOf(norm.charAt(16));
  const expected = citizenIdCheckChar(norm.slice(0, 17));
  if (expected !== norm.charAt(17)) result.errors.push(checkCharIssue(18, expected, norm.charAt(17)));
  return finish(result);
}

function validate15(norm: string, input: string, today: Date): CodeValidation {
  const result = startResult('citizen_id_15', input, norm);
  digitIssues(norm, false, result);
  if (result.errors.length > 0) return finish(result);
  result.normalized = convertId15To18(norm);
  checkRegion(norm, result);
  checkBirthDate(`19${norm.slice(6, 12)}`, norm.slice(6, 12), [7, 12], today, result);
  result.parts.sex = sexOf(norm.charAt(14));
  return finish(result);
}

/** Validate an 18-digit (or legacy 15-digit) citizen ID; `input`/`normalized` are unmasked. */
export function validateCitizenId(code: string, today: Date = new Date()): CodeValidation {
  const norm = normalizeInput(code);
  if (norm === '') {
    const result = startResult('citizen_id', code, null);
    result.errors.push(issue('号码为空', 'number is empty'));
    return finish(result);
  }
  return norm.length === 15 ? validate15(norm, code, today) : validate18(norm, code, today);
}

/** Mask for display: first 4 + '*' × (len − 8) + last 4, e.g. '3201**********123X'. */
export function maskIdNumber(id: string): string {
  const s = id.trim();
  // Too short to keep 8 characters visible without revealing most of it.
  if (s.length <= 8) return '*'.repeat(s.length);
  return s.slice(0, 4) + '*'.repeat(s.length - 8) + s.slice(-4);
}

/** Birth date 'YYYY-MM-DD' of an 18- or 15-digit ID, or null when absent or impossible. */
export function birthDateFromId(id: string): string | null {
  const s = normalizeInput(id);
  if (/^\d{17}[\dX]$/.test(s)) return realDate(s.slice(6, 14));
  if (/^\d{15}$/.test(s)) return realDate(`19${s.slice(6, 12)}`);
  return null;
}

/** Sex from the sequence digit (odd male, even female), or null when the shape is wrong. */
export function sexFromId(id: string): 'male' | 'female' | null {
  const s = normalizeInput(id);
  if (/^\d{17}[\dX]$/.test(s)) return sexOf(s.charAt(16));
  if (/^\d{15}$/.test(s)) return sexOf(s.charAt(14));
  return null;
}
