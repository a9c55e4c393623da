import type { LightMyRequestResponse } from 'fastify';
import { createTestDatabase } from '../../../test/helpers/db.js';
import type { SessionHeaders, TestApp } from '../../../test/helpers/app.js';
import { buildApp, type AppDeps } from '../../app.js';
import { parseConfig } from '../../config.js';
import { fixedClock } from '../../lib/clock.js';
import { createUser } from '../access/service.js';
import { systemViewer } from '../access/viewer.js';
import { inspectionRoutes } from '../inspection/routes.js';
import { seedEvaluationModels } from './models.js';
import { evaluationRoutes } from './routes.js';

/** Test-only: the real app on a fresh database with the evaluation and inspection routes registered. */

let counter = 0;

export async function createEvaluationTestApp(today = '2026-11-25T10:00:00+08:00'): Promise<TestApp & { deps: AppDeps }> {
  const db = await createTestDatabase();
  await seedEvaluationModels(db.pool);
  const clock = fixedClock(today);
  const config = parseConfig({ DATA_DIR: '/tmp/xinyong-test-unused', RATE_LIMIT_PUBLIC: '100000' });
  const deps: AppDeps = { config, pool: db.pool, pd: db.pd, clock, logger: false };
  const app = await buildApp(deps);
  // Until the lead wires them into buildApp; afterwards buildApp already has them.
  if (!app.hasRoute({ method: 'POST', url: '/api/v1/evaluation/runs' })) {
    await app.register(async (api) => {
      await evaluationRoutes(api, deps);
      await inspectionRoutes(api, deps);
    }, { prefix: '/api/v1' });
  }
  await app.ready();
  return {
    app, db, clock, deps,
    loginAs: async (role, department, subjectId) => {
      counter += 1;
      const username = `ev_${role}${counter}`;
      const password = 'correct horse battery';
      await createUser(db.pool, systemViewer, { username, password, role, department: department ?? null, subjectId: subjectId ?? null });
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'xy_session')!;
      return { cookie: `xy_session=${cookie.value}`, 'x-csrf-token': (JSON.parse(res.body) as { csrfToken: string }).csrfToken };
    },
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}

export function body<T = Record<string, unknown>>(res: LightMyRequestResponse): T {
  return JSON.parse(res.body) as T;
}

/** POST as a session, failing loudly on an unexpected status. */
export async function post<T = Record<string, unknown>>(t: TestApp, headers: SessionHeaders | Record<string, string>, url: string, payload: unknown, status = 201): Promise<T> {
  const res = await t.app.inject({ method: 'POST', url, headers, payload: payload as Record<string, unknown> });
  if (res.statusCode !== status) throw new Error(`POST ${url} → ${res.statusCode} (expected ${status}): ${res.body}`);
  return body<T>(res);
}

/** A generic-category record row (ZTMC / TYSHXYDM / XXBH + the category's own fields). */
export function genericRow(s: { uscc: string; name: string }, key: string, fields: Record<string, string>): Record<string, string> {
  return { ZTMC: s.name, TYSHXYDM: s.uscc, XXBH: key, ...fields };
}
