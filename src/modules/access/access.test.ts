import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type SessionHeaders, type TestApp } from '../../../test/helpers/app.js';
import { newUscc } from '../../../test/helpers/factories.js';
import { appendAudit, verifyAudit } from './audit.js';
import { createUser, ensureAdmin } from './service.js';
import { systemViewer } from './viewer.js';

let t: TestApp;
let admin: SessionHeaders;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.loginAs('admin');
});
afterAll(() => t.close());

const login = (username: string, password: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });

describe('login and sessions', () => {
  it('sets an HttpOnly SameSite cookie, resolves the session, refuses unsafe requests without the CSRF token; logout ends it', async () => {
    await createUser(t.db.pool, systemViewer, { username: 'op1', password: 'a long password', role: 'operator' });
    const res = await login('op1', 'a long password');
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'xy_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    const me = await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: `xy_session=${cookie.value}` } });
    expect(json(me)).toMatchObject({ role: 'operator', username: 'op1' });
    const csrf = json<{ csrfToken: string }>(res).csrfToken;
    const forged = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: `xy_session=${cookie.value}` } });
    expect(forged.statusCode).toBe(403);
    expect(json(forged)).toMatchObject({ error: { code: 'forbidden', details: [{ field: 'header.x-csrf-token' }] } });
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: `xy_session=${cookie.value}`, 'x-csrf-token': csrf } });
    const after = await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: `xy_session=${cookie.value}` } });
    expect(json(after)).toMatchObject({ role: 'public' });
  });

  it('locks an account after five failures, even for the right password, and stores no plain password', async () => {
    await createUser(t.db.pool, systemViewer, { username: 'victim', password: 'the real password', role: 'operator' });
    for (let i = 0; i < 5; i += 1) expect((await login('victim', `guess${i}`)).statusCode).toBe(401);
    const locked = await login('victim', 'the real password');
    expect(locked.statusCode).toBe(429);
    expect(json(locked)).toMatchObject({ error: { code: 'too_many_requests' } });
    const stored = (await t.db.pool.query("select password_hash from app_user where username = 'victim'")).rows[0].password_hash as string;
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(stored).not.toContain('the real password');
  });

  it('creates the first admin once, with a generated password when none is configured', async () => {
    const first = await ensureAdmin(t.db.pool, null);
    expect(first.created).toBe(false); // the test app's loginAs('admin') made one already
    const fresh = await createTestApp();
    try {
      const r = await ensureAdmin(fresh.db.pool, null);
      expect(r.created).toBe(true);
      expect(r.password).toMatch(/^[A-Za-z0-9_-]{20}$/);
      expect((await fresh.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: r.password } })).statusCode).toBe(200);
      expect((await ensureAdmin(fresh.db.pool, null)).created).toBe(false);
    } finally {
      await fresh.close();
    }
  });
});

describe('user accounts', () => {
  it('lists accounts without password hashes and links subject accounts to a verified subject', async () => {
    const uscc = newUscc();
    await t.app.inject({ method: 'POST', url: '/api/v1/subjects', headers: admin, payload: { uscc, name: '账户测试有限公司' } });
    const made = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: admin, payload: { username: 'owner1', password: 'long enough pw', role: 'subject', subject: uscc } });
    expect(made.statusCode, made.body).toBe(201);
    // Whoever may not create accounts learns nothing about the code: the same refusal for a known and an unknown one.
    const clerkSession = await t.loginAs('operator');
    for (const code of [uscc, newUscc()]) {
      const refused = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: clerkSession, payload: { username: `x${code}`, password: 'long enough pw', role: 'subject', subject: code } });
      expect(refused.statusCode, refused.body).toBe(403);
    }
    const noSubject = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: admin, payload: { username: 'owner2', password: 'long enough pw', role: 'subject' } });
    expect(json(noSubject)).toMatchObject({ error: { details: [{ field: 'subject' }] } });
    const list = await t.app.inject({ url: '/api/v1/users?pageSize=200', headers: admin });
    expect(list.body).not.toContain('scrypt$');
    expect(json<{ items: { username: string; subjectId: number | null }[] }>(list).items.find((u) => u.username === 'owner1')!.subjectId).toEqual(expect.any(Number));
    const me = json<{ csrfToken: string }>(await t.app.inject({ url: '/api/v1/auth/me', headers: admin }));
    expect(me.csrfToken).toBe(admin['x-csrf-token']);
    expect((await t.app.inject({ url: '/api/v1/users' })).statusCode).toBe(401);
  });
});

describe('departments', () => {
  it('lets the credit center add departments and lists them as { items, total }', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/departments', headers: admin, payload: { code: 'STHJJ', name: '市生态环境局', uscc: newUscc('1', '1'), region: '320600' } });
    expect(res.statusCode).toBe(201);
    const list = json<{ items: { code: string }[]; total: number }>(await t.app.inject({ url: '/api/v1/departments' }));
    expect(list.items.map((d) => d.code)).toContain('STHJJ');
    expect(list.total).toBe(list.items.length);
  });

  it('rejects duplicates, bad codes and anonymous callers with specific errors', async () => {
    const dup = await t.app.inject({ method: 'POST', url: '/api/v1/departments', headers: admin, payload: { code: 'STHJJ', name: '重复' } });
    expect(dup.statusCode).toBe(409);
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/departments', headers: admin, payload: { code: 'bad code!', name: 'x', uscc: '123', region: '32' } });
    expect(bad.statusCode).toBe(400);
    expect(json<{ error: { details: { field: string }[] } }>(bad).error.details.map((d) => d.field)).toEqual(expect.arrayContaining(['code', 'uscc', 'region']));
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/departments', payload: { code: 'X', name: 'x' } })).statusCode).toBe(401);
    const clerk = await t.loginAs('department', 'STHJJ');
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/departments', headers: clerk, payload: { code: 'Y', name: 'y' } })).statusCode).toBe(403);
  });
});

describe('audit log', () => {
  it('is hash-chained: verification passes, then names the row that was tampered with', async () => {
    await appendAudit(t.db.pool, { actor: { kind: 'admin', id: '1', name: 'admin' }, action: 'archive_read', subjectId: 1, purpose: '测试', categories: ['penalty'] });
    await appendAudit(t.db.pool, { actor: { kind: 'admin', id: '1', name: 'admin' }, action: 'archive_read', subjectId: 2, purpose: '测试' });
    expect((await verifyAudit(t.db.pool)).broken).toBeNull();
    const seq = Number((await t.db.pool.query('select max(seq) - 1 as s from audit_log')).rows[0].s);
    await t.db.pool.query("update audit_log set purpose = '篡改' where seq = $1", [seq]);
    expect((await verifyAudit(t.db.pool)).broken).toMatchObject({ seq, reason: 'hash_mismatch' });
    const page = json<{ items: { seq: number }[]; total: number }>(await t.app.inject({ url: '/api/v1/audit?pageSize=5', headers: admin }));
    expect(page.total).toBeGreaterThanOrEqual(2);
    expect((await t.app.inject({ url: '/api/v1/audit' })).statusCode).toBe(401);
  });
});
