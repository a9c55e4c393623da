import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, type SessionHeaders, type TestApp } from '../../../test/helpers/app.js';
import { addDays, monthsAfter, TEST_TODAY, yearsAfter } from '../../../test/helpers/clock.js';
import { makeDepartment, newUscc, penaltyRow } from '../../../test/helpers/factories.js';
import { createEvaluationTestApp, genericRow, post } from './testing.js';

/**
 * A small known dataset scored by a hand-checkable model (as of today, the injected clock's date):
 *   S1 reg. ~12 years ago, nothing on file                         → 87.5 B
 *   S2 reg. 18 months ago, ordinary penalty, 3 honours, tax grade A (after B), a breached commitment → 80 B
 *   S3 reg. ~16 years ago, serious + two ordinary penalties (one decided 36 months and 6 days ago),
 *      an older one out of every window, tax arrears              → 32.5 D
 *   S4 reg. ~16 years ago, on the serious-dishonesty list         → 77.5, vetoed to D
 *   S5 no registration date (ifMissing), a minor penalty          → 62.5 C
 * Registration dates sit a month or more away from an anniversary of today, so the incremental run
 * ten days on rescores only the subject whose penalty left its 36-month window.
 */
const TODAY = TEST_TODAY;
const ago = (months: number) => monthsAfter(TODAY, -months);
// Just inside the 36-month window today, outside it ten days later (leaves room for month-end clamping).
const S3_OLD_DECIDED = addDays(ago(36), 6);
const TEN_DAYS_ON = addDays(TODAY, 10);
// Penalties stay published well past every evaluation date of this file.
const PENALTY_VALID_UNTIL = yearsAfter(TODAY, 3);

const TINY = {
  code: 'tiny', name: '测试模型', totalPoints: 100, subjectKinds: ['legal_person'], gradesPublic: true,
  grades: [{ grade: 'A', minScore: 90 }, { grade: 'B', minScore: 70 }, { grade: 'C', minScore: 50 }, { grade: 'D', minScore: 0 }],
  dimensions: [
    {
      code: 'law', name: '遵纪守法', points: 60, indicators: [
        { code: 'pen_serious', name: '严重处罚', points: 30, rule: { count: { category: 'penalty', severity: ['serious'], withinMonths: 36 } }, score: { linear: { base: 30, per: -30 } } },
        { code: 'pen_other', name: '一般及轻微处罚', points: 20, rule: { count: { category: 'penalty', severity: ['ordinary', 'minor'], withinMonths: 36 } }, score: { linear: { base: 20, per: -10 } } },
        { code: 'blacklist', name: '严重失信名单', points: 10, rule: { exists: { category: 'serious_dishonesty', live: true } }, score: { step: { steps: [{ atLeast: 1, points: 0 }], otherwise: 10 } }, vetoGrade: 'D' },
      ],
    },
    { code: 'basic', name: '基本情况', points: 20, indicators: [{ code: 'years', name: '成立年限', points: 20, rule: { yearsSince: 'registered_on' }, score: { step: { steps: [{ atLeast: 1, points: 10 }, { atLeast: 3, points: 20 }], otherwise: 0 } }, ifMissing: 5 }] },
    {
      code: 'social', name: '社会公德', points: 20, indicators: [
        { code: 'honours', name: '荣誉', points: 10, rule: { count: { category: 'honour' } }, score: { cap: { per: 5, max: 10 } } },
        { code: 'tax', name: '纳税信用', points: 5, rule: { fieldValue: { category: 'evaluation_result', field: 'PJDJ', where: { PJLX: '纳税信用等级评价' } } }, score: { map: { values: { A: 5, B: 4, M: 3 }, otherwise: 2.5 } } },
        { code: 'arrears', name: '欠税', points: 5, rule: { count: { category: 'tax_arrears' } }, score: { linear: { base: 5, per: -5 } } },
      ],
    },
  ],
};

interface Party { uscc: string; name: string }
interface Explanation {
  grade: string | null; score: number | null; disclosure: string; model: { code: string; version: number };
  breakdown: { indicator: string; points: number | null; value: string | null; withheld: boolean; delta: number | null }[];
  moved: { indicator: string; delta: number }[];
  whatIf: { action: string; recordId: number; category: string; scoreDelta: number; score: number; grade: string }[];
  whatIfBaseline: { score: number } | null; notice: string | null;
}

