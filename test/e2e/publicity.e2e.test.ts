import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, baseUrl, newPage, launchBrowser, see, shot, textOf } from './helpers.js';

// 双公示 at 1440×900 and on a 390×844 phone: every column inside the screen, an expanded row that
// wraps instead of widening the table, the total, the date order both ways and the CSV export.

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => browser?.close());

type Item = { id: number; decidedOn: string | null; department: string; departmentName: string; subject: { name: string } };
type Page_ = { items: Item[]; total: number; totalEstimated: boolean; next: string | null };
const HEADERS = ['行政相对人', '决定文书号', '内容', '决定日期', '决定部门', '状态'];

async function desktop(): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ baseURL: baseUrl(), acceptDownloads: true, locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return { page, close: () => context.close() };
}

/** Widths a person would see overflow by: the document's and the table's, against the viewport. */
const widths = (page: Page, sel: string) => page.evaluate(`({
  doc: document.documentElement.scrollWidth, view: window.innerWidth,
  list: Math.max(...[...document.querySelectorAll(${JSON.stringify(sel)})].map((e) => e.getBoundingClientRect().right)),
})`) as Promise<{ doc: number; view: number; list: number }>;

/** Every page of the API's answer to the filters, by cursor. */
async function all(query: string): Promise<Item[]> {
  const out: Item[] = [];
  let after: string | null = null;
  for (let n = 0; n < 50; n++) {
    const r: { body: Page_ } = await apiCall<Page_>('GET', `/api/v1/publicity?${query}&pageSize=200${after ? `&after=${after}` : ''}`);
    out.push(...r.body.items);
    after = r.body.next;
    if (!after) break;
  }
  return out;
}

const firstDates = (page: Page) => page.getByTestId('publicity-table').locator('tbody tr.ant-table-row td:nth-child(5)').allInnerTexts();

