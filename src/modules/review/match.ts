import type { PersonalData } from '../../lib/personal-data.js';
import { isValidUscc } from '../identity/uscc.js';
import { maskIdNumber, validateCitizenId } from '../identity/citizen-id.js';
import { validateCode, type CodeValidation } from '../identity/validate.js';
import { normalizeName } from '../subjects/name.js';

/** A fuzzy name match at or above this score is confirmed without a person looking at it. */
export const AUTO_CONFIRM_SCORE = 0.92;
/** Weaker matches down to this score are offered as candidates. */
export const CANDIDATE_MIN_SCORE = 0.45;
export const MAX_CANDIDATES = 5;
/** Fuzzy retrieval: the rarest grams of a name used to find candidates, and how common a gram may be. */
export const FUZZY_GRAMS = 3;
export const FUZZY_MAX_GRAM_FREQUENCY = 60;
export const FUZZY_PER_GRAM = 60;

/** The key names are matched on: the platform's normalisation (script, width, brackets, spaces, 有限责任公司), as stored in subject.name_norm. */
export function matchKey(name: string): string {
  return normalizeName(name);
}

/** 3-character grams of a name key that a LIKE pattern can use (no brackets, wildcards or spaces). */
export function nameGrams(key: string): string[] {
  const chars = [...key];
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i++) {
    const g = chars.slice(i, i + 3).join('');
    if (!/[()%_\\\s]/.test(g)) grams.add(g);
  }
  return [...grams];
}

export interface PartyInput {
  code?: string;
  name?: string;
}

/** How one party will be looked up: by code (one of several schemes), by name, or not at all. */
export interface PartyPlan {
  index: number;
  usccs: string[];
  hmacs: Buffer[];
  identifiers: { scheme: 'org_code' | 'reg_no'; value: string }[];
  nameKey: string | null;
  errors: { field: string; position?: number; message: string }[];
  /** What to echo back: the input with any ID number masked. */
  echo: PartyInput;
}

const ID_SHAPE = /^\d{17}[\dX]$/;

/** A valid USCC that validateCode would not first read as an ID number: no explanation needed. */
const isPlainValidUscc = (norm: string): boolean => !ID_SHAPE.test(norm) && isValidUscc(norm);

/**
 * validateCode's reading of a code, skipping the second (USCC) reading of an 18-digit number
 * that is a valid citizen ID without warnings: validateCode prefers that reading anyway.
 */
function readCode(code: string): CodeValidation {
  if (ID_SHAPE.test(code.toUpperCase())) {
    const id = validateCitizenId(code);
    if (id.valid && !id.warnings.length) return id;
  }
  return validateCode(code);
}

/** Classify a party's code and name (pure; ID numbers become HMACs and are masked in the echo). */
export function planParty(pd: PersonalData, index: number, p: PartyInput): PartyPlan {
  const plan: PartyPlan = { index, usccs: [], hmacs: [], identifiers: [], nameKey: null, errors: [], echo: { ...p } };
  const code = p.code?.trim();
  const name = p.name?.trim();
  if (code && isPlainValidUscc(code.toUpperCase())) plan.usccs.push(code.toUpperCase());
  else if (code) {
    const v = readCode(code);
    const norm = v.normalized ?? code.toUpperCase();
    if (v.scheme === 'citizen_id' || v.scheme === 'citizen_id_15') plan.echo.code = maskIdNumber(code);
    if (v.scheme === 'uscc' && v.valid) plan.usccs.push(norm);
    else if (v.scheme === 'citizen_id' && v.valid) plan.hmacs.push(pd.hmac(norm));
    else if (v.scheme === 'citizen_id_15') {
      plan.identifiers.push({ scheme: 'reg_no', value: code });
      if (v.valid) plan.hmacs.push(pd.hmac(norm));
    } else if (v.scheme === 'org_code' || v.scheme === 'reg_no') plan.identifiers.push({ scheme: v.scheme, value: norm });
    if (!v.valid && v.scheme !== 'citizen_id_15') {
      const errs = v.errors.length ? v.errors : [{ message: '代码无效' }];
      plan.errors.push(...errs.map((e) => ({ field: 'code', ...('position' in e && e.position !== undefined ? { position: e.position } : {}), message: e.message })));
    }
  }
  if (name) plan.nameKey = matchKey(name);
  if (!code && !name) plan.errors.push({ field: 'party', message: '须提供代码（统一社会信用代码、身份证号码）或名称' });
  return plan;
}