let t: TestApp;
let admin: SessionHeaders;
let clerk: SessionHeaders;
let dept: { code: string; uscc: string };
const S: Party[] = [];
const ids: Record<string, number> = {};
let run1 = 0;
let key = 0;

async function subject(name: string, registeredOn?: string): Promise<Party> {
  const p = { uscc: newUscc(), name };
  await post(t, admin, '/api/v1/subjects', { uscc: p.uscc, name, ...(registeredOn ? { registeredOn } : {}) });
  return p;
}

async function penalty(p: Party, decided: string, type: string, label: string): Promise<void> {
  const r = await post<{ id: number }>(t, clerk, '/api/v1/records', {
    department: dept.code, category: 'penalty',
    fields: penaltyRow({ uscc: p.uscc, name: p.name, wsh: `测罚〔${decided}〕${++key}号`, dept, overrides: { CF_CFLB: type, CF_JDRQ: decided, CF_YXQ: PENALTY_VALID_UNTIL } }),
  });
  ids[label] = r.id;
}

async function file(p: Party, category: string, fields: Record<string, string>, label?: string): Promise<void> {
  const r = await post<{ id: number }>(t, clerk, '/api/v1/records', { department: dept.code, category, fields: genericRow(p, `XX${++key}`, fields) });
  if (label) ids[label] = r.id;
}

