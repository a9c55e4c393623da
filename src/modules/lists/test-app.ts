import { buildApp } from '../../app.js';
import { parseConfig } from '../../config.js';
import { fixedClock, type Clock } from '../../lib/clock.js';
import { createTestDatabase } from '../../../test/helpers/db.js';
import type { TestApp } from '../../../test/helpers/app.js';
import { createUser } from '../access/service.js';
import { systemViewer } from '../access/viewer.js';
import { eventRoutes } from '../events/routes.js';
import { measureRoutes } from '../measures/routes.js';
import { publicityRoutes } from '../publicity/routes.js';
import { reviewRoutes } from '../review/routes.js';
import { listRoutes } from './routes.js';

let counter = 0;

/**
 * Like test/helpers/app.ts createTestApp, with the routes of lists, measures, review, publicity
 * and events registered (unless src/app.ts already does).
 */
export async function createListsTestApp(today = '2026-11-25T10:00:00+08:00'): Promise<TestApp & { clockAt(iso: string): Clock }> {
  const db = await createTestDatabase();
  const clock = fixedClock(today);
  const config = parseConfig({ DATA_DIR: '/tmp/xinyong-test-unused', RATE_LIMIT_PUBLIC: '100000' });
  const deps = { config, pool: db.pool, pd: db.pd, clock, logger: false };
  const app = await buildApp(deps);
  if (!app.hasRoute({ method: 'GET', url: '/api/v1/lists' })) {
    await app.register(async (api) => {
      await publicityRoutes(api, deps);
      await listRoutes(api, deps);
      await measureRoutes(api, deps);
      await reviewRoutes(api, deps);
      await eventRoutes(api, deps);
    }, { prefix: '/api/v1' });
  }
  await app.ready();
  return {
    app, db, clock,
    clockAt: fixedClock,
    loginAs: async (role, department, subjectId) => {
      counter += 1;
      const username = `${role}_l${counter}`;
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
