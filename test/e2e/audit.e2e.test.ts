import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fileObjection, filePenalty, penaltyCsv } from './case-fixtures.js';
import { apiCall, launchBrowser, loginUi, makeUser, newPage, see, shot, textOf } from './helpers.js';

// The audit log in words: after a clerk signs in (once with a wrong password), uploads a file and
// answers an objection, the administrator finds each of them on the audit screen as words, with
// readable details, filtered by the clerk and by the kind of action; the date filter is 操作日期.

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => browser?.close());

const actions = async (page: Page) => (await page.getByTestId('audit-table').getByTestId('audit-action').allInnerTexts()).map((s) => s.trim());

async function filterBy(page: Page, f: { actor?: string; group?: string }) {
  const form = page.getByTestId('audit-filters');
  if (f.group) {
    await form.getByTestId('audit-group').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option-content').getByText(f.group, { exact: true }).click();
  }
  if (f.actor) {
    // The actor is picked from the suggestions of user names.
    await form.getByTestId('audit-actor').locator('input').fill(f.actor);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option-content').getByText(f.actor, { exact: true }).click();
  } else if (f.actor === '') {
    await form.getByTestId('audit-actor').locator('input').fill('');
    await page.keyboard.press('Escape');
  }
  await form.getByTestId('audit-filter').click();
}

describe('audit screen', () => {
  it('lists a clerk\'s sign-in, upload and decision in words, filtered by actor and kind of action', async () => {
    const p = await filePenalty('南通审计画面测试有限公司');
    const { trackingNo } = await fileObjection(p.id, '处罚对象认定有误。');
    const clerk = await makeUser('department', p.department);
    expect((await apiCall('POST', '/api/v1/auth/login', { username: clerk.username, password: 'not-the-password' })).status).toBe(401);

    // The clerk signs in, uploads a penalty file and answers the objection (maintained).
    const c = await newPage(browser);
    await loginUi(c.page, clerk.username, clerk.password, '/console/submissions');
    const file = path.join(os.tmpdir(), `e2e-audit-${Date.now()}.csv`);
    writeFileSync(file, await penaltyCsv('南通审计上传测试有限公司', p.department));
    await see(c.page.getByTestId('sub-submit'));
    await c.page.locator('input[type=file]').setInputFiles(file);
    await c.page.getByTestId('sub-submit').click();
    await see(c.page.getByTestId('sub-result'));
    await c.page.goto('/console/objections');
    await c.page.getByTestId('objection-inbox').getByText(trackingNo).click();
    await c.page.getByTestId('decision').getByText('异议不成立，维持原记录').click();
    await c.page.getByTestId('decision-reason').fill('经核实，处罚对象认定无误，维持原记录。');
    await c.page.getByTestId('decision-submit').click();
    await textOf(c.page.getByTestId('objection-state')).toBe('异议不成立，维持原记录');
    await c.context.close();

    // The administrator reads it on the audit screen.
    const { context, page } = await newPage(browser);
    await loginUi(page, 'admin', inject('adminPassword'), '/console/audit');
    await see(page.getByTestId('audit-table'));
    const filters = await page.getByTestId('audit-filters').innerText();
    expect(filters).toContain('操作日期');
    expect(filters).not.toContain('决定日期');
    await filterBy(page, { actor: clerk.username });
    await textOf(page.getByTestId('audit-table')).toContain('异议不成立，维持记录');
    const mine = await actions(page);
    expect(mine).toEqual(expect.arrayContaining(['异议不成立，维持记录', '上传报送数据', '登录', '登录失败']));
    for (const a of mine) expect(a).not.toMatch(/^[a-z_.]+$/);
    const table = await page.getByTestId('audit-table').innerText();
    expect(table).toContain('查询编号');
    expect(table).toContain(trackingNo);
    expect(table).toContain('密码错误');
    expect(table).toContain('南通审计画面测试有限公司');
    expect(table).not.toMatch(/[{}"]|objection\.|submission\.|auth\./);
    await shot(page, 'console-audit-words');

    // By kind of action: only the objection steps remain.
    await filterBy(page, { actor: '', group: '异议处理' });
    await textOf(page.getByTestId('audit-table')).toContain('提出异议');
    const objections = await actions(page);
    expect(objections.length).toBeGreaterThanOrEqual(2);
    for (const a of objections) expect(['提出异议', '异议答复延期', '信用中心核查异议', '异议成立，更正记录', '异议成立，撤销记录', '异议不成立，维持记录']).toContain(a);
    await context.close();
  });

  it('reads in English, and on a phone', async () => {
    const en = await newPage(browser, { lang: 'en-US' });
    await loginUi(en.page, 'admin', inject('adminPassword'), '/console/audit');
    await see(en.page.getByTestId('audit-table'));
    await textOf(en.page.getByTestId('audit-filters')).toContain('Date of action');
    await textOf(en.page.getByTestId('audit-table')).toContain('Signed in');
    await en.context.close();

    const phone = await newPage(browser, { phone: true });
    await loginUi(phone.page, 'admin', inject('adminPassword'), '/console/audit');
    await textOf(phone.page.getByTestId('audit-table')).toContain('登录');
    await shot(phone.page, 'console-audit-phone');
    await phone.context.close();
  });
});
