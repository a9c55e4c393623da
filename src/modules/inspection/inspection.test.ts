import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, type SessionHeaders, type TestApp } from '../../../test/helpers/app.js';
import { monthOf, monthsAfter, TEST_TODAY, yearOf, yearsAfter } from '../../../test/helpers/clock.js';
import { makeDepartment, newUscc } from '../../../test/helpers/factories.js';
import { createEvaluationTestApp, post } from '../evaluation/testing.js';
import { drawInspection, verifyDraw, type DrawInputs } from './draw.js';

/**
 * Grades come from a one-indicator model over the registration date (as of today, the injected
 * clock's date): 40 A (reg. ~16 years ago), 20 B (~7 years), 10 C (~3 years), 3 D (6 months), and
 * 5 subjects added after the run (未评价). Default ratios 3 / 5 / 10 / 100 % and 5 % for the
 * ungraded → 2 + 1 + 1 + 3 + 1 parties.
 */
const RISK = {
  code: 'risk', name: '风险分类', totalPoints: 100, subjectKinds: ['legal_person'], gradesPublic: true,
  grades: [{ grade: 'A', minScore: 90 }, { grade: 'B', minScore: 70 }, { grade: 'C', minScore: 40 }, { grade: 'D', minScore: 0 }],
  dimensions: [{ code: 'basic', name: '基本情况', points: 100, indicators: [
    { code: 'years', name: '成立年限', points: 100, rule: { yearsSince: 'registered_on' }, score: { step: { steps: [{ atLeast: 1, points: 50 }, { atLeast: 5, points: 75 }, { atLeast: 10, points: 100 }], otherwise: 20 } } },
  ] }],
};

interface Plan {
  id: number; status: string; seed: string | null; seedHash: string; inputsHash: string; inputs: DrawInputs;
  tiers: { tier: string; grade: string | null; ratio: number; parties: number }[];
  tasks: { id: number; ordinal: number; tier: string; grade: string | null; party: { id: number; code: string }; inspectors: { id: number }[] }[];
  warnings?: { message: string }[];
}

let t: TestApp;
let admin: SessionHeaders;
let clerk: SessionHeaders;
const items: number[] = [];
const inspectors: Record<string, number> = {};
const dParties: string[] = [];
let plan1: Plan;

const get = async <T>(url: string, headers: Record<string, string> = {}) => {
  const res = await t.app.inject({ method: 'GET', url, headers });
  return { status: res.statusCode, body: json<T>(res) };
};

async function subjects(n: number, registeredOn: string, into?: string[]): Promise<void> {
  for (let i = 0; i < n; i++) {
    const uscc = newUscc();
    await post(t, admin, '/api/v1/subjects', { uscc, name: `${registeredOn}登记企业${i + 1}有限公司`, registeredOn, regionCode: '320602', industryCode: 'F' });
    into?.push(uscc);
  }
}

const ago = (months: number) => monthsAfter(TEST_TODAY, -months);
// Plans cover next month.
const period = monthOf(monthsAfter(TEST_TODAY, 1));
const planBody = (extra: Record<string, unknown> = {}) => ({
  name: `${yearOf(period.from)}年${Number(period.month.slice(5))}月市场监管双随机抽查`, items, model: 'risk', periodFrom: period.from, periodTo: period.to, ...extra,
});

beforeAll(async () => {
  t = await createEvaluationTestApp();
  const dept = await makeDepartment(t);
  await makeDepartment(t, 'SWJ', '市税务局');
  admin = await t.loginAs('admin');
  clerk = await t.loginAs('department', dept.code);
  await post(t, admin, '/api/v1/evaluation/models', RISK);
  await subjects(40, ago(200));
  await subjects(20, ago(92));
  await subjects(10, ago(32));
  await subjects(3, ago(6), dParties);
  await post(t, admin, '/api/v1/evaluation/runs', { model: 'risk' });
  await subjects(5, ago(200));
  for (const [code, name] of [['JC-01', '营业执照（登记证）规范使用情况的检查'], ['JC-02', '年度报告公示信息的检查']]) {
    items.push((await post<{ id: number }>(t, clerk, '/api/v1/inspection/items', { code, name, basis: '《企业信息公示暂行条例》' })).id);
  }
  const people: [string, string, string][] = [['张执法', '一所', 'X'], ['李执法', '一所', 'P'], ['王执法', '二所', 'Q'], ['赵执法', '二所', 'R'], ['钱执法', '三所', 'S'], ['孙停用', '三所', 'OFF']];
  for (const [name, unit, tag] of people) {
    inspectors[tag] = (await post<{ id: number }>(t, clerk, '/api/v1/inspection/inspectors', { name, unit, certificateNo: `32060020${tag}${name.length}` })).id;
  }
  await t.app.inject({ method: 'DELETE', url: `/api/v1/inspection/inspectors/${inspectors.OFF}`, headers: clerk });
  inspectors.TAX = (await post<{ id: number }>(t, admin, '/api/v1/inspection/inspectors', { department: 'SWJ', name: '税务检查员', unit: '稽查局', certificateNo: '3206SW0001' })).id;
  // X declared conflicts with every D-grade party.
  for (const uscc of dParties) await post(t, clerk, `/api/v1/inspection/inspectors/${inspectors.X}/conflicts`, { subject: uscc, reason: '近亲属任该企业高管' }, 200);
});

