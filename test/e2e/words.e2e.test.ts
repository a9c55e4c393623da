import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { admin, apiCall, cli, launchBrowser, loginUi, makeUser, newPage, see, shot, subjectsWith, textOf } from './helpers.js';

// Words a person understands, on the screens issue 17 found showing developers' text: no rule codes,
// raw codes or English identifiers in Chinese mode; English names in English mode.

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => browser?.close());

/** Strings that are developers' words: none may reach a page in Chinese. */
const DEVELOPER_TEXT = ['licence', 'completed', 'minMonths', 'classes.', 'repair v', 'series0', 'record not your record', 'not your record', 'SCJGJ'];
const expectNoDeveloperText = (text: string) => {
  for (const s of DEVELOPER_TEXT) expect(text, `shows "${s}"`).not.toContain(s);
};

interface ArchiveBody { categories: { code: string; records: { id: number; state: string }[] }[] }

/** Two demo parties with live penalties: the first one's record the repair rule does not allow yet, if the demo has one. */
async function penaltyParties(): Promise<{ own: { uscc: string; recordId: number }; other: { uscc: string; recordId: number } }> {
  const s = await admin();
  const found: { uscc: string; recordId: number; eligible: boolean }[] = [];
  for (const party of await subjectsWith('penalty', 30)) {
    const a = await apiCall<ArchiveBody>('GET', `/api/v1/subjects/${party.uscc}/archive`);
    const r = a.body.categories.find((c) => c.code === 'penalty')?.records.find((x) => x.state === 'active');
    if (!r) continue;
    const e = await apiCall<{ eligible: boolean }>('GET', `/api/v1/repairs/eligibility?record=${r.id}`, undefined, s);
    found.push({ uscc: party.uscc, recordId: r.id, eligible: e.body.eligible });
  }
  const own = found.find((f) => !f.eligible) ?? found[0];
  const other = found.find((f) => f.uscc !== own?.uscc);
  if (!own || !other) throw new Error('the demo city has too few parties with live penalties');
  return { own, other };
}

/** A subject account for a party, made with the CLI as an operator would. */
function subjectAccount(uscc: string): { username: string; password: string } {
  const username = `e2e_words_${Date.now().toString(36)}`;
  const made = cli('user', 'add', '--username', username, '--role', 'subject', '--subject', uscc, '--password', 'e2e-password-123');
  expect(made.status, made.out).toBe(0);
  return { username, password: 'e2e-password-123' };
}

const today = () => new Date().toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

const mainText = (page: Page) => page.locator('main').first().innerText();

/** The party, record and account of the repair test, for the same page in English. */
let repairCase: { uscc: string; recordId: number; username: string; password: string } | null = null;

