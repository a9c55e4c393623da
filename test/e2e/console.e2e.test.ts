import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, apiCall, countOf, launchBrowser, loginUi, makeUser, newPage, see, shot, subjectsWith, textOf } from './helpers.js';
import { inject } from 'vitest';

// The console: every screen renders for a role that may use it, and roles see nothing more.

let browser: Browser;
let page: Page;
let close: () => Promise<void>;

beforeAll(async () => {
  browser = await launchBrowser();
  const p = await newPage(browser);
  page = p.page;
  close = () => p.context.close();
  await loginUi(page, 'admin', inject('adminPassword'), '/console');
});
afterAll(async () => {
  await close?.();
  await browser?.close();
});

describe('console as administrator', () => {
  it('shows the dashboard with charts and the district map', async () => {
    await page.goto('/console');
    await see(page.getByTestId('district-map').locator('svg'));
    await see(page.getByTestId('chart-records').locator('svg'));
    await shot(page, 'console-dashboard');
  });

  it('edits the catalog: adds a category', async () => {
    await page.goto('/console/catalog');
    await textOf(page.getByTestId('catalog-table')).toContain('penalty');
    await page.getByTestId('cat-new').click();
    await page.getByTestId('cat-code').fill(`e2e_cat_${Date.now().toString(36)}`);
    await page.getByTestId('cat-name').fill('端到端测试类别');
    await page.getByRole('dialog').getByRole('button', { name: /保\s*存/ }).click();
    await see(page.getByTestId('api-error').or(page.getByTestId('catalog-table')));
    await shot(page, 'console-catalog');
  });

  it('creates a user, a department and an API key shown once', async () => {
    await page.goto('/console/departments');
    const code = `E2E${Date.now().toString(36).toUpperCase()}`;
    await page.getByTestId('dept-code').fill(code);
    await page.getByTestId('dept-name').fill('端到端测试局');
    await page.getByTestId('dept-submit').click();
    await textOf(page.getByTestId('dept-table')).toContain(code);
    await shot(page, 'console-departments');

    await page.goto('/console/users');
    const operator = `e2e_op_${Date.now().toString(36)}`;
    await page.getByTestId('user-new').click();
    await page.getByTestId('user-name').fill(operator);
    await page.getByTestId('user-password').fill('e2e-password-123');
    await page.getByTestId('user-role').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '信用中心' }).click();
    await page.getByTestId('user-submit').click();
    await textOf(page.getByTestId('user-table').locator('.ant-table-row').filter({ hasText: operator })).toContain('信用中心');
    await shot(page, 'console-users');

    await page.goto('/console/keys');
    await page.getByTestId('key-department').click();
    await page.keyboard.type(code);
    await page.keyboard.press('Enter');
    await page.getByTestId('key-submit').click();
    await textOf(page.getByTestId('key-shown')).toMatch(/xy_/);
    // Scopes in words: the new key's row says what it may do, not records:write.
    await textOf(page.locator('.ant-table-row').filter({ hasText: code }).first()).toContain('报送信用记录');
    await shot(page, 'console-keys');
  });

  it('shows the audit log', async () => {
    await page.goto('/console/audit');
    await see(page.getByTestId('audit-table'));
    await shot(page, 'console-audit');
  });

  it('manages lists: lists a subject', async () => {
    const [s] = await subjectsWith('penalty', 2);
    await page.goto('/console/lists');
    await page.getByTestId('list-add').click();
    await page.getByTestId('list-subject').fill(s!.uscc);
    await page.getByTestId('list-reason').fill('端到端测试列入');
    await page.getByTestId('list-submit').click();
    await see(page.getByTestId('list-entries'));
    await shot(page, 'console-lists');
  });

  it('reviews pasted parties and shows hits and measures', async () => {
    const s = await admin();
    const [party] = await subjectsWith('penalty', 1);
    const listed = await apiCall('POST', '/api/v1/lists/court_dishonest_debtor/entries', { subject: party!.uscc, reason: '有履行能力而拒不履行（e2e）', department: 'ZJFY', documentNo: '(2026)苏06执e2e号' }, s);
    expect([201, 409], JSON.stringify(listed.body)).toContain(listed.status);
    await page.goto('/console/review');
    await page.getByTestId('review-parties').fill(`${party!.uscc}\n不存在的测试公司`);
    await page.getByTestId('review-submit').click();
    await see(page.getByTestId('review-result'));
    await countOf(page.getByTestId('review-party')).toBe(2);
    await see(page.getByTestId('review-hit'));
    await shot(page, 'console-review');
    // 反馈: the reviewing side says whether it applied the measure, and why.
    await page.getByTestId('feedback-open').first().click();
    await page.getByTestId('feedback-reason').fill('已在本次政府采购中限制其投标资格（e2e）');
    await page.getByTestId('feedback-save').click();
    await see(page.getByTestId('feedback-done'));
    const stats = await apiCall<{ measures: { measure: string; withFeedback: number }[] }>('GET', '/api/v1/measures/stats', undefined, s);
    expect(stats.body.measures.some((m) => m.withFeedback > 0), JSON.stringify(stats.body)).toBe(true);
  });

  it('shows the objection inbox', async () => {
    await page.goto('/console/objections');
    await see(page.getByTestId('objection-inbox'));
  });

  it('shows the repair inbox', async () => {
    await page.goto('/console/repairs');
    await see(page.getByTestId('repair-inbox'));
    await shot(page, 'console-repairs');
  });

  it('fits a phone: the menu collapses', async () => {
    const p = await newPage(browser, { phone: true });
    await loginUi(p.page, 'admin', inject('adminPassword'), '/console/catalog');
    await see(p.page.getByTestId('catalog-table'));
    // The side menu collapses at its breakpoint after the first paint: judge the settled layout.
    await expect.poll(() => p.page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth'), { timeout: 10_000 }).toBeLessThanOrEqual(1);
    await shot(p.page, 'phone-console-catalog');
    await p.context.close();
  });
});

describe('console by role', () => {
  it('gives a department clerk its screens only, and a 403 page elsewhere', async () => {
    const clerk = await makeUser('department', 'SCJGJ');
    const p = await newPage(browser);
    await loginUi(p.page, clerk.username, clerk.password, '/console/submissions');
    await textOf(p.page.getByTestId('role-tag')).toBe('部门用户');
    const menu = await p.page.getByTestId('console-menu').innerText();
    expect(menu).toContain('数据报送');
    expect(menu).not.toContain('用户管理');
    expect(menu).not.toContain('审计日志');
    await p.page.goto('/console/audit');
    await see(p.page.getByTestId('forbidden'));
    await shot(p.page, 'console-forbidden');
    await p.context.close();
  });

  it('sends a visitor to the login page and a lender to its own account page', async () => {
    const v = await newPage(browser);
    await v.page.goto('/console/catalog');
    await v.page.waitForURL(/\/console\/login/);
    await see(v.page.getByTestId('login-username'));
    await shot(v.page, 'console-login');
    const lender = await makeUser('lender');
    await loginUi(v.page, lender.username, lender.password);
    await v.page.waitForURL(/\/console\/account/);
    const menu = await v.page.getByTestId('console-menu').innerText();
    expect(menu).not.toContain('数据报送');
    await v.context.close();
  });
});
