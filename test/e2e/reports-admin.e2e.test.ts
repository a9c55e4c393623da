import { readFile } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { admin, apiCall, launchBrowser, loginUi, newPage, see, shot, textOf } from './helpers.js';

// 报告管理 as the credit centre uses it: a report issued in the test is in the register with its
// verification count; revoking it (with a reason, confirmed) shows on the public verify pages; a
// batch of three codes, one of them wrong, gives a zip of two PDFs and a row error in words.

let browser: Browser;
let page: Page;
let close: () => Promise<void>;
let parties: { uscc: string; name: string }[];
const BAD = '91320602MA1XY2345X'; // wrong check digit

interface Issued { number: string; verifyCode: string }
const issue = async (uscc: string): Promise<Issued> => {
  const r = await apiCall<Issued>('POST', '/api/v1/reports', { subject: uscc, kind: 'public' });
  expect(r.status).toBe(201);
  return r.body;
};
const row = (number: string) => page.getByTestId('reports-table').locator('.ant-table-row').filter({ hasText: number });
async function search(number: string): Promise<void> {
  await page.getByTestId('reports-q').locator('input').fill(number);
  await page.getByTestId('reports-filter').click();
  await see(row(number));
}

beforeAll(async () => {
  browser = await launchBrowser();
  const found = await apiCall<{ items: { uscc?: string; name: string }[] }>('GET', `/api/v1/subjects?q=${encodeURIComponent('有限公司')}&pageSize=20`);
  parties = found.body.items.flatMap((s) => (s.uscc ? [{ uscc: s.uscc, name: s.name }] : [])).slice(0, 2);
  expect(parties).toHaveLength(2);
  const p = await newPage(browser);
  page = p.page;
  close = () => p.context.close();
  await loginUi(page, 'admin', inject('adminPassword'), '/console/reports');
});
afterAll(async () => {
  await close?.();
  await browser?.close();
});

