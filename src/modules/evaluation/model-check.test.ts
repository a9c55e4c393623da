import { describe, expect, it } from 'vitest';
import { monthsAfter, TEST_TODAY } from '../../../test/helpers/clock.js';
import { NATIONAL_CATEGORIES } from '../catalog/national-catalog.js';
import { compileModel, SqlParams } from './compile.js';
import { checkModel, type CatalogView } from './model-check.js';

const catalog: CatalogView = {
  categories: new Map(NATIONAL_CATEGORIES.map((c) => [c.code, { fields: c.fields.map((f) => f.code) }])),
  lists: new Set(['sfsx']),
};

/** A small valid model; tests break one thing at a time. */
function model(): Record<string, unknown> {
  return {
    code: 'tiny', name: '测试模型', totalPoints: 100, subjectKinds: ['legal_person'], gradesPublic: true,
    grades: [{ grade: 'A', minScore: 90 }, { grade: 'B', minScore: 60 }, { grade: 'C', minScore: 0 }],
    dimensions: [
      {
        code: 'law', name: '遵纪守法', points: 60, indicators: [
          { code: 'pen', name: '处罚', points: 40, rule: { count: { category: 'penalty', severity: ['serious'], withinMonths: 36 } }, score: { linear: { base: 40, per: -20 } } },
          { code: 'court', name: '执行', points: 0, rule: { count: { category: 'court_judgment', where: { LXQK: ['全部未履行', '部分履行'] } } }, score: { linear: { base: 0, per: 0 } } },
          { code: 'bad', name: '合计', points: 20, rule: { combine: { op: 'sum', of: ['pen', 'court'] } }, score: { step: { steps: [{ atLeast: 1, points: 0 }], otherwise: 20 } } },
        ],
      },
      {
        code: 'fin', name: '金融财税', points: 40, indicators: [
          { code: 'tax', name: '纳税等级', points: 30, rule: { fieldValue: { category: 'evaluation_result', field: 'PJDJ', where: { PJLX: '纳税信用等级评价' } } }, score: { map: { values: { A: 30, B: 20 }, otherwise: 10 } } },
          { code: 'age', name: '成立年限', points: 10, rule: { yearsSince: 'registered_on' }, score: { cap: { per: 2, max: 10 } } },
        ],
      },
    ],
  };
}

type M = ReturnType<typeof model> & { dimensions: { points: number; indicators: Record<string, unknown>[] }[] };
const reasons = (input: unknown) => {
  const r = checkModel(input, catalog);
  return r.ok ? [] : r.issues.map((i) => `${i.reason} @ ${i.field}`);
};

