import { TEST_NOW } from '../../../test/helpers/clock.js';
import { createTestApp, json, type SessionHeaders, type TestApp } from '../../../test/helpers/app.js';
import { seedEvaluationModels } from './models.js';

/** Test-only: the real app on a fresh database with the evaluation models seeded. */
export async function createEvaluationTestApp(now = TEST_NOW): Promise<TestApp> {
  return createTestApp(now, { seed: async (db) => { await seedEvaluationModels(db.pool); } });
}

/** POST as a session, failing loudly on an unexpected status. */
export async function post<T = Record<string, unknown>>(t: TestApp, headers: SessionHeaders | Record<string, string>, url: string, payload: unknown, status = 201): Promise<T> {
  const res = await t.app.inject({ method: 'POST', url, headers, payload: payload as Record<string, unknown> });
  if (res.statusCode !== status) throw new Error(`POST ${url} → ${res.statusCode} (expected ${status}): ${res.body}`);
  return json<T>(res);
}

/** A generic-category record row (ZTMC / TYSHXYDM / XXBH + the category's own fields). */
export function genericRow(s: { uscc: string; name: string }, key: string, fields: Record<string, string>): Record<string, string> {
  return { ZTMC: s.name, TYSHXYDM: s.uscc, XXBH: key, ...fields };
}
