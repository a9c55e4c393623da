import { addMonths } from '../../lib/clock.js';
import {
  flattenIndicators, recordFilterOf, type FlatIndicator, type ModelDefinition, type RecordFilter, type Rule, type Scoring,
} from './model-types.js';

/**
 * Compile a model into set-based SQL: one aggregate per record rule over `record` grouped by
 * subject (FILTER clauses), raw values per subject, points per indicator, score and grade — so a
 * run over a million subjects is a few INSERT … SELECT statements, never a query per subject.
 * Model values reach SQL only as bind parameters or as numbers the validator has checked.
 */

/** Collects bind parameters; `add` returns the typed placeholder. */
export class SqlParams {
  readonly values: unknown[] = [];
  add(value: unknown, type: string): string {
    this.values.push(value);
    return `$${this.values.length}::${type}`;
  }
}

/** Category ids and whether lists are known, by code. */
export interface CompileCatalog {
  categoryIds: Map<string, number>;
}

export const DEFAULT_STATES = ['active', 'disputed', 'expired'];

export interface CompiledModel {
  indicators: FlatIndicator[];
  categoryIds: number[];
  /** `expr as aN` over record r. */
  recordAggs: string[];
  /** `expr as lN` over list_entry e join list li. */
  listAggs: string[];
  /** Raw value per indicator over a.*, l.*, s.* (text for fieldValue, float8 otherwise). */
  raws: string[];
  /** Which raws are text (fieldValue, stored in raw_text) rather than numbers (stored in raw). */
  textRaw: boolean[];
  /** Category ids per withinMonths window (incremental runs rescore subjects whose records left one). */
  windows: { months: number; categoryIds: number[] }[];
  /** Category ids of `live` rules (a record passing its validity end changes the score). */
  liveCategoryIds: number[];
  usesYears: boolean;
}

// Points are float8 (numeric arithmetic is several times slower over a million rows); the score is
// rounded to a 2-decimal numeric once, before the grade cut-offs are compared.
const num = (n: number): string => `(${String(n)})::float8`;
const dec = (n: number): string => `(${String(n)})::numeric`;

function filterSql(f: RecordFilter, cat: CompileCatalog, asOf: string, p: SqlParams): string {
  const parts = [`r.category_id = ${p.add(cat.categoryIds.get(f.category), 'int')}`];
  if (f.live) parts.push(`r.state in ('active', 'disputed') and (r.valid_until is null or r.valid_until >= ${p.add(asOf, 'date')})`);
  else parts.push(`r.state = any(${p.add(f.states ?? DEFAULT_STATES, 'text[]')})`);
  if (f.severity) parts.push(`r.severity = any(${p.add(f.severity, 'text[]')})`);
  if (f.withinMonths !== undefined) parts.push(`r.decided_on > ${p.add(addMonths(asOf, -f.withinMonths), 'date')}`);
  for (const [k, v] of Object.entries(f.where ?? {})) {
    parts.push(`(r.fields->>${p.add(k, 'text')}) = any(${p.add(Array.isArray(v) ? v : [v], 'text[]')})`);
  }
  return parts.join(' and ');
}

/**
 * Compile every indicator. `asOf` (YYYY-MM-DD) fixes the windows; all bind values go to `p`.
 */