describe('evaluation model validation', () => {
  it('accepts a well-formed model and compiles it', () => {
    const r = checkModel(model(), catalog);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const p = new SqlParams();
    const c = compileModel(r.model, { categoryIds: new Map([['penalty', 4], ['court_judgment', 2], ['evaluation_result', 9]]) }, TEST_TODAY, p);
    expect(c.recordAggs).toHaveLength(3);
    expect(c.raws[2]).toBe(`(${c.raws[0]} + ${c.raws[1]})`);
    expect(c.windows).toEqual([{ months: 36, categoryIds: [4] }]);
    // The 36-month window opens 36 calendar months before the evaluation date (clamped to a month's end).
    expect(p.values).toContain(monthsAfter(TEST_TODAY, -36));
  });

  it('rejects dimension points that do not add up to the declared total', () => {
    const m = model() as M;
    m.dimensions[1]!.points = 50;
    m.dimensions[1]!.indicators[1]!.points = 20;
    expect(reasons(m)).toEqual(['weights_mismatch @ totalPoints']);
    const r = checkModel(m, catalog);
    expect(!r.ok && r.issues[0]!.message).toBe('模型声明总分 100，各维度分值之和为 110');
  });

  it('rejects indicator points that do not add up to their dimension', () => {
    const m = model() as M;
    m.dimensions[0]!.indicators[0]!.points = 30;
    m.dimensions[0]!.indicators[0]!.score = { linear: { base: 30, per: -15 } };
    const r = checkModel(m, catalog);
    expect(reasons(m)).toEqual(['weights_mismatch @ dimensions[0].points']);
    expect(!r.ok && r.issues[0]!.message).toBe('维度“遵纪守法”声明 60 分，其指标分值之和为 50');
  });

  it('rejects a reference to an unknown indicator', () => {
    const m = model() as M;
    m.dimensions[0]!.indicators[2]!.rule = { combine: { op: 'sum', of: ['pen', 'nope'] } };
    expect(reasons(m)).toEqual(['unknown_indicator @ dimensions[0].indicators[2].rule.combine.of']);
  });

  it('rejects cyclic indicator references, naming the cycle', () => {
    const m = model() as M;
    m.dimensions[0]!.indicators[1]!.rule = { combine: { op: 'max', of: ['bad'] } };
    const r = checkModel(m, catalog);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.reason)).toEqual(['cyclic_indicator']);
    expect(r.issues[0]!.message).toMatch(/court → bad → court|bad → court → bad/);
  });

  it('rejects unknown categories and fields', () => {
    const m = model() as M;
    m.dimensions[0]!.indicators[0]!.rule = { count: { category: 'no_such_category' } };
    m.dimensions[1]!.indicators[0]!.rule = { fieldValue: { category: 'evaluation_result', field: 'NOPE', where: { PJLX2: 'x' } } };
    expect(reasons(m)).toEqual([
      'unknown_category @ dimensions[0].indicators[0].rule.count.category',
      'unknown_field @ dimensions[1].indicators[0].rule.fieldValue.field',
      'unknown_field @ dimensions[1].indicators[0].rule.fieldValue.where.PJLX2',
    ]);
  });

  it('rejects grade cut-offs out of order and a lowest grade above zero', () => {
    const m = model();
    m.grades = [{ grade: 'A', minScore: 60 }, { grade: 'B', minScore: 80 }, { grade: 'C', minScore: 10 }];
    const r = checkModel(m, catalog);
    expect(reasons(m)).toEqual(['grades_out_of_order @ grades[1].minScore', 'lowest_grade_not_zero @ grades[2].minScore']);
    expect(!r.ok && r.issues[0]!.message).toBe('等级分数线须由高到低排列：“B”的最低分 80 不低于上一等级“A”的 60');
  });

  it('rejects unknown rules and scoring functions, bad steps and points beyond the indicator', () => {
    const m = model() as M;
    m.dimensions[0]!.indicators[0]!.rule = { average: { category: 'penalty' } };
    m.dimensions[0]!.indicators[2]!.score = { step: { steps: [{ atLeast: 2, points: 0 }, { atLeast: 1, points: 25 }], otherwise: 20 } };
    m.dimensions[1]!.indicators[1]!.score = { exponential: {} };
    expect(reasons(m)).toEqual([
      'unknown_rule @ dimensions[0].indicators[0].rule.average',
      'steps_out_of_order @ dimensions[0].indicators[2].score.step.steps[1].atLeast',
      'points_out_of_range @ dimensions[0].indicators[2].score.step.steps[1].points',
      'unknown_scoring @ dimensions[1].indicators[1].score.exponential',
    ]);
  });

  it('requires map scoring for text values and known veto grades', () => {
    const m = model() as M;
    m.dimensions[1]!.indicators[0]!.score = { linear: { base: 30, per: 0 } };
    m.dimensions[0]!.indicators[0]!.vetoGrade = 'Z';
    expect(reasons(m)).toEqual(['unknown_grade @ dimensions[0].indicators[0].vetoGrade']);
    delete m.dimensions[0]!.indicators[0]!.vetoGrade;
    expect(reasons(m)).toEqual(['scoring_mismatch @ dimensions[1].indicators[0].score']);
  });
});
