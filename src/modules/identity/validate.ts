import { realDate, validateCitizenId } from './citizen-id.js';
import { validateOrgCode, validateRegNo } from './org-code.js';
import { finish, issue, normalizeInput, startResult } from './result.js';
import type { CodeScheme, CodeValidation } from './types.js';
import { USCC_CHARSET, validateUscc } from './uscc.js';
import { usccAuthority } from './uscc-authorities.js';

export type { CodeIssue, CodeScheme, CodeValidation, SubjectKind } from './types.js';

/** Single entry point: detect the scheme from the shape, then validate. */

const SCHEME_NAMES: Record<CodeScheme, { zh: string; en: string }> = {
  uscc: { zh: '统一社会信用代码', en: 'unified social credit code' },
  citizen_id: { zh: '公民身份号码', en: 'citizen ID number' },
  citizen_id_15: { zh: '15 位公民身份号码', en: 'legacy 15-digit citizen ID number' },
  org_code: { zh: '组织机构代码', en: 'organisation code' },
  reg_no: { zh: '工商注册号', en: 'business registration number' },
  unknown: { zh: '未知代码', en: 'unknown code' },
};

function unknownResult(input: string, message: string, messageEn: string): CodeValidation {
  const result = startResult('unknown', input, null);
  result.errors.push(issue(message, messageEn));
  return finish(result);
}

/** Note on `chosen` that the same string also passes `other`'s rules. */
function noteAmbiguity(chosen: CodeValidation, other: CodeValidation): CodeValidation {
  const o = SCHEME_NAMES[other.scheme];
  chosen.warnings.push(issue(`该号码同时符合${o.zh}的校验规则`, `this number also passes the ${o.en} check`));
  return chosen;
}

/**
 * Best of several readings: a valid one (fewest warnings), else the fewest errors.
 * Ties go to the earlier candidate; callers list the citizen ID first so that a
 * possibly personal number is treated with the stricter privacy rules.
 */
function pickBest(candidates: [CodeValidation, ...CodeValidation[]]): CodeValidation {
  const score = (r: CodeValidation): number => (r.valid ? r.warnings.length : 1000 + r.errors.length);
  const best = candidates.reduce((a, b) => (score(b) < score(a) ? b : a));
  const alsoValid = candidates.find((r) => r !== best && r.valid);
  return best.valid && alsoValid !== undefined ? noteAmbiguity(best, alsoValid) : best;
}

function looksLikeUscc(norm: string): boolean {
  return [...norm].every((ch) => USCC_CHARSET.includes(ch)) && usccAuthority(norm.charAt(0)) !== undefined;
}

function classify18(code: string, norm: string): CodeValidation {
  const idShape = /^\d{17}[\dX]$/.test(norm);
  if (idShape && looksLikeUscc(norm)) return pickBest([validateCitizenId(code), validateUscc(code)]);
  return idShape ? validateCitizenId(code) : validateUscc(code);
}

function classify15(code: string): CodeValidation {
  const norm = normalizeInput(code);
  // A legacy ID is only plausible when positions 7–12 are a real YYMMDD date.
  if (realDate(`19${norm.slice(6, 12)}`) === null) return validateRegNo(code);
  // With a real 19YY date nothing else can fail (the region is only a warning), so the ID wins.
  const id = validateCitizenId(code);
  const reg = validateRegNo(code);
  return id.valid && reg.valid ? noteAmbiguity(id, reg) : id;
}

/** Validate any supported identifier; garbage gives scheme 'unknown' with a bilingual error. */
export function validateCode(code: string): CodeValidation {
  const norm = normalizeInput(code);
  if (norm === '') return unknownResult(code, '代码为空', 'code is empty');
  if (/^\d{15}$/.test(norm)) return classify15(code);
  if (norm.length === 18) return classify18(code, norm);
  if (norm.length === 9 || /^[^-]{8}-[^-]$/.test(norm)) return validateOrgCode(code);
  // Off-by-one lengths are most likely typos of the 18-character schemes: explain those.
  if ((norm.length === 17 || norm.length === 19) && /^[0-9A-Z]+$/.test(norm)) {
    return /^\d+X?$/.test(norm) ? validateCitizenId(code) : validateUscc(code);
  }
  return unknownResult(
    code,
    `无法识别的代码格式（${norm.length} 位）：应为 18 位统一社会信用代码或公民身份号码、15 位工商注册号或旧式身份号码、9 位组织机构代码`,
    `unrecognised code format (${norm.length} characters): expected an 18-character USCC or citizen ID, a 15-digit registration number or legacy ID, or a 9-character organisation code`,
  );
}
