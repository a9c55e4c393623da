import { buildApp, type AppDeps } from '../../app.js';
import { parseConfig } from '../../config.js';
import { fixedClock, type Clock } from '../../lib/clock.js';
import { createUser } from '../access/service.js';
import { systemViewer, type Role } from '../access/viewer.js';
import { createTestDatabase } from '../../../test/helpers/db.js';
import type { SessionHeaders, TestApp } from '../../../test/helpers/app.js';
import { reportPublicRoutes } from './public-routes.js';
import { reportRoutes } from './routes.js';

let counter = 0;

/** A mutable clock so a test can move time forward (publication windows, validity). */
export interface MovableClock extends Clock {
  set(iso: string): void;
}

export function movableClock(iso: string): MovableClock {
  let c = fixedClock(iso);
  return { now: () => c.now(), today: () => c.today(), set: (next) => { c = fixedClock(next); } };
}

/**
 * Like test/helpers createTestApp, with the report routes registered the way the app wires them
 * (API under /api/v1, the verify page at the root) — until src/app.ts registers them itself.
 */
export async function createReportTestApp(today = '2026-11-25T10:00:00+08:00'): Promise<TestApp & { deps: AppDeps; clock: MovableClock }> {
  const db = await createTestDatabase();
  const clock = movableClock(today);
  const config = parseConfig({ DATA_DIR: '/tmp/xinyong-test-unused', RATE_LIMIT_PUBLIC: '100000', PUBLIC_BASE_URL: 'https://credit.example.gov.cn' });
  const deps: AppDeps = { config, pool: db.pool, pd: db.pd, clock, logger: false };
  const app = await buildApp(deps);
  if (!app.hasRoute({ method: 'POST', url: '/api/v1/reports' })) {
    await app.register(async (api) => { await reportRoutes(api, deps); }, { prefix: '/api/v1' });
    await app.register(async (root) => { await reportPublicRoutes(root, deps); });
  }
  await app.ready();
  return {
    app, db, clock, deps,
    loginAs: async (role: Role, department?: string, subjectId?: number): Promise<SessionHeaders> => {
      counter += 1;
      const username = `${role}r${counter}`;
      const password = 'correct horse battery';
      await createUser(db.pool, systemViewer, { username, password, role, department: department ?? null, subjectId: subjectId ?? null });
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'xy_session');
      return { cookie: `xy_session=${cookie!.value}`, 'x-csrf-token': (JSON.parse(res.body) as { csrfToken: string }).csrfToken };
    },
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}
