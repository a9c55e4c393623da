import type { SubjectKind } from '../modules/catalog/types.js';
import { compact, dayOf, isoOf } from './dates.js';
import type { DemoDepartment } from './departments.js';
import { int, type Rng } from './rng.js';
import type { Person, SubjectDraft } from './subjects.js';

/** One record as the department would send it: field code → text. */
export interface RowDraft {
  category: string;
  dept: string;
  fields: Record<string, string>;
}

/** Shared state of row generation: the date, the departments and the document-number counters. */
export class RowEnv {
  readonly todayDay: number;
  private readonly counters = new Map<string, number>();
  private readonly depts: Map<string, DemoDepartment>;

  constructor(readonly today: string, departments: DemoDepartment[]) {
    this.todayDay = dayOf(today);
    this.depts = new Map(departments.map((d) => [d.code, d]));
  }

  dept(code: string): DemoDepartment {
    const d = this.depts.get(code);
    if (!d) throw new Error(`demo: unknown department ${code}`);
    return d;
  }

  /** Next number of a series (1, 2, 3 …): document numbers stay unique per department and year. */
  next(series: string): number {
    const n = (this.counters.get(series) ?? 0) + 1;
    this.counters.set(series, n);
    return n;
  }

  /** 信息编号 (generic key): department code, decision date and a per-category serial. */
  infoNo(category: string, dept: string, decided: string): string {
    return `${dept}${compact(decided)}${String(this.next(`${category}|${dept}`)).padStart(6, '0')}`;
  }
}

/** A decision date within the last ~4 years, never before the subject was registered nor after today. */
export function decisionDate(rng: Rng, env: RowEnv, s: SubjectDraft): string {
  const reg = s.registeredOn ? dayOf(s.registeredOn) + 1 : -Infinity;
  const lo = Math.min(env.todayDay, Math.max(env.todayDay - 1460, reg));
  return isoOf(int(rng, lo, env.todayDay));
}

/** 2024年3月5日 */
export function chineseDate(iso: string): string {
  return `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
}

/** The legal representative on a date (the former one before the change). */
export function repOn(s: SubjectDraft, iso: string): Person | null {
  if (s.formerRep && s.legalRepSince && iso < s.legalRepSince) return s.formerRep;
  return s.legalRep;
}

const ORG_KINDS: SubjectKind[] = ['legal_person', 'unincorporated', 'sole_trader', 'government'];

export function isOrg(s: SubjectDraft): boolean {
  return ORG_KINDS.includes(s.kind);
}

const PARTY_KEYS = {
  XK: { mc: 'XK_XDR_MC', lb: 'XK_XDR_LB', zjlx: 'XK_XDR_ZJLX', zjhm: 'XK_XDR_ZJHM', shxym: 'XK_XDR_SHXYM', frdb: 'XK_FRDB', frzjlx: 'XK_FR_ZJLX', frzjhm: 'XK_FR_ZJHM' },
  CF: { mc: 'CF_XDR_MC', lb: 'CF_XDR_LB', zjlx: 'CF_XDR_ZJLX', zjhm: 'CF_XDR_ZJHM', shxym: 'CF_XDR_SHXYM', frdb: 'CF_FRDB', frzjlx: 'CF_FR_ZJLX', frzjhm: 'CF_FR_ZJHM' },
} as const;

/**
 * 行政相对人 block of licences (XK) and penalties (CF), as the national format fills it. Callers
 * add their own fields to the returned object (assigning, not spreading: spreading objects of
 * varying shape is very slow in V8 and this runs millions of times).
 */
export function adminParty(rng: Rng, p: 'XK' | 'CF', s: SubjectDraft, decided: string): Record<string, string> {
  const k = PARTY_KEYS[p];
  const f: Record<string, string> = {};
  f[k.mc] = s.name;
  if (s.kind === 'natural_person') {
    f[k.lb] = '自然人';
    f[k.zjlx] = '身份证';
    f[k.zjhm] = s.idNumber!;
    return f;
  }
  f[k.lb] = s.kind === 'sole_trader' ? '个体工商户' : '法人及非法人组织';
  f[k.shxym] = s.uscc!;
  const rep = repOn(s, decided);
  if (rep) {
    f[k.frdb] = rep.name;
    if (rng() < 0.6) {
      f[k.frzjlx] = '身份证';
      f[k.frzjhm] = rep.idNumber;
    }
  }
  return f;
}

/** 主体名称 / 统一社会信用代码 / 身份证件号码 / 信息编号 block of the other categories. */
export function genericParty(env: RowEnv, category: string, dept: string, s: SubjectDraft, decided: string, specific: Record<string, string>): Record<string, string> {
  const f: Record<string, string> = { ZTMC: s.name, XXBH: env.infoNo(category, dept, decided) };
  if (s.kind === 'natural_person') f.ZJHM = s.idNumber!;
  else f.TYSHXYDM = s.uscc!;
  for (const key in specific) f[key] = specific[key]!;
  return f;
}