const explain = async (p: Party, headers: Record<string, string> = {}, model = 'tiny') => {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/subjects/${p.uscc}/evaluation?model=${model}`, headers });
  expect(res.statusCode, res.body).toBe(200);
  return json<Explanation>(res);
};
const staff = () => ({ ...admin, 'x-purpose': encodeURIComponent('信用评价复核') });
const results = async (runId: number) =>
  (await t.db.pool.query<{ subject_id: number; score: string; grade: string }>('select subject_id, score, grade from evaluation_result where run_id = $1 order by subject_id', [runId])).rows;

beforeAll(async () => {
  t = await createEvaluationTestApp();
  dept = await makeDepartment(t);
  admin = await t.loginAs('admin');
  clerk = await t.loginAs('department', dept.code);
  S.push(await subject('壹号科技有限公司', ago(143)));
  S.push(await subject('贰号贸易有限公司', ago(18)));
  S.push(await subject('叁号建材有限公司', ago(198)));
  S.push(await subject('肆号物流有限公司', ago(195)));
  const [, s2, s3, s4] = S as [Party, Party, Party, Party];
  await penalty(s2, ago(8), '罚款', 's2_pen');
  for (const d of [ago(31), ago(19), ago(7)]) await file(s2, 'honour', { RYMC: '守合同重信用企业', SYRQ: d, SYDW: '市市场监督管理局' });
  await file(s2, 'evaluation_result', { PJLX: '纳税信用等级评价', PJDJ: 'B', PJRQ: ago(22), PJDW: '市税务局' });
  await file(s2, 'evaluation_result', { PJLX: '纳税信用等级评价', PJDJ: 'A', PJRQ: ago(10), PJDW: '市税务局' });
  await file(s2, 'evaluation_result', { PJLX: '企业环境信用评价', PJDJ: '绿色', PJRQ: ago(5), PJDW: '市生态环境局' });
  await file(s2, 'commitment', { CNLX: '主动型', CNSY: '按期公示年报', CNRQ: ago(10), SLDW: '市市场监督管理局', LXZT: '未履约' }, 's2_commitment');
  await penalty(s3, ago(10), '吊销许可证件', 's3_serious');
  await penalty(s3, ago(11), '罚款', 's3_ordinary');
  await penalty(s3, S3_OLD_DECIDED, '罚款', 's3_old');
  await penalty(s3, ago(82), '罚款', 's3_ancient');
  await file(s3, 'tax_arrears', { SZ: '增值税', QSJE: '12.5', RDRQ: ago(6), ZGSWJG: '市税务局' }, 's3_arrears');
  await file(s4, 'serious_dishonesty', { MDMC: '失信被执行人名单', LRYY: '有履行能力而拒不履行', RDRQ: ago(10), RDJG: '市中级人民法院' }, 's4_list');
  // S5 exists only through its record: no registration date.
  const s5 = { uscc: newUscc(), name: '伍号餐饮有限公司' };
  await penalty(s5, addDays(TODAY, -55), '警告', 's5_pen');
  S.push(s5);
  const rows = (await t.db.pool.query<{ id: number; uscc: string }>('select id, uscc from subject')).rows;
  for (const [i, p] of S.entries()) ids[`S${i + 1}`] = rows.find((r) => r.uscc === p.uscc)!.id;
});

afterAll(async () => {
  await t?.close();
});

describe('evaluation models', () => {
  it('seeds the default enterprise and natural-person models and lists them publicly', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/evaluation/models' });
    const items = json<{ items: { code: string; version: number; gradesPublic: boolean; definition: { totalPoints: number; dimensions: { name: string }[]; grades: { grade: string }[] } }[] }>(res).items;
    const ent = items.find((m) => m.code === 'enterprise')!;
    expect(ent.definition.totalPoints).toBe(1000);
    expect(ent.definition.grades.map((g) => g.grade)).toEqual(['优秀', '良好', '中等', '较差']);
    const person = items.find((m) => m.code === 'natural_person')!;
    expect(person.definition.dimensions.map((d) => d.name)).toEqual(['基本情况', '履约能力', '遵纪守法', '经济行为', '社会公德']);
    expect(person.gradesPublic).toBe(false);
  });

  it('rejects a bad model over HTTP with every precise reason', async () => {
    const bad = structuredClone(TINY) as typeof TINY;
    bad.totalPoints = 120;
    bad.grades = [{ grade: 'A', minScore: 60 }, { grade: 'B', minScore: 70 }, { grade: 'C', minScore: 50 }, { grade: 'D', minScore: 0 }];
    (bad.dimensions[0]!.indicators[0]!.rule as unknown) = { count: { category: 'penalty', where: { CF_NOPE: 'x' } } };
    (bad.dimensions[2]!.indicators[2]!.rule as unknown) = { combine: { op: 'sum', of: ['ghost'] } };
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/evaluation/models', headers: admin, payload: bad });
    expect(res.statusCode).toBe(400);
    const e = json<{ error: { code: string; details: { field: string; reason: string }[] } }>(res).error;
    expect(e.code).toBe('invalid_model');
    expect(e.details.map((d) => d.reason)).toEqual(['grades_out_of_order', 'unknown_field', 'weights_mismatch']);
    const cyclic = structuredClone(TINY);
    (cyclic.dimensions[2]!.indicators[1]!.rule as unknown) = { combine: { op: 'max', of: ['arrears'] } };
    (cyclic.dimensions[2]!.indicators[1]!.score as unknown) = { linear: { base: 5, per: 0 } };
    (cyclic.dimensions[2]!.indicators[2]!.rule as unknown) = { combine: { op: 'sum', of: ['tax', 'ghost'] } };
    const res2 = await t.app.inject({ method: 'POST', url: '/api/v1/evaluation/models', headers: admin, payload: cyclic });
    expect(json<{ error: { details: { reason: string; message: string }[] } }>(res2).error.details.map((d) => d.reason)).toEqual(['unknown_indicator', 'cyclic_indicator']);
  });

  it('accepts a model as YAML and as JSON; only staff may publish', async () => {
    const anon = await t.app.inject({ method: 'POST', url: '/api/v1/evaluation/models', payload: TINY });
    expect(anon.statusCode).toBe(401);
    const created = await post<{ code: string; version: number }>(t, admin, '/api/v1/evaluation/models', TINY);
    expect(created).toMatchObject({ code: 'tiny', version: 1 });
    const yaml = 'code: tiny_yaml\nname: YAML 模型\ntotalPoints: 10\nsubjectKinds: [legal_person]\ngradesPublic: false\ngrades:\n  - { grade: 好, minScore: 5 }\n  - { grade: 差, minScore: 0 }\ndimensions:\n  - code: law\n    name: 守法\n    points: 10\n    indicators:\n      - { code: pen, name: 处罚, points: 10, rule: { count: { category: penalty } }, score: { linear: { base: 10, per: -5 } } }\n';
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/evaluation/models', headers: { ...admin, 'content-type': 'application/yaml' }, payload: yaml });
    expect(res.statusCode, res.body).toBe(201);
    const broken = await t.app.inject({ method: 'POST', url: '/api/v1/evaluation/models', headers: { ...admin, 'content-type': 'application/yaml' }, payload: 'code: [unclosed\n' });
    expect(json<{ error: { code: string; details: { reason: string }[] } }>(broken).error.details[0]!.reason).toBe('syntax_error');
  });
});

describe('evaluation runs', () => {
  it('scores every applicable subject set-based with exact scores and grades', async () => {
    const run = await post<{ id: number; mode: string; subjects: number; gradeCounts: Record<string, number>; status: string; statements: number }>(t, admin, '/api/v1/evaluation/runs', { model: 'tiny' });
    run1 = run.id;
    expect(run).toMatchObject({ mode: 'full', status: 'completed', subjects: 5, gradeCounts: { B: 2, C: 1, D: 2 }, statements: 1 });
    const scores = Object.fromEntries((await results(run.id)).map((r) => [r.subject_id, `${Number(r.score)} ${r.grade}`]));
    expect([1, 2, 3, 4, 5].map((i) => scores[ids[`S${i}`]!])).toEqual(['87.5 B', '80 B', '32.5 D', '77.5 D', '62.5 C']);
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/evaluation/runs/${run.id}`, headers: admin });
    expect(json(res)).toMatchObject({ id: run.id, model: { code: 'tiny', version: 1 }, subjects: 5 });
  });

  it('explains a score indicator by indicator to staff with a purpose', async () => {
    const e = await explain(S[1]!, staff());
    expect(e).toMatchObject({ grade: 'B', score: 80, disclosure: 'full', model: { code: 'tiny', version: 1 } });
    expect(e.breakdown.map((b) => [b.indicator, b.points, b.value])).toEqual([
      ['pen_serious', 30, '0'], ['pen_other', 10, '1'], ['blacklist', 10, '0'], ['years', 10, '1'], ['honours', 10, '3'], ['tax', 5, 'A'], ['arrears', 5, '0'],
    ]);
    expect(e.moved).toEqual([{ indicator: 'pen_other', name: '一般及轻微处罚', delta: -10 }, { indicator: 'years', name: '成立年限', delta: -10 }]);
    const s4 = await explain(S[3]!, staff());
    expect([s4.score, s4.grade]).toEqual([77.5, 'D']);
  });

  it('what-if: repairing each adverse record, with the exact score it would give', async () => {
    const e = await explain(S[2]!, staff());
    expect(e.whatIfBaseline?.score).toBe(32.5);
    const byRecord = Object.fromEntries(e.whatIf.map((w) => [w.recordId, [w.action, w.scoreDelta, w.score, w.grade]]));
    expect(byRecord[ids.s3_serious!]).toEqual(['repair', 30, 62.5, 'C']);
    expect(byRecord[ids.s3_ordinary!]).toEqual(['repair', 10, 42.5, 'D']);
    expect(byRecord[ids.s3_old!]).toEqual(['repair', 10, 42.5, 'D']);
    expect(byRecord[ids.s3_ancient!]).toEqual(['repair', 0, 32.5, 'D']);
    expect(byRecord[ids.s3_arrears!]).toEqual(['repair', 5, 37.5, 'D']);
    expect(e.whatIf[0]!.recordId).toBe(ids.s3_serious);
    const s4 = await explain(S[3]!, staff());
    expect(s4.whatIf.map((w) => [w.recordId, w.scoreDelta, w.grade])).toEqual([[ids.s4_list, 10, 'B']]);
  });

  it('what-if: fulfilling a breached commitment under the default enterprise model', async () => {
    await post(t, admin, '/api/v1/evaluation/runs', { model: 'enterprise' });
    const e = await explain(S[1]!, staff(), 'enterprise');
    const w = e.whatIf.find((x) => x.recordId === ids.s2_commitment)!;
    // commitment_broken 35 → 70 and commitments_kept 0 → 15.
    expect([w.action, w.scoreDelta]).toEqual(['fulfil', 50]);
    expect(e.model.code).toBe('enterprise');
  });

  it('incremental: rescores only subjects whose records changed, or whose records left a window', async () => {
    await penalty(S[0]!, addDays(TODAY, -24), '罚款', 's1_new');
    const s6 = await subject('陆号咨询有限公司', ago(81));
    const run2 = await post<{ id: number; mode: string; basedOnRunId: number; subjects: number }>(t, admin, '/api/v1/evaluation/runs', { model: 'tiny', incremental: true });
    expect(run2).toMatchObject({ mode: 'incremental', basedOnRunId: run1, subjects: 2 });
    const r2 = await results(run2.id);
    expect(r2.map((r) => r.subject_id)).toEqual([ids.S1!, (await t.db.pool.query<{ id: number }>('select id from subject where uscc = $1', [s6.uscc])).rows[0]!.id]);
    expect(r2.map((r) => `${Number(r.score)} ${r.grade}`)).toEqual(['77.5 B', '87.5 B']);
    const s1 = await explain(S[0]!, staff());
    expect([s1.score, s1.grade]).toEqual([77.5, 'B']);
    expect((await explain(S[1]!, staff())).score).toBe(80);
    // Nothing changed since; ten days later S3's penalty decided 36 months and 6 days ago has left its window.
    expect(S3_OLD_DECIDED <= monthsAfter(TEN_DAYS_ON, -36)).toBe(true);
    const run3 = await post<{ id: number; mode: string; subjects: number }>(t, admin, '/api/v1/evaluation/runs', { model: 'tiny', incremental: true, asOf: TEN_DAYS_ON });
    expect(run3).toMatchObject({ mode: 'incremental', subjects: 1 });
    expect((await results(run3.id)).map((r) => [r.subject_id, Number(r.score)])).toEqual([[ids.S3!, 42.5]]);
  });
});

