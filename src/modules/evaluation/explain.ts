import type { Pool } from '../../db/pool.js';
import type { Clock } from '../../lib/clock.js';
import type { PersonalData } from '../../lib/personal-data.js';
import { actorOf, appendAudit } from '../access/audit.js';
import { grantedCategories } from '../access/grants.js';
import type { Viewer } from '../access/viewer.js';
import type { Disclosure } from '../catalog/types.js';
import { scopeFor } from '../records/archive.js';
import { getSubjectForViewer } from '../subjects/service.js';
import { flattenIndicators, recordFilterOf, type FlatIndicator, type ModelDefinition } from './model-types.js';
import { catalogView } from './models.js';
import * as repo from './repo.js';
import { scoreScenarios, type Scenario } from './run-repo.js';

export interface BreakdownItem {
  dimension: string;
  dimensionName: string;
  indicator: string;
  name: string;
  maxPoints: number;
  /** null when withheld from this viewer. */
  points: number | null;
  /** points − maxPoints: how far the indicator pulled the score down (0 = full marks). */
  delta: number | null;
  value: string | null;
  withheld: boolean;
}

export interface WhatIf {
  action: 'repair' | 'fulfil';
  recordId: number;
  category: string;
  categoryName: string;
  sourceKey: string;
  decidedOn: string | null;
  description: string;
  score: number;
  grade: string;
  scoreDelta: number;
}

export interface Explanation {
  subject: { kind: string; name: string };
  /** false: no completed run has scored the subject yet (model and run are null, nothing else to show). */
  evaluated: boolean;
  model: { code: string; version: number; name: string; totalPoints: number; gradesPublic: boolean } | null;
  run: { id: number; asOf: string } | null;
  disclosure: 'full' | 'grade_only' | 'none';
  grade: string | null;
  score: number | null;
  breakdown: BreakdownItem[];
  moved: { indicator: string; name: string; delta: number }[];
  whatIf: WhatIf[];
  whatIfBaseline: { score: number; grade: string; asOf: string } | null;
  notice: string | null;
}

const WHAT_IF_LIMIT = 30;

/** Disclosure classes an indicator draws on (through combine references too). */
function indicatorClasses(flat: FlatIndicator[], disclosure: Map<string, string>): Map<string, Set<string>> {
  const byCode = new Map(flat.map((i) => [i.code, i]));
  const memo = new Map<string, Set<string>>();
  const classesOf = (code: string): Set<string> => {
    const hit = memo.get(code);
    if (hit) return hit;
    const ind = byCode.get(code)!;
    const f = recordFilterOf(ind.rule);
    let out: Set<string>;
    if (f) out = new Set([disclosure.get(f.category) ?? 'shared']);
    else if ('onList' in ind.rule) out = new Set([ind.rule.onList.kind === 'watch' ? 'shared' : 'public']);
    else if ('combine' in ind.rule) out = new Set(ind.rule.combine.of.flatMap((c) => [...classesOf(c)]));
    else out = new Set(['public']);
    memo.set(code, out);
    return out;
  };
  return new Map(flat.map((i) => [i.code, classesOf(i.code)]));
}

function describe(c: repo.WhatIfCandidate): string {
  const what = `${c.categoryName}（${c.sourceKey}${c.decidedOn ? `，${c.decidedOn}` : ''}）`;
  return c.action === 'fulfil' ? `履行信用承诺 ${what}` : `完成信用修复：${what}`;
}

async function whatIfs(pool: Pool, def: ModelDefinition, categoryIds: Map<string, number>, asOf: string, subjectId: number, classes: Disclosure[]) {
  const modelCategories = flattenIndicators(def).map((i) => recordFilterOf(i.rule)?.category).filter((c): c is string => !!c).map((c) => categoryIds.get(c)!);
  const candidates = (await repo.whatIfCandidates(pool, subjectId, [...new Set(modelCategories)], WHAT_IF_LIMIT))
    .filter((c) => (classes as string[]).includes(c.disclosure));
  const scenarios: Scenario[] = [
    { n: 0, recordId: null, state: null, patch: null },
    ...candidates.map((c, i) => ({ n: i + 1, recordId: c.id, state: c.action === 'repair' ? 'repaired' : null, patch: c.action === 'fulfil' ? { LXZT: '已履约' } : null })),
  ];
  const scores = await scoreScenarios(pool, def, categoryIds, asOf, subjectId, scenarios);
  const base = scores.find((s) => s.scenario === 0)!;
  const items: WhatIf[] = candidates.map((c, i) => {
    const s = scores.find((x) => x.scenario === i + 1)!;
    return {
      action: c.action, recordId: c.id, category: c.categoryCode, categoryName: c.categoryName, sourceKey: c.sourceKey, decidedOn: c.decidedOn,
      description: describe(c), score: Number(s.score), grade: s.grade, scoreDelta: Math.round((Number(s.score) - Number(base.score)) * 100) / 100,
    };
  });
  items.sort((a, b) => b.scoreDelta - a.scoreDelta || b.recordId - a.recordId);
  return { items, baseline: { score: Number(base.score), grade: base.grade, asOf } };
}

