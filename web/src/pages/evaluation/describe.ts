import type { Category, ListInfo } from '../../api/types';
import type { ErrorDetail } from '../../api/client';
import type { Indicator, ModelDefinition, RecordFilter, Rule, Scoring } from './api';
import { isWordKey, type WordKey, type Words } from './words';

// A model's rules, scoring functions and error paths in words: what the screen shows instead of
// the model's own notation.

/** Names the catalog gives to category and field codes, and the lists' names. */
export interface Names {
  category(code: string): string;
  field(category: string, code: string): string;
  list(code: string): string;
}

export function namesFrom(categories: Category[] | undefined, lists: ListInfo[] | undefined): Names {
  const cats = new Map((categories ?? []).map((c) => [c.code, c]));
  const listNames = new Map((lists ?? []).map((l) => [l.code, l.name]));
  return {
    category: (code) => cats.get(code)?.name ?? code,
    field: (category, code) => cats.get(category)?.fields.find((f) => f.code === code)?.label ?? code,
    list: (code) => listNames.get(code) ?? code,
  };
}

const num = (n: number) => String(Math.round(n * 100) / 100);
const ruleKind = (rule: Rule) => Object.keys(rule)[0] as keyof Rule | string;

function filtersInWords(w: Words, n: Names, f: RecordFilter): string {
  const out: string[] = [];
  const word = (key: string, fallback: string) => (isWordKey(key) ? w(key) : fallback);
  if (f.severity?.length) out.push(w('filter.severity', { list: f.severity.map((s) => word(`sev.${s}`, s)).join(w('sep')) }));
  if (f.live) out.push(w('filter.live'));
  if (f.states?.length) out.push(w('filter.states', { list: f.states.map((s) => word(`state.${s}`, s)).join(w('sep')) }));
  for (const [field, v] of Object.entries(f.where ?? {})) {
    out.push(w('filter.where', { field: n.field(f.category, field), values: (Array.isArray(v) ? v : [v]).map((x) => `“${x}”`).join(w('or')) }));
  }
  return out.join('');
}

/** What an indicator looks at, e.g. 近 36 个月内「行政处罚」记录条数（严重）. */
export function ruleInWords(w: Words, n: Names, rule: Rule, byCode: Map<string, Indicator>): string {
  if ('yearsSince' in rule) return w('rule.yearsSince');
  if ('onList' in rule) {
    if (rule.onList.list) return w('rule.onList.list', { list: n.list(rule.onList.list) });
    const key = `listKind.${rule.onList.kind ?? ''}`;
    return w('rule.onList.kind', { kind: isWordKey(key) ? w(key) : String(rule.onList.kind) });
  }
  if ('combine' in rule) return w(`rule.combine.${rule.combine.op}` as WordKey, { of: rule.combine.of.map((c) => `「${byCode.get(c)?.name ?? c}」`).join(w('sep')) });
  const kind = ruleKind(rule) as 'count' | 'exists' | 'sum' | 'fieldValue';
  const f = (rule as Record<typeof kind, RecordFilter>)[kind];
  return w(`rule.${kind}` as WordKey, {
    category: n.category(f.category), field: f.field ? n.field(f.category, f.field) : '',
    scope: f.withinMonths ? w('scope.within', { n: f.withinMonths }) : '', filters: filtersInWords(w, n, f),
  });
}

