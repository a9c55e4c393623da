import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiCall, apiLogin, launchBrowser, loginUi, makeUser, newPage, see, shot, textOf } from './helpers.js';

// 用户管理: the administrator resets a clerk's password (shown once) and disables an account; the
// new password works, the old one does not, and the disabled account's session ends at once.

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => browser?.close());

const me = async (s: Awaited<ReturnType<typeof apiLogin>>) => (await apiCall<{ role: string }>('GET', '/api/v1/auth/me', undefined, s)).body.role;

describe('users screen', () => {
  it('an admin resets a password and disables a user', async () => {
    const clerk = await makeUser('operator');
    const other = await makeUser('lender');
    const otherSession = await apiLogin(other.username, other.password);
    expect(await me(otherSession)).toBe('lender');

    const { context, page } = await newPage(browser);
    await loginUi(page, 'admin', inject('adminPassword'), '/console/users');
    const row = (name: string) => page.getByTestId('user-table').locator('.ant-table-row').filter({ hasText: name });
    await textOf(row(clerk.username)).toContain('正常');
    await shot(page, 'console-users-table');

    await row(clerk.username).getByRole('button', { name: '重置密码' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
    const shown = page.getByTestId('user-new-password');
    await see(shown);
    const password = (await shown.innerText()).trim();
    expect(password.length).toBeGreaterThanOrEqual(16);
    await see(page.locator('.ant-modal').locator('.ant-typography-copy'));
    await shot(page, 'console-users-password-reset');
    await page.locator('.ant-modal').getByRole('button', { name: '我已记下' }).click();
    expect((await apiCall('POST', '/api/v1/auth/login', { username: clerk.username, password: clerk.password })).status).toBe(401);
    expect((await apiCall('POST', '/api/v1/auth/login', { username: clerk.username, password })).status).toBe(200);

    await row(other.username).getByRole('button', { name: /停\s*用/ }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
    await textOf(row(other.username)).toContain('已停用');
    await see(row(other.username).getByRole('button', { name: /启\s*用/ }));
    await shot(page, 'console-users-disabled');
    expect(await me(otherSession)).toBe('public');
    expect((await apiCall('POST', '/api/v1/auth/login', { username: other.username, password: other.password })).status).toBe(401);
    await context.close();
  });
});