describe('reports admin screen', () => {
  it('lists a report issued in the test, revokes it, and the public verify pages say so', async () => {
    const rep = await issue(parties[0]!.uscc);
    // Verified once by whoever received it.
    expect((await apiCall('GET', `/api/v1/reports/${rep.number}/verify?code=${rep.verifyCode}`)).status).toBe(200);

    await page.goto('/console/reports');
    await search(rep.number);
    await textOf(row(rep.number)).toContain(parties[0]!.name);
    await textOf(row(rep.number)).toContain('公共信用信息报告');
    await textOf(row(rep.number)).toContain('社会公众');
    await textOf(row(rep.number).getByTestId('verified-count')).toBe('1 次');
    await textOf(row(rep.number)).toContain('有效');
    await shot(page, 'console-reports');

    await row(rep.number).getByTestId('revoke-open').click();
    const dialog = page.getByRole('dialog');
    await see(dialog.getByText('撤销不能取消'));
    await dialog.getByTestId('revoke-confirm').click();
    await see(dialog.getByText('请填写撤销原因'));
    const reason = '报告所依据的行政处罚信息有误，已更正';
    await dialog.getByTestId('revoke-reason').fill(reason);
    await shot(page, 'console-reports-revoke');
    await dialog.getByTestId('revoke-confirm').click();
    await see(row(rep.number).getByTestId('state-revoked'));
    await textOf(row(rep.number)).toContain('已撤销');
    expect(await row(rep.number).getByTestId('revoke-open').count()).toBe(0);
    await shot(page, 'console-reports-revoked');

    // The page the QR code leads to, and the portal's verify page.
    const pub = await newPage(browser);
    await pub.page.goto(`/verify/${rep.number}?code=${rep.verifyCode}`);
    await textOf(pub.page.locator('body')).toContain('该报告已被撤销，不再有效');
    await textOf(pub.page.locator('body')).toContain(reason);
    const today = (await apiCall<{ items: { number: string; revokedAt: string }[] }>('GET', `/api/v1/reports?q=${rep.number}`, undefined, await admin())).body.items[0]!.revokedAt;
    const revokedDay = new Date(new Date(today).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    await textOf(pub.page.locator('body')).toContain(revokedDay);
    await shot(pub.page, 'console-reports-verify-revoked');
    await pub.page.goto(`/reports/verify/${rep.number}?code=${rep.verifyCode}`);
    await see(pub.page.locator('[data-revoked="true"]'));
    await textOf(pub.page.getByTestId('verify-result')).toContain(reason);
    await textOf(pub.page.getByTestId('verify-howto')).toContain('扫描报告封面上的二维码');
    await pub.context.close();
  });

  it('says in words when a report was revoked meanwhile', async () => {
    const rep = await issue(parties[1]!.uscc);
    await page.goto('/console/reports');
    await search(rep.number);
    await row(rep.number).getByTestId('revoke-open').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('revoke-reason').fill('主体申请撤销');
    // Someone else revokes it first.
    expect((await apiCall('POST', `/api/v1/reports/${rep.number}/revoke`, { reason: '重复出具' }, await admin())).status).toBe(200);
    await dialog.getByTestId('revoke-confirm').click();
    await textOf(dialog.getByTestId('api-error')).toContain('无需重复撤销');
    await page.keyboard.press('Escape');
  });

  it('issues a batch of three codes, one wrong: a zip of two PDFs and the wrong row with its reason', async () => {
    await page.goto('/console/reports?tab=batch');
    await page.getByTestId('batch-purpose').fill('政府采购资格审查');
    // As pasted from a spreadsheet column: its heading, then the codes (line 3 is wrong).
    await page.getByTestId('batch-list').fill(['统一社会信用代码', parties[0]!.uscc, BAD, parties[1]!.uscc].join('\n'));
    await page.getByTestId('batch-start').click();
    const job = page.getByTestId('batch-job');
    await see(job);
    await see(page.locator('[data-testid="batch-job"][data-status="completed"]'));
    await textOf(job).toContain('成功 2 份，有误 1 行');
    const errors = page.getByTestId('batch-errors').locator('.ant-table-row');
    expect(await errors.count()).toBe(1);
    await textOf(errors).toContain('第 3 行');
    await textOf(errors).toContain(BAD);
    await textOf(errors).toContain('无效');
    await shot(page, 'console-reports-batch');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('batch-download').click()]);
    const files = unzipSync(new Uint8Array(await readFile((await download.path())!)));
    const pdfs = Object.keys(files).filter((f) => f.endsWith('.pdf'));
    expect(pdfs).toHaveLength(2);
    for (const f of pdfs) expect(strFromU8(files[f]!.subarray(0, 5))).toBe('%PDF-');
    expect(strFromU8(files['summary.csv']!)).toContain(`3,${BAD},失败`);
  });

  it('reads an Excel list and names the sheet row of a wrong code', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名单');
    ws.addRow(['企业名称', '统一社会信用代码']);
    ws.addRow([parties[1]!.name, parties[1]!.uscc]);
    ws.addRow(['代码有误的企业', BAD]);
    const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'xy-batch-')), '投标人名单.xlsx');
    await wb.xlsx.writeFile(file);

    await page.goto('/console/reports?tab=batch');
    await page.getByTestId('batch-purpose').fill('招标投标资格审查');
    await page.getByTestId('batch-source').getByText('上传文件').click();
    await page.locator('input[type=file]').setInputFiles(file);
    await textOf(page.getByTestId('batch-file-read')).toContain('2 个代码');
    await page.getByTestId('batch-start').click();
    await see(page.locator('[data-testid="batch-job"][data-status="completed"]'));
    const errors = page.getByTestId('batch-errors').locator('.ant-table-row');
    await textOf(errors).toContain('第 3 行');
    await textOf(page.getByTestId('batch-history')).toContain('招标投标资格审查');
  });

  it('fits a phone', async () => {
    const phone = await newPage(browser, { phone: true });
    await loginUi(phone.page, 'admin', inject('adminPassword'), '/console/reports');
    await see(phone.page.getByTestId('reports-table').locator('.ant-table-row'));
    await shot(phone.page, 'console-reports-phone');
    await phone.context.close();
  });
});
