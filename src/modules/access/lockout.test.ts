import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestApp, json, type TestApp } from '../../../test/helpers/app.js';
import * as password from './password.js';
import { createUser, MAX_LOGIN_FAILURES } from './service.js';
import { systemViewer } from './viewer.js';

// The real scrypt still runs; the wrapper only counts the password checks login makes.
vi.mock('./password.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('./password.js')>();
  return { ...real, verifyPassword: vi.fn(real.verifyPassword) };
});
const verifyPassword = vi.mocked(password.verifyPassword);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
beforeEach(() => {
  verifyPassword.mockClear(); // a returned function would run as the hook's cleanup
});

const RIGHT = 'the real password';
const login = (username: string, pw: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: pw } });
const tally = (codes: number[]) => codes.reduce<Record<number, number>>((m, c) => ({ ...m, [c]: (m[c] ?? 0) + 1 }), {});

async function account(username: string, options: { disabled?: boolean } = {}): Promise<string> {
  await createUser(t.db.pool, systemViewer, { username, password: RIGHT, role: 'operator' });
  if (options.disabled) await t.db.pool.query('update app_user set disabled = true where username = $1', [username]);
  return (await t.db.pool.query<{ h: string }>('select password_hash as h from app_user where username = $1', [username])).rows[0]!.h;
}
const lockState = async (username: string) =>
  (await t.db.pool.query<{ failed: number; locked: boolean }>(
    'select failed_logins as failed, coalesce(locked_until > now(), false) as locked from app_user where username = $1', [username],
  )).rows[0]!;
const checksOf = (hash: string) => verifyPassword.mock.calls.filter(([, stored]) => stored === hash).length;

describe('login lock-out under parallel requests', () => {
  it('checks at most MAX_LOGIN_FAILURES of 50 parallel wrong passwords, refuses the rest with 429, then refuses the right one without resetting the counter', async () => {
    const hash = await account('parallel1');
    const res = await Promise.all(Array.from({ length: 50 }, (_, i) => login('parallel1', `guess-${i}`)));
    expect(tally(res.map((r) => r.statusCode))).toEqual({ 401: MAX_LOGIN_FAILURES, 429: 50 - MAX_LOGIN_FAILURES });
    expect(checksOf(hash)).toBe(MAX_LOGIN_FAILURES);

    const right = await login('parallel1', RIGHT);
    expect(right.statusCode).toBe(429);
    expect(json(right)).toMatchObject({ error: { code: 'too_many_requests' } });
    expect(checksOf(hash)).toBe(MAX_LOGIN_FAILURES);
    expect(await lockState('parallel1')).toEqual({ failed: MAX_LOGIN_FAILURES, locked: true });
  });

  it('with the right password among 50 parallel attempts, still checks no more than MAX_LOGIN_FAILURES passwords', async () => {
    const hash = await account('parallel2');
    const res = await Promise.all(Array.from({ length: 50 }, (_, i) => login('parallel2', i === 25 ? RIGHT : `guess-${i}`)));
    const codes = tally(res.map((r) => r.statusCode));
    expect((codes[200] ?? 0) + (codes[401] ?? 0)).toBeLessThanOrEqual(MAX_LOGIN_FAILURES);
    expect(checksOf(hash)).toBeLessThanOrEqual(MAX_LOGIN_FAILURES);
  });

  it('takes the right password once the lock has expired, and resets the counter', async () => {
    await account('expired1');
    for (let i = 0; i < MAX_LOGIN_FAILURES; i += 1) expect((await login('expired1', `guess-${i}`)).statusCode).toBe(401);
    expect((await login('expired1', RIGHT)).statusCode).toBe(429);
    await t.db.pool.query("update app_user set locked_until = now() - interval '1 second' where username = 'expired1'");
    expect((await login('expired1', RIGHT)).statusCode).toBe(200);
    expect(await lockState('expired1')).toEqual({ failed: 0, locked: false });
  });

  it('after an expired lock, one more wrong password locks the account again (the counter only resets on success)', async () => {
    const hash = await account('expired2');
    await Promise.all(Array.from({ length: 10 }, (_, i) => login('expired2', `guess-${i}`)));
    await t.db.pool.query("update app_user set locked_until = now() - interval '1 second' where username = 'expired2'");
    verifyPassword.mockClear();
    const again = await Promise.all(Array.from({ length: 10 }, (_, i) => login('expired2', `again-${i}`)));
    expect(tally(again.map((r) => r.statusCode))).toEqual({ 401: 1, 429: 9 });
    expect(checksOf(hash)).toBe(1);
    expect((await login('expired2', RIGHT)).statusCode).toBe(429);
  });
});

describe('unknown and known usernames cost the same', () => {
  it('checks the password of an unknown user against a dummy hash with the same scrypt parameters', async () => {
    const hash = await account('known1');
    const unknown = await login('nobody-here', 'some guess');
    expect(verifyPassword).toHaveBeenCalledTimes(1);
    const dummy = verifyPassword.mock.calls[0]![1];
    expect(dummy).toBe(password.DUMMY_PASSWORD_HASH);
    // Same scheme, N, r, p and key length as a stored hash: the same work per check.
    const shape = (h: string) => { const [scheme, n, r, p, salt, key] = h.split('$'); return { scheme, n, r, p, salt: salt!.length, key: key!.length }; };
    expect(shape(dummy)).toEqual(shape(hash));
    expect(await verifyPassword.mock.results[0]!.value).toBe(false);

    verifyPassword.mockClear();
    const known = await login('known1', 'some guess');
    expect(verifyPassword).toHaveBeenCalledTimes(1);
    expect(verifyPassword.mock.calls[0]![1]).toBe(hash);
    expect([unknown.statusCode, known.statusCode]).toEqual([401, 401]);
    expect(json(unknown)).toEqual(json(known));
  });

  it('checks the password of a disabled account too, and refuses it even when right', async () => {
    const hash = await account('disabled1', { disabled: true });
    const res = await login('disabled1', RIGHT);
    expect(res.statusCode).toBe(401);
    expect(checksOf(hash)).toBe(1);
  });
});
