import { orgCodeCheckChar } from './org-code.js';
import { regionFullName } from './regions.js';
import { checkCharIssue, finish, issue, lengthIssue, normalizeInput, startResult, unknownRegionIssue } from './result.js';
import type { CodeValidation, SubjectKind } from './types.js';
import { usccAuthority, usccOrgType } from './uscc-authorities.js';

/** GB 32100-2015 unified social credit code (统一社会信用代码). */

/** Character set in value order 0..30 (no I, O, S, V, Z). */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Wi = 3^(i-1) mod 31 for i = 1..17, as tabulated in GB 32100 (a test re-derives them). */
export const USCC_WEIGHTS: readonly number[] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Character values by char code (-1 outside the set): the check is on hot paths (imports, reviews). */
const USCC_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < USCC_CHARSET.length; i++) USCC_VALUE[USCC_CHARSET.charCodeAt(i)] = i;

/** Mod-31 check character of the first 17 characters. */
export function usccCheckChar(body17: string): string {
  const bad = () => new RangeError(`USCC body must be 17 characters of ${USCC_CHARSET}, got "${body17}"`);
  if (body17.length !== 17) throw bad();
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_VALUE[body17.charCodeAt(i)] ?? -1;
    if (v < 0) throw bad();
    sum += v * USCC_WEIGHTS[i]!;
  }
  // 31 − 0 would be 31, which the standard writes as 0: the outer mod folds it back.
  return USCC_CHARSET.charAt((31 - (sum % 31)) % 31);
}

const USCC_SHAPE = /^[0-9A-HJ-NP-RTUWXY]{2}\d{6}[0-9A-HJ-NP-RTUWXY]{10}$/;

/**
 * Whether validateUscc would find this normalised code valid, without building the explanation:
 * for screening many codes at once. The same rules: charset and length, registration authority
 * and organisation type, digits for the region, the embedded GB 11714 check and the mod-31 check.
 */
export function isValidUscc(norm: string): boolean {
  return USCC_SHAPE.test(norm) && usccOrgType(norm.charAt(0), norm.charAt(1)) !== undefined
    && orgCodeCheckChar(norm.slice(8, 16)) === norm.charAt(16) && usccCheckChar(norm.slice(0, 17)) === norm.charAt(17);
}

function inCharset(ch: string): boolean {
  return ch.length === 1 && USCC_CHARSET.includes(ch);
}

function allInCharset(s: string): boolean {
  return [...s].every(inCharset);
}

function checkCharset(norm: string, result: CodeValidation): void {
  [...norm].forEach((ch, i) => {
    if (inCharset(ch)) return;
    result.errors.push(
      issue(`第${i + 1}位字符 ${ch} 不在统一社会信用代码字符集内`, `position ${i + 1}: character ${ch} is not in the USCC character set`, i + 1),
    );
  });
}

function checkAuthority(norm: string, result: CodeValidation): void {
  const a = norm.charAt(0);
  const t = norm.charAt(1);
  const authority = usccAuthority(a);
  result.parts.authorityCode = a;
  result.parts.authority = authority?.name ?? null;
  result.parts.orgType = null;
  if (authority === undefined) {
    if (inCharset(a)) result.errors.push(issue(`第1位登记管理部门代码 ${a} 无效`, `position 1: unknown registration authority code ${a}`, 1));
    return;
  }
  if (t === '' || !inCharset(t)) return;
  const orgType = usccOrgType(a, t);
  result.parts.orgType = orgType ?? null;
  if (orgType === undefined) {
    result.errors.push(
      issue(
        `第2位机构类别代码 ${t} 对登记管理部门 ${a}（${authority.name}）无效`,
        `position 2: organisation type ${t} is not defined for registration authority ${a} (${authority.name})`,
        2,
      ),
    );
  }
}

function checkRegion(norm: string, result: CodeValidation): void {
  const regionCode = norm.slice(2, 8);
  let digits = true;
  [...regionCode].forEach((ch, i) => {
    if (/\d/.test(ch)) return;
    digits = false;
    if (!inCharset(ch)) return; // already reported by the charset check
    const p = i + 3;
    result.errors.push(
      issue(`第${p}位字符 ${ch} 应为数字（行政区划代码）`, `position ${p}: character ${ch} should be a digit (administrative division code)`, p),
    );
  });
  if (!digits) return;
  result.parts.regionCode = regionCode;
  result.parts.region = regionFullName(regionCode) ?? null;
  if (result.parts.region === null) result.warnings.push(unknownRegionIssue(regionCode, 3, 8));
}

function checkEmbeddedOrgCode(norm: string, result: CodeValidation): void {
  const orgCode = norm.slice(8, 17);
  if (!allInCharset(orgCode)) return;
  const body = orgCode.slice(0, 8);
  const found = orgCode.charAt(8);
  result.parts.orgCode = `${body}-${found}`;
  const expected = orgCodeCheckChar(body);
  if (expected !== found) {
    result.errors.push(checkCharIssue(17, expected, found, { zh: '组织机构代码校验码', en: 'organisation code check character' }));
  }
}

function checkFinal(norm: string, result: CodeValidation): void {
  const expected = usccCheckChar(norm.slice(0, 17));
  const found = norm.charAt(17);
  result.parts.checkChar = found;
  if (expected !== found) result.errors.push(checkCharIssue(18, expected, found));
}

/** Validate a USCC, explaining each problem by position; unknown region is only a warning. */
export function validateUscc(code: string): CodeValidation {
  const norm = normalizeInput(code);
  const result = startResult('uscc', code, norm === '' ? null : norm);
  if (norm === '') {
    result.errors.push(issue('代码为空', 'code is empty'));
    return finish(result);
  }
  checkCharset(norm, result);
  if (norm.length !== 18) result.errors.push(lengthIssue('18', '18', norm.length));
  checkAuthority(norm, result);
  if (norm.length >= 8) checkRegion(norm, result);
  if (norm.length >= 17) checkEmbeddedOrgCode(norm, result);
  if (norm.length === 18 && allInCharset(norm)) checkFinal(norm, result);
  if (result.parts.authority !== null) result.parts.subjectKind = subjectKindFromUscc(norm);
  return finish(result);
}

/** Subject kind implied by positions 1–2 (事业单位 counts as government per the glossary). */
export function subjectKindFromUscc(code: string): SubjectKind {
  const prefix = normalizeInput(code).slice(0, 2);
  if (prefix === '91') return 'legal_person';
  if (prefix === '92') return 'sole_trader';
  if (['11', '12', '13', '19', 'A1', 'A9'].includes(prefix)) return 'government';
  // 93 co-operatives, social organisations (5x), religious (7x), unions (8x), N, Y and the rest.
  return 'unincorporated';
}
