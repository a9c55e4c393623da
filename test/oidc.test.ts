import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../src/modules/access/service.js';
import { systemViewer } from '../src/modules/access/viewer.js';
import { registerSubject } from '../src/modules/subjects/service.js';
import { createTestApp, type TestApp } from './helpers/app.js';
import { newCitizenId, newUscc } from './helpers/factories.js';
import { freePort } from './helpers/net.js';
import { startProvider, type RunningProvider } from './helpers/oidc-provider.js';

// Sign-in through a city's OpenID Connect provider, against a REAL provider (oidc-provider) on a
// local port: our app listens on another, and the whole flow runs over HTTP as a browser would —
// redirects followed, the provider's login and consent forms submitted, cookies kept per path.

const CLIENT_ID = 'xinyong-portal';
const CLIENT_SECRET = 'a-client-secret-long-enough-for-hs256-0123456789';
const ENTERPRISE = { uscc: newUscc(), name: '政务测试科技有限公司' };
const PERSON = { id: newCitizenId(), name: '陈政务' };
const UNKNOWN_USCC = newUscc();

let t: TestApp;
let op: RunningProvider;
let base: string;

beforeAll(async () => {
  const [appPort, opPort] = [await freePort(), await freePort()];
  base = `http://127.0.0.1:${appPort}`;
  const redirectUri = `${base}/api/v1/auth/oidc/callback`;
  op = await startProvider({
    port: opPort, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUri,
    accounts: {
      'corp-1': { name: '企业经办人', uscc: ENTERPRISE.uscc },
      'person-1': { name: PERSON.name, id_number: PERSON.id },
      'stranger': { name: '外地企业', uscc: UNKNOWN_USCC },
      'bare': { name: '无证照用户' },
    },
  });
  t = await createTestApp(undefined, {
    env: { PUBLIC_BASE_URL: base, OIDC_ISSUER: op.issuer, OIDC_CLIENT_ID: CLIENT_ID, OIDC_CLIENT_SECRET: CLIENT_SECRET },
  });
  await registerSubject(t.db.pool, t.db.pd, systemViewer, ENTERPRISE, t.clock.today());
  await t.app.listen({ port: appPort, host: '127.0.0.1' });
}, 60_000);
afterAll(async () => {
  await t?.close();
  await op?.close();
});

interface Cookie { name: string; value: string; path: string; port: string }

/** A browser's cookie store for 127.0.0.1 (cookies do not separate ports; paths they do). */
class Browser {
  private cookies: Cookie[] = [];

  private store(url: URL, res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const path = attrs.map((a) => a.trim()).find((a) => /^path=/i.test(a))?.slice(5) ?? '/';
      const gone = !value || attrs.some((a) => /expires=thu, 01 jan 1970/i.test(a.trim()) || /^max-age=0$/i.test(a.trim()));
      this.cookies = this.cookies.filter((c) => !(c.name === name && c.path === path));
      if (!gone) this.cookies.push({ name, value, path, port: url.port });
    }
  }

  private header(url: URL): string {
    return this.cookies.filter((c) => url.pathname.startsWith(c.path)).map((c) => `${c.name}=${c.value}`).join('; ');
  }

  cookie(name: string): string | undefined {
    return this.cookies.find((c) => c.name === name)?.value;
  }

  drop(name: string): void {
    this.cookies = this.cookies.filter((c) => c.name !== name);
  }

  /** One request, no redirect followed. */
  async request(href: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<{ url: URL; res: Response; body: string }> {
    const url = new URL(href);
    const headers: Record<string, string> = { cookie: this.header(url) };
    if (init.form) headers['content-type'] = 'application/x-www-form-urlencoded';
    const res = await fetch(url, { method: init.method ?? 'GET', headers, redirect: 'manual', body: init.form ? new URLSearchParams(init.form).toString() : undefined });
    this.store(url, res);
    return { url, res, body: await res.text() };
  }

  /** Follow redirects until a page answers, or the browser is back on our portal (a page of the web app). */
  async follow(href: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<{ url: URL; res: Response; body: string }> {
    let r = await this.request(href, init);
    for (let hops = 0; hops < 20 && r.res.status >= 300 && r.res.status < 400; hops += 1) {
      const next = new URL(r.res.headers.get('location')!, r.url);
      if (next.origin === base && !next.pathname.startsWith('/api/')) return { ...r, url: next };
      r = await this.request(next.href);
    }
    return r;
  }
}

/** The action of the provider's form on this page. */
const formAction = (page: { url: URL; body: string }): string => {
  const m = /<form[^>]*action="([^"]+)"/.exec(page.body);
  if (!m) throw new Error(`no form on ${page.url.href}:\n${page.body.slice(0, 500)}`);
  return new URL(m[1]!.replace(/&amp;/g, '&'), page.url).href;
};

