import type { LightMyRequestResponse } from 'fastify';
import { buildApp, type App } from '../../src/app.js';
import type { AppDeps } from '../../src/deps.js';
import { parseConfig } from '../../src/config.js';
import { createUser } from '../../src/modules/access/service.js';
import { systemViewer, type Role } from '../../src/modules/access/viewer.js';
import { movableClock, TEST_NOW, type MovableClock } from './clock.js';
import { createTestDatabase, type TestDatabase } from './db.js';

export type SessionHeaders = { cookie: string; 'x-csrf-token': string };

export interface TestApp {
  app: App;
  db: TestDatabase;
  deps: AppDeps;
  /** The app's injected clock; tests move it with clock.set(iso). */
  clock: MovableClock;
  /** Log a new user in; returns the headers a browser would send (session cookie + CSRF token). */
  loginAs(role: Role, department?: string, subjectId?: number): Promise<SessionHeaders>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Extra environment for parseConfig (e.g. PUBLIC_BASE_URL). */
  env?: Record<string, string>;
  /** Runs on the fresh database before the app is built (seeding). */
  seed?: (db: TestDatabase) => Promise<void>;
}

let counter = 0;

/**
 * The real HTTP app on a fresh database, with a clock the test can move. `now` defaults to
 * TEST_NOW (test/helpers/clock.ts), which XINYONG_TEST_NOW moves; derive dates from it.
 */
export async function createTestApp(now: string = TEST_NOW, options: TestAppOptions = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  await options.seed?.(db);
  const clock = movableClock(now);
  const config = parseConfig({ DATA_DIR: '/tmp/xinyong-test-unused', RATE_LIMIT_PUBLIC: '100000', ...options.env });
  const deps: AppDeps = { config, pool: db.pool, pd: db.pd, clock, logger: false };
  const app = await buildApp(deps);
  await app.ready();
  return {
    app, db, clock, deps,
    loginAs: async (role, department, subjectId) => {
      counter += 1;
      const username = `${role}${counter}`;
      const password = 'correct horse battery';
      await createUser(db.pool, systemViewer, { username, password, role, department: department ?? null, subjectId: subjectId ?? null });
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'xy_session');
      return { cookie: `xy_session=${cookie!.value}`, 'x-csrf-token': json<{ csrfToken: string }>(res).csrfToken };
    },
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}

export function json<T = Record<string, unknown>>(res: LightMyRequestResponse): T {
  return JSON.parse(res.body) as T;
}
