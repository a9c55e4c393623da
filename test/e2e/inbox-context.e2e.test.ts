import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { applyForRepair, fileObjection, filePenalty } from './case-fixtures.js';
import { apiCall, admin, countOf, launchBrowser, loginUi, makeUser, newPage, see, shot, textOf } from './helpers.js';

// The reviewer no longer decides blind: an objection's case shows the party, the record's fields by
// their labels, its category and publication window; revoking (or correcting) the record asks first,
// naming the record; a refused correction says why in words. A repair application shows whether each
// condition is met, in words (never a rule code), and approving it asks first.

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => browser?.close());

const confirmModal = (page: Page) => page.locator('.ant-modal-confirm');

describe('inbox context', () => {
  it('an objection case shows party, record fields, category and window; revoking asks for confirmation', async () => {
    const p = await filePenalty('南通异议背景测试有限公司');
    const { trackingNo } = await fileObjection(p.id);
    const clerk = await makeUser('department', p.department);
    const { context, page } = await newPage(browser);
    await loginUi(page, clerk.username, clerk.password, '/console/objections');
    await page.getByTestId('objection-inbox').getByText(trackingNo).click();
    const kase = page.getByTestId('objection-case');
    await see(kase.getByTestId('case-context'));
    await textOf(kase.getByTestId('case-party')).toContain(p.name);
    await textOf(kase.getByTestId('case-party')).toContain(p.uscc);
    await textOf(kase.getByTestId('case-party')).toContain('统一社会信用代码');
    await textOf(kase.getByTestId('case-category')).toBe('行政处罚信息');
    await textOf(kase.getByTestId('case-window')).toMatch(/\d{4}-\d\d-\d\d 至 \d{4}-\d\d-\d\d/);
    await textOf(kase.getByTestId('case-window')).toContain('当前公示中');
    const fields = await kase.getByTestId('case-fields').innerText();
    expect(fields).toContain('行政处罚决定书文号');
    expect(fields).toContain(p.wsh);
    expect(fields).toContain('处罚内容');
    expect(fields).not.toMatch(/CF_[A-Z]/);
    await textOf(kase.getByTestId('objection-state')).toBe('已受理，异议处理中');
    await shot(page, 'console-objection-context');

    // A correction to what the record already says is refused, in words.
    await kase.getByTestId('correct-field').click();
    await page.keyboard.type('处罚内容');
    await page.keyboard.press('Enter');
    await kase.getByTestId('correct-value').fill(p.content);
    await kase.getByTestId('decision-reason').fill('核对后更正处罚内容。');
    await kase.getByTestId('decision-submit').click();
    await textOf(confirmModal(page)).toContain(`记录 #${p.id}（行政处罚信息，${p.name}）`);
    await textOf(confirmModal(page)).toContain('“处罚内容”将由');
    await confirmModal(page).getByTestId('decision-confirm-ok').click();
    await textOf(kase.getByTestId('api-error')).toContain('更正后的内容与原记录相同');

    // Revoking asks first, naming the record; cancelled, nothing happens; confirmed, the record is revoked.
    await kase.getByTestId('decision').getByText('异议成立，撤销记录').click();
    await kase.getByTestId('decision-reason').fill('复议决定撤销原处罚，撤销该记录。');
    await kase.getByTestId('decision-submit').click();
    await textOf(confirmModal(page)).toContain(`记录 #${p.id}（行政处罚信息，${p.name}）将被撤销`);
    await shot(page, 'console-objection-revoke-confirm');
    await confirmModal(page).getByRole('button', { name: /取\s*消/ }).click();
    await countOf(confirmModal(page)).toBe(0);
    expect((await apiCall<{ state: string }>('GET', `/api/v1/records/${p.id}`, undefined, await admin())).body.state).toBe('disputed');
    await kase.getByTestId('decision-submit').click();
    await confirmModal(page).getByTestId('decision-confirm-ok').click();
    await textOf(kase.getByTestId('objection-state')).toBe('异议成立，记录已撤销');
    await textOf(kase.getByTestId('case-record')).toContain('已撤销');
    expect((await apiCall<{ state: string }>('GET', `/api/v1/records/${p.id}`, undefined, await admin())).body.state).toBe('revoked');
    await context.close();
  });

  it('a repair case shows the eligibility in words; approving asks for confirmation', async () => {
    const p = await filePenalty('南通修复背景测试有限公司');
    const { id } = await applyForRepair(p.id);
    const { context, page } = await newPage(browser);
    await loginUi(page, 'admin', inject('adminPassword'), '/console/repairs');
    await page.getByTestId('repair-inbox').locator(`tr[data-row-key="${id}"]`).click();
    const kase = page.getByTestId('repair-case');
    const eligibility = kase.getByTestId('repair-eligibility');
    await see(eligibility);
    await textOf(eligibility).toContain('各项条件均已满足');
    await textOf(eligibility).toMatch(/今日（\d{4}-\d\d-\d\d）核验/);
    await textOf(eligibility.getByTestId('eligibility-minimum_period')).toMatch(/一般失信信息最短公示 3 个月.*已满足/);
    await textOf(eligibility.getByTestId('eligibility-open_application')).toBe('无正在办理的修复申请');
    const text = await kase.innerText();
    expect(text).not.toMatch(/minMonths|repair v\d|\.classes\.|[a-z]+_[a-z]+=/);
    await textOf(kase.getByTestId('case-party')).toContain(p.name);
    await textOf(kase.getByTestId('case-category')).toBe('行政处罚信息');
    await textOf(kase.getByTestId('repair-state')).toBe('已受理，审核中');
    await shot(page, 'console-repair-context');

    await kase.getByTestId('repair-decision-reason').fill('材料齐全，已履行行政处罚义务，准予修复。');
    await kase.getByTestId('repair-decision-submit').click();
    await textOf(confirmModal(page)).toContain(`记录 #${p.id}（行政处罚信息，${p.name}）将标记为已信用修复`);
    await confirmModal(page).getByTestId('repair-confirm-ok').click();
    await countOf(page.getByTestId('repair-inbox').locator(`tr[data-row-key="${id}"]`)).toBe(0);
    expect((await apiCall<{ state: string }>('GET', `/api/v1/records/${p.id}`, undefined, await admin())).body.state).toBe('repaired');
    await context.close();
  });

  it('shows the case states and the conditions in English', async () => {
    const p = await filePenalty('南通英文背景测试有限公司');
    const { id } = await applyForRepair(p.id);
    const { context, page } = await newPage(browser, { lang: 'en-US' });
    await loginUi(page, 'admin', inject('adminPassword'), '/console/repairs');
    const row = page.getByTestId('repair-inbox').locator(`tr[data-row-key="${id}"]`);
    await textOf(row).toContain('Accepted, under review');
    await row.click();
    const eligibility = page.getByTestId('repair-eligibility');
    await textOf(eligibility).toContain('All conditions are met');
    await textOf(eligibility.getByTestId('eligibility-minimum_period')).toBe('The minimum publication period has been served');
    await textOf(page.getByTestId('case-category')).toBe('Administrative penalties');
    await context.close();
  });
});