export function compileModel(def: ModelDefinition, cat: CompileCatalog, asOf: string, p: SqlParams): CompiledModel {
  const indicators = flattenIndicators(def);
  const recordAggs: string[] = [];
  const listAggs: string[] = [];
  const windows = new Map<number, Set<number>>();
  const live = new Set<number>();
  let usesYears = false;
  const direct = new Map<string, string>();

  for (const ind of indicators) {
    const rule = ind.rule;
    const f = recordFilterOf(rule);
    if (f) {
      const catId = cat.categoryIds.get(f.category)!;
      if (f.withinMonths !== undefined) windows.set(f.withinMonths, (windows.get(f.withinMonths) ?? new Set()).add(catId));
      if (f.live) live.add(catId);
      const pred = filterSql(f, cat, asOf, p);
      const a = `a${recordAggs.length}`;
      if ('count' in rule) {
        recordAggs.push(`count(*) filter (where ${pred}) as ${a}`);
        direct.set(ind.code, `coalesce(a.${a}, 0)::float8`);
      } else if ('exists' in rule) {
        recordAggs.push(`count(*) filter (where ${pred}) as ${a}`);
        direct.set(ind.code, `(case when coalesce(a.${a}, 0) > 0 then 1 else 0 end)::float8`);
      } else if ('sum' in rule) {
        const v = `(r.fields->>${p.add(rule.sum.field, 'text')})`;
        recordAggs.push(`sum(case when ${v} ~ '^-?[0-9]+(\\.[0-9]+)?$' then ${v}::float8 end) filter (where ${pred}) as ${a}`);
        direct.set(ind.code, `coalesce(a.${a}, 0)::float8`);
      } else if ('fieldValue' in rule) {
        // Latest by decision date, then id: a sortable prefix of fixed width (10 + 20) before the value.
        const v = `(r.fields->>${p.add(rule.fieldValue.field, 'text')})`;
        recordAggs.push(`max(coalesce(r.decided_on::text, '0000-00-00') || lpad(r.id::text, 20, '0') || ${v}) filter (where ${pred} and ${v} is not null) as ${a}`);
        direct.set(ind.code, `nullif(substr(a.${a}, 31), '')`);
      }
    } else if ('yearsSince' in rule) {
      usesYears = true;
      direct.set(ind.code, `date_part('year', age(${p.add(asOf, 'date')}::timestamp, s.registered_on::timestamp))`);
    } else if ('onList' in rule) {
      const l = `l${listAggs.length}`;
      const cond = rule.onList.list !== undefined ? `li.code = ${p.add(rule.onList.list, 'text')}` : `li.kind = ${p.add(rule.onList.kind, 'text')}`;
      listAggs.push(`count(*) filter (where e.state = 'listed' and ${cond}) as ${l}`);
      direct.set(ind.code, `coalesce(l.${l}, 0)::float8`);
    }
  }

  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const memo = new Map<string, string>();
  const rawOf = (code: string): string => {
    const hit = direct.get(code) ?? memo.get(code);
    if (hit) return hit;
    const rule = byCode.get(code)!.rule as Extract<Rule, { combine: unknown }>;
    const parts = rule.combine.of.map(rawOf);
    const sql = rule.combine.op === 'sum' ? `(${parts.join(' + ')})` : `${rule.combine.op === 'max' ? 'greatest' : 'least'}(${parts.join(', ')})`;
    memo.set(code, sql);
    return sql;
  };
  const categoryIds = [...new Set(indicators.map((i) => recordFilterOf(i.rule)).filter((f): f is RecordFilter => f !== null).map((f) => cat.categoryIds.get(f.category)!))];
  return {
    indicators, categoryIds, recordAggs, listAggs, raws: indicators.map((i) => rawOf(i.code)), textRaw: indicators.map((i) => 'fieldValue' in i.rule), windows: [...windows].map(([months, ids]) => ({ months, categoryIds: [...ids] })), liveCategoryIds: [...live], usesYears,
  };
}

/** Points of one indicator from its raw column, clamped to [0, points], rounded to 2 decimals (float8). */
function pointsSql(ind: FlatIndicator, x: string, p: SqlParams): string {
  const s: Scoring = ind.score;
  let expr: string;
  if ('step' in s) {
    const steps = [...s.step.steps].sort((a, b) => b.atLeast - a.atLeast);
    expr = `case ${steps.map((st) => `when ${x} >= ${num(st.atLeast)} then ${num(st.points)}`).join(' ')} else ${num(s.step.otherwise)} end`;
  } else if ('linear' in s) {
    expr = `(${num(s.linear.base)} + ${num(s.linear.per)} * ${x})`;
  } else if ('cap' in s) {
    expr = `least(${num(s.cap.per)} * ${x}, ${num(s.cap.max)})`;
  } else {
    const whens = Object.entries(s.map.values).map(([k, v]) => `when ${p.add(k, 'text')} then ${num(v)}`);
    expr = `case ${x}::text ${whens.join(' ')} else ${num(s.map.otherwise)} end`;
  }
  // Unknown values (no registration date, no matching record for fieldValue): ifMissing, else the
  // function's own fallback (otherwise for step and map, 0 for linear and cap).
  const missing = ind.ifMissing ?? ('step' in s ? s.step.otherwise : 'map' in s ? s.map.otherwise : 0);
  return `round(100 * greatest(0, least(${num(ind.points)}, case when ${x} is null then ${num(missing)} else ${expr} end))) / 100`;
}

