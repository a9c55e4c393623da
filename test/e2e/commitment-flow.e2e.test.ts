import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiCall, apiLogin, cli, countOf, launchBrowser, loginUi, makeUser, newPage, see, shot, textOf } from './helpers.js';

// A company signs a credit commitment (信用承诺) in the portal: it reads the published items, signs
// one with its matter, follows it under "my commitments", and the public sees it on its party page.

let browser: Browser;

beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => browser?.close());

/** A demo company with no adverse record (commitments are refused to those with serious ones). */
async function cleanCompany(): Promise<{ uscc: string; name: string }> {
  const found = await apiCall<{ items: { uscc?: string; name: string; kind: string }[] }>('GET', `/api/v1/subjects?q=${encodeURIComponent('有限公司')}&pageSize=100`);
  for (const s of found.body.items) {
    if (!s.uscc || s.kind !== 'legal_person') continue;
    const a = await apiCall<{ categories: { code: string; records: unknown[] }[] }>('GET', `/api/v1/subjects/${s.uscc}/archive`);
    if (!a.body.categories.some((c) => ['penalty', 'serious_dishonesty', 'court_judgment'].includes(c.code) && c.records.length > 0)) return { uscc: s.uscc, name: s.name };
  }
  throw new Error('the demo city has no company without adverse records');
}

describe('commitment flow', () => {
  it('the credit centre publishes a commitment item in the console, and the portal lists it', async () => {
    const centre = await newPage(browser);
    await loginUi(centre.page, 'admin', inject('adminPassword'), '/console/commitments');
    await centre.page.getByRole('tab', { name: '承诺事项' }).click();
    await see(centre.page.getByTestId('item-table').locator('.ant-table-row'));
    await centre.page.getByTestId('item-add').click();
    await centre.page.getByTestId('item-code').fill('E2E-TAX');
    await centre.page.getByTestId('item-name').fill('纳税信用承诺（端到端）');
    await centre.page.getByTestId('item-submit').click();
    await textOf(centre.page.getByTestId('item-table')).toContain('纳税信用承诺（端到端）');
    await shot(centre.page, 'console-commitment-items');
    // The same code twice is refused, naming it.
    await centre.page.getByTestId('item-add').click();
    await centre.page.getByTestId('item-code').fill('E2E-TAX');
    await centre.page.getByTestId('item-name').fill('重复');
    await centre.page.getByTestId('item-submit').click();
    await see(centre.page.getByText('承诺事项编码 E2E-TAX 已存在'));
    const visitor = await newPage(browser);
    await visitor.page.goto('/commitments');
    await textOf(visitor.page.getByTestId('commitment-item').filter({ hasText: '纳税信用承诺（端到端）' })).toContain('证明事项告知承诺');
    for (const p of [centre, visitor]) await p.context.close();
  });

  it('a company signs a published commitment item in the portal, the public sees it, the department records a breach in the console', async () => {
    const party = await cleanCompany();
    const username = `e2e_commit_${Date.now().toString(36)}`;
    const made = cli('user', 'add', '--username', username, '--role', 'subject', '--subject', party.uscc, '--password', 'e2e-password-123');
    expect(made.status, made.out).toBe(0);

    // Anyone reads the items; signing asks for a login.
    const visitor = await newPage(browser);
    await visitor.page.goto('/commitments');
    await see(visitor.page.getByTestId('commitment-item'));
    await shot(visitor.page, 'portal-commitment-items');
    await visitor.page.getByTestId('sign-FOOD-CERT').click();
    await see(visitor.page.getByText('请先登录后签署信用承诺'));

    const subject = await newPage(browser);
    await loginUi(subject.page, username, 'e2e-password-123', '/commitments');
    await subject.page.getByTestId('sign-FOOD-CERT').click();
    await subject.page.getByTestId('commitment-matter').fill('申请食品经营许可，承诺经营场所合法使用');
    await textOf(subject.page.getByTestId('commitment-preview')).toContain('申请食品经营许可，承诺经营场所合法使用');
    // Not ticking the declaration is refused in plain words.
    await subject.page.getByTestId('commitment-submit').click();
    await see(subject.page.getByText('请确认已阅读并同意承诺内容'));
    await subject.page.getByTestId('commitment-agree').click();
    await shot(subject.page, 'portal-commitment-sign');
    await subject.page.getByTestId('commitment-submit').click();
    await textOf(subject.page.getByTestId('commitment-text')).toContain(`${party.name}郑重承诺：申请食品经营许可，承诺经营场所合法使用`);
    await shot(subject.page, 'portal-commitment-signed');

    await subject.page.getByRole('tab', { name: '我的承诺' }).click();
    await textOf(subject.page.getByTestId('my-commitments')).toContain('食品经营许可');

    // The public commitment is in the party's archive.
    const mine = await apiCall<{ items: { id: number; publicRecord: number | null }[] }>('GET', '/api/v1/commitments', undefined, await apiLogin(username, 'e2e-password-123'));
    const recordId = mine.body.items[0]!.publicRecord;
    expect(recordId).not.toBeNull();
    await visitor.page.goto(`/subjects/${party.uscc}`);
    await textOf(visitor.page.getByTestId('party-name')).toBe(party.name);
    await visitor.page.getByRole('tab', { name: /承诺/ }).first().click();
    await textOf(visitor.page.locator(`[data-record-id="${recordId}"]`)).toContain('申请食品经营许可');

    // The accepting department verifies it in the console and finds a breach: a dishonesty record follows.
    const no = String(mine.body.items[0]!.id);
    const clerk = await makeUser('department', 'SCJGJ');
    const dept = await newPage(browser);
    await loginUi(dept.page, clerk.username, clerk.password, '/console/commitments');
    const row = dept.page.getByTestId('commitment-inbox').locator(`tr[data-row-key="${no}"]`);
    await see(row);
    await shot(dept.page, 'console-commitments');
    await row.click();
    await dept.page.getByTestId('fulfilment-outcome').getByText('未履约（违诺）').click();
    await dept.page.getByTestId('fulfilment-submit').click();
    await see(dept.page.getByText('认定未履约须写明违诺情形'));
    await dept.page.getByTestId('fulfilment-note').fill('现场核查：经营场所为他人在用，承诺不实');
    await dept.page.getByTestId('fulfilment-submit').click();
    await countOf(dept.page.getByTestId('commitment-inbox').locator(`tr[data-row-key="${no}"]`)).toBe(0);
    const after = await apiCall<{ categories: { code: string; records: { WYQX?: string }[] }[] }>('GET', `/api/v1/subjects/${party.uscc}/archive`);
    expect(after.body.categories.find((c) => c.code === 'commitment_breach')?.records[0]?.WYQX).toContain('承诺不实');
    await subject.page.reload();
    await subject.page.getByRole('tab', { name: '我的承诺' }).click();
    await textOf(subject.page.getByTestId('my-commitments')).toContain('未履约（失信）');
    for (const p of [visitor, subject, dept]) await p.context.close();
  });
});
