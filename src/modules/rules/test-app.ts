import { buildApp } from '../../app.js';
import { parseConfig } from '../../config.js';
import { cstDate, type Clock } from '../../lib/clock.js';
import { createUser } from '../access/service.js';
import { systemViewer } from '../access/viewer.js';
import { calendarRoutes } from '../calendar/routes.js';
import { listRoutes } from '../lists/routes.js';
import { createTestDatabase } from '../../../test/helpers/db.js';
import { json, type TestApp } from '../../../test/helpers/app.js';
import { subjectRightsRoutes } from './subject-rights-routes.js';

// Test support (not a test file): the real app on a fresh database with the subject-rights routes
// registered (unless app.ts already wires them) and a clock the test can move.

export interface MutableClock extends Clock {
  set(iso: string): void;
}

export function mutableClock(iso: string): MutableClock {
  let at = new Date(iso);
  return { now: () => new Date(at), today: () => cstDate(at), set: (next) => void (at = new Date(next)) };
}

export interface RightsTestApp extends TestApp {
  clock: MutableClock;
}

let counter = 0;

export async function createRightsTestApp(today = '2026-11-25T10:00:00+08:00'): Promise<RightsTestApp> {
  const db = await createTestDatabase();
  const clock = mutableClock(today);
  const config = parseConfig({ DATA_DIR: '/tmp/xinyong-test-unused', RATE_LIMIT_PUBLIC: '100000' });
  const deps = { config, pool: db.pool, pd: db.pd, clock, logger: false };
  const app = await buildApp(deps);
  const missing = (url: string, method: 'GET' | 'POST' = 'GET') => !app.hasRoute({ url: `/api/v1${url}`, method });
  await app.register(async (api) => {
    if (missing('/objections', 'POST')) await subjectRightsRoutes(api, deps);
    if (missing('/calendar/working-days/add')) await calendarRoutes(api, deps);
    if (missing('/lists')) await listRoutes(api, deps);
  }, { prefix: '/api/v1' });
  await app.ready();
  return {
    app, db, clock,
    loginAs: async (role, department, subjectId) => {
      counter += 1;
      const username = `rights_${role}${counter}`;
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

/** A tiny valid PDF, base64, as an evidence file. */
export const PDF = (name = '证明.pdf') => ({ name, contentType: 'application/pdf' as const, dataBase64: Buffer.from('%PDF-1.4\n%test\n').toString('base64') });
