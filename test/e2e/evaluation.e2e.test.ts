import type { Browser, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { makeUscc, mulberry32 } from '../../src/modules/identity/generate.js';
import { admin, apiCall, countOf, launchBrowser, loginUi, makeUser, newPage, see, shot, subjectsWith, textOf, type DemoSubject } from './helpers.js';

// 综合评价: the dashboard's grade charts are filled on a fresh start (the platform evaluated the demo
// city once); the administrator reads a model, is refused an invalid version in words, publishes a
// valid one, runs an evaluation and watches it end, finds the grade counts of the history equal to
// the API's, and reads a party's evaluation explained. The portal's party page shows the grade card
// of a graded party and, for a party nobody has graded, nothing and no failed request.

interface Run { id: number; status: string; startedBy: string; subjects: number; gradeCounts: Record<string, number>; model: { code: string } }
interface Explanation { grade: string | null; score: number | null; evaluated: boolean }

let browser: Browser;
let page: Page;
let close: () => Promise<void>;
let graded: DemoSubject;

beforeAll(async () => {
  browser = await launchBrowser();
  const p = await newPage(browser);
  page = p.page;
  close = () => p.context.close();
  await loginUi(page, 'admin', inject('adminPassword'), '/console/evaluation');
  [graded] = await subjectsWith('penalty', 1) as [DemoSubject];
});
afterAll(async () => {
  await close?.();
  await browser?.close();
});

const CODE = `e2e_model_${Date.now().toString(36)}`;
const model = (dimensionPoints: number, category: string) => JSON.stringify({
  code: CODE, name: '端到端测试模型', totalPoints: 10, subjectKinds: ['legal_person'], gradesPublic: true,
  grades: [{ grade: '好', minScore: 5 }, { grade: '差', minScore: 0 }],
  dimensions: [{
    code: 'law', name: '守法', points: dimensionPoints,
    indicators: [{ code: 'pen', name: '行政处罚', points: 10, rule: { count: { category, withinMonths: 36 } }, score: { linear: { base: 10, per: -5 } } }],
  }],
}, null, 2);

describe('evaluation on a fresh start', () => {
  it('the dashboard shows grades: the platform evaluated the demo city once at its first start', async () => {
    const runs = await apiCall<{ items: Run[] }>('GET', '/api/v1/evaluation/runs?pageSize=100', undefined, await admin());
    expect(runs.body.items.filter((r) => r.startedBy === 'system' && r.status === 'completed').map((r) => r.model.code).sort()).toEqual(['enterprise', 'natural_person']);
    await page.goto('/console');
    await see(page.getByTestId('chart-grades-region').locator('svg'));
    await see(page.getByTestId('chart-grades-industry').locator('svg'));
  });
});

describe('综合评价 screen', () => {
  it('lists the models and shows one as tables, with its text folded away', async () => {
    await page.goto('/console/evaluation');
    const row = page.getByTestId('model-table').locator('.ant-table-row').filter({ hasText: '企业公共信用综合评价模型' });
    await textOf(row).toContain('现行版本');
    await textOf(page.getByTestId('model-table')).toContain('自然人公共信用综合评价模型');
    await shot(page, 'console-evaluation-models');
    await row.getByTestId('model-view').click();
    await textOf(page.getByTestId('model-summary')).toContain('满分 1000 分');
    await textOf(page.getByTestId('model-grades')).toContain('870 分及以上');
    await textOf(page.getByTestId('model-indicators')).toContain('近 36 个月内「');
    await textOf(page.getByTestId('model-indicators')).toContain('一票否决');
    expect(await page.getByTestId('model-raw').isVisible()).toBe(false);
    await shot(page, 'console-evaluation-model');
    await page.getByText('模型原文（JSON）').click();
    await textOf(page.getByTestId('model-raw')).toContain('"code": "enterprise"');
    await shot(page, 'console-evaluation-model-text');
    await page.locator('.ant-drawer-close').click();
  });

  it('refuses a model that does not add up, in words, and publishes a valid one', async () => {
    await page.getByTestId('model-upload').click();
    await page.getByTestId('model-text').fill(model(12, 'no_such_category'));
    await page.getByTestId('model-publish').click();
    const problems = page.getByTestId('model-problems');
    await textOf(problems).toContain('模型没有发布');
    await textOf(problems).toContain('分值相加对不上');
    await textOf(problems).toContain('第 1 个维度「守法」');
    await textOf(problems).toContain('信息类别不存在');
    await countOf(page.getByTestId('model-problem')).toBeGreaterThanOrEqual(3);
    await shot(page, 'console-evaluation-invalid');

    await page.getByTestId('model-text').fill(model(10, 'penalty'));
    await page.getByTestId('model-publish').click();
    await textOf(page.locator('.ant-message')).toContain('已发布「端到端测试模型」第 1 版');
    await textOf(page.getByTestId('model-table')).toContain('端到端测试模型');
    const listed = await apiCall<{ items: { version: number }[] }>('GET', `/api/v1/evaluation/models?code=${CODE}`);
    expect(listed.body.items.map((m) => m.version)).toEqual([1]);
  });

  it('starts a run, watches it end, and the history shows the grade counts the API gives', async () => {
    await page.getByTestId('eval-tab-runs').click();
    await see(page.getByTestId('run-chart').locator('canvas'));
    await textOf(page.getByTestId('run-table')).toContain('平台首次启动时自动评价');
    await page.getByTestId('run-model').click();
    await page.locator('.ant-select-dropdown').getByText('端到端测试模型').click();
    await page.getByTestId('run-start').click();
    await textOf(page.getByTestId('run-progress')).toMatch(/评价已完成：\d+ 个主体/);

    const api = await apiCall<{ items: Run[] }>('GET', '/api/v1/evaluation/runs?pageSize=1', undefined, await admin());
    const run = api.body.items[0]!;
    expect(run).toMatchObject({ status: 'completed', model: { code: CODE } });
    expect(run.subjects).toBeGreaterThan(0);
    const first = page.getByTestId('run-table').locator('.ant-table-row').first();
    await textOf(first).toContain('端到端测试模型');
    for (const [grade, n] of Object.entries(run.gradeCounts)) await textOf(first.getByTestId('run-grades')).toContain(`${grade} ${n}`);
    await textOf(first).toContain('已完成');
    await textOf(page.getByTestId('run-chart-card')).toContain(`共 ${run.subjects} 个主体`);

    // The enterprise model again, in full, so the demo city's organisations are last graded by it.
    await page.getByTestId('run-model').click();
    await page.locator('.ant-select-dropdown:visible').getByText('企业公共信用综合评价模型').click();
    await page.getByTestId('run-start').click();
    await textOf(page.getByTestId('run-progress')).toContain(`第 ${run.id + 1} 次评价已完成`);
    const ent = (await apiCall<{ items: Run[] }>('GET', '/api/v1/evaluation/runs?pageSize=1', undefined, await admin())).body.items[0]!;
    expect(ent).toMatchObject({ id: run.id + 1, status: 'completed', model: { code: 'enterprise' } });
    const top = page.getByTestId('run-table').locator('.ant-table-row').first();
    for (const [grade, n] of Object.entries(ent.gradeCounts)) await textOf(top.getByTestId('run-grades')).toContain(`${grade} ${n}`);
    await textOf(page.getByTestId('run-chart-card')).toContain(`企业公共信用综合评价模型 第 1 版 · 全量评价 · 基准日`);
    await shot(page, 'console-evaluation-runs');
  });

  it('explains a party: found by name, purpose required, each dimension in words', async () => {
    await page.getByTestId('eval-tab-explain').click();
    await page.getByTestId('explain-query').fill(graded.name);
    await page.getByTestId('explain-submit').click();
    await textOf(page.locator('.ant-form-item-explain-error')).toContain('请写明查询用途');
    await page.getByTestId('explain-purpose').fill('信用评价复核');
    await page.getByTestId('explain-model').click();
    await page.locator('.ant-select-dropdown:visible').getByText('企业公共信用综合评价模型').click();
    await page.getByTestId('explain-submit').click();
    await page.getByTestId('explain-hits').locator('.ant-list-item').filter({ hasText: graded.uscc }).getByTestId('explain-pick').click();
    const expected = await apiCall<Explanation>('GET', `/api/v1/subjects/${graded.uscc}/evaluation?model=enterprise&purpose=${encodeURIComponent('端到端核对')}`, undefined, await admin());
    expect(expected.body.evaluated).toBe(true);
    await textOf(page.getByTestId('explain-summary')).toContain(`等级为「${expected.body.grade}」`);
    await textOf(page.getByTestId('explain-summary')).toContain(`得 ${expected.body.score} 分`);
    await countOf(page.getByTestId('explain-dimension')).toBe(5);
    await textOf(page.getByTestId('explain-result')).toContain('「遵纪守法」满分 445 分');
    await textOf(page.getByTestId('explain-result')).toContain('怎样提高得分');
    await shot(page, 'console-evaluation-explain');
  });

  it('fits a phone', async () => {
    const p = await newPage(browser, { phone: true });
    await loginUi(p.page, 'admin', inject('adminPassword'), '/console/evaluation?tab=runs');
    await see(p.page.getByTestId('run-table'));
    await see(p.page.getByTestId('run-chart').locator('canvas'));
    await shot(p.page, 'console-evaluation-phone');
    await p.context.close();
  });

  it('a department clerk sees models and runs but neither publishes nor runs', async () => {
    const depts = await apiCall<{ items: { code: string }[] }>('GET', '/api/v1/departments', undefined, await admin());
    const clerk = await makeUser('department', depts.body.items[0]!.code);
    const p = await newPage(browser);
    await loginUi(p.page, clerk.username, clerk.password, '/console/evaluation');
    await textOf(p.page.getByTestId('model-table')).toContain('企业公共信用综合评价模型');
    expect(await p.page.getByTestId('model-upload').count()).toBe(0);
    await p.page.getByTestId('eval-tab-runs').click();
    await textOf(p.page.locator('.ant-alert')).toContain('发起评价由信用中心的管理员或操作员进行');
    expect(await p.page.getByTestId('run-start').count()).toBe(0);
    await p.context.close();
  });
});

describe('portal party page', () => {
  it('shows the grade card of a graded party', async () => {
    const p = await newPage(browser);
    const pub = await apiCall<Explanation>('GET', `/api/v1/subjects/${graded.uscc}/evaluation`);
    expect(pub.body.grade).not.toBeNull();
    await p.page.goto(`/subjects/${graded.uscc}`);
    await textOf(p.page.getByTestId('grade-card')).toContain(pub.body.grade!);
    await shot(p.page, 'portal-party-grade', false);
    await p.context.close();
  });

  it('shows no grade and makes no failing request for a party nobody has graded', async () => {
    const uscc = makeUscc(mulberry32(Date.now() % 2_147_483_647), { authority: '9', orgType: '1', region: '320602' });
    const created = await apiCall('POST', '/api/v1/subjects', { uscc, name: `未评价端到端测试有限公司${Date.now().toString(36)}` }, await admin());
    expect(created.status).toBe(201);
    const p = await newPage(browser);
    const failed: string[] = [];
    p.page.on('response', (r: Response) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
    await p.page.goto(`/subjects/${uscc}`);
    await see(p.page.getByTestId('party-name'));
    await p.page.waitForLoadState('networkidle');
    expect(failed).toEqual([]);
    expect(await p.page.getByTestId('grade-card').count()).toBe(0);
    await p.context.close();
  });
});
