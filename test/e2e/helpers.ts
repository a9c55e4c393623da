import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
export const SHOTS = path.join(root, 'test/e2e/screenshots');
export const baseUrl = (): string => inject('baseUrl');

/** Debian's Chromium, headless, with the flags this machine needs (no background network). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export async function newPage(browser: Browser, opts: { phone?: boolean; lang?: 'zh-CN' | 'en-US' } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: baseUrl(), acceptDownloads: true, locale: 'zh-CN',
    viewport: opts.phone ? { width: 390, height: 844 } : { width: 1360, height: 900 },
    ...(opts.phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
  });
  if (opts.lang === 'en-US') await context.addInitScript("localStorage.setItem('xy_lang', 'en-US')");
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return { context, page };
}

export async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.waitForTimeout(300); // let charts and transitions settle
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage });
}

/** Log in through the login page. */
export async function loginUi(page: Page, username: string, password: string, next?: string): Promise<void> {
  await page.goto(`/console/login${next ? `?next=${encodeURIComponent(next)}` : ''}`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/console/login'));
}

export interface Session { cookie: string; csrf: string }

/** The API as a logged-in person (for test set-up), or anonymous without a session. */
export async function apiCall<T = unknown>(method: string, p: string, body?: unknown, s?: Session): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (s) { headers.cookie = s.cookie; headers['x-csrf-token'] = s.csrf; }
  const res = await fetch(`${baseUrl()}${p}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  let parsed: unknown = text;
  try { parsed = JSON.parse(text); } catch { /* not JSON */ }
  return { status: res.status, body: parsed as T };
}

export async function apiLogin(username: string, password: string): Promise<Session> {
  const res = await fetch(`${baseUrl()}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

export const admin = (): Promise<Session> => apiLogin('admin', inject('adminPassword'));

/** Run the CLI on the server's data dir (it connects to the running embedded PostgreSQL). */
export function cli(...args: string[]): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: root, encoding: 'utf8', timeout: 120_000, env: { ...process.env, DATA_DIR: inject('dataDir'), DATABASE_URL: '' },
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

let userCounter = 0;
/** A fresh account of a role (department clerks belong to `department`). */
export async function makeUser(role: 'admin' | 'operator' | 'department' | 'lender', department?: string): Promise<{ username: string; password: string }> {
  userCounter += 1;
  const username = `e2e_${role}_${Date.now().toString(36)}${userCounter}`;
  const password = 'e2e-password-123';
  const r = await apiCall('POST', '/api/v1/users', { username, password, role, ...(department ? { department } : {}) }, await admin());
  if (r.status !== 201) throw new Error(`create user: ${r.status} ${JSON.stringify(r.body)}`);
  return { username, password };
}

export interface DemoSubject { uscc: string; name: string }

/** Demo organisations with at least one public record in the given category. */
export async function subjectsWith(category: string, n = 1): Promise<DemoSubject[]> {
  const found = await apiCall<{ items: { uscc?: string; name: string }[] }>('GET', `/api/v1/subjects?q=${encodeURIComponent('有限公司')}&pageSize=100`);
  const out: DemoSubject[] = [];
  for (const s of found.body.items) {
    if (!s.uscc) continue;
    const a = await apiCall<{ categories: { code: string; records: unknown[] }[] }>('GET', `/api/v1/subjects/${s.uscc}/archive`);
    if (a.body.categories?.some((c) => c.code === category && c.records.length > 0)) out.push({ uscc: s.uscc, name: s.name });
    if (out.length >= n) break;
  }
  return out;
}

/** Wait until the first match is visible. */
export const see = (l: Locator): Promise<void> => l.first().waitFor({ state: 'visible' });
/** Poll the first match's visible text (vitest has no Playwright matchers). */
export const textOf = (l: Locator) => expect.poll(() => l.first().innerText(), { timeout: 15_000 });
export const attrOf = (l: Locator, name: string) => expect.poll(() => l.first().getAttribute(name), { timeout: 15_000 });
export const valueOf = (l: Locator) => expect.poll(() => l.first().inputValue(), { timeout: 15_000 });
export const countOf = (l: Locator) => expect.poll(() => l.count(), { timeout: 15_000 });