/** How an indicator turns its value into points, in one line. */
export function scoringInWords(w: Words, ind: Indicator): string {
  const s: Scoring = ind.score;
  const parts: string[] = [];
  if ('step' in s) {
    const steps = [...s.step.steps].sort((a, b) => a.atLeast - b.atLeast);
    parts.push(...steps.map((x) => w('score.step', { at: num(x.atLeast), p: num(x.points) })));
    if (steps[0]) parts.push(w('score.stepElse', { at: num(steps[0].atLeast), p: num(s.step.otherwise) }));
  } else if ('linear' in s) {
    parts.push(w(s.linear.per < 0 ? 'score.linearDown' : 'score.linearUp', { base: num(s.linear.base), per: num(Math.abs(s.linear.per)) }), w('score.clamp', { max: num(ind.points) }));
  } else if ('cap' in s) {
    parts.push(w('score.cap', { per: num(s.cap.per), max: num(s.cap.max) }));
  } else {
    parts.push(...Object.entries(s.map.values).map(([value, p]) => w('score.map', { value, p: num(p) })), w('score.mapElse', { p: num(s.map.otherwise) }));
  }
  if (ind.ifMissing !== undefined) parts.push(w('score.missing', { p: num(ind.ifMissing) }));
  if (ind.vetoGrade) parts.push(w('score.veto', { grade: ind.vetoGrade }));
  return parts.join(w('parts'));
}

/** An indicator's raw value as the explanation states it (count → 2 条, exists → 有 …). */
export function valueInWords(w: Words, ind: Indicator | undefined, value: string | null): string {
  if (value === null) return w('value.missing');
  const kind = ind ? ruleKind(ind.rule) : '';
  const n = Number(value);
  switch (kind) {
    case 'count': return w('value.count', { n: num(n) });
    case 'exists': return n > 0 ? w('value.yes') : w('value.no');
    case 'sum': return w('value.sum', { n: num(n) });
    case 'fieldValue': return w('value.text', { v: value });
    case 'yearsSince': return w('value.years', { n: num(n) });
    case 'onList': return w('value.list', { n: num(n) });
    default: return Number.isFinite(n) ? w('value.number', { n: num(n) }) : value;
  }
}

const SEGMENT = /([A-Za-z]+)(?:\[(\d+)\])?/g;

/**
 * An error detail's path (dimensions[0].indicators[1].score.step) in words: 第 1 个维度「守法」 ›
 * 第 2 个指标 › 计分方式. Names come from the model text when it could be read.
 */
export function pathInWords(w: Words, path: string | undefined, line: number | undefined, def: Partial<ModelDefinition> | null): string {
  if (line !== undefined) return w('path.line', { n: line });
  if (!path) return w('upload.whole');
  const out: string[] = [];
  let dim: ModelDefinition['dimensions'][number] | undefined;
  for (const m of path.matchAll(SEGMENT)) {
    const [, key, index] = m as unknown as [string, string, string | undefined];
    const i = index === undefined ? null : Number(index);
    if (key === 'dimensions' && i !== null) {
      dim = def?.dimensions?.[i];
      out.push(w('path.dimension', { n: i + 1 }) + (dim?.name ? `「${dim.name}」` : ''));
    } else if (key === 'indicators' && i !== null) {
      const ind = dim?.indicators?.[i];
      out.push(w('path.indicator', { n: i + 1 }) + (ind?.name ? `「${ind.name}」` : ''));
    } else if (key === 'grades' && i !== null) out.push(w('path.grade', { n: i + 1 }));
    else if (key === 'steps' && i !== null) out.push(w('path.step', { n: i + 1 }));
    else if (key === 'subjectKinds' && i !== null) out.push(w('path.kind', { n: i + 1 }));
    else if (isWordKey(`field.${key}`)) out.push(w(`field.${key}` as WordKey));
    // Rule and scoring kinds (count, step …) and free keys (where.<field>) add nothing a clerk reads.
  }
  return out.join(w('path.of')) || w('upload.whole');
}

/** A model problem in words: the reason, where it is, and the checker's own sentence. */
export function problemInWords(w: Words, d: ErrorDetail, def: Partial<ModelDefinition> | null): { reason: string; where: string; message: string } {
  const extra = d as ErrorDetail & { reason?: string; line?: number };
  const key = `reason.${extra.reason ?? 'other'}`;
  return { reason: isWordKey(key) ? w(key) : w('reason.other'), where: pathInWords(w, d.field, extra.line, def), message: d.message ?? '' };
}
