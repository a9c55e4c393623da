import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, apiCall, attrOf, countOf, launchBrowser, newPage, see, shot, subjectsWith, textOf, valueOf, type DemoSubject } from './helpers.js';

// The public portal: search → party page → report → verification, the 双公示 columns, the lists,
// the objection/repair entry points, language switch, phone layout, keyboard use.

let browser: Browser;
let party: DemoSubject;

beforeAll(async () => {
  browser = await launchBrowser();
  const found = await subjectsWith('penalty');
  if (!found[0]) throw new Error('the demo city has no organisation with a published penalty');
  party = found[0];
});
afterAll(async () => browser?.close());

describe('portal', () => {
  it('finds a party by name with suggestions and opens its public archive', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/');
    await textOf(page.locator('h1')).toBe('信用信息查询');
    await shot(page, 'portal-home');
    const fragment = party.name.slice(-8, -4);
    await page.getByTestId('search-input').locator('input').fill(fragment);
    const option = page.locator('.ant-select-item-option').first();
    await option.waitFor();
    await shot(page, 'portal-search-suggestions', false);
    await page.getByTestId('search-input').locator('input').press('Enter');
    await page.getByTestId('search-results').waitFor();
    await page.getByTestId('search-results').getByRole('link').first().click();
    await page.getByTestId('party-name').waitFor();
    // The suggestion list and the result list lead to party pages; open ours directly for a stable check.
    await page.goto(`/subjects/${party.uscc}`);
    await textOf(page.getByTestId('party-name')).toBe(party.name);
    await textOf(page.getByTestId('basic-info')).toContain(party.uscc);
    await see(page.getByRole('tab', { name: /行政处罚/ }));
    await page.getByRole('tab', { name: /行政处罚/ }).click();
    // Cards of tabs opened before stay in the page, hidden: look in the open tab panel only.
    await see(page.getByRole('tabpanel').getByTestId('record-card'));
    await shot(page, 'portal-party');
    await context.close();
  });

  it('requests a credit report from the party page and verifies it', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`/subjects/${party.uscc}`);
    await page.getByTestId('request-report').click();
    await valueOf(page.getByTestId('report-subject')).toBe(party.uscc);
    await page.getByTestId('report-submit').click();
    const number = (await page.getByTestId('report-number').textContent())!.trim();
    const code = (await page.getByTestId('report-code').textContent())!.trim();
    expect(number).not.toBe('');
    await shot(page, 'portal-report-issued');
    const pdf = await apiCall('GET', `/api/v1/reports/${encodeURIComponent(number)}.pdf?code=${encodeURIComponent(code)}`);
    expect(pdf.status).toBe(200);
    await page.getByTestId('report-verify-link').click();
    await attrOf(page.getByTestId('verify-result'), 'data-genuine').toBe('true');
    await shot(page, 'portal-report-verified');
    // A wrong code is refused in plain words.
    await page.getByTestId('verify-code').fill('WRONG1');
    await page.getByTestId('verify-submit').click();
    await see(page.getByTestId('verify-result').or(page.getByTestId('api-error')));
    await countOf(page.locator('[data-genuine="true"]')).toBe(0);
    await context.close();
  });

  it('shows the 双公示 columns with department and date filters', async () => {
    const { context, page } = await newPage(browser);
    for (const type of ['licence', 'penalty']) {
      await page.goto(`/publicity/${type}`);
      await see(page.getByTestId('publicity-table').locator('tbody tr.ant-table-row'));
      await shot(page, `portal-publicity-${type}`);
    }
    await page.getByTestId('publicity-q').fill(party.uscc);
    await page.getByRole('button', { name: '筛 选' }).or(page.getByRole('button', { name: '筛选' })).click();
    await textOf(page.getByTestId('publicity-table')).toContain(party.name);
    await context.close();
  });

  it('shows the honour list and the blacklist with their entries', async () => {
    const s = await admin();
    await apiCall('POST', '/api/v1/lists/contract_honouring/entries', { subject: party.uscc, reason: '连续三年守合同重信用（e2e）' }, s);
    const { context, page } = await newPage(browser);
    await page.goto('/lists/honour');
    await page.getByTestId('list-picker').getByText('守合同重信用企业名单').click();
    await textOf(page.getByTestId('list-entries')).toContain(party.name);
    await shot(page, 'portal-honour-list');
    await page.goto('/lists/blacklist');
    await textOf(page.getByTestId('list-picker')).toContain('失信被执行人名单');
    await shot(page, 'portal-blacklist');
    await page.goto(`/subjects/${party.uscc}`);
    await textOf(page.getByTestId('subject-lists')).toContain('守合同重信用企业名单');
    await context.close();
  });

  it('asks visitors to log in before filing an objection or a repair, and tracks by number without login', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`/objections?subject=${party.uscc}`);
    await see(page.getByTestId('login-first'));
    await shot(page, 'portal-objection-visitor');
    await page.getByRole('tab', { name: '进度查询' }).click();
    await page.getByTestId('track-input').locator('input').fill('ZZ-000000');
    await page.getByTestId('track-input').locator('input').press('Enter');
    await see(page.getByTestId('api-error'));
    await page.goto('/repairs');
    await see(page.getByText('请先登录后申请信用修复'));
    await shot(page, 'portal-repair-visitor');
    await context.close();
  });

  it('switches to English and back, and keeps the choice', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/');
    await page.getByTestId('lang-switch').click();
    await textOf(page.locator('h1')).toBe('Credit information search');
    await attrOf(page.locator('html'), 'lang').toBe('en-US');
    await page.reload();
    await textOf(page.locator('h1')).toBe('Credit information search');
    await shot(page, 'portal-home-en');
    await page.getByTestId('lang-switch').click();
    await textOf(page.locator('h1')).toBe('信用信息查询');
    await context.close();
  });

  it('fits a phone: navigation in a drawer, no horizontal scrolling', async () => {
    const { context, page } = await newPage(browser, { phone: true });
    await page.goto('/');
    await page.getByTestId('nav-open').click();
    await see(page.locator('.ant-drawer').getByText('行政处罚'));
    await shot(page, 'phone-nav', false);
    await page.locator('.ant-drawer').getByText('行政处罚').click();
    await page.goto(`/subjects/${party.uscc}`);
    await page.getByTestId('party-name').waitFor();
    const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBeLessThanOrEqual(1);
    await shot(page, 'phone-party');
    await context.close();
  });

  it('can be used with the keyboard: skip link first, visible focus', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/');
    // Tab only once the app has rendered: before that there is nothing to focus.
    await page.locator('.skip-link').waitFor({ state: 'attached' });
    await textOf(page.locator('h1')).toBe('信用信息查询');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate('document.activeElement && document.activeElement.className')).toContain('skip-link');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    const outline = await page.evaluate('getComputedStyle(document.activeElement).outlineStyle');
    expect(outline).not.toBe('none');
    await context.close();
  });

  it('answers unknown pages with a plain 404 page and a way home', async () => {
    const { context, page } = await newPage(browser);
    const res = await page.goto('/no/such/page');
    expect(res?.status()).toBe(200);
    await see(page.getByText('页面不存在'));
    const api = await apiCall<{ error: { code: string } }>('GET', '/api/v1/no-such-route');
    expect(api.body.error.code).toBe('route_not_found');
    await context.close();
  });
});