/** Sign in at the provider as `account`: its login form, then its consent form when it asks. */
async function signIn(b: Browser, account: string, next = '/mine'): Promise<URL & { prompts: string[] }> {
  let page = await b.follow(`${base}/api/v1/auth/oidc/start?next=${encodeURIComponent(next)}`);
  const prompts: string[] = [];
  for (let step = 0; step < 3 && page.url.origin !== base; step += 1) {
    expect(page.res.status, page.body.slice(0, 300)).toBe(200);
    const prompt = /name="prompt" value="(\w+)"/.exec(page.body)?.[1] ?? 'none';
    prompts.push(prompt);
    const form: Record<string, string> = prompt === 'login' ? { prompt, login: account, password: 'any password' } : { prompt };
    page = await b.follow(formAction(page), { method: 'POST', form });
  }
  expect(page.url.origin).toBe(base);
  return Object.assign(page.url, { prompts });
}

const me = async (b: Browser) => JSON.parse((await b.request(`${base}/api/v1/auth/me`)).body) as { role: string; subjectId: number | null; username: string | null; displayName: string | null };
const subjectIdOf = async (code: string) => (await t.db.pool.query<{ id: number }>('select id from subject where uscc = $1', [code])).rows[0]!.id;
const oidcAudit = async () => (await t.db.pool.query<{ action: string; actor_name: string | null; subject_id: number | null; details: Record<string, unknown> }>(
  "select action, actor_name, subject_id, details from audit_log where action like 'oidc_%' order by seq",
)).rows;

describe('sign-in through the OpenID Connect provider', () => {
  it('says it is configured', async () => {
    expect(JSON.parse((await new Browser().request(`${base}/api/v1/auth/oidc`)).body)).toEqual({ enabled: true });
  });

  it('an enterprise signs in with its verified USCC: a subject account is created, and found again next time', async () => {
    const b = new Browser();
    const landed = await signIn(b, 'corp-1');
    // The provider's own login form, then its consent form, then back to the portal page asked for.
    expect(landed.prompts).toEqual(['login', 'consent']);
    expect(landed.pathname).toBe('/mine');
    const who = await me(b);
    expect(who).toMatchObject({ role: 'subject', subjectId: await subjectIdOf(ENTERPRISE.uscc), displayName: ENTERPRISE.name });
    // The session works for the subject's own reads.
    const mine = JSON.parse((await b.request(`${base}/api/v1/me/subject`)).body) as { code: string };
    expect(mine.code).toBe(ENTERPRISE.uscc);

    // A second browser, the same person at the provider: the same account.
    const again = new Browser();
    await signIn(again, 'corp-1', '/subjects/x');
    expect((await me(again)).username).toBe(who.username);
    const entries = (await oidcAudit()).filter((a) => a.action === 'oidc_login' && a.actor_name === who.username);
    expect(entries.map((a) => a.details.account)).toEqual(['created', 'existing']);
  });

  it('a person signs in with a verified ID number and is linked to the account already speaking for them', async () => {
    const person = await registerSubject(t.db.pool, t.db.pd, systemViewer, { kind: 'natural_person', idNumber: PERSON.id, name: PERSON.name }, t.clock.today());
    const account = await createUser(t.db.pool, systemViewer, { username: 'chen_zw', password: 'a long password', role: 'subject', subjectId: person.id });
    const b = new Browser();
    await signIn(b, 'person-1');
    expect(await me(b)).toMatchObject({ role: 'subject', subjectId: person.id, username: account.username });
    const entry = (await oidcAudit()).filter((a) => a.actor_name === account.username).at(-1)!;
    expect(entry.details.account).toBe('linked');
    // The ID number is in no audit entry.
    expect(JSON.stringify(await oidcAudit())).not.toContain(PERSON.id);
  });

  it('an enterprise the platform does not know gets a page saying so, and no session', async () => {
    const b = new Browser();
    const landed = await signIn(b, 'stranger');
    expect(landed.pathname).toBe('/sso');
    expect(landed.searchParams.get('error')).toBe('unknown_subject');
    expect((await me(b)).role).toBe('public');
  });

  it('an account at the provider without a USCC or ID number claim is refused in words', async () => {
    const b = new Browser();
    const landed = await signIn(b, 'bare');
    expect(landed.searchParams.get('error')).toBe('no_claim');
    expect((await me(b)).role).toBe('public');
  });

  it('a callback that this browser did not start (login CSRF) or that is replayed is refused', async () => {
    const b = new Browser();
    const first = await b.follow(`${base}/api/v1/auth/oidc/start`);
    expect(first.url.origin).toBe(op.issuer);
    // Another browser brings the provider's answer back: it lacks the state cookie.
    b.drop('xy_oidc');
    const forged = await b.follow(`${base}/api/v1/auth/oidc/callback?code=anything&state=whatever`);
    expect(forged.url.searchParams.get('error')).toBe('expired');
    expect((await me(b)).role).toBe('public');
    const failures = (await oidcAudit()).filter((a) => a.action === 'oidc_login_failed').map((a) => a.details.reason);
    expect(failures).toEqual(expect.arrayContaining(['unknown_subject', 'no_claim', 'expired']));
  });
});

describe('without a provider configured', () => {
  it('says so, and the start page explains it in words', async () => {
    const plain = await createTestApp();
    try {
      expect(JSON.parse((await plain.app.inject({ url: '/api/v1/auth/oidc' })).body)).toEqual({ enabled: false });
      const start = await plain.app.inject({ url: '/api/v1/auth/oidc/start' });
      expect(start.statusCode).toBe(302);
      expect(start.headers.location).toBe('/sso?error=not_configured');
    } finally {
      await plain.close();
    }
  });
});
