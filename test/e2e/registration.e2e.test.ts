import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { makeCitizenId, mulberry32 } from '../../src/modules/identity/generate.js';
import { apiCall, apiLogin, launchBrowser, loginUi, makeUser, newPage, see, shot, subjectsWith, textOf } from './helpers.js';

// 注册账号: an enterprise registers in the portal with its USCC and business licence; logging in says
// the application is pending; an operator checks it in the console and approves it; the enterprise
// then signs in on the portal, sees its name in the header and its own pages on 我的, and opens its
// archive. A rejected application is told its reason at login.

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => browser?.close());

const PASSWORD = 'e2e-register-pass-1';
const LICENCE = { name: '营业执照.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n') };
const wrongCheckDigit = (uscc: string) => uscc.slice(0, 17) + (uscc[17] === '0' ? '1' : '0');

async function portalLogin(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login?next=/mine');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

describe('registration', () => {
  it('an enterprise registers → pending → an operator approves → it signs in and sees 我的 with its archive', async () => {
    const [firm] = await subjectsWith('licence', 1);
    const username = `e2e_firm_${Date.now().toString(36)}`;

    // The enterprise fills the form from the portal header's 注册 link.
    const { context, page } = await newPage(browser);
    await page.goto('/');
    await page.getByTestId('portal-register').click();
    await see(page.getByTestId('reg-enterprise-form'));
    await page.getByTestId('reg-enterprise-uscc').fill(wrongCheckDigit(firm!.uscc));
    await page.getByTestId('reg-enterprise-name').fill(firm!.name);
    await page.getByTestId('reg-enterprise-legal-rep').fill('王建国');
    await page.getByTestId('reg-enterprise-phone').fill('13912345678');
    await page.getByTestId('reg-enterprise-username').fill(username);
    await page.getByTestId('reg-enterprise-password').fill(PASSWORD);
    await page.getByTestId('reg-enterprise-password2').fill(PASSWORD);
    await page.getByTestId('reg-enterprise-document').locator('input[type=file]').setInputFiles(LICENCE);
    await textOf(page.getByTestId('reg-enterprise-document').locator('.ant-upload-list-item')).toContain('营业执照.pdf');
    // A code with a wrong check digit is refused, in words, under the code's own field.
    await page.getByTestId('reg-enterprise-submit').click();
    await textOf(page.getByTestId('reg-enterprise-form').locator('.ant-form-item-has-error')).toContain('统一社会信用代码有误');
    await page.getByTestId('reg-enterprise-uscc').fill(firm!.uscc);
    await page.evaluate('window.scrollTo(0, 0)');
    await shot(page, 'portal-register-enterprise');
    await page.getByTestId('reg-enterprise-submit').click();
    await see(page.getByTestId('registration-done'));
    await textOf(page.getByTestId('registration-done')).toContain(username);
    await shot(page, 'portal-register-done');

    // Before approval, signing in says the application is under review.
    await portalLogin(page, username, PASSWORD);
    await textOf(page.getByTestId('login-registration')).toContain('审核中');

    // The operator reviews it: the licence, what the platform holds on that USCC; approves.
    const operator = await makeUser('operator');
    const centre = await newPage(browser);
    await loginUi(centre.page, operator.username, operator.password, '/console/registrations');
    const row = centre.page.getByTestId('reg-table').locator('.ant-table-row').filter({ hasText: username });
    await textOf(row).toContain('待审核');
    await row.getByRole('button', { name: /审\s*核/ }).click();
    const drawer = centre.page.getByTestId('reg-drawer');
    await textOf(drawer.getByTestId('reg-name')).toBe(firm!.name);
    await textOf(drawer.getByTestId('reg-document')).toContain('营业执照.pdf');
    await textOf(drawer.getByTestId('reg-on-file')).toContain('与申请一致');
    // Rejecting without a reason is refused in words.
    await drawer.getByTestId('reg-reject').click();
    await textOf(drawer.locator('.ant-form-item-explain-error')).toContain('请写明不予通过的理由');
    await shot(centre.page, 'console-registrations');
    await drawer.getByTestId('reg-approve').click();
    await centre.page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
    await see(centre.page.locator('.ant-message').getByText(`“${username}”现在可以登录`));
    await expect.poll(() => row.count()).toBe(0);
    await centre.context.close();

    // The enterprise signs in on the portal: its name in the header, its pages on 我的.
    await portalLogin(page, username, PASSWORD);
    await page.waitForURL((u) => u.pathname === '/mine');
    await textOf(page.getByTestId('portal-user')).toContain(firm!.name);
    await textOf(page.getByTestId('mine-subject')).toContain(firm!.uscc);
    for (const id of ['mine-archive', 'mine-objections', 'mine-repairs', 'mine-commitments', 'mine-grants', 'mine-access-log', 'mine-reports']) await see(page.getByTestId(id));
    await shot(page, 'portal-mine');
    await page.getByTestId('mine-archive').click();
    await textOf(page.getByTestId('party-name')).toBe(firm!.name);
    expect(new URL(page.url()).pathname).toBe(`/subjects/${firm!.uscc}`);
    // Signing out from the header.
    await page.getByTestId('portal-logout').click();
    await see(page.getByTestId('portal-login'));
    await context.close();

    // On a phone: 我的 after signing in.
    const phone = await newPage(browser, { phone: true });
    await portalLogin(phone.page, username, PASSWORD);
    await phone.page.waitForURL((u) => u.pathname === '/mine');
    await see(phone.page.getByTestId('mine-archive'));
    await shot(phone.page, 'portal-mine-phone');
    await phone.context.close();

    // The approval and the application are in the audit log under readable names.
    const audit = await apiCall<{ items: { action: string; actorName: string | null; details: Record<string, unknown> }[] }>('GET', '/api/v1/audit?pageSize=100', undefined, await apiLogin('admin', inject('adminPassword')));
    const actions = audit.body.items.filter((a) => a.actorName === username || a.details.username === username).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['registration_submitted', 'registration_approved']));
  });

  it('a rejected applicant is told the reason when signing in', async () => {
    const [firm] = await subjectsWith('penalty', 1);
    const username = `e2e_rej_${Date.now().toString(36)}`;
    const filed = await apiCall<{ id: number }>('POST', '/api/v1/registrations', {
      kind: 'enterprise', username, password: PASSWORD, uscc: firm!.uscc, name: firm!.name, legalRep: '李明', contactEmail: 'office@example.cn',
      documentKind: 'authorisation', document: { name: '授权委托书.pdf', contentType: 'application/pdf', dataBase64: LICENCE.buffer.toString('base64') },
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);

    const operator = await makeUser('operator');
    const { context, page } = await newPage(browser);
    await loginUi(page, operator.username, operator.password, '/console/registrations');
    await page.getByTestId(`reg-open-${filed.body.id}`).click();
    const drawer = page.getByTestId('reg-drawer');
    await textOf(drawer.getByTestId('reg-document')).toContain('授权委托书');
    await drawer.getByTestId('reg-reason').fill('授权委托书未加盖公章，请补正后重新申请');
    await drawer.getByTestId('reg-reject').click();
    await see(page.locator('.ant-message').getByText('已记录不予通过及理由'));
    await context.close();

    const applicant = await newPage(browser);
    await portalLogin(applicant.page, username, PASSWORD);
    await textOf(applicant.page.getByTestId('login-registration')).toContain('授权委托书未加盖公章');
    await see(applicant.page.getByTestId('login-registration').getByRole('link', { name: '注册账号' }));
    await applicant.context.close();
  });

  it('a person registers with name and ID number: a wrong check digit is named, the number never shown back', async () => {
    const id = makeCitizenId(mulberry32(Date.now() % 100_000), { region: '320602', birthYearFrom: 1975, birthYearTo: 1995 });
    const username = `e2e_person_${Date.now().toString(36)}`;
    const { context, page } = await newPage(browser);
    await page.goto('/register');
    await page.getByTestId('reg-tab-person').click();
    await see(page.getByTestId('reg-person-form'));
    await page.getByTestId('reg-person-name').fill('周晓明');
    await page.getByTestId('reg-person-id-number').fill(id.slice(0, 17) + (id[17] === '1' ? '2' : '1'));
    await page.getByTestId('reg-person-email').fill('zhou@example.cn');
    await page.getByTestId('reg-person-username').fill(username);
    await page.getByTestId('reg-person-password').fill(PASSWORD);
    await page.getByTestId('reg-person-password2').fill(PASSWORD);
    await page.getByTestId('reg-person-submit').click();
    await textOf(page.getByTestId('reg-person-form').locator('.ant-form-item-has-error')).toContain('身份证号码有误');
    await page.getByTestId('reg-person-id-number').fill(id);
    await page.evaluate('window.scrollTo(0, 0)');
    await shot(page, 'portal-register-person');
    await page.getByTestId('reg-person-submit').click();
    await see(page.getByTestId('registration-done'));
    expect(await page.locator('body').innerText()).not.toContain(id);
    await context.close();

    // The operator sees it with the number masked.
    const list = await apiCall<{ items: { username: string; idNumberMasked: string | null }[] }>('GET', '/api/v1/registrations?state=pending', undefined, await apiLogin('admin', inject('adminPassword')));
    const mine = list.body.items.find((r) => r.username === username)!;
    expect(mine.idNumberMasked).toBe(`${id.slice(0, 4)}**********${id.slice(-4)}`);
  });
});
