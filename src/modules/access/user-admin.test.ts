import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type SessionHeaders, type TestApp } from '../../../test/helpers/app.js';
import { makeDepartment } from '../../../test/helpers/factories.js';
import { MAX_LOGIN_FAILURES } from './service.js';

let t: TestApp;
let admin: SessionHeaders;
let adminId: number;
let dept: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.loginAs('admin');
  const me = await t.db.pool.query<{ id: number }>('select id from app_user where role = $1 order by id desc limit 1', ['admin']);
  adminId = me.rows[0]!.id;
  dept = (await makeDepartment(t)).code;
});
afterAll(() => t.close());

const PASSWORD = 'a long enough password';
type User = { id: number; username: string; role: string; departmentCode: string | null; lastLoginAt: string | null; locked: boolean; disabled: boolean; failedLogins: number };

const login = (username: string, password = PASSWORD) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
const post = (url: string, headers: SessionHeaders = admin) => t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers, payload: {} });
const me = (cookie: string) => t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } });

async function account(username: string, role = 'operator'): Promise<number> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: admin, payload: { username, password: PASSWORD, role } });
  expect(res.statusCode).toBe(201);
  return json<{ id: number }>(res).id;
}
async function sessionOf(username: string, password = PASSWORD): Promise<string> {
  const res = await login(username, password);
  expect(res.statusCode).toBe(200);
  return `xy_session=${res.cookies.find((c) => c.name === 'xy_session')!.value}`;
}
async function lastAudit(action: string) {
  const r = await t.db.pool.query<{ actor_id: string; actor_name: string; details: Record<string, unknown> }>(
    'select actor_id, actor_name, details from audit_log where action = $1 order by seq desc limit 1', [action],
  );
  return r.rows[0];
}
async function listed(id: number): Promise<User> {
  const res = await t.app.inject({ url: '/api/v1/users?pageSize=100', headers: admin });
  expect(res.statusCode).toBe(200);
  return json<{ items: User[] }>(res).items.find((u) => u.id === id)!;
}

describe('user administration', () => {
  it('lists role, department, last login, lock and disabled state', async () => {
    const id = await account('listed1', 'operator');
    expect(await listed(id)).toMatchObject({ username: 'listed1', role: 'operator', lastLoginAt: null, locked: false, disabled: false, failedLogins: 0 });
    await sessionOf('listed1');
    expect((await listed(id)).lastLoginAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('disables an account, ends its sessions at once, refuses its logins, and enables it again', async () => {
    const id = await account('disable1');
    const cookie = await sessionOf('disable1');
    expect(json(await me(cookie))).toMatchObject({ role: 'operator' });
    const res = await post(`/users/${id}/disable`);
    expect(res.statusCode).toBe(200);
    expect(json(res)).toMatchObject({ id, disabled: true });
    expect(json(await me(cookie))).toMatchObject({ role: 'public' });
    expect(await t.db.pool.query('select 1 from session where user_id = $1', [id])).toMatchObject({ rowCount: 0 });
    expect((await login('disable1')).statusCode).toBe(401);
    expect(await lastAudit('user.disabled')).toMatchObject({ actor_id: String(adminId), details: { userId: id, username: 'disable1', sessionsEnded: 1 } });

    const on = await post(`/users/${id}/enable`);
    expect(json(on)).toMatchObject({ disabled: false });
    expect(await lastAudit('user.enabled')).toMatchObject({ details: { userId: id } });
    expect((await login('disable1')).statusCode).toBe(200);
  });

  it('unlocks a locked account, so its owner can log in again', async () => {
    const id = await account('locked1');
    for (let i = 0; i < MAX_LOGIN_FAILURES; i += 1) expect((await login('locked1', `wrong ${i}`)).statusCode).toBe(401);
    expect((await login('locked1')).statusCode).toBe(429);
    expect(await listed(id)).toMatchObject({ locked: true, failedLogins: MAX_LOGIN_FAILURES });
    const res = await post(`/users/${id}/unlock`);
    expect(json(res)).toMatchObject({ locked: false, failedLogins: 0 });
    expect(await lastAudit('user.unlocked')).toMatchObject({ details: { userId: id, failedLogins: MAX_LOGIN_FAILURES } });
    expect((await login('locked1')).statusCode).toBe(200);
  });

  it('resets a password: the new one is returned once, works, ends old sessions, and is in no audit entry', async () => {
    const id = await account('reset1');
    const cookie = await sessionOf('reset1');
    const res = await post(`/users/${id}/reset-password`);
    expect(res.statusCode).toBe(200);
    const { password } = json<{ password: string }>(res);
    expect(password.length).toBeGreaterThanOrEqual(16);
    expect(json(await me(cookie))).toMatchObject({ role: 'public' });
    expect((await login('reset1')).statusCode).toBe(401);
    expect((await login('reset1', password)).statusCode).toBe(200);
    const audit = await lastAudit('user.password_reset');
    expect(audit).toMatchObject({ details: { userId: id, username: 'reset1' } });
    const all = await t.db.pool.query<{ s: string }>('select string_agg(details::text, \'\') as s from audit_log');
    expect(all.rows[0]!.s).not.toContain(password);
  });

  it('changes role and department; a department clerk needs a department', async () => {
    const id = await account('role1');
    const bad = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${id}`, headers: admin, payload: { role: 'department' } });
    expect(bad.statusCode).toBe(400);
    const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${id}`, headers: admin, payload: { role: 'department', department: dept } });
    expect(res.statusCode).toBe(200);
    expect(json(res)).toMatchObject({ role: 'department', departmentCode: dept });
    expect(await lastAudit('user.role_changed')).toMatchObject({
      details: { userId: id, from: { role: 'operator', departmentId: null }, to: { role: 'department' } },
    });
    const cookie = await sessionOf('role1');
    expect(json(await me(cookie))).toMatchObject({ role: 'department' });
  });

  it('refuses non-admins (403), an admin disabling, demoting or resetting themselves (409), and unknown users (404)', async () => {
    const id = await account('victim1');
    const operator = await t.loginAs('operator');
    for (const action of ['disable', 'enable', 'unlock', 'reset-password']) {
      expect((await post(`/users/${id}/${action}`, operator)).statusCode).toBe(403);
    }
    expect((await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${id}`, headers: operator, payload: { role: 'admin' } })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/v1/users', headers: operator })).statusCode).toBe(403);

    const self = await post(`/users/${adminId}/disable`);
    expect(self.statusCode).toBe(409);
    expect(json(self)).toMatchObject({ error: { code: 'conflict', message: '不能停用自己的账户' } });
    const demote = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${adminId}`, headers: admin, payload: { role: 'operator' } });
    expect(demote.statusCode).toBe(409);
    expect(json(demote)).toMatchObject({ error: { message: '不能取消自己的管理员角色' } });
    expect((await post(`/users/${adminId}/reset-password`)).statusCode).toBe(409);
    expect(await listed(adminId)).toMatchObject({ role: 'admin', disabled: false });

    for (const action of ['disable', 'enable', 'unlock', 'reset-password']) {
      expect((await post(`/users/999999/${action}`)).statusCode).toBe(404);
    }
    expect((await t.app.inject({ method: 'PATCH', url: '/api/v1/users/999999', headers: admin, payload: { role: 'operator' } })).statusCode).toBe(404);
  });
});