afterAll(async () => {
  await t?.close();
});

describe('tiered supervision', () => {
  it('derives the party directory with the latest grades', async () => {
    const r = await get<{ total: number; items: { grade: string | null }[] }>('/api/v1/inspection/parties?model=risk&pageSize=200', clerk);
    expect(r.body.total).toBe(78);
    const count = (g: string | null) => r.body.items.filter((i) => i.grade === g).length;
    expect([count('A'), count('B'), count('C'), count('D'), count(null)]).toEqual([40, 20, 10, 3, 5]);
  });

  it('has the default ratios 3/5/10/100 % until a department sets its own', async () => {
    const r = await get<{ isDefault: boolean; tiers: { grade: string; ratio: number }[]; ungraded: { ratio: number } }>('/api/v1/inspection/policies/SCJGJ?model=risk', clerk);
    expect(r.body.isDefault).toBe(true);
    expect(r.body.tiers.map((x) => [x.grade, x.ratio])).toEqual([['A', 3], ['B', 5], ['C', 10], ['D', 100]]);
    const bad = await t.app.inject({ method: 'PUT', url: '/api/v1/inspection/policies/SCJGJ', headers: clerk, payload: { model: 'risk', tiers: [{ grade: 'A', tier: '低风险', ratio: 3 }, { grade: 'E', tier: '？', ratio: 5 }] } });
    expect(bad.statusCode).toBe(400);
    expect(json<{ error: { details: { message: string }[] } }>(bad).error.details.map((d) => d.message)).toContain('模型 risk 没有等级“E”（可用：A、B、C、D）');
  });
});

