import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, launchBrowser, loginUi, makeUser, newPage, see, shot, textOf } from './helpers.js';

// A department clerk uploads a penalty file with one bad row, sees the progress and the counts,
// downloads the error file and finds the batch in the history.

let browser: Browser;

beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => browser?.close());

function penaltyCsv(dept: { name: string; uscc: string }, parties: { uscc: string; name: string }[]): string {
  const header = ['CF_XDR_MC', 'CF_XDR_LB', 'CF_XDR_SHXYM', 'CF_FRDB', 'CF_WSH', 'CF_WFXW', 'CF_SY', 'CF_YJ', 'CF_CFLB', 'CF_NR', 'CF_NR_FK', 'CF_JDRQ', 'CF_YXQ', 'CF_CFJG', 'CF_CFJGDM', 'CF_SJLY', 'CF_SJLYDM'];
  const row = (p: { uscc: string; name: string }, i: number) => [p.name, '法人及非法人组织', p.uscc, '张三', `通市监罚〔2026〕E2E${i}号`, '未按规定公示年度报告', '当事人未在规定期限内公示年度报告。',
    '《企业信息公示暂行条例》第十七条', '罚款', '罚款人民币5000元', '0.5', '2026-03-10', '2027-03-10', dept.name, dept.uscc, dept.name, dept.uscc];
  return [header, ...parties.map(row)].map((r) => r.join(',')).join('\n') + '\n';
}

describe('submissions', () => {
  it('a clerk uploads a file with one bad row, sees the progress and downloads the error file', async () => {
    const depts = await apiCall<{ items: { code: string; name: string; uscc: string }[] }>('GET', '/api/v1/departments?pageSize=200');
    const dept = depts.body.items.find((d) => d.code === 'SCJGJ')!;
    const subjects = await apiCall<{ items: { uscc?: string; name: string }[] }>('GET', `/api/v1/subjects?q=${encodeURIComponent('有限公司')}&pageSize=5`);
    const good = subjects.body.items.filter((s) => s.uscc).slice(0, 2).map((s) => ({ uscc: s.uscc!, name: s.name }));
    const bad = { uscc: `${good[0]!.uscc.slice(0, 17)}${good[0]!.uscc.endsWith('0') ? '1' : '0'}`, name: '校验码错误测试有限公司' };
    const file = path.join(os.tmpdir(), `e2e-penalty-${Date.now()}.csv`);
    writeFileSync(file, penaltyCsv(dept, [...good, bad]));

    const clerk = await makeUser('department', 'SCJGJ');
    const { context, page } = await newPage(browser);
    await loginUi(page, clerk.username, clerk.password, '/console/submissions');
    await see(page.getByTestId('sub-submit'));
    await textOf(page.getByTestId('sub-department')).toContain(dept.name);
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByTestId('sub-submit').click();
    await see(page.getByTestId('sub-result'));
    await see(page.getByTestId('sub-progress'));
    await textOf(page.getByTestId('count-received')).toContain('3');
    await textOf(page.getByTestId('count-rejected')).toContain('1');
    await shot(page, 'console-submission-result');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('errors-csv').click()]);
    const saved = path.join(os.tmpdir(), `e2e-errors-${Date.now()}.csv`);
    await download.saveAs(saved);
    const csv = readFileSync(saved, 'utf8');
    expect(csv).toContain(bad.uscc);
    expect(csv).not.toContain(good[1]!.uscc);
    expect(csv.split(/\r?\n/).filter(Boolean)).toHaveLength(2);
    await textOf(page.getByTestId('sub-history')).toContain('SCJGJ');
    await context.close();
  });
});