/** 1-based grade rank (1 = best) from the score column, lowered by vetoes on raw columns. */
function gradeSql(def: ModelDefinition, indicators: FlatIndicator[], score: string, p: SqlParams): string {
  const names = def.grades.map((g) => g.grade);
  const byCut = `case ${def.grades.map((g, i) => `when ${score} >= ${dec(g.minScore)} then ${i + 1}`).join(' ')} else ${names.length} end`;
  const vetoes = indicators
    .filter((i) => i.vetoGrade !== undefined)
    .map((i) => `case when x${i.index} > 0 then ${names.indexOf(i.vetoGrade!) + 1} else 1 end`);
  return `(${p.add(names, 'text[]')})[${vetoes.length ? `greatest(${byCut}, ${vetoes.join(', ')})` : byCut}]`;
}

export interface ScoringShape {
  /** Key columns selected at the innermost level, e.g. `s.id as subject_id`; named by `keys`. */
  keySelect: string;
  keys: string[];
  /** FROM … WHERE of the innermost level; must expose aliases s (subject), a (record aggregates) and l (list aggregates). */
  from: string;
}

/**
 * SELECT keys…, score (numeric, 2 decimals), grade, pts (float8[]), raws (float8[], null for text
 * indicators) and raws_text (text[] of the text indicators' values, or null when the model has
 * none) per row of `shape.from`. The OFFSET 0 fences stop the planner from inlining (and so
 * re-evaluating) the per-indicator points.
 */
export function scoringSelect(def: ModelDefinition, c: CompiledModel, shape: ScoringShape, p: SqlParams): string {
  const n = c.indicators.length;
  const xs = c.indicators.map((_, i) => `x${i}`);
  const ps = c.indicators.map((_, i) => `p${i}`);
  const keys = shape.keys.join(', ');
  const raws = c.raws.map((r, i) => `${r} as x${i}`).join(',\n      ');
  const points = c.indicators.map((ind, i) => `${pointsSql(ind, `x${i}`, p)} as p${i}`).join(',\n      ');
  const rawNum = xs.map((x, i) => (c.textRaw[i] ? 'null' : x)).join(', ');
  const rawText = c.textRaw.some(Boolean) ? `array[${xs.map((x, i) => (c.textRaw[i] ? x : 'null')).join(', ')}]::text[]` : 'null::text[]';
  return `select ${keys}, score, ${gradeSql(def, c.indicators, 'score', p)} as grade, pts, raws, raws_text from (
    select ${keys}, ${xs.join(', ')}, round((${n ? ps.join(' + ') : '0'})::numeric, 2) as score, array[${ps.join(', ')}]::float8[] as pts,
      array[${rawNum}]::float8[] as raws, ${rawText} as raws_text from (
      select ${keys}, ${xs.join(', ')},
      ${points}
      from (
        select ${shape.keySelect},
      ${raws}
        ${shape.from}
      ) x offset 0
    ) pt offset 0
  ) sc`;
}

/** Aggregates of one subject's records (alias a), grouped by `groupBy` over source `src` (alias r). */
export function recordAggSql(c: CompiledModel, src: string, groupBy: string[]): string {
  // No record rules: an empty relation that still mentions src (its bind parameters must be used).
  if (!c.recordAggs.length) return `(select ${groupBy.join(', ')} from ${src} group by ${groupBy.join(', ')} limit 0)`;
  return `(select ${groupBy.join(', ')}, ${c.recordAggs.join(', ')} from ${src} group by ${groupBy.join(', ')})`;
}

export function listAggSql(c: CompiledModel, where: string): string {
  if (!c.listAggs.length) return `(select null::bigint as subject_id where false)`;
  return `(select e.subject_id, ${c.listAggs.join(', ')} from list_entry e join list li on li.id = e.list_id where e.state = 'listed' and ${where} group by e.subject_id)`;
}
