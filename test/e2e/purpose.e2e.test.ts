import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiCall, apiLogin, countOf, launchBrowser, loginUi, makeUser, newPage, see, shot, textOf, type Session } from './helpers.js';

// 查询用途: on a party's page a staff member picks a purpose (or writes one) and the archive is read
// again with it — the non-public records appear and the audit trail carries the purpose. A lender
// sees on its account page the companies that authorised it (grantor, scope, expiry) and opens one's
// authorised archive from there, with a purpose.

let browser: Browser;
let admin: Session;
beforeAll(async () => {
  browser = await launchBrowser();
  admin = await apiLogin('admin', inject('adminPassword'));
});
afterAll(async () => browser?.close());

interface Archive { subject: { name: string; uscc?: string }; categories: { code: string; name: string; disclosure: string; records: unknown[] }[] }

/** A demo organisation holding records of a disclosure class beyond the public one, as the credit centre sees it. */
async function withNonPublic(disclosure: 'shared' | 'authorised' | 'any'): Promise<{ uscc: string; name: string; category: string }> {
  const found = await apiCall<{ items: { uscc?: string }[] }>('GET', `/api/v1/subjects?q=${encodeURIComponent('有限公司')}&pageSize=100`);
  for (const s of found.body.items) {
    if (!s.uscc) continue;
    const a = await apiCall<Archive>('GET', `/api/v1/subjects/${s.uscc}/archive?purpose=${encodeURIComponent('测试准备')}`, undefined, admin);
    const hit = a.body.categories.find((c) => c.records.length > 0 && c.disclosure !== 'public' && (disclosure === 'any' || c.disclosure === disclosure));
    if (hit) return { uscc: s.uscc, name: a.body.subject.name, category: hit.name };
  }
  throw new Error(`no demo organisation with ${disclosure} records`);
}

/** Choose a purpose in the party page's picker (a common one, or free text under 其他). */
async function choosePurpose(page: Page, purpose: string, freeText = false): Promise<void> {
  await page.getByTestId('purpose-select').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: freeText ? '其他（自行填写）' : purpose }).click();
  if (freeText) await page.getByTestId('purpose-text').fill(purpose);
  await page.getByTestId('purpose-apply').click();
}

const tabs = (page: Page) => page.locator('.ant-tabs-tab');
const auditPurposes = async (uscc: string, actor: string) => {
  const r = await apiCall<{ items: { action: string; purpose: string | null }[] }>('GET', `/api/v1/audit?subject=${uscc}&actor=${encodeURIComponent(actor)}&pageSize=50`, undefined, admin);
  return r.body.items.filter((a) => a.action === 'archive_read').map((a) => a.purpose);
};

describe('purpose of a non-public read', () => {
  it('a staff member picks a purpose, sees the non-public records, and the audit trail shows the purpose', async () => {
    const party = await withNonPublic('any');
    const operator = await makeUser('operator');
    const { context, page } = await newPage(browser);
    await loginUi(page, operator.username, operator.password, `/subjects/${party.uscc}`);
    await textOf(page.getByTestId('purpose-notice')).toContain('查询非公开信息须说明用途');
    await textOf(page.getByTestId('party-name')).toBe(party.name);
    await countOf(tabs(page).filter({ hasText: party.category })).toBe(0);
    expect(await auditPurposes(party.uscc, operator.username)).toEqual([]);

    await choosePurpose(page, '行政许可审查');
    await textOf(page.getByTestId('purpose-tag')).toBe('行政许可审查');
    await see(tabs(page).filter({ hasText: party.category }));
    expect(new URL(page.url()).searchParams.get('purpose')).toBe('行政许可审查');
    await shot(page, 'portal-party-purpose');
    await expect.poll(() => auditPurposes(party.uscc, operator.username)).toEqual(['行政许可审查']);

    // A purpose in the clerk's own words.
    await page.getByRole('button', { name: '更改用途' }).click();
    await choosePurpose(page, '政府采购供应商资格审查', true);
    await textOf(page.getByTestId('purpose-tag')).toBe('政府采购供应商资格审查');
    await expect.poll(() => auditPurposes(party.uscc, operator.username)).toEqual(['政府采购供应商资格审查', '行政许可审查']);

    // Back to the public view: the non-public tab goes, and nothing more is audited.
    await page.getByRole('button', { name: '只看公开信息' }).click();
    await see(page.getByTestId('purpose-notice'));
    await countOf(tabs(page).filter({ hasText: party.category })).toBe(0);
    expect(await auditPurposes(party.uscc, operator.username)).toHaveLength(2);
    await context.close();
  });

  it('a lender sees who authorised it, with scope and expiry, and opens an authorised archive with a purpose', async () => {
    const party = await withNonPublic('authorised');
    const lender = await makeUser('lender');
    const owner = `e2e_owner_${Date.now().toString(36)}`;
    const made = await apiCall('POST', '/api/v1/users', { username: owner, password: 'e2e-password-123', role: 'subject', subject: party.uscc }, admin);
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const until = new Date(Date.now() + 90 * 86400_000).toISOString().slice(0, 10);
    const granted = await apiCall('POST', '/api/v1/grants', { grantee: lender.username, purpose: '流动资金贷款审查', expiresAt: until }, await apiLogin(owner, 'e2e-password-123'));
    expect(granted.status, JSON.stringify(granted.body)).toBe(201);

    const { context, page } = await newPage(browser);
    await loginUi(page, lender.username, lender.password, '/console/account');
    const row = page.getByTestId('grants-held-table').locator('.ant-table-row').filter({ hasText: party.name });
    await textOf(row).toContain(party.uscc);
    await textOf(row).toContain('全部授权查询类信息');
    await textOf(row).toContain(until);
    await textOf(row).toContain('有效');
    await shot(page, 'console-lender-grants');

    await row.getByRole('button', { name: '查看授权档案' }).click();
    await page.waitForURL((u) => u.pathname === `/subjects/${party.uscc}`);
    await textOf(page.getByTestId('purpose-tag')).toBe('信贷审查');
    await see(tabs(page).filter({ hasText: party.category }));
    await expect.poll(() => auditPurposes(party.uscc, lender.username)).toEqual(['信贷审查']);
    await context.close();
  });
});
