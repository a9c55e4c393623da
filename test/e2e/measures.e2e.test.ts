import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { admin, apiCall, apiLogin, countOf, launchBrowser, loginUi, makeUser, newPage, see, shot, textOf, type Session } from './helpers.js';

// 联合奖惩: the credit centre reads the measures catalogue in words, adds a measure without a legal
// basis, is refused when it activates it, adds the basis and activates it; the 跟踪问效 figures
// and charts show what GET /measures/stats counts from a department's review and its feedback. A
// department clerk sees the catalogue and their own department's figures, with nothing to switch.

interface Stats {
  totals: { reviews: number; parties: number; hits: number; hitsApplied: number; feedbackRate: number | null; initiations: number };
  departments: { department: string | null }[];
}
interface Review { id: number; parties: { hits: { id: number; measures: string[] }[] }[] }

let browser: Browser;
let clerk: { username: string; password: string };
let clerkSession: Session;

/** A company on the watch list (重点关注), listed here by the credit centre if the demo city has none, so a review of it has a hit. */
async function listedCompany(): Promise<string> {
  const listed = await apiCall<{ items: { subject: { uscc?: string } }[] }>('GET', '/api/v1/lists/focus_watch/entries?pageSize=20');
  const found = listed.body.items.find((x) => x.subject.uscc)?.subject.uscc;
  if (found) return found;
  const companies = await apiCall<{ items: { uscc?: string }[] }>('GET', `/api/v1/subjects?q=${encodeURIComponent('有限公司')}&pageSize=20`);
  const uscc = companies.body.items.find((c) => c.uscc)!.uscc!;
  const entry = await apiCall('POST', '/api/v1/lists/focus_watch/entries', { subject: uscc, department: 'SCJGJ', reason: '一年内多次受到行政处罚' }, await admin());
  expect(entry.status, JSON.stringify(entry.body)).toBe(201);
  return uscc;
}

beforeAll(async () => {
  browser = await launchBrowser();
  clerk = await makeUser('department', 'SCJGJ');
  clerkSession = await apiLogin(clerk.username, clerk.password);
  // A review by the clerk's department with one hit, and its feedback: the statistics then count something.
  const review = await apiCall<Review>('POST', '/api/v1/reviews', { scenario: 'procurement', parties: [{ code: await listedCompany() }, { name: '并不存在的某某有限公司' }] }, clerkSession);
  expect(review.status, JSON.stringify(review.body)).toBe(200);
  const hit = review.body.parties.flatMap((p) => p.hits).find((h) => h.measures.length)!;
  expect(hit).toBeTruthy();
  const fb = await apiCall('POST', `/api/v1/reviews/${review.body.id}/hits/${hit.id}/feedback`, { applied: true, measure: hit.measures[0], reason: '已取消其参与本次采购的资格' }, clerkSession);
  expect(fb.status, JSON.stringify(fb.body)).toBe(201);
});
afterAll(async () => browser?.close());

const row = (page: Page, name: string) => page.getByTestId('measure-table').locator('.ant-table-row').filter({ hasText: name });
const confirm = (page: Page) => page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();

/** The figure cards equal what the API answers to the same person. */
async function expectFigures(page: Page, stats: Stats): Promise<void> {
  const t = stats.totals;
  const rate = t.feedbackRate === null ? '—' : `${(Math.round(t.feedbackRate * 1000) / 10).toFixed(1)}%`;
  for (const [id, value] of [['reviews', t.reviews], ['parties', t.parties], ['hits', t.hits], ['applied', t.hitsApplied], ['feedback', rate], ['initiations', t.initiations]] as const) {
    await textOf(page.getByTestId(`stat-${id}`).locator('.ant-statistic-content')).toBe(String(value));
  }
}

