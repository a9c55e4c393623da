import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { admin, apiCall, apiLogin, attrOf, launchBrowser, loginUi, makeUser, newPage, see, shot, textOf, valueOf, type Session } from './helpers.js';

// 双随机抽查 as a department clerk: an inspection item (a duplicate code is refused in words), an
// inspector with a declared conflict, the department's sampling ratio, a plan whose seed hash is
// published before the draw, the draw, the public page that recomputes it (✓, and ✗ once a stored
// assignment is changed behind the platform's back), results recorded and the 问题发现率.

let browser: Browser;
let clerk: { username: string; password: string };
let session: Session;
let department: { code: string; name: string };
let party: { uscc: string; name: string };
const stamp = Date.now().toString(36).toUpperCase();

const day = (offset: number) => {
  const d = new Date(Date.now() + offset * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
const ok = (page: Page) => page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
const dialog = (page: Page) => page.locator('.ant-modal-wrap:visible');
const closed = (page: Page) => expect.poll(() => dialog(page).count(), { timeout: 15_000 }).toBe(0);
/** The 问题发现率 as the screen formats it (two decimals, percent). */
const pct = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(2)}%`);

interface Rate { rate: number | null; inspected: number; problemsFound: number; tiers: { tier: string; rate: number | null; drawn: number }[] }
interface PlanBody { id: number; status: string; seedHash: string; tasks: { id: number; ordinal: number; status: string }[] }

beforeAll(async () => {
  browser = await launchBrowser();
  const depts = await apiCall<{ items: { code: string; name: string; active: boolean }[] }>('GET', '/api/v1/departments?pageSize=200');
  department = depts.body.items.find((d) => d.active)!;
  clerk = await makeUser('department', department.code);
  session = await apiLogin(clerk.username, clerk.password);
  // Two more inspectors, so that every party can get two besides the one with a conflict.
  for (const [name, unit, tag] of [['钱检查', '执法二队', 'QIAN'], ['孙检查', '执法三队', 'SUN']] as const) {
    const r = await apiCall('POST', '/api/v1/inspection/inspectors', { name, unit, certificateNo: `E2E-${stamp}-${tag}` }, session);
    expect(r.status).toBe(201);
  }
  const found = await apiCall<{ items: { uscc?: string; name: string }[] }>('GET', `/api/v1/subjects?q=${encodeURIComponent('有限公司')}&pageSize=20`);
  const s = found.body.items.find((x) => x.uscc)!;
  party = { uscc: s.uscc!, name: s.name };
});
afterAll(async () => browser?.close());

describe('random inspections (双随机)', () => {
  it('a clerk sets up items, inspectors and ratios, makes and draws a plan, records results; anyone verifies the draw', async () => {
    const { context, page } = await newPage(browser);
    await loginUi(page, clerk.username, clerk.password, '/console/inspection');

    // 检查事项: add one; the same code again is refused in words.
    await page.getByTestId('insp-tab-items').click();
    const itemCode = `JC-${stamp}`;
    for (let i = 0; i < 2; i++) {
      await page.getByTestId('item-new').click();
      await page.getByTestId('item-code').fill(itemCode);
      await page.getByTestId('item-name').fill('营业执照规范使用情况的检查');
      await page.getByTestId('item-save').click();
    }
    await textOf(dialog(page).getByTestId('api-error')).toContain(`本部门已有编码为 ${itemCode} 的检查事项`);
    expect(await dialog(page).getByTestId('api-error').innerText()).not.toMatch(/duplicate|\bcode\b/);
    await shot(page, 'console-inspection-item-refused');
    await dialog(page).getByRole('button', { name: /取\s*消/ }).click();
    await textOf(page.getByTestId('item-table')).toContain('营业执照规范使用情况的检查');
    await textOf(page.getByTestId('item-table')).toContain('在用');
    await shot(page, 'console-inspection-items');

    // 执法检查人员: register one and declare a conflict with a party.
    await page.getByTestId('insp-tab-inspectors').click();
    await page.getByTestId('ins-new').click();
    await page.getByTestId('ins-name').fill('赵回避');
    await page.getByTestId('ins-unit').fill('执法一队');
    await page.getByTestId('ins-cert').fill(`E2E-${stamp}-ZHAO`);
    await page.getByTestId('ins-save').click();
    const row = page.getByTestId('ins-table').locator('.ant-table-row').filter({ hasText: '赵回避' });
    await see(row);
    await row.getByRole('button', { name: '登记回避' }).click();
    await page.getByTestId('conflict-subject').fill(party.uscc);
    await page.getByTestId('conflict-reason').fill('配偶在该企业任财务负责人');
    await page.getByTestId('conflict-save').click();
    await textOf(row).toContain(party.name);
    await shot(page, 'console-inspection-inspectors');

    // 抽查比例: parties not evaluated are drawn at 10 % in this department.
    await page.getByTestId('insp-tab-policy').click();
    await textOf(page.getByTestId('policy-state')).toContain('平台默认比例');
    await page.getByTestId('policy-ratio-ungraded').fill('10');
    await page.getByTestId('policy-save').click();
    await textOf(page.getByTestId('policy-state')).toContain('本部门的抽查比例');
    await shot(page, 'console-inspection-policy');

    // 抽查计划: make it; the seed hash is published, the seed is not.
    await page.getByTestId('insp-tab-plans').click();
    await page.getByTestId('plan-new').click();
    const planName = `端到端双随机抽查计划 ${stamp}`;
    await page.getByTestId('plan-name').fill(planName);
    await page.getByTestId('plan-items').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '营业执照规范使用情况的检查' }).click();
    await page.keyboard.press('Escape');
    const range = page.locator('.ant-picker-range input');
    await range.first().click();
    await range.first().fill(day(1));
    await range.first().press('Enter');
    await range.nth(1).fill(day(30));
    await page.getByTestId('plan-name').click(); // leaving the picker keeps the typed dates
    await valueOf(range.first()).toBe(day(1));
    await valueOf(range.nth(1)).toBe(day(30));
    await page.getByTestId('plan-submit').click();
    await textOf(page.getByTestId('plan-title')).toBe(planName);
    await textOf(page.getByTestId('plan-status')).toBe('待抽取');
    const seedHash = (await page.getByTestId('seed-hash').innerText()).trim();
    expect(seedHash).toMatch(/^[0-9a-f]{64}$/);
    await textOf(page.getByTestId('seed')).toContain('抽取后公开');
    await textOf(page.getByTestId('inputs-panel')).toContain('回避关系');
    const planId = Number(new URL(page.url()).searchParams.get('plan'));
    expect(planId).toBeGreaterThan(0);
    const committed = await apiCall<PlanBody>('GET', `/api/v1/inspection/plans/${planId}`);
    expect(committed.body).toMatchObject({ status: 'committed', seedHash });
    await shot(page, 'console-inspection-plan-committed');

    // Before the draw the public page shows the commitment and says it cannot verify yet.
    const pub = await newPage(browser);
    await pub.page.goto(`/inspection/${planId}`);
    await attrOf(pub.page.getByTestId('verify-verdict'), 'data-verified').toBe('pending');
    await textOf(pub.page.getByTestId('seed-hash')).toBe(seedHash);

    // The draw: tasks with two inspectors each; the seed is revealed.
    await page.getByTestId('plan-draw').click();
    await ok(page);
    await textOf(page.getByTestId('plan-status')).toBe('已抽取');
    const drawn = (await apiCall<PlanBody>('GET', `/api/v1/inspection/plans/${planId}`)).body;
    expect(drawn.tasks.length).toBeGreaterThan(1);
    await textOf(page.getByTestId('seed')).toMatch(/^[0-9a-f]{64}$/);

    // Anyone: the public page recomputes the draw and shows ✓.
    await pub.page.reload();
    await attrOf(pub.page.getByTestId('verify-verdict'), 'data-verified').toBe('true');
    await textOf(pub.page.getByTestId('verify-verdict')).toContain('✓ 抽取结果可复现');
    await textOf(pub.page.getByTestId('pub-plan-name')).toBe(planName);
    await shot(pub.page, 'portal-inspection-verify');
    const phone = await newPage(browser, { phone: true });
    await phone.page.goto(`/inspection/${planId}`);
    await textOf(phone.page.getByTestId('verify-verdict')).toContain('✓ 抽取结果可复现');
    await shot(phone.page, 'portal-inspection-verify-phone');
    await phone.context.close();

    // Results: problems found must be described; then one problem found and one without.
    await page.getByTestId('task-record-1').click();
    await page.getByLabel('发现问题', { exact: true }).check();
    await page.getByTestId('result-save').click();
    await textOf(dialog(page)).toContain('发现问题的须填写问题描述');
    await page.getByTestId('result-findings').fill('未按规定在住所醒目位置悬挂营业执照');
    await page.getByTestId('result-save').click();
    await closed(page);
    await page.getByTestId('task-record-2').click();
    await page.getByLabel('未发现问题', { exact: true }).check();
    await page.getByTestId('result-save').click();
    await closed(page);
    const rate = async () => (await apiCall<Rate>('GET', `/api/v1/inspection/plans/${planId}/problem-rate`)).body;
    await expect.poll(async () => (await rate()).inspected, { timeout: 15_000 }).toBe(2);
    const r = await rate();
    expect(r).toMatchObject({ rate: 0.5, problemsFound: 1 });
    await textOf(page.getByTestId('plan-rate')).toContain(pct(r.rate));
    await textOf(page.getByTestId('total-rate')).toBe(pct(r.rate));
    for (const tier of r.tiers.filter((x) => x.drawn > 0)) await textOf(page.getByTestId(`tier-rate-${tier.tier}`)).toBe(pct(tier.rate));
    await textOf(page.getByTestId('task-table')).toContain('发现问题');
    await shot(page, 'console-inspection-plan-drawn');

    // The public link in the plan view leads to the verification page.
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.getByTestId('plan-public').click()]);
    await textOf(popup.getByTestId('verify-verdict')).toContain('✓');
    await popup.close();

    // Every change is in the audit log under readable names, as the clerk.
    const audit = await apiCall<{ items: { action: string }[] }>('GET', `/api/v1/audit?actor=${clerk.username}&pageSize=100`, undefined, await admin());
    const actions = new Set(audit.body.items.map((x) => x.action));
    for (const a of ['item.added', 'inspector.added', 'conflict.declared', 'policy.set', 'plan.created', 'plan.drawn', 'result.recorded']) expect(actions).toContain(`inspection.${a}`);
    await pub.context.close();
    await context.close();
  }, 300_000);

  it('the credit centre picks the department and sees its plans', async () => {
    const operator = await makeUser('operator');
    const { context, page } = await newPage(browser);
    await loginUi(page, operator.username, operator.password, '/console/inspection');
    await textOf(page.locator('.ant-alert')).toContain('请选择要管理的部门');
    await page.getByTestId('insp-dept').click();
    await page.keyboard.type(department.name);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: department.name }).first().click();
    await textOf(page.getByTestId('plan-table')).toContain(`端到端双随机抽查计划 ${stamp}`);
    await textOf(page.getByTestId('plan-table')).toContain('已抽取');
    await context.close();
  }, 120_000);

  it('shows ✗ with the difference in words when a stored assignment no longer matches the draw', async () => {
    const items = await apiCall<{ items: { id: number; active: boolean }[] }>('GET', `/api/v1/inspection/items?department=${department.code}`);
    const plan = await apiCall<PlanBody>('POST', '/api/v1/inspection/plans', {
      name: `端到端复核计划 ${stamp}`, items: [items.body.items.find((i) => i.active)!.id], periodFrom: day(1), periodTo: day(30), repeatMonths: 0,
    }, session);
    expect(plan.status).toBe(201);
    expect((await apiCall('POST', `/api/v1/inspection/plans/${plan.body.id}/draw`, undefined, session)).status).toBe(200);
    const tampered = spawnSync(process.execPath, ['--import', 'tsx', 'test/e2e/inspection-tamper.ts', String(plan.body.id)], {
      cwd: path.resolve(import.meta.dirname, '../..'), encoding: 'utf8', timeout: 120_000, env: { ...process.env, DATA_DIR: inject('dataDir'), DATABASE_URL: '' },
    });
    expect(tampered.status, tampered.stderr).toBe(0);

    const { context, page } = await newPage(browser);
    await page.goto(`/inspection/${plan.body.id}`);
    await attrOf(page.getByTestId('verify-verdict'), 'data-verified').toBe('false');
    await textOf(page.getByTestId('verify-verdict')).toContain('✗ 抽取结果不可复现');
    await textOf(page.getByTestId('verify-differences')).toMatch(/第 1 项检查人员应为 \S+、\S+，公布的是 \S+、\S+/);
    expect(await page.getByTestId('verify-differences').innerText()).not.toMatch(/inspectorIds|\[\d/);
    await shot(page, 'portal-inspection-verify-tampered');
    await context.close();
  }, 120_000);
});
