import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { countOf, launchBrowser, loginUi, makeUser, newPage, see, shot, textOf } from './helpers.js';

// 数据质量: the demo city's deliveries of this month (src/demo/deliveries.ts: SCJGJ penalties with
// the usual faults, SWJ and YJGLJ obliged but silent) as the credit centre and a department clerk
// see them, and the working-day calendar the deadlines count on.

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A date in 2031 that differs from run to run, so a rerun against the same server meets no day of its own. */
function uniqueDate(): string {
  const n = Math.floor(Date.now() / 1000);
  const pad = (x: number) => String(x).padStart(2, '0');
  return `2031-${pad(1 + (n % 12))}-${pad(1 + (Math.floor(n / 12) % 28))}`;
}

describe('data quality as administrator', () => {
  it('shows the indicators, rejection reasons in words, unreported obligations and the CSV', async () => {
    const { context, page } = await newPage(browser);
    await loginUi(page, 'admin', inject('adminPassword'), '/console/quality');
    await textOf(page.getByTestId('console-menu')).toContain('数据质量');
    await textOf(page.getByTestId('quality-summary')).toContain('SCJGJ');
    await see(page.getByTestId('quality-period'));
    await see(page.getByTestId('obligations-edit'));

    await textOf(page.getByTestId('quality-item-SWJ-penalty')).toContain('未报送');
    const penalty = page.getByTestId('quality-item-SCJGJ-penalty');
    await textOf(penalty).toContain('行政处罚');
    await penalty.locator('.ant-table-row-expand-icon').click();
    const reasons = page.getByTestId('quality-reasons');
    await textOf(reasons).toContain('统一社会信用代码错误');
    const text = await reasons.innerText();
    for (const words of ['业务主键在文件内重复', '决定日期晚于今天', '取值不在代码表内', '缺少必填项']) expect(text).toContain(words);
    expect(text).not.toContain('invalid_uscc');
    await shot(page, 'console-quality');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('quality-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^quality-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv).toContain('合规率');
    expect(csv).toContain('SCJGJ');
    await context.close();
  });

  it('adds a holiday to a future year on the calendar tab, removes it and marks the year published', async () => {
    const { context, page } = await newPage(browser);
    await loginUi(page, 'admin', inject('adminPassword'), '/console/quality');
    await page.getByTestId('calendar-tab').click();
    await see(page.getByTestId('calendar-table'));
    const date = uniqueDate();
    await page.getByTestId('cal-date').click();
    await page.keyboard.type(date);
    await page.getByTestId('cal-name').click(); // leaving the picker keeps the typed date
    await page.getByTestId('cal-name').fill('端到端测试假日');
    await page.getByTestId('cal-add').click();
    await textOf(page.getByTestId('calendar-table')).toContain(date);
    await textOf(page.getByTestId('calendar-table')).toContain('端到端测试假日');
    await shot(page, 'console-calendar');

    await page.getByTestId(`cal-remove-${date}`).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
    await textOf(page.getByTestId('calendar-table')).not.toContain(date);

    await page.getByTestId('cal-publish').click();
    const published = page.getByTestId('cal-published-switch');
    if ((await published.getAttribute('aria-checked')) !== 'true') await published.click();
    await page.getByTestId('cal-source').fill('国务院办公厅关于2031年部分节假日安排的通知（e2e）');
    await page.getByRole('dialog').getByRole('button', { name: /保\s*存/ }).click();
    await textOf(page.getByTestId('cal-published')).toBe('已发布');
    await context.close();
  });
});

describe('data quality as a department clerk', () => {
  it('shows its own department only, without obligations or calendar editing', async () => {
    const clerk = await makeUser('department', 'SCJGJ');
    const { context, page } = await newPage(browser);
    await loginUi(page, clerk.username, clerk.password, '/console/quality');
    await textOf(page.getByTestId('quality-summary')).toContain('SCJGJ');
    await see(page.getByTestId('quality-item-SCJGJ-penalty'));
    const rows = page.locator('[data-testid^="quality-item-"]');
    const own = page.locator('[data-testid^="quality-item-SCJGJ-"]');
    await countOf(rows).toBeGreaterThan(0);
    expect(await rows.count()).toBe(await own.count());
    expect(await page.getByTestId('quality-summary').innerText()).not.toMatch(/SWJ|STHJJ|ZJJ/);
    expect(await page.getByTestId('obligations-edit').count()).toBe(0);
    expect(await page.getByTestId('quality-department').count()).toBe(0);

    await page.getByTestId('calendar-tab').click();
    await see(page.getByTestId('calendar-table'));
    expect(await page.getByTestId('cal-add').count()).toBe(0);
    expect(await page.getByTestId('cal-publish').count()).toBe(0);
    await context.close();
  });
});
