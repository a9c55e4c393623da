import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, apiLogin, cli, countOf, launchBrowser, loginUi, makeUser, newPage, see, shot, subjectsWith, textOf } from './helpers.js';

// 授权查询: a company grants a lender access to its authorised (B-class) data from its account
// page; the lender's reads then include those classes and show up in the company's access log;
// withdrawing the grant ends the lender's access at once.

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => browser?.close());

const classesSeen = async (code: string, s: Awaited<ReturnType<typeof apiLogin>>) => {
  const r = await apiCall<{ scope: { classes: string[] } }>('GET', `/api/v1/subjects/${code}/archive?purpose=${encodeURIComponent('贷款审查')}`, undefined, s);
  return r.body.scope.classes;
};

describe('grant flow', () => {
  it('a company grants a lender from its account page, the lender reads B-class data, the grant is withdrawn', async () => {
    const [party] = await subjectsWith('licence', 1);
    const username = `e2e_grant_${Date.now().toString(36)}`;
    const made = cli('user', 'add', '--username', username, '--role', 'subject', '--subject', party!.uscc, '--password', 'e2e-password-123');
    expect(made.status, made.out).toBe(0);
    const lender = await makeUser('lender');
    const lenderSession = await apiLogin(lender.username, lender.password);
    expect(await classesSeen(party!.uscc, lenderSession)).not.toContain('authorised');

    const { context, page } = await newPage(browser);
    await loginUi(page, username, 'e2e-password-123', '/console/account');
    await page.getByTestId('grant-grantee').fill(lender.username);
    await page.getByTestId('grant-purpose').fill('贷款审查');
    // One named category: the request carries it as `scope` (it once went as `categories`, a 400).
    await page.getByTestId('grant-categories').click();
    await page.locator('.ant-select-dropdown .ant-select-item-option').first().click();
    await page.keyboard.press('Escape');
    await page.getByTestId('grant-until').click();
    await page.keyboard.type('2027-05-01');
    await page.getByTestId('grant-purpose').click(); // leaving the picker keeps the typed date
    await page.getByTestId('grant-submit').click();
    await textOf(page.getByTestId('grants')).toContain(lender.username);
    await countOf(page.getByTestId('grants').locator('.ant-table-row')).toBe(1);
    await textOf(page.getByTestId('grants')).toContain('有效');
    await shot(page, 'console-account-grant');

    expect(await classesSeen(party!.uscc, lenderSession)).toContain('authorised');
    await page.reload();
    await textOf(page.getByTestId('grants')).toContain(lender.username);
    // The lender's read is in the company's access log.
    await see(page.getByTestId('access-log').locator('.ant-table-row').filter({ hasText: lender.username }).filter({ hasText: '贷款审查' }));

    await page.getByRole('button', { name: '撤回授权' }).first().click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
    await textOf(page.getByTestId('grants')).toContain('已撤回');
    await countOf(page.getByRole('button', { name: '撤回授权' })).toBe(0);
    expect(await classesSeen(party!.uscc, lenderSession)).not.toContain('authorised');
    await context.close();
  });
});