const notEvaluated = (subject: { kind: string; name: string }): Explanation => ({
  subject: { kind: subject.kind, name: subject.name }, evaluated: false, model: null, run: null, disclosure: 'none',
  grade: null, score: null, breakdown: [], moved: [], whatIf: [], whatIfBaseline: null, notice: '该主体尚未参加公共信用综合评价',
});

/**
 * A subject's latest evaluation as this viewer may see it. The subject itself and entitled staff
 * (with a purpose) get score, breakdown and what-if, except indicators drawing on disclosure
 * classes they may not read; everyone else gets the grade if the model publishes grades, and the
 * indicator names only. Staff reads are audit-logged.
 */
export async function explainEvaluation(
  deps: { pool: Pool; pd: PersonalData; clock: Clock },
  viewer: Viewer,
  code: string,
  modelCode: string | null,
): Promise<Explanation> {
  const { pool } = deps;
  // A natural person the viewer may not see is answered as a code no one has (no name oracle).
  const subject = await getSubjectForViewer(pool, deps.pd, viewer, code, deps.clock.now());
  const codes = modelCode ? [modelCode] : await repo.modelCodesWithResult(pool, subject.id);
  let found: repo.ResultRow | null = null;
  for (const c of codes) if (!found) found = await repo.latestResult(pool, subject.id, c);
  const result = found;
  // Not evaluated is an answer, not an error: the portal's party page asks on every visit.
  if (!result) return notEvaluated(subject);
  const model = (await repo.modelById(pool, result.modelId))!;
  const def = model.definition;
  const own = viewer.role === 'subject' && viewer.subjectId === subject.id;
  const scope = scopeFor(viewer, own, await grantedCategories(pool, viewer, subject.id, deps.clock.now()));
  const detail = !scope.windowed;
  const cat = await catalogView(pool);
  const flat = flattenIndicators(def);
  const classes = indicatorClasses(flat, cat.disclosure);
  const breakdown: BreakdownItem[] = flat.map((ind) => {
    const visible = detail && [...classes.get(ind.code)!].every((c) => (scope.classes as string[]).includes(c));
    const points = result.points[ind.index]!;
    const raw = result.rawText?.[ind.index] ?? result.raw[ind.index];
    return {
      dimension: ind.dimension, dimensionName: ind.dimensionName, indicator: ind.code, name: ind.name, maxPoints: ind.points,
      points: visible ? points : null, delta: visible ? Math.round((points - ind.points) * 100) / 100 : null,
      value: visible && raw !== null && raw !== undefined ? String(raw) : null, withheld: !visible,
    };
  });
  const moved = breakdown.filter((b) => b.delta !== null && b.delta !== 0)
    .map((b) => ({ indicator: b.indicator, name: b.name, delta: b.delta! }))
    .sort((a, b) => a.delta - b.delta);
  const wi = detail ? await whatIfs(pool, def, cat.categoryIds, deps.clock.today(), subject.id, scope.classes) : null;
  if (detail && !own) {
    const cats = [...new Set(flat.map((i) => recordFilterOf(i.rule)?.category).filter((c): c is string => !!c))];
    await appendAudit(pool, {
      actor: actorOf(viewer), departmentId: viewer.departmentId, action: 'evaluation_read', subjectId: subject.id,
      categories: cats.filter((c) => (scope.classes as string[]).includes(cat.disclosure.get(c) ?? '')), purpose: viewer.purpose, ip: viewer.ip,
      details: { model: model.code, version: model.version, runId: result.runId },
    });
  }
  const grade = detail || def.gradesPublic ? result.grade : null;
  return {
    subject: { kind: subject.kind, name: subject.name },
    evaluated: true,
    model: { code: model.code, version: model.version, name: model.name, totalPoints: def.totalPoints, gradesPublic: def.gradesPublic },
    run: { id: result.runId, asOf: result.asOf },
    disclosure: detail ? 'full' : grade !== null ? 'grade_only' : 'none',
    grade, score: detail ? Number(result.score) : null,
    breakdown, moved, whatIf: wi?.items ?? [], whatIfBaseline: wi?.baseline ?? null,
    notice: detail ? null : scope.notice ?? (grade === null ? '该模型的评价等级不向社会公开' : '仅公开评价等级；得分与明细仅向主体本人及有权部门展示'),
  };
}