describe('双公示 portal page', () => {
  it('at 1440 px shows every column, the total, and keeps the table inside the screen when a row is expanded', async () => {
    const { page, close } = await desktop();
    const api = (await apiCall<Page_>('GET', '/api/v1/publicity?type=penalty&pageSize=1')).body;
    expect(api.total).toBeGreaterThan(0);
    await page.goto('/publicity/penalty');
    const rows = page.getByTestId('publicity-table').locator('tbody tr.ant-table-row');
    await see(rows);
    for (const h of HEADERS) {
      const box = (await page.getByTestId('publicity-table').locator('thead th', { hasText: h }).first().boundingBox())!;
      expect(box, h).not.toBeNull();
      expect(box.x + box.width, h).toBeLessThanOrEqual(1440);
    }
    await textOf(page.getByTestId('publicity-total')).toBe(api.totalEstimated ? `约 ${api.total.toLocaleString()} 条（估算）` : `共 ${api.total.toLocaleString()} 条`);
    let w = await widths(page, '[data-testid="publicity-table"] table');
    expect(w.doc).toBeLessThanOrEqual(w.view);
    expect(w.list).toBeLessThanOrEqual(w.view);
    await shot(page, 'portal-publicity-desktop');

    await rows.first().locator('.ant-table-row-expand-icon').click();
    await see(page.getByTestId('publicity-detail'));
    await textOf(page.getByTestId('publicity-detail')).toContain('处罚');
    w = await widths(page, '[data-testid="publicity-table"] table');
    expect(w.doc).toBeLessThanOrEqual(w.view);
    expect(w.list).toBeLessThanOrEqual(w.view);
    for (const h of HEADERS) expect(await page.getByTestId('publicity-table').locator('thead th', { hasText: h }).first().isVisible(), h).toBe(true);
    const detail = (await page.getByTestId('publicity-detail').boundingBox())!;
    expect(detail.x + detail.width).toBeLessThanOrEqual(1440);
    await shot(page, 'portal-publicity-expanded');
    await close();
  });

  it('sorts by decision date both ways', async () => {
    const { page, close } = await desktop();
    await page.goto('/publicity/penalty');
    await see(page.getByTestId('publicity-table').locator('tbody tr.ant-table-row'));
    const newest = (await apiCall<Page_>('GET', '/api/v1/publicity?type=penalty&pageSize=20')).body.items.map((i) => i.decidedOn ?? '—');
    const oldest = (await apiCall<Page_>('GET', '/api/v1/publicity?type=penalty&pageSize=20&order=asc')).body.items.map((i) => i.decidedOn ?? '—');
    expect(oldest[0]! <= newest[0]!).toBe(true);
    await expect.poll(() => firstDates(page)).toEqual(newest);
    await page.getByTestId('publicity-table').locator('thead th', { hasText: '决定日期' }).click();
    await expect.poll(() => firstDates(page)).toEqual(oldest);
    expect(new URL(page.url()).searchParams.get('order')).toBe('asc');
    const shown = await firstDates(page);
    expect(shown).toEqual([...shown].sort());
    await page.getByTestId('publicity-table').locator('thead th', { hasText: '决定日期' }).click();
    await expect.poll(() => firstDates(page)).toEqual(newest);
    await close();
  });

  it('downloads a CSV of what the filters select, row for row the API\'s answer', async () => {
    // The department with the fewest published penalties, chosen in the filter as a visitor would.
    const depts = (await apiCall<{ items: { code: string; name: string }[] }>('GET', '/api/v1/departments?pageSize=200')).body.items;
    let pick: { code: string; name: string; total: number } | null = null;
    for (const d of depts) {
      const n = (await apiCall<Page_>('GET', `/api/v1/publicity?type=penalty&department=${d.code}&pageSize=1`)).body.total;
      if (n > 0 && (!pick || n < pick.total)) pick = { ...d, total: n };
    }
    expect(pick).not.toBeNull();
    const { page, close } = await desktop();
    await page.goto('/publicity/penalty?order=asc');
    await see(page.getByTestId('publicity-table').locator('tbody tr.ant-table-row'));
    await page.getByTestId('publicity-dept').click();
    await page.keyboard.type(pick!.name);
    await page.locator('.ant-select-item-option', { hasText: pick!.name }).first().click();
    await page.getByTestId('publicity-filter').click();
    await textOf(page.getByTestId('publicity-total')).toBe(`共 ${pick!.total.toLocaleString()} 条`);
    const expected = await all(`type=penalty&department=${pick!.code}&order=asc`);
    expect(expected).toHaveLength(pick!.total);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('publicity-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^publicity-penalty-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = await readFile((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]!.startsWith('类别,行政相对人名称,统一社会信用代码,身份证件号码（遮蔽）,')).toBe(true);
    const header = lines[0]!.split(',');
    const at = (name: string) => header.indexOf(name);
    const body = lines.slice(1).map((l) => l.split(','));
    expect(body).toHaveLength(expected.length);
    expect(body.map((c) => c[1])).toEqual(expected.map((i) => i.subject.name));
    expect(body.map((c) => c[at('决定日期')])).toEqual(expected.map((i) => i.decidedOn ?? ''));
    expect(new Set(body.map((c) => c[at('决定部门')]))).toEqual(new Set([pick!.name]));
    expect(lines.join('\n')).not.toMatch(/\d{17}[\dX]/); // no full ID number
    await close();
  });

  it('on a 390 px phone shows cards inside the screen, details that wrap, and the date order', async () => {
    const { context, page } = await newPage(browser, { phone: true });
    await page.goto('/publicity/penalty');
    const cards = page.getByTestId('publicity-card');
    await see(cards);
    await textOf(page.getByTestId('publicity-total')).toMatch(/^(共|约) [\d,]+ 条/);
    let w = await widths(page, '[data-testid="publicity-card"]');
    expect(w.doc).toBeLessThanOrEqual(390);
    expect(w.list).toBeLessThanOrEqual(390);
    await textOf(cards.first()).toContain('决定日期');
    await cards.first().getByTestId('publicity-card-toggle').click();
    await see(page.getByTestId('publicity-detail'));
    w = await widths(page, '[data-testid="publicity-detail"]');
    expect(w.doc).toBeLessThanOrEqual(390);
    expect(w.list).toBeLessThanOrEqual(390);
    await shot(page, 'portal-publicity-phone');
    const oldest = (await apiCall<Page_>('GET', '/api/v1/publicity?type=penalty&pageSize=1&order=asc')).body.items[0]!;
    await page.getByTestId('publicity-order').click();
    await page.locator('.ant-select-item-option', { hasText: '最早在前' }).click();
    await textOf(cards.first()).toContain(oldest.subject.name);
    await context.close();
  });
});