describe('evaluation disclosure', () => {
  it('the public sees the grade only, and only when the model publishes grades', async () => {
    const e = await explain(S[1]!);
    expect(e).toMatchObject({ grade: 'B', score: null, disclosure: 'grade_only', whatIf: [], whatIfBaseline: null });
    expect(e.breakdown.every((b) => b.withheld && b.points === null && b.value === null)).toBe(true);
    const noPurpose = await explain(S[1]!, admin);
    expect(noPurpose.score).toBeNull();
    expect(noPurpose.notice).toMatch(/X-Purpose/);
  });

  it('the subject itself sees its breakdown and what-if, but not facts of classes it may not read', async () => {
    const own = await t.loginAs('subject', undefined, ids.S3);
    const e = await explain(S[2]!, own);
    expect(e.disclosure).toBe('full');
    expect(e.score).toBe(42.5);
    const arrears = e.breakdown.find((b) => b.indicator === 'arrears')!;
    expect(arrears).toMatchObject({ withheld: true, points: null, value: null });
    expect(e.breakdown.find((b) => b.indicator === 'pen_serious')).toMatchObject({ withheld: false, points: 0, value: '1' });
    expect(e.whatIf.map((w) => w.category)).not.toContain('tax_arrears');
    expect(e.whatIf.length).toBe(4);
    const other = await explain(S[1]!, own);
    expect(other.disclosure).toBe('grade_only');
  });

  it('a new model version never rewrites earlier results; private grades stay private', async () => {
    const v2 = await post<{ version: number }>(t, admin, '/api/v1/evaluation/models', { ...TINY, gradesPublic: false });
    expect(v2.version).toBe(2);
    const run = await post<{ id: number; subjects: number; mode: string }>(t, admin, '/api/v1/evaluation/runs', { model: 'tiny', incremental: true });
    expect(run.mode).toBe('full');
    expect((await results(run1)).length).toBe(5);
    const e = await explain(S[1]!);
    expect([e.grade, e.disclosure, e.model.version]).toEqual([null, 'none', 2]);
    const old = await t.app.inject({ method: 'GET', url: `/api/v1/evaluation/runs/${run1}`, headers: admin });
    expect(json(old)).toMatchObject({ model: { code: 'tiny', version: 1 }, subjects: 5 });
  });

  it('documents the evaluation and inspection routes in OpenAPI', async () => {
    const doc = json<{ paths: Record<string, unknown> }>(await t.app.inject({ method: 'GET', url: '/api/docs/json' }));
    for (const path of ['/api/v1/evaluation/models', '/api/v1/evaluation/runs', '/api/v1/evaluation/runs/{id}', '/api/v1/subjects/{code}/evaluation',
      '/api/v1/inspection/plans', '/api/v1/inspection/plans/{id}/draw', '/api/v1/inspection/plans/{id}/verify', '/api/v1/inspection/tasks/{id}/result']) {
      expect(doc.paths[path], path).toBeDefined();
    }
  });

  it('staff reads of an evaluation are audit-logged', async () => {
    const r = await t.db.pool.query("select count(*)::int as n from audit_log where action = 'evaluation_read'");
    expect(r.rows[0].n).toBeGreaterThan(0);
  });
});
