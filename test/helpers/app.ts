import type { LightMyRequestResponse } from 'fastify';
import { buildApp, type App } from '../../src/app.js';
import { parseConfig } from '../../src/config.js';
import { fixedClock, type Clock } from '../../src/lib/clock.js';
import { createUser } from '../../src/modules/access/service.js';
import { systemViewer, type Role } from '../../src/modules/access/viewer.js';
import { createTestDatabase, type TestDatabase } from './db.js';

export type SessionHeaders = { cookie: string; 'x-csrf-token': string };

export interface TestApp {
  app: App;
  db: TestDatabase;
  clock: Clock;
  /** Log a new user in; returns the headers a browser would send (session cookie + CSRF token). */
  loginAs(role: Role, department?: string, subjectId?: number): Promise<SessionHeaders>;
  close(): Promise<void>;
}

let counter = 0;

/** The real HTTP app on a fresh database, with a pinned clock. */
export async function createTestApp(today = '2026-11-25T10:00:00+08:00', env: Record<string, string> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const clock = fixedClock(today);
  const config = parseConfig({ DATA_DIR: '/tmp/xinyong-test-unused', RATE_LIMIT_PUBLIC: '100000', ...env });
  const app = await buildApp({ config, pool: db.pool, pd: db.pd, clock, logger: false });
  await app.ready();
  return {
    app, db, clock,
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
