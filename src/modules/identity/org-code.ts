import { regionFullName } from './regions.js';
import { checkCharIssue, finish, issue, lengthIssue, normalizeInput, startResult, unknownRegionIssue } from './result.js';
import type { CodeIssue, CodeValidation } from './types.js';

/** GB 11714-1997 organisation code and the legacy 15-digit business registration number. */

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;
const ORG_BODY_RE = /^[0-9A-Z]$/;

/** Value of an org-code body character: digits 0–9, letters A=10 … Z=35. */
function orgCharValue(ch: string): number {
  return Number.parseInt(ch, 36);
}

/** GB 11714 check character of an 8-character body ('X' for 10, '0' for 11). */
export function orgCodeCheckChar(body8: string): string {
  if (body8.length !== 8 || ![...body8].every((ch) => ORG_BODY_RE.test(ch))) {
    throw new RangeError(`organisation code body must be 8 characters [0-9A-Z], got "${body8}"`);
  }
  const sum = ORG_WEIGHTS.reduce((acc, w, i) => acc + w * orgCharValue(body8.charAt(i)), 0);
  const c9 = 11 - (sum % 11);
  if (c9 === 10) return 'X';
  if (c9 === 11) return '0';
  return String(c9);
}

/** Errors for characters outside the GB 11714 alphabets (body [0-9A-Z], check [0-9X]). */
function orgCharIssues(code9: string): CodeIssue[] {
  const out: CodeIssue[] = [];
  [...code9].forEach((ch, i) => {
    const ok = i < 8 ? ORG_BODY_RE.test(ch) : /^[0-9X]$/.test(ch);
    if (ok) return;
    const zh = i < 8 ? '数字或大写字母' : '数字或 X';
    const en = i < 8 ? 'a digit or upper-case letter' : 'a digit or X';
    out.push(issue(`第${i + 1}位字符 ${ch} 应为${zh}`, `position ${i + 1}: character ${ch} should be ${en}`, i + 1));
  });
  return out;
}

/** Remove the optional hyphen of 'XXXXXXXX-X'; null when a hyphen sits anywhere else. */
function stripOrgHyphen(code: string): string | null {
  if (!code.includes('-')) return code;
  return /^[^-]{8}-[^-]$/.test(code) ? code.replace('-', '') : null;
}

/** Validate a GB 11714 organisation code ('XXXXXXXX-X' or 9 characters); positions ignore the hyphen. */
export function validateOrgCode(code: string): CodeValidation {
  const norm = normalizeInput(code);
  const code9 = stripOrgHyphen(norm);
  const result = startResult('org_code', code, code9 ?? norm);
  if (code9 === null) {
    result.errors.push(issue('连字符只能位于第8位之后（XXXXXXXX-X）', 'hyphen allowed only after the 8th character (XXXXXXXX-X)'));
    return finish(result);
  }
  if (code9.length !== 9) result.errors.push(lengthIssue('9', '9 (or 10 with hyphen)', code9.length));
  const charIssues = orgCharIssues(code9);
  result.errors.push(...charIssues);
  if (code9.length !== 9 || charIssues.length > 0) return finish(result);
  const body = code9.slice(0, 8);
  const expected = orgCodeCheckChar(body);
  const found = code9.charAt(8);
  result.parts = { body, checkChar: found, formatted: `${body}-${found}` };
  if (expected !== found) result.errors.push(checkCharIssue(9, expected, found));
  return finish(result);
}

/** ISO 7064 MOD 11,10 running value P after consuming `digits` (P starts at 10). */
function mod1110Product(digits: string): number {
  let p = 10;
  for (const ch of digits) {
    const s = (p + Number(ch)) % 10 || 10;
    p = (s * 2) % 11;
  }
  return p;
}

/** ISO 7064 MOD 11,10 check digit of a 14-digit registration-number body. */
export function regNoCheckDigit(body14: string): string {
  if (!/^\d{14}$/.test(body14)) throw new RangeError(`registration number body must be 14 digits, got "${body14}"`);
  // The check digit c makes (P + c) mod 10 == 1, the MOD 11,10 acceptance condition.
  return String((11 - mod1110Product(body14)) % 10);
}

/** Validate a 15-digit business registration number (工商注册号). */
export function validateRegNo(code: string): CodeValidation {
  const norm = normalizeInput(code);
  const result = startResult('reg_no', code, norm);
  if (norm.length !== 15) result.errors.push(lengthIssue('15', '15', norm.length));
  [...norm].forEach((ch, i) => {
    if (/\d/.test(ch)) return;
    result.errors.push(issue(`第${i + 1}位字符 ${ch} 应为数字`, `position ${i + 1}: character ${ch} should be a digit`, i + 1));
  });
  if (result.errors.length > 0) return finish(result);
  const regionCode = norm.slice(0, 6);
  const region = regionFullName(regionCode) ?? null;
  result.parts = { regionCode, region, checkDigit: norm.charAt(14) };
  if (region === null) result.warnings.push(unknownRegionIssue(regionCode, 1, 6));
  const expected = regNoCheckDigit(norm.slice(0, 14));
  if (expected !== norm.charAt(14)) {
    result.errors.push(checkCharIssue(15, expected, norm.charAt(14), { zh: '校验码（ISO 7064 MOD 11,10）', en: 'check digit (ISO 7064 MOD 11,10)' }));
  }
  return finish(result);
}
