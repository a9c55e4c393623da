import type { ErrorDetail } from '../../errors.js';
import { SUBJECT_KINDS } from '../catalog/types.js';
import { RECORD_STATES } from '../records/types.js';
import {
  RULE_KINDS, SCORING_KINDS, flattenIndicators, recordFilterOf, type Indicator, type ModelDefinition, type RecordFilter,
} from './model-types.js';

/** What validation needs to know of the catalog: category codes with their field codes; list codes. */
export interface CatalogView {
  categories: Map<string, { fields: string[] }>;
  lists: Set<string>;
}

type Issue = ErrorDetail & { reason: string };
type Obj = Record<string, unknown>;

const CODE = /^[a-z][a-z0-9_]{1,62}$/;
const SEVERITIES = ['minor', 'ordinary', 'serious'];
const EPS = 1e-9;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const fmt = (n: number) => String(Math.round(n * 100) / 100);

class Checker {
  readonly issues: Issue[] = [];
  add(field: string, reason: string, message: string): void {
    this.issues.push({ field, reason, message });
  }
  /** The one key of a single-key object, or null (reported). */
  oneKey(v: unknown, at: string, allowed: readonly string[], what: string): string | null {
    if (!isObj(v) || Object.keys(v).length !== 1) {
      this.add(at, `invalid_${what}`, `${at} 须是只含一个键的对象，可用：${allowed.join(' / ')}`);
      return null;
    }
    const k = Object.keys(v)[0]!;
    if (!allowed.includes(k)) {
      this.add(`${at}.${k}`, `unknown_${what}`, `未知的${what === 'rule' ? '规则' : '计分函数'}“${k}”，可用：${allowed.join(' / ')}`);
      return null;
    }
    return k;
  }
}

function checkHeader(c: Checker, m: Obj): void {
  if (typeof m.code !== 'string' || !CODE.test(m.code)) c.add('code', 'invalid_code', '模型编码须为小写字母开头的 2–63 位小写字母、数字或下划线');
  if (typeof m.name !== 'string' || !m.name.trim()) c.add('name', 'required', '缺少模型名称');
  if (!isNum(m.totalPoints) || m.totalPoints <= 0) c.add('totalPoints', 'invalid_points', '模型总分须为正数');
  if (typeof m.gradesPublic !== 'boolean') c.add('gradesPublic', 'required', 'gradesPublic 须为 true 或 false（等级是否向社会公开）');
  const kinds = m.subjectKinds;
  if (!Array.isArray(kinds) || !kinds.length) c.add('subjectKinds', 'required', '须列出模型适用的主体类型');
  else kinds.forEach((k, i) => {
    if (!(SUBJECT_KINDS as readonly unknown[]).includes(k)) c.add(`subjectKinds[${i}]`, 'unknown_subject_kind', `未知主体类型“${String(k)}”，可用：${SUBJECT_KINDS.join(', ')}`);
  });
}

function checkGrades(c: Checker, m: Obj): void {
  const grades = m.grades;
  if (!Array.isArray(grades) || grades.length < 2) {
    c.add('grades', 'invalid_grades', '须至少定义两个等级（由高到低，各有最低分）');
    return;
  }
  const seen = new Set<string>();
  let prev: { grade: string; minScore: number } | null = null;
  grades.forEach((g: unknown, i) => {
    const at = `grades[${i}]`;
    if (!isObj(g) || typeof g.grade !== 'string' || !g.grade.trim() || !isNum(g.minScore)) {
      c.add(at, 'invalid_grade', `${at} 须为 { grade: 等级名称, minScore: 最低分 }`);
      return;
    }
    if (seen.has(g.grade)) c.add(`${at}.grade`, 'duplicate_grade', `等级“${g.grade}”重复`);
    seen.add(g.grade);
    if (prev && !(g.minScore < prev.minScore)) {
      c.add(`${at}.minScore`, 'grades_out_of_order', `等级分数线须由高到低排列：“${g.grade}”的最低分 ${fmt(g.minScore)} 不低于上一等级“${prev.grade}”的 ${fmt(prev.minScore)}`);
    }
    if (isNum(m.totalPoints) && g.minScore > m.totalPoints) c.add(`${at}.minScore`, 'grade_above_total', `等级“${g.grade}”的最低分 ${fmt(g.minScore)} 超过模型总分 ${fmt(m.totalPoints)}`);
    prev = { grade: g.grade, minScore: g.minScore };
  });
  const last = grades[grades.length - 1] as Obj;
  if (isObj(last) && isNum(last.minScore) && last.minScore > 0) {
    c.add(`grades[${grades.length - 1}].minScore`, 'lowest_grade_not_zero', `最低等级“${String(last.grade)}”的最低分须为 0，否则部分得分没有等级`);
  }
}

