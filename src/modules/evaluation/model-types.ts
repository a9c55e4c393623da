import type { Severity, SubjectKind } from '../catalog/types.js';
import type { RecordState } from '../records/types.js';

/**
 * An evaluation model is data: an indicator tree (dimensions → indicators) whose indicators are
 * declarative rules over the archive from a small closed vocabulary, each with a scoring function.
 * The SQL compiler (compile.ts) turns it into set-based aggregates; model-check.ts validates it.
 */

/** Filters shared by record rules. `where` values are matched exactly (a list = any of them). */
export interface RecordFilter {
  category: string;
  severity?: Severity[];
  /** Only records decided within the last N months of the evaluation date. */
  withinMonths?: number;
  /** Record states that count; default active, disputed, expired (repaired and revoked never count). */
  states?: RecordState[];
  /** Only records still in force: active or disputed and not past their validity end. */
  live?: boolean;
  where?: Record<string, string | string[]>;
}

export interface SumFilter extends RecordFilter {
  field: string;
}

export interface FieldValueFilter extends RecordFilter {
  field: string;
}

export type Rule =
  | { count: RecordFilter }
  | { exists: RecordFilter }
  | { sum: SumFilter }
  /** The value of a field in the subject's latest matching record (by decision date). */
  | { fieldValue: FieldValueFilter }
  /** Whole years since a date attribute of the subject. */
  | { yearsSince: 'registered_on' }
  /** Live entries on lists of a kind (or one list by code). */
  | { onList: { kind?: 'honour' | 'blacklist' | 'watch'; list?: string } }
  /** Sum, max or min of other indicators' raw values (references must not form a cycle). */
  | { combine: { op: 'sum' | 'max' | 'min'; of: string[] } };

export const RULE_KINDS = ['count', 'exists', 'sum', 'fieldValue', 'yearsSince', 'onList', 'combine'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

export interface Step {
  atLeast: number;
  points: number;
}

export type Scoring =
  /** The points of the highest step whose `atLeast` the value reaches; `otherwise` below all steps. */
  | { step: { steps: Step[]; otherwise: number } }
  /** base + per × value. */
  | { linear: { base: number; per: number } }
  /** min(per × value, max): e.g. 5 points per honour, at most 20. */
  | { cap: { per: number; max: number } }
  /** Points by exact value (text values such as tax grades); `otherwise` for anything else. */
  | { map: { values: Record<string, number>; otherwise: number } };

export const SCORING_KINDS = ['step', 'linear', 'cap', 'map'] as const;
export type ScoringKind = (typeof SCORING_KINDS)[number];

export interface Indicator {
  code: string;
  name: string;
  /** Maximum points; the scoring result is clamped to [0, points]. */
  points: number;
  rule: Rule;
  score: Scoring;
  /** Points when the raw value is unknown (no registration date, no record for fieldValue); default: the step/map `otherwise`, else 0. */
  ifMissing?: number;
  /** One-vote veto (一票否决): a raw value above 0 caps the grade at this grade. */
  vetoGrade?: string;
  description?: string;
}

export interface Dimension {
  code: string;
  name: string;
  points: number;
  indicators: Indicator[];
}

/** Grade cut-offs, best first: a score gets the first grade whose minScore it reaches. */
export interface GradeCut {
  grade: string;
  minScore: number;
  meaning?: string;
}

export interface ModelDefinition {
  code: string;
  name: string;
  description?: string;
  totalPoints: number;
  subjectKinds: SubjectKind[];
  /** Whether anyone may see a subject's grade (never the score or breakdown). */
  gradesPublic: boolean;
  grades: GradeCut[];
  dimensions: Dimension[];
}

/** A stored model version. */
export interface ModelRow {
  id: number;
  code: string;
  version: number;
  name: string;
  subjectKinds: SubjectKind[];
  gradesPublic: boolean;
  definition: ModelDefinition;
  createdBy: string;
  createdAt: Date;
}

/** An indicator with its position in the flattened model order (the order of stored points). */
export interface FlatIndicator extends Indicator {
  index: number;
  dimension: string;
  dimensionName: string;
}

export function flattenIndicators(def: ModelDefinition): FlatIndicator[] {
  const out: FlatIndicator[] = [];
  for (const d of def.dimensions) {
    for (const ind of d.indicators) out.push({ ...ind, index: out.length, dimension: d.code, dimensionName: d.name });
  }
  return out;
}

export function ruleKind(rule: Rule): RuleKind {
  return Object.keys(rule)[0] as RuleKind;
}

/** The record filter of a record-based rule, or null. */
export function recordFilterOf(rule: Rule): RecordFilter | null {
  if ('count' in rule) return rule.count;
  if ('exists' in rule) return rule.exists;
  if ('sum' in rule) return rule.sum;
  if ('fieldValue' in rule) return rule.fieldValue;
  return null;
}