describe('measures as the credit centre', () => {
  it('shows the catalogue in words, refuses to activate a measure without legal basis, activates it once it has one', async () => {
    const { context, page } = await newPage(browser);
    await loginUi(page, 'admin', inject('adminPassword'), '/console/measures');
    await textOf(row(page, '限制参加政府采购活动')).toContain('失信惩戒');
    const procurement = await row(page, '限制参加政府采购活动').innerText();
    for (const words of ['政府采购法', '财政部门', '政府采购', '启用中']) expect(procurement).toContain(words);
    expect(procurement).not.toMatch(/procurement|sanction|restrict_/);
    await textOf(row(page, '评先评优优先推荐')).toContain('未填写依据');
    await shot(page, 'console-measures');

    // Filters: rewards only, then inactive rewards only.
    await page.getByTestId('measure-filter-kind').click();
    await page.locator('.ant-select-dropdown:visible').getByText('守信激励', { exact: true }).click();
    await textOf(page.getByTestId('measure-table')).toContain('行政审批绿色通道');
    expect(await page.getByTestId('measure-table').innerText()).not.toContain('失信惩戒');

    // A new measure, saved without a legal basis (so inactive).
    const name = `信用承诺优先办理${Date.now().toString(36)}`;
    await page.getByTestId('measure-new').click();
    await page.getByTestId('measure-submit').click();
    await textOf(page.getByTestId('measure-drawer')).toContain('请填写措施名称');
    expect(await page.getByTestId('measure-drawer').innerText()).toContain('请至少选择一个应用场景');
    await page.getByTestId('measure-code').fill(`e2e_${Date.now().toString(36)}`);
    await page.getByTestId('measure-name').fill(name);
    await page.getByTestId('measure-drawer').getByText('守信激励').click();
    await page.getByTestId('measure-targets').click();
    await page.locator('.ant-select-dropdown:visible').getByText('纳税信用A级纳税人名单').click();
    await page.keyboard.press('Escape');
    await page.getByTestId('measure-scenarios').click();
    await page.locator('.ant-select-dropdown:visible').getByText('行政审批', { exact: true }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('measure-submit').click();
    await see(page.getByText(`已新增“${name}”`));
    await textOf(row(page, name)).toContain('已停用');

    // Activating it is refused in words, with the way out.
    await row(page, name).getByRole('button', { name: /启\s*用/ }).click();
    await confirm(page);
    const refusal = page.getByTestId('measure-refusal');
    await textOf(refusal).toContain('还没有法律、法规或政策依据，不能启用');
    expect(await refusal.innerText()).not.toMatch(/legal|409|basis/i);
    await textOf(row(page, name)).toContain('已停用');
    await shot(page, 'console-measures-refused');

    // Add the basis from the refusal, then activate.
    await page.getByTestId('measure-add-basis').click();
    await page.getByTestId('measure-basis').fill('《浙江省公共信用信息管理条例》第二十五条');
    await page.getByTestId('measure-submit').click();
    await see(page.getByText(`已保存“${name}”`));
    await textOf(row(page, name)).toContain('第二十五条');
    await row(page, name).getByRole('button', { name: /启\s*用/ }).click();
    await confirm(page);
    await textOf(row(page, name)).toContain('启用中');
    expect(await page.getByTestId('measure-refusal').count()).toBe(0);

    const stored = await apiCall<{ items: { name: string; active: boolean; legalBasis: string }[] }>('GET', '/api/v1/measures');
    expect(stored.body.items.find((m) => m.name === name)).toMatchObject({ active: true, legalBasis: '《浙江省公共信用信息管理条例》第二十五条' });
    const audit = await apiCall<{ items: { action: string; actorName: string }[] }>('GET', '/api/v1/audit?actor=admin&pageSize=20', undefined, await admin());
    const actions = audit.body.items.map((a) => a.action);
    for (const a of ['measure.created', 'measure.updated', 'measure.activated']) expect(actions).toContain(a);
    await context.close();
  });

  it('shows the statistics as figures equal to the API and charts with named series', async () => {
    const { context, page } = await newPage(browser);
    await loginUi(page, 'admin', inject('adminPassword'), '/console/measures?tab=stats');
    const stats = (await apiCall<Stats>('GET', '/api/v1/measures/stats', undefined, await admin())).body;
    expect(stats.totals.reviews).toBeGreaterThanOrEqual(1);
    expect(stats.totals.hitsApplied).toBeGreaterThanOrEqual(1);
    await expectFigures(page, stats);
    for (const chart of ['chart-measures-departments', 'chart-measures-months']) await countOf(page.getByTestId(chart).locator('canvas')).toBeGreaterThan(0);
    await textOf(page.getByTestId('stats-measures')).toContain('重点审查'); // the watch-list hit's measure in procurement

    // The tooltip names its series in words.
    const months = page.getByTestId('chart-measures-months');
    const box = (await months.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.85, box.y + box.height / 2); // over the latest month, where the review is
    await textOf(months).toContain('审查次数');
    expect(await months.innerText()).not.toContain('series');
    await shot(page, 'console-measures-stats');

    // One department: the API's figures for it.
    await page.getByTestId('stats-department').click();
    await page.keyboard.type('市场监督');
    await page.locator('.ant-select-dropdown:visible').getByText(/^\S{2,4}市场监督管理局$/).click();
    const scjgj = (await apiCall<Stats>('GET', '/api/v1/measures/stats?department=SCJGJ', undefined, await admin())).body;
    await expectFigures(page, scjgj);
    await context.close();
  });
});

describe('measures in English', () => {
  it('labels kinds, states, scenarios and figures in English', async () => {
    const { context, page } = await newPage(browser, { lang: 'en-US' });
    await loginUi(page, 'admin', inject('adminPassword'), '/console/measures');
    // The measure's own name comes from the server in English too.
    const procurement = row(page, 'Restricted from government procurement');
    await textOf(procurement).toContain('Sanction');
    expect(await procurement.innerText()).not.toContain('限制参加政府采购活动');
    expect(await procurement.innerText()).toContain('Government procurement');
    expect(await procurement.innerText()).toContain('Active');
    await page.getByTestId('measures-tab-stats').click();
    await textOf(page.getByTestId('stat-feedback')).toContain('Feedback rate');
    await context.close();
  });
});

describe('measures as a department clerk', () => {
  it('sees the catalogue without actions and only their own department\'s figures (phone)', async () => {
    const { context, page } = await newPage(browser, { phone: true });
    await loginUi(page, clerk.username, clerk.password, '/console/measures');
    await textOf(row(page, '限制参加政府采购活动')).toContain('启用中');
    expect(await page.locator('[data-testid^="measure-activate-"], [data-testid^="measure-deactivate-"], [data-testid="measure-new"]').count()).toBe(0);
    expect(await page.getByRole('button', { name: /启\s*用|停\s*用/ }).count()).toBe(0);

    await page.getByTestId('measures-tab-stats').click();
    await textOf(page.getByTestId('stats-own-department')).toContain('市场监督管理局');
    expect(await page.getByTestId('stats-department').count()).toBe(0);
    const own = (await apiCall<Stats>('GET', '/api/v1/measures/stats', undefined, clerkSession)).body;
    expect(own.departments.map((d) => d.department)).toEqual(['SCJGJ']);
    await expectFigures(page, own);
    await countOf(page.getByTestId('chart-measures-months').locator('canvas')).toBeGreaterThan(0);
    await shot(page, 'console-measures-phone');
    await context.close();
  });
});