function checkFilter(c: Checker, f: unknown, at: string, cat: CatalogView, needField: boolean): void {
  if (!isObj(f)) {
    c.add(at, 'invalid_rule', `${at} 须为对象`);
    return;
  }
  const allowed = ['category', 'severity', 'withinMonths', 'states', 'live', 'where', 'field'];
  for (const k of Object.keys(f)) if (!allowed.includes(k)) c.add(`${at}.${k}`, 'unknown_rule_option', `规则不支持选项“${k}”，可用：${allowed.join(', ')}`);
  const category = typeof f.category === 'string' ? cat.categories.get(f.category) : undefined;
  if (typeof f.category !== 'string') c.add(`${at}.category`, 'required', '规则须指定信息类别 category');
  else if (!category) c.add(`${at}.category`, 'unknown_category', `未知信息类别“${f.category}”`);
  const fieldOk = (code: string, path: string) => {
    if (category && !category.fields.includes(code)) c.add(path, 'unknown_field', `信息类别“${String(f.category)}”没有数据项“${code}”`);
  };
  if (needField) {
    if (typeof f.field !== 'string') c.add(`${at}.field`, 'required', '规则须指定数据项 field');
    else fieldOk(f.field, `${at}.field`);
  } else if (f.field !== undefined) c.add(`${at}.field`, 'unknown_rule_option', '只有 sum 与 fieldValue 规则使用 field');
  if (f.severity !== undefined && (!Array.isArray(f.severity) || !f.severity.length || f.severity.some((s) => !SEVERITIES.includes(s as string)))) {
    c.add(`${at}.severity`, 'invalid_severity', `severity 须为非空列表，取值 ${SEVERITIES.join(' / ')}`);
  }
  if (f.states !== undefined && (!Array.isArray(f.states) || !f.states.length || f.states.some((s) => !(RECORD_STATES as readonly unknown[]).includes(s)))) {
    c.add(`${at}.states`, 'invalid_states', `states 须为非空列表，取值 ${RECORD_STATES.join(' / ')}`);
  }
  if (f.withinMonths !== undefined && (!Number.isInteger(f.withinMonths) || (f.withinMonths as number) < 1 || (f.withinMonths as number) > 600)) {
    c.add(`${at}.withinMonths`, 'invalid_window', 'withinMonths 须为 1–600 的整数');
  }
  if (f.live !== undefined && typeof f.live !== 'boolean') c.add(`${at}.live`, 'invalid_rule', 'live 须为 true 或 false');
  if (f.live === true && f.states !== undefined) c.add(`${at}.states`, 'invalid_rule', 'live 已限定为有效状态，不能同时指定 states');
  if (f.where !== undefined) {
    if (!isObj(f.where)) c.add(`${at}.where`, 'invalid_rule', 'where 须为 { 数据项: 取值或取值列表 }');
    else for (const [k, v] of Object.entries(f.where)) {
      fieldOk(k, `${at}.where.${k}`);
      const ok = typeof v === 'string' || (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string'));
      if (!ok) c.add(`${at}.where.${k}`, 'invalid_rule', `where.${k} 须为字符串或非空字符串列表`);
    }
  }
}

function checkRule(c: Checker, ind: Obj, at: string, cat: CatalogView): void {
  const kind = c.oneKey(ind.rule, `${at}.rule`, RULE_KINDS, 'rule');
  if (!kind) return;
  const body = (ind.rule as Obj)[kind];
  const path = `${at}.rule.${kind}`;
  switch (kind) {
    case 'count':
    case 'exists':
      return checkFilter(c, body, path, cat, false);
    case 'sum':
    case 'fieldValue':
      return checkFilter(c, body, path, cat, true);
    case 'yearsSince':
      if (body !== 'registered_on') c.add(path, 'unknown_attribute', `yearsSince 只支持主体属性 registered_on，收到“${String(body)}”`);
      return;
    case 'onList':
      if (!isObj(body) || (body.kind === undefined && body.list === undefined)) c.add(path, 'invalid_rule', 'onList 须指定 kind（honour / blacklist / watch）或 list（名单编码）');
      else {
        if (body.kind !== undefined && !['honour', 'blacklist', 'watch'].includes(body.kind as string)) c.add(`${path}.kind`, 'invalid_rule', 'kind 取值 honour / blacklist / watch');
        if (body.list !== undefined && (typeof body.list !== 'string' || !cat.lists.has(body.list))) c.add(`${path}.list`, 'unknown_list', `未知名单“${String(body.list)}”`);
      }
      return;
    case 'combine':
      if (!isObj(body) || !['sum', 'max', 'min'].includes(body.op as string) || !Array.isArray(body.of) || !body.of.length || body.of.some((x) => typeof x !== 'string')) {
        c.add(path, 'invalid_rule', 'combine 须为 { op: sum / max / min, of: [指标编码…] }');
      }
  }
}

function checkScoring(c: Checker, ind: Obj, at: string): void {
  const kind = c.oneKey(ind.score, `${at}.score`, SCORING_KINDS, 'scoring');
  if (!kind) return;
  const b = (ind.score as Obj)[kind];
  const path = `${at}.score.${kind}`;
  const max = isNum(ind.points) ? ind.points : Infinity;
  const within = (v: number, p: string) => {
    if (v < 0 || v > max) c.add(p, 'points_out_of_range', `${p} = ${fmt(v)} 超出该指标分值范围 0–${fmt(max)}`);
  };
  if (!isObj(b)) {
    c.add(path, 'invalid_scoring', `${path} 须为对象`);
    return;
  }
  if (kind === 'step') {
    if (!Array.isArray(b.steps) || !b.steps.length || !isNum(b.otherwise)) {
      c.add(path, 'invalid_scoring', 'step 须为 { steps: [{ atLeast, points }…], otherwise }');
      return;
    }
    within(b.otherwise, `${path}.otherwise`);
    let prev = -Infinity;
    b.steps.forEach((s: unknown, i) => {
      const sp = `${path}.steps[${i}]`;
      if (!isObj(s) || !isNum(s.atLeast) || !isNum(s.points)) return c.add(sp, 'invalid_scoring', `${sp} 须为 { atLeast: 数值, points: 分值 }`);
      if (!(s.atLeast > prev)) c.add(`${sp}.atLeast`, 'steps_out_of_order', `step 的 atLeast 须严格递增：${fmt(s.atLeast)} 不大于前一档 ${fmt(prev)}`);
      prev = s.atLeast;
      within(s.points, `${sp}.points`);
    });
  } else if (kind === 'linear') {
    if (!isNum(b.base) || !isNum(b.per)) c.add(path, 'invalid_scoring', 'linear 须为 { base, per }（得分 = base + per × 值）');
  } else if (kind === 'cap') {
    if (!isNum(b.per) || !isNum(b.max) || b.per <= 0) c.add(path, 'invalid_scoring', 'cap 须为 { per > 0, max }（得分 = min(per × 值, max)）');
    else within(b.max, `${path}.max`);
  } else {
    if (!isObj(b.values) || !Object.keys(b.values).length || !isNum(b.otherwise) || Object.values(b.values).some((v) => !isNum(v))) {
      c.add(path, 'invalid_scoring', 'map 须为 { values: { 取值: 分值 }, otherwise }');
      return;
    }
    within(b.otherwise, `${path}.otherwise`);
    for (const [k, v] of Object.entries(b.values)) within(v as number, `${path}.values.${k}`);
  }
}

function checkIndicators(c: Checker, m: Obj, cat: CatalogView, gradeNames: Set<string>): void {
  if (!Array.isArray(m.dimensions) || !m.dimensions.length) {
    c.add('dimensions', 'required', '须至少有一个维度（一级指标）');
    return;
  }
  const codes = new Set<string>();
  let dimSum = 0;
  m.dimensions.forEach((d: unknown, di) => {
    const at = `dimensions[${di}]`;
    if (!isObj(d)) return c.add(at, 'invalid_dimension', `${at} 须为 { code, name, points, indicators }`);
    if (typeof d.code !== 'string' || !CODE.test(d.code)) c.add(`${at}.code`, 'invalid_code', '维度编码须为小写字母、数字或下划线');
    if (typeof d.name !== 'string' || !d.name.trim()) c.add(`${at}.name`, 'required', '缺少维度名称');
    if (!isNum(d.points) || d.points < 0) c.add(`${at}.points`, 'invalid_points', '维度分值须为非负数');
    else dimSum += d.points;
    if (!Array.isArray(d.indicators) || !d.indicators.length) return c.add(`${at}.indicators`, 'required', `维度“${String(d.name)}”没有指标`);
    let indSum = 0;
    d.indicators.forEach((ind: unknown, ii) => {
      const ip = `${at}.indicators[${ii}]`;
      if (!isObj(ind)) return c.add(ip, 'invalid_indicator', `${ip} 须为 { code, name, points, rule, score }`);
      if (typeof ind.code !== 'string' || !CODE.test(ind.code)) c.add(`${ip}.code`, 'invalid_code', '指标编码须为小写字母、数字或下划线');
      else if (codes.has(ind.code)) c.add(`${ip}.code`, 'duplicate_indicator', `指标编码“${ind.code}”重复`);
      else codes.add(ind.code);
      if (typeof ind.name !== 'string' || !ind.name.trim()) c.add(`${ip}.name`, 'required', '缺少指标名称');
      if (!isNum(ind.points) || ind.points < 0) c.add(`${ip}.points`, 'invalid_points', '指标分值须为非负数');
      else indSum += ind.points;
      if (ind.ifMissing !== undefined && (!isNum(ind.ifMissing) || ind.ifMissing < 0 || (isNum(ind.points) && ind.ifMissing > ind.points))) {
        c.add(`${ip}.ifMissing`, 'points_out_of_range', 'ifMissing 须在 0 与指标分值之间');
      }
      if (ind.vetoGrade !== undefined && !gradeNames.has(ind.vetoGrade as string)) c.add(`${ip}.vetoGrade`, 'unknown_grade', `一票否决等级“${String(ind.vetoGrade)}”不是模型的等级`);
      checkRule(c, ind, ip, cat);
      checkScoring(c, ind, ip);
    });
    if (isNum(d.points) && Math.abs(indSum - d.points) > EPS) {
      c.add(`${at}.points`, 'weights_mismatch', `维度“${String(d.name)}”声明 ${fmt(d.points)} 分，其指标分值之和为 ${fmt(indSum)}`);
    }
  });
  if (isNum(m.totalPoints) && Math.abs(dimSum - m.totalPoints) > EPS) {
    c.add('totalPoints', 'weights_mismatch', `模型声明总分 ${fmt(m.totalPoints)}，各维度分值之和为 ${fmt(dimSum)}`);
  }
}

/** References of combine indicators: unknown targets, text-valued targets and cycles. */
function checkReferences(c: Checker, def: ModelDefinition): void {
  const flat = flattenIndicators(def);
  const byCode = new Map(flat.map((i) => [i.code, i]));
  const pathOf = (i: { index: number }) => {
    const f = flat[i.index]!;
    const di = def.dimensions.findIndex((d) => d.code === f.dimension);
    const ii = def.dimensions[di]!.indicators.findIndex((x) => x.code === f.code);
    return `dimensions[${di}].indicators[${ii}].rule.combine.of`;
  };
  for (const ind of flat) {
    if (!('combine' in ind.rule)) continue;
    for (const ref of ind.rule.combine.of) {
      const target = byCode.get(ref);
      if (!target) c.add(pathOf(ind), 'unknown_indicator', `指标“${ind.code}”引用了不存在的指标“${ref}”`);
      else if ('fieldValue' in target.rule) c.add(pathOf(ind), 'text_indicator', `指标“${ind.code}”引用的“${ref}”取值为文本，不能参与 combine 运算`);
    }
  }
  const state = new Map<string, 'visiting' | 'done'>();
  const reported = new Set<string>();
  const visit = (code: string, stack: string[]): void => {
    const ind = byCode.get(code);
    if (!ind || state.get(code) === 'done') return;
    if (state.get(code) === 'visiting') {
      const cycle = [...stack.slice(stack.indexOf(code)), code];
      const key = [...cycle].sort().join(',');
      if (!reported.has(key)) {
        reported.add(key);
        c.add(pathOf(ind), 'cyclic_indicator', `指标引用成环：${cycle.join(' → ')}`);
      }
      return;
    }
    state.set(code, 'visiting');
    if ('combine' in ind.rule) for (const ref of ind.rule.combine.of) visit(ref, [...stack, code]);
    state.set(code, 'done');
  };
  for (const ind of flat) visit(ind.code, []);
}

/** Map scoring needs a value to match; other functions need a number. */
function checkScoringFitsRule(c: Checker, def: ModelDefinition): void {
  def.dimensions.forEach((d, di) => d.indicators.forEach((ind: Indicator, ii) => {
    const at = `dimensions[${di}].indicators[${ii}].score`;
    if ('fieldValue' in ind.rule && !('map' in ind.score)) c.add(at, 'scoring_mismatch', `指标“${ind.code}”取文本值（fieldValue），只能用 map 计分`);
    if ('fieldValue' in ind.rule && ind.vetoGrade !== undefined) c.add(`dimensions[${di}].indicators[${ii}].vetoGrade`, 'scoring_mismatch', `指标“${ind.code}”取文本值，不能一票否决`);
  }));
}

/**
 * Validate an operator's model (parsed JSON or YAML) against the catalog. Every problem is
 * reported with its path and a reason code: weights that do not add up, unknown or cyclic
 * indicator references, unknown categories or fields, grade cut-offs out of order…
 */
export function checkModel(input: unknown, cat: CatalogView): { ok: true; model: ModelDefinition } | { ok: false; issues: Issue[] } {
  const c = new Checker();
  if (!isObj(input)) return { ok: false, issues: [{ field: '', reason: 'invalid_model', message: '模型须为 JSON / YAML 对象' }] };
  checkHeader(c, input);
  checkGrades(c, input);
  const gradeNames = new Set(Array.isArray(input.grades) ? input.grades.filter(isObj).map((g) => g.grade as string) : []);
  checkIndicators(c, input, cat, gradeNames);
  if (c.issues.length) return { ok: false, issues: c.issues };
  const def = input as unknown as ModelDefinition;
  checkReferences(c, def);
  checkScoringFitsRule(c, def);
  if (c.issues.length) return { ok: false, issues: c.issues };
  return { ok: true, model: normalise(def) };
}

/** Keep only the known keys, so stored definitions carry nothing the compiler ignores. */
function normalise(def: ModelDefinition): ModelDefinition {
  const filter = (f: RecordFilter & { field?: string }) => ({
    category: f.category,
    ...(f.field !== undefined ? { field: f.field } : {}),
    ...(f.severity ? { severity: f.severity } : {}),
    ...(f.withinMonths !== undefined ? { withinMonths: f.withinMonths } : {}),
    ...(f.states ? { states: f.states } : {}),
    ...(f.live !== undefined ? { live: f.live } : {}),
    ...(f.where ? { where: f.where } : {}),
  });
  return {
    code: def.code, name: def.name.trim(), ...(def.description ? { description: def.description } : {}),
    totalPoints: def.totalPoints, subjectKinds: def.subjectKinds, gradesPublic: def.gradesPublic,
    grades: def.grades.map((g) => ({ grade: g.grade.trim(), minScore: g.minScore, ...(g.meaning ? { meaning: g.meaning } : {}) })),
    dimensions: def.dimensions.map((d) => ({
      code: d.code, name: d.name.trim(), points: d.points,
      indicators: d.indicators.map((i) => {
        const f = recordFilterOf(i.rule);
        const key = Object.keys(i.rule)[0]!;
        return {
          code: i.code, name: i.name.trim(), points: i.points,
          rule: (f ? { [key]: filter(f) } : i.rule) as Indicator['rule'],
          score: i.score,
          ...(i.ifMissing !== undefined ? { ifMissing: i.ifMissing } : {}),
          ...(i.vetoGrade !== undefined ? { vetoGrade: i.vetoGrade } : {}),
          ...(i.description ? { description: i.description } : {}),
        };
      }),
    })),
  };
}