describe('words in Chinese', () => {
  it('the repair page gives eligibility in words, and filing on another party\'s record is refused in words', async () => {
    const { own, other } = await penaltyParties();
    const account = subjectAccount(own.uscc);
    repairCase = { uscc: own.uscc, recordId: own.recordId, ...account };
    const { context, page } = await newPage(browser);
    await loginUi(page, account.username, account.password, `/repairs?subject=${own.uscc}&record=${own.recordId}`);
    await see(page.getByTestId('eligibility-minimum_period'));
    await textOf(page.getByTestId('eligibility-minimum_period')).toMatch(/失信信息(最短公示|履行义务)/);
    await textOf(page.getByTestId('eligibility-basis')).toMatch(/^依据：信用修复规则第 \d+ 版$/);
    expectNoDeveloperText(await page.getByTestId('eligibility').innerText());
    expectNoDeveloperText(await mainText(page));
    await shot(page, 'portal-repair-words');

    // An objection to a record of another party: refused with the reason in words, nothing else.
    await page.goto(`/objections?subject=${other.uscc}&record=${other.recordId}`);
    await textOf(page.getByTestId('objection-record')).toContain('行政处罚信息');
    await page.getByTestId('objection-reason').fill('该处罚记录的决定日期有误，应为次月。');
    await page.getByTestId('objection-reason').press('Tab');
    await page.getByTestId('objection-submit').click();
    await textOf(page.getByTestId('api-error')).toContain('只能对本主体的信用记录提出异议');
    const refusal = await page.getByTestId('api-error').innerText();
    expectNoDeveloperText(refusal);
    expect(refusal).not.toMatch(/\brecord\b/);
    await context.close();
  });

  it('the submissions screen names categories, statuses and departments in words', async () => {
    const s = await admin();
    const depts = await apiCall<{ items: { code: string; name: string; uscc: string }[] }>('GET', '/api/v1/departments?pageSize=200');
    const dept = depts.body.items.find((d) => d.code === 'SCJGJ')!;
    const party = (await subjectsWith('penalty', 1))[0]!;
    const decided = daysAgo(3);
    const sent = await apiCall<{ id: number; status?: string }>('POST', '/api/v1/submissions', {
      department: 'SCJGJ', category: 'licence',
      records: [{
        XK_XDR_MC: party.name, XK_XDR_LB: '法人及非法人组织', XK_XDR_SHXYM: party.uscc, XK_FRDB: '李四', XK_XKWS: '食品经营许可决定书',
        XK_WSH: `通市监许〔${today().slice(0, 4)}〕W${Date.now().toString(36)}号`, XK_XKLB: '普通', XK_NR: '预包装食品销售',
        XK_JDRQ: decided, XK_YXQZ: decided, XK_XKJG: dept.name, XK_XKJGDM: dept.uscc, XK_LYDW: dept.name, XK_LYDWDM: dept.uscc,
      }],
    }, s);
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);

    const clerk = await makeUser('operator');
    const { context, page } = await newPage(browser);
    await loginUi(page, clerk.username, clerk.password, '/console/submissions');
    const row = page.getByTestId('sub-history').locator(`tr[data-row-key="${sent.body.id}"]`);
    await textOf(row).toContain('行政许可信息');
    await textOf(row).toContain('已完成');
    await textOf(row).toContain(dept.name);
    expectNoDeveloperText(await row.innerText());
    expectNoDeveloperText(await page.getByTestId('sub-history').locator('thead').innerText());
    // The upload form's choices are names too.
    await page.getByTestId('sub-category').click();
    const options = page.locator('.ant-select-item-option');
    await see(options.filter({ hasText: '行政处罚信息' }));
    expectNoDeveloperText((await options.allInnerTexts()).join('\n'));
    await page.keyboard.press('Escape');
    await shot(page, 'console-submissions-words');
    await context.close();
  });

  it('a wrong password gives one message; after five the lock-out is said in words', async () => {
    const user = await makeUser('operator');
    const { context, page } = await newPage(browser, { phone: true });
    await page.goto('/console/login');
    await page.getByTestId('login-username').fill(user.username);
    await page.getByTestId('login-password').fill('not-the-password');
    await page.getByTestId('login-submit').click();
    await textOf(page.getByTestId('login-error')).toBe('用户名或密码错误。');
    expect(await page.getByRole('alert').count()).toBe(1);
    expect(await page.locator('main').innerText()).not.toContain('请先登录');
    await shot(page, 'console-login-words-phone');

    // Four more wrong passwords lock the account; the next try is told so, with the time it ends.
    for (let i = 0; i < 4; i += 1) {
      const r = await apiCall('POST', '/api/v1/auth/login', { username: user.username, password: 'still-wrong' });
      expect(r.status).toBe(401);
    }
    await page.getByTestId('login-password').fill(user.password);
    await page.getByTestId('login-submit').click();
    await textOf(page.getByTestId('login-error')).toMatch(/^密码连续输错次数过多，账户已锁定(至 \d{2}:\d{2}| 15 分钟)，请稍后再试，或联系管理员解锁。$/);
    expect(await page.getByRole('alert').count()).toBe(1);
    expect(await page.locator('main').innerText()).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    await context.close();
  });

  it('the dashboard names departments in full and its map tooltip names the measure', async () => {
    const { context, page } = await newPage(browser);
    await loginUi(page, 'admin', inject('adminPassword'), '/console');
    const labels = page.getByTestId('chart-quality').locator('svg text');
    await expect.poll(() => labels.allTextContents(), { timeout: 15_000 }).toContain('市场监督管理局');
    expect(await labels.allTextContents()).not.toContain('场监督管理局');

    const map = page.getByTestId('district-map');
    await see(map.locator('svg path'));
    const box = (await map.boundingBox())!;
    // Hover the map until the pointer is over a district (the middle of the map is one).
    for (const [fx, fy] of [[0.5, 0.5], [0.45, 0.55], [0.55, 0.45], [0.4, 0.4], [0.6, 0.6]] as const) {
      await page.mouse.move(box.x + box.width * fx, box.y + box.height * fy);
      await page.waitForTimeout(300);
      if ((await map.innerText()).includes('信用记录：')) break;
    }
    await textOf(map).toMatch(/信用记录：([\d,]+|—)/);
    expectNoDeveloperText(await map.innerText());
    await shot(page, 'console-dashboard-words');
    await context.close();
  });
});

describe('words in English', () => {
  it('the party page shows category names and field labels in English; the lists page English list names', async () => {
    const party = (await subjectsWith('penalty', 1))[0]!;
    const { context, page } = await newPage(browser, { lang: 'en-US' });
    await page.goto(`/subjects/${party.uscc}`);
    await textOf(page.getByTestId('records-tab-penalty')).toContain('Administrative penalties');
    await page.getByTestId('records-tab-penalty').click();
    // The penalty tab's first record (the licence tab, opened first, stays in the page hidden).
    const card = page.locator('[data-testid="record-card"]:visible').first();
    await textOf(card).toContain('Penalty decision number');
    await textOf(card).toContain('Penalising authority');
    expect(await card.innerText()).not.toContain('行政处罚决定书文号');
    expect(await page.locator('.ant-tabs-nav').innerText()).not.toContain('行政处罚信息');
    await shot(page, 'portal-party-en', false);

    await page.goto('/lists/blacklist');
    await textOf(page.getByTestId('list-picker')).toContain('Dishonest judgment debtors');
    expect(await page.getByTestId('list-picker').innerText()).not.toContain('失信被执行人名单');
    await context.close();
  });

  it('the repair page gives eligibility reasons in English', async () => {
    expect(repairCase, 'the Chinese repair test made the account').not.toBeNull();
    const c = repairCase!;
    const { context, page } = await newPage(browser, { lang: 'en-US' });
    await loginUi(page, c.username, c.password, `/repairs?subject=${c.uscc}&record=${c.recordId}`);
    await textOf(page.getByTestId('eligibility-minimum_period')).toMatch(/adverse information (is published for at least \d+ months|may be repaired)/);
    await textOf(page.getByTestId('eligibility-repairable')).toContain('"Administrative penalties" may be repaired');
    await textOf(page.getByTestId('eligibility-basis')).toMatch(/^Under version \d+ of the credit repair rules$/);
    expect(await page.getByTestId('eligibility').innerText()).not.toMatch(/[\u4e00-\u9fff]/);
    await context.close();
  });
});
