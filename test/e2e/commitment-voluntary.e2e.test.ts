import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, apiLogin, cli, launchBrowser, loginUi, newPage, see, shot, textOf } from './helpers.js';

// A company signs the demo city's 主动型 (voluntary) commitment, whose item names no accepting
// department: the form asks for one, and the preview and the signed text carry the company's own
// name and code — never a {placeholder}.

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => browser?.close());

/** A demo company with no adverse record (commitments are refused to those with serious ones). */
async function cleanCompany(): Promise<{ uscc: string; name: string }> {
  const found = await apiCall<{ items: { uscc?: string; name: string; kind: string }[] }>('GET', `/api/v1/subjects?q=${encodeURIComponent('有限公司')}&pageSize=100`);
  for (const s of found.body.items.reverse()) {
    if (!s.uscc || s.kind !== 'legal_person') continue;
    const a = await apiCall<{ categories: { code: string; records: unknown[] }[] }>('GET', `/api/v1/subjects/${s.uscc}/archive`);
    if (!a.body.categories.some((c) => ['penalty', 'serious_dishonesty', 'court_judgment', 'commitment_breach'].includes(c.code) && c.records.length > 0)) return { uscc: s.uscc, name: s.name };
  }
  throw new Error('the demo city has no company without adverse records');
}

describe('voluntary commitment', () => {
  it('a company chooses the accepting department, sees its own name in the text and signs', async () => {
    const party = await cleanCompany();
    const username = `e2e_vol_${Date.now().toString(36)}`;
    const made = cli('user', 'add', '--username', username, '--role', 'subject', '--subject', party.uscc, '--password', 'e2e-password-123');
    expect(made.status, made.out).toBe(0);
    const depts = (await apiCall<{ items: { code: string; name: string }[] }>('GET', '/api/v1/departments?pageSize=200')).body.items;
    const dept = depts.find((d) => d.name.includes('税务')) ?? depts[0]!;

    const { context, page } = await newPage(browser);
    // Anyone reading the items sees blanks in words, not placeholders.
    await page.goto('/commitments');
    await see(page.getByTestId('commitment-item-text'));
    for (const text of await page.getByTestId('commitment-item-text').allInnerTexts()) expect(text).not.toMatch(/[{}]/);
    await textOf(page.getByTestId('commitment-item').filter({ hasText: '主动型' })).toContain('（承诺主体名称）郑重承诺');

    await loginUi(page, username, 'e2e-password-123', '/commitments');
    await page.getByTestId('sign-VOLUNTARY').click();
    await see(page.getByTestId('commitment-department'));
    await textOf(page.getByTestId('commitment-preview')).toContain(`${party.name}郑重承诺`);
    await page.getByTestId('commitment-matter').fill('诚信经营、依法纳税，不制售假冒伪劣商品');
    await page.getByTestId('commitment-agree').click();
    // Without the department the form says what is missing.
    await page.getByTestId('commitment-submit').click();
    await see(page.getByText('请选择承诺受理单位'));

    await page.getByTestId('commitment-department').click();
    await page.keyboard.type(dept.name);
    await page.locator('.ant-select-item-option', { hasText: dept.name }).first().click();
    await textOf(page.getByTestId('commitment-preview')).toContain(`受理单位：${dept.name}`);
    const preview = await page.getByTestId('commitment-preview').innerText();
    expect(preview).toContain(`${party.name}郑重承诺：诚信经营、依法纳税，不制售假冒伪劣商品`);
    expect(preview).not.toMatch(/[{}]/);
    await shot(page, 'portal-commitment-voluntary');

    await page.getByTestId('commitment-submit').click();
    await textOf(page.getByTestId('commitment-text')).toContain(`${party.name}郑重承诺：诚信经营、依法纳税，不制售假冒伪劣商品`);
    const signed = await page.getByTestId('commitment-text').innerText();
    expect(signed).toContain(`受理单位：${dept.name}`);
    expect(signed).not.toMatch(/[{}]/);
    const mine = await apiCall<{ items: { item: { code: string }; department: { code: string }; signedText: string }[] }>('GET', '/api/v1/commitments', undefined, await apiLogin(username, 'e2e-password-123'));
    expect(mine.body.items[0]).toMatchObject({ item: { code: 'VOLUNTARY' }, department: { code: dept.code }, signedText: signed });
    await context.close();
  });
});