describe('random inspections', () => {
  it('commits to a seed hash and publishes the inputs before the draw', async () => {
    plan1 = await post<Plan>(t, clerk, '/api/v1/inspection/plans', planBody());
    expect(plan1.status).toBe('committed');
    expect(plan1.seed).toBeNull();
    expect(plan1.tiers.map((x) => [x.grade, x.ratio, x.parties])).toEqual([['A', 3, 40], ['B', 5, 20], ['C', 10, 10], ['D', 100, 3], [null, 5, 5]]);
    const pub = await get<Plan>(`/api/v1/inspection/plans/${plan1.id}`);
    expect(pub.status).toBe(200);
    expect(pub.body.seed).toBeNull();
    expect(pub.body.inputs.inspectors.map((i) => i.id)).toEqual([inspectors.X, inspectors.P, inspectors.Q, inspectors.R, inspectors.S]);
    expect(pub.body.inputs.excluded).toHaveLength(3);
    const early = await get<{ error: { code: string } }>(`/api/v1/inspection/plans/${plan1.id}/verify`);
    expect([early.status, early.body.error.code]).toEqual([409, 'not_drawn']);
  });

  it('draws the right number of parties per tier, two inspectors each, avoiding conflicts', async () => {
    const anon = await t.app.inject({ method: 'POST', url: `/api/v1/inspection/plans/${plan1.id}/draw` });
    expect(anon.statusCode).toBe(401);
    plan1 = await post<Plan>(t, clerk, `/api/v1/inspection/plans/${plan1.id}/draw`, undefined, 200);
    expect(plan1.status).toBe('drawn');
    const per = (g: string | null) => plan1.tasks.filter((x) => x.grade === g).length;
    expect([per('A'), per('B'), per('C'), per('D'), per(null)]).toEqual([2, 1, 1, 3, 1]);
    expect(new Set(plan1.tasks.map((x) => x.party.id)).size).toBe(8);
    const allowed = new Set([inspectors.X, inspectors.P, inspectors.Q, inspectors.R, inspectors.S]);
    for (const task of plan1.tasks) {
      const ids = task.inspectors.map((i) => i.id);
      expect(ids).toHaveLength(2);
      expect(new Set(ids).size).toBe(2);
      expect(ids.every((i) => allowed.has(i))).toBe(true);
      if (dParties.includes(task.party.code)) expect(ids).not.toContain(inspectors.X);
    }
    expect(createHash('sha256').update(Buffer.from(plan1.seed!, 'hex')).digest('hex')).toBe(plan1.seedHash);
    const again = await t.app.inject({ method: 'POST', url: `/api/v1/inspection/plans/${plan1.id}/draw`, headers: clerk });
    expect(json<{ error: { code: string } }>(again).error.code).toBe('already_drawn');
  });

  it('anyone can recompute the exact draw from the published inputs and seed', async () => {
    const pub = (await get<Plan>(`/api/v1/inspection/plans/${plan1.id}`)).body;
    const recomputed = drawInspection(pub.inputs, Buffer.from(pub.seed!, 'hex'));
    expect(recomputed.map((x) => [x.subjectId, ...x.inspectorIds])).toEqual(pub.tasks.map((x) => [x.party.id, ...x.inspectors.map((i) => i.id)]));
    const v = await get<{ verified: boolean; seed: string; seedHash: string; mismatches: unknown[] }>(`/api/v1/inspection/plans/${plan1.id}/verify`);
    expect(v.body).toMatchObject({ verified: true, seed: pub.seed, seedHash: pub.seedHash, mismatches: [] });
    const offline = verifyDraw({ inputs: pub.inputs, inputsHash: pub.inputsHash, seedHash: pub.seedHash, seed: pub.seed!, tasks: recomputed });
    expect(offline.verified).toBe(true);
  });

  it('does not send an inspector to a party they inspected within repeatMonths', async () => {
    const plan2 = await post<Plan>(t, clerk, '/api/v1/inspection/plans', planBody({ name: '复查计划' }));
    const drawn = await post<Plan>(t, clerk, `/api/v1/inspection/plans/${plan2.id}/draw`, undefined, 200);
    const before = new Set(plan1.tasks.flatMap((x) => x.inspectors.map((i) => `${i.id}:${x.party.id}`)));
    const pairs = drawn.tasks.flatMap((x) => x.inspectors.map((i) => `${i.id}:${x.party.id}`));
    expect(pairs.filter((p) => before.has(p))).toEqual([]);
    // D parties (drawn at 100 % both times): neither X (conflict) nor their first two inspectors.
    for (const task of drawn.tasks.filter((x) => x.grade === 'D')) {
      const first = plan1.tasks.find((x) => x.party.id === task.party.id)!.inspectors.map((i) => i.id);
      const expected = [inspectors.X, inspectors.P, inspectors.Q, inspectors.R, inspectors.S].filter((i) => i !== inspectors.X && !first.includes(i!));
      expect(task.inspectors.map((i) => i.id).sort()).toEqual(expected.sort());
    }
  });

  it('reports tampering with a stored assignment', async () => {
    const task = plan1.tasks[0]!;
    const other = [inspectors.X, inspectors.P, inspectors.Q, inspectors.R, inspectors.S].find((i) => !task.inspectors.some((x) => x.id === i))!;
    await t.db.pool.query('update inspection_task set inspector_ids = $2 where id = $1', [task.id, [other, task.inspectors[1]!.id]]);
    const v = await get<{ verified: boolean; mismatches: { ordinal: number; field: string; expected: number[]; found: number[] }[] }>(`/api/v1/inspection/plans/${plan1.id}/verify`);
    expect(v.body.verified).toBe(false);
    expect(v.body.mismatches).toEqual([{ ordinal: task.ordinal, field: 'inspectorIds', expected: task.inspectors.map((i) => i.id), found: [other, task.inspectors[1]!.id] }]);
    await t.db.pool.query(`update inspection_plan set inputs = jsonb_set(inputs, '{tiers,0,ratioBp}', '1000') where id = $1`, [plan1.id]);
    const v2 = await get<{ mismatches: { field: string }[] }>(`/api/v1/inspection/plans/${plan1.id}/verify`);
    expect(v2.body.mismatches.map((m) => m.field)).toContain('inputsHash');
  });

  it('too few inspectors: a clear error and nothing drawn', async () => {
    const swjClerk = await t.loginAs('department', 'SWJ');
    const item = await post<{ id: number }>(t, swjClerk, '/api/v1/inspection/items', { code: 'SW-01', name: '发票使用情况检查' });
    const plan = await post<Plan>(t, swjClerk, '/api/v1/inspection/plans', planBody({ items: [item.id], name: '税务抽查' }));
    expect(plan.warnings?.[0]?.message).toMatch(/少于每个检查对象所需的 2 名/);
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/inspection/plans/${plan.id}/draw`, headers: swjClerk });
    expect(res.statusCode).toBe(409);
    const e = json<{ error: { code: string; message: string; details: { eligible: number; needed: number }[] } }>(res).error;
    expect(e.code).toBe('too_few_inspectors');
    expect(e.message).toMatch(/可派检查人员不足/);
    expect(e.details[0]).toMatchObject({ eligible: 1, needed: 2 });
    const rows = await t.db.pool.query('select count(*)::int as n from inspection_task where plan_id = $1', [plan.id]);
    expect(rows.rows[0].n).toBe(0);
    expect((await get<Plan>(`/api/v1/inspection/plans/${plan.id}`)).body.status).toBe('committed');
  });

  it('records a result: filed in the archive, published, read by the evaluation', async () => {
    const task = plan1.tasks.find((x) => x.grade === 'D')!;
    const bad = await t.app.inject({ method: 'POST', url: `/api/v1/inspection/tasks/${task.id}/result`, headers: clerk, payload: { outcome: 'problems_found', inspectedOn: TEST_TODAY } });
    expect(bad.statusCode).toBe(400);
    const r = await post<{ status: string; record: { id: number; category: string; published: boolean; publishUntil: string } }>(t, clerk, `/api/v1/inspection/tasks/${task.id}/result`, { outcome: 'problems_found', inspectedOn: TEST_TODAY, findings: '未按规定公示年度报告' });
    // Published for three years from the inspection.
    expect(r).toMatchObject({ status: 'done', record: { category: 'inspection_result', published: true, publishUntil: yearsAfter(TEST_TODAY, 3) } });
    const archive = await get<{ categories: { code: string; records: { JCJG: string }[] }[] }>(`/api/v1/subjects/${task.party.code}/archive`);
    expect(archive.body.categories.find((c) => c.code === 'inspection_result')?.records[0]?.JCJG).toBe('发现问题');
    const twice = await t.app.inject({ method: 'POST', url: `/api/v1/inspection/tasks/${task.id}/result`, headers: clerk, payload: { outcome: 'passed', inspectedOn: TEST_TODAY } });
    expect(twice.statusCode).toBe(409);
    await post(t, admin, '/api/v1/evaluation/runs', { model: 'enterprise' });
    const e = await get<{ breakdown: { indicator: string; value: string | null; points: number | null }[] }>(`/api/v1/subjects/${task.party.code}/evaluation?model=enterprise`, { ...admin, 'x-purpose': 'audit' });
    expect(e.body.breakdown.find((b) => b.indicator === 'inspection_problems')).toMatchObject({ value: '1', points: 12.5 });
  });
});

describe('问题发现率 and the audit trail', () => {
  interface Counts { drawn: number; inspected: number; passed: number; problemsFound: number; unreachable: number; pending: number; rate: number | null }
  type Rate = Counts & { status: string; tiers: (Counts & { tier: string; grades: (string | null)[] })[] };
  const result = (taskId: number, outcome: string, findings?: string) =>
    post(t, clerk, `/api/v1/inspection/tasks/${taskId}/result`, { outcome, inspectedOn: TEST_TODAY, ...(findings ? { findings } : {}) });

  it('counts problems found (a party unreachable at its address included) over the parties inspected, for the plan and per tier', async () => {
    // The D task with problems found was recorded above; now the other two D parties and one A party.
    const open = plan1.tasks.filter((x) => x.grade === 'D').slice(1);
    await result(open[0]!.id, 'passed');
    await result(open[1]!.id, 'not_found');
    await result(plan1.tasks.find((x) => x.grade === 'A')!.id, 'passed');
    const r = await get<Rate>(`/api/v1/inspection/plans/${plan1.id}/problem-rate`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'drawn', drawn: 8, inspected: 4, passed: 2, problemsFound: 1, unreachable: 1, pending: 4, rate: 0.5 });
    const tier = (g: string | null) => r.body.tiers.find((x) => x.grades.includes(g))!;
    expect(tier('D')).toMatchObject({ drawn: 3, inspected: 3, problemsFound: 1, unreachable: 1, rate: 0.6667 });
    expect(tier('A')).toMatchObject({ drawn: 2, inspected: 1, passed: 1, rate: 0 });
    expect(tier('B')).toMatchObject({ drawn: 1, inspected: 0, rate: null });
    expect(tier(null)).toMatchObject({ tier: '未评价', drawn: 1 });
    expect(r.body.tiers.map((x) => x.tier)).toEqual(['A类（A）', 'B类（B）', 'C类（C）', 'D类（D）', '未评价']);
    const missing = await get<{ error: { code: string } }>('/api/v1/inspection/plans/999999/problem-rate');
    expect(missing.status).toBe(404);
  });

  it('has no rate before the draw', async () => {
    const plans = await get<{ items: { id: number; status: string }[] }>('/api/v1/inspection/plans');
    const committed = plans.body.items.find((p) => p.status === 'committed')!;
    const r = await get<Rate>(`/api/v1/inspection/plans/${committed.id}/problem-rate`);
    expect(r.body).toMatchObject({ status: 'committed', drawn: 0, inspected: 0, rate: null });
  });

  it('audits every change with a readable action and the names involved', async () => {
    const item = await post<{ id: number }>(t, clerk, '/api/v1/inspection/items', { code: 'JC-09', name: '广告发布情况的检查' });
    await t.app.inject({ method: 'PUT', url: `/api/v1/inspection/items/${item.id}`, headers: clerk, payload: { name: '广告发布行为的检查' } });
    await t.app.inject({ method: 'DELETE', url: `/api/v1/inspection/items/${item.id}`, headers: clerk });
    const policy = await t.app.inject({ method: 'PUT', url: '/api/v1/inspection/policies/SCJGJ', headers: clerk, payload: { model: 'risk', tiers: ['A', 'B', 'C', 'D'].map((grade, i) => ({ grade, tier: `${grade}类`, ratio: [2, 5, 10, 100][i] })) } });
    expect(policy.statusCode).toBe(200);
    // Asked for another model than the one set: that model's default, to start from.
    type Policy = { model: string; isDefault: boolean; tiers: { grade: string; ratio: number }[] };
    expect((await get<Policy>('/api/v1/inspection/policies/SCJGJ', clerk)).body).toMatchObject({ model: 'risk', isDefault: false, tiers: [{ grade: 'A', ratio: 2 }, {}, {}, {}] });
    const other = (await get<Policy>('/api/v1/inspection/policies/SCJGJ?model=enterprise', clerk)).body;
    expect([other.model, other.isDefault, other.tiers.map((x) => x.grade)]).toEqual(['enterprise', true, ['优秀', '良好', '中等', '较差']]);
    const rows = (await t.db.pool.query<{ action: string; actor: string; details: Record<string, unknown> }>(
      `select action, actor_name as actor, details from audit_log where action like 'inspection.%' order by seq`,
    )).rows;
    const actions = new Set(rows.map((r) => r.action));
    for (const a of ['item.added', 'item.changed', 'item.withdrawn', 'inspector.added', 'inspector.removed', 'conflict.declared', 'policy.set', 'plan.created', 'plan.drawn', 'result.recorded']) {
      expect(actions).toContain(`inspection.${a}`);
    }
    const find = (a: string) => rows.filter((r) => r.action === `inspection.${a}`);
    expect(find('item.changed').at(-1)!.details).toMatchObject({ code: 'JC-09', before: { name: '广告发布情况的检查' }, after: { name: '广告发布行为的检查' } });
    expect(find('conflict.declared')[0]!.details).toMatchObject({ inspectorName: '张执法', reason: '近亲属任该企业高管' });
    expect(find('plan.drawn')[0]!.details).toMatchObject({ planId: plan1.id, tasks: 8 });
    expect(find('result.recorded').map((r) => r.details.outcome)).toEqual(expect.arrayContaining(['发现问题', '未发现问题', '通过登记的住所（经营场所）无法联系']));
    expect(rows.every((r) => r.actor)).toBe(true);
  });
});
