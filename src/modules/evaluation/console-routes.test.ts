import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type SessionHeaders, type TestApp } from '../../../test/helpers/app.js';
import { TEST_NOW, TEST_TODAY } from '../../../test/helpers/clock.js';
import { makeDepartment, newUscc } from '../../../test/helpers/factories.js';
import { loadDemoCity } from '../../demo/load.js';
import { seedEvaluationModels } from './models.js';
import { tryLockModel, unlockModel } from './run-repo.js';
import { evaluateOnFirstStart, INTERRUPTED, markInterruptedRuns } from './startup.js';

// What the 综合评价 console screen relies on, against the real database: the first start grades the
// demo city, runs are listed with their grade counts, a run started without waiting is polled to its
// end, uploads and runs are audited, a model that does not add up is refused naming the place, and
// a subject nobody has graded yet is an answer (grade null), not a 404.

interface Run {
  id: number; status: string; mode: string; subjects: number; gradeCounts: Record<string, number>; startedBy: string;
  model: { code: string; version: number; name: string }; progress: { done: number; total: number } | null; asOf: string; finishedAt: string | null;
}

let t: TestApp;
let admin: SessionHeaders;
let clerk: () => Promise<SessionHeaders>;
const SUBJECTS = 120;

beforeAll(async () => {
  t = await createTestApp(TEST_NOW, {
    seed: async (db) => {
      await seedEvaluationModels(db.pool);
      await loadDemoCity(db.pool, db.pd, { subjects: SUBJECTS, seed: 11, today: TEST_TODAY });
    },
  });
  admin = await t.loginAs('admin');
  const dept = await makeDepartment(t, 'PJCSJ', '评价测试局');
  clerk = () => t.loginAs('department', dept.code);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const get = async <T>(url: string, headers: Record<string, string> = {}) => {
  const res = await t.app.inject({ method: 'GET', url, headers });
  return { status: res.statusCode, body: json<T>(res) };
};
const auditActions = async (action: string) =>
  (await t.db.pool.query<{ actor_name: string; details: Record<string, unknown> }>('select actor_name, details from audit_log where action = $1 order by seq', [action])).rows;

describe('first start', () => {
  it('grades a fresh database with the demo city once, on the injected clock, and never again', async () => {
    const before = await get<{ items: unknown[]; runs: unknown[] }>('/api/v1/dashboard/grades', admin);
    expect(before.body.items).toEqual([]);
    const runs = await evaluateOnFirstStart(t.db.pool, t.clock);
    expect(runs.map((r) => r.model.code)).toEqual(['enterprise', 'natural_person']);
    for (const r of runs) expect(r).toMatchObject({ status: 'completed', mode: 'full', asOf: TEST_TODAY, startedBy: 'system' });
    const graded = runs.reduce((n, r) => n + r.subjects, 0);
    expect(graded).toBe(SUBJECTS);
    const after = await get<{ items: { count: number }[]; runs: { model: string }[] }>('/api/v1/dashboard/grades', admin);
    expect(after.body.runs.map((r) => r.model).sort()).toEqual(['enterprise', 'natural_person']);
    expect(after.body.items.reduce((n, i) => n + i.count, 0)).toBe(graded);
    expect(await evaluateOnFirstStart(t.db.pool, t.clock)).toEqual([]);
    expect((await t.db.pool.query('select count(*)::int as n from evaluation_run')).rows[0].n).toBe(2);
    expect((await auditActions('evaluation.run.started')).map((a) => [a.actor_name, a.details.model])).toEqual([['system', 'enterprise'], ['system', 'natural_person']]);
  });
});

describe('runs for the console', () => {
  it('lists runs newest first with model, kind, dates, status and grade counts; staff only', async () => {
    const r = await get<{ items: Run[]; total: number }>('/api/v1/evaluation/runs', admin);
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(2);
    expect(r.body.items.map((x) => x.model.code)).toEqual(['natural_person', 'enterprise']);
    const ent = r.body.items[1]!;
    expect(ent).toMatchObject({ mode: 'full', status: 'completed', progress: null, startedBy: 'system' });
    expect(Object.values(ent.gradeCounts).reduce((a, b) => a + b, 0)).toBe(ent.subjects);
    expect(ent.finishedAt).not.toBeNull();
    const one = await get<{ items: Run[]; total: number }>('/api/v1/evaluation/runs?model=enterprise&pageSize=1', await clerk());
    expect([one.status, one.body.total, one.body.items.length]).toEqual([200, 1, 1]);
    expect((await get('/api/v1/evaluation/runs', await t.loginAs('lender'))).status).toBe(403);
    expect((await get('/api/v1/evaluation/runs')).status).toBe(401);
    expect((await get('/api/v1/evaluation/runs?pageSize=0', admin)).status).toBe(400);
  });

  it('starts a run without waiting, answers 202 running, and the run is polled to its end', async () => {
    const operator = await t.loginAs('operator');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/evaluation/runs', headers: operator, payload: { model: 'enterprise', incremental: false, wait: false } });
    expect(res.statusCode, res.body).toBe(202);
    const started = json<Run>(res);
    expect(started).toMatchObject({ status: 'running', mode: 'full', model: { code: 'enterprise' }, finishedAt: null });
    let run = started;
    for (let i = 0; i < 100 && run.status === 'running'; i++) {
      await new Promise((ok) => setTimeout(ok, 100));
      run = (await get<Run>(`/api/v1/evaluation/runs/${started.id}`, operator)).body;
      if (run.status === 'running') expect(run.progress).toMatchObject({ total: expect.any(Number) });
    }
    expect(run).toMatchObject({ status: 'completed', progress: null });
    const listed = (await get<{ items: Run[] }>('/api/v1/evaluation/runs', admin)).body.items[0]!;
    expect(listed).toMatchObject({ id: started.id, gradeCounts: run.gradeCounts, subjects: run.subjects });
    const stored = await t.db.pool.query<{ grade: string; n: number }>('select grade, count(*)::int as n from evaluation_result where run_id = $1 group by grade', [started.id]);
    expect(Object.fromEntries(stored.rows.map((x) => [x.grade, x.n]))).toEqual(run.gradeCounts);
    const audit = (await auditActions('evaluation.run.started')).at(-1)!;
    expect(audit.details).toMatchObject({ runId: started.id, model: 'enterprise', mode: 'full' });
  });

  it('refuses a second run of a model while one runs, in words', async () => {
    const holder = await t.db.pool.connect();
    try {
      expect(await tryLockModel(holder, 'enterprise')).toBe(true);
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/evaluation/runs', headers: admin, payload: { model: 'enterprise', wait: false } });
      expect(res.statusCode).toBe(409);
      const e = json<{ error: { code: string; message: string } }>(res).error;
      expect(e.code).toBe('run_in_progress');
      expect(e.message).toContain('正在评价中');
    } finally {
      await unlockModel(holder, 'enterprise');
      holder.release();
    }
    const refused = await t.app.inject({ method: 'POST', url: '/api/v1/evaluation/runs', headers: await clerk(), payload: { model: 'enterprise' } });
    expect(refused.statusCode).toBe(403);
  });

  it('marks a run cut off by a stop failed, and leaves a run whose lock is held alone', async () => {
    const model = (await t.db.pool.query<{ id: number }>("select id from evaluation_model where code = 'natural_person'")).rows[0]!.id;
    const insert = async () => (await t.db.pool.query<{ id: number }>(
      `insert into evaluation_run (model_id, mode, as_of, high_water, status, started_by, started_at) values ($1, 'full', $2, $3, 'running', 'x', $3) returning id`,
      [model, TEST_TODAY, TEST_NOW],
    )).rows[0]!.id;
    const holder = await t.db.pool.connect();
    try {
      const live = await insert();
      await tryLockModel(holder, 'natural_person');
      expect(await markInterruptedRuns(t.db.pool, t.clock)).toEqual([]);
      await unlockModel(holder, 'natural_person');
      expect(await markInterruptedRuns(t.db.pool, t.clock)).toEqual([live]);
      const run = (await get<Run & { error: string }>(`/api/v1/evaluation/runs/${live}`, admin)).body;
      expect(run).toMatchObject({ status: 'failed', error: INTERRUPTED, progress: null });
    } finally {
      holder.release();
    }
  });
});

describe('models for the console', () => {
  const yaml = (points: number) => [
    'code: console_test', 'name: 控制台测试模型', 'totalPoints: 10', 'subjectKinds: [legal_person]', 'gradesPublic: true',
    'grades:', '  - { grade: 好, minScore: 5 }', '  - { grade: 差, minScore: 0 }',
    'dimensions:', '  - code: law', '    name: 守法', `    points: ${points}`, '    indicators:',
    '      - { code: pen, name: 处罚, points: 10, rule: { count: { category: penalty } }, score: { linear: { base: 10, per: -5 } } }', '',
  ].join('\n');
  const upload = (text: string, headers: Record<string, string> = admin) =>
    t.app.inject({ method: 'POST', url: '/api/v1/evaluation/models', headers: { ...headers, 'content-type': 'application/yaml' }, payload: text });

  it('refuses a model whose weights do not add up, naming the place, and audits nothing', async () => {
    const res = await upload(yaml(12));
    expect(res.statusCode).toBe(400);
    const e = json<{ error: { code: string; details: { field: string; reason: string; message: string }[] } }>(res).error;
    expect(e.code).toBe('invalid_model');
    expect(e.details).toEqual([expect.objectContaining({ field: 'dimensions[0].points', reason: 'weights_mismatch' }), expect.objectContaining({ field: 'totalPoints', reason: 'weights_mismatch' })]);
    expect(e.details[0]!.message).toContain('守法');
    expect(await auditActions('evaluation.model.published')).toEqual([]);
  });

  it('publishes a valid model text as a new version, audited; clerks may not', async () => {
    expect((await upload(yaml(10), await clerk())).statusCode).toBe(403);
    const res = await upload(yaml(10));
    expect(res.statusCode, res.body).toBe(201);
    expect(json(res)).toMatchObject({ code: 'console_test', version: 1, gradesPublic: true });
    expect((await upload(yaml(10))).statusCode).toBe(201);
    const audited = await auditActions('evaluation.model.published');
    expect(audited.map((a) => [a.details.model, a.details.version])).toEqual([['console_test', 1], ['console_test', 2]]);
    const listed = (await get<{ items: { code: string; version: number }[] }>('/api/v1/evaluation/models?code=console_test')).body.items;
    expect(listed.map((m) => m.version)).toEqual([2, 1]);
  });
});

describe('a party nobody has graded', () => {
  it('answers 200 with grade null, to the public and to staff', async () => {
    const uscc = newUscc();
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/subjects', headers: admin, payload: { uscc, name: '尚未评价科技有限公司' } })).statusCode).toBe(201);
    for (const headers of [{}, { ...admin, 'x-purpose': encodeURIComponent('信用评价复核') }]) {
      const r = await get<{ evaluated: boolean; grade: null; model: null; run: null; disclosure: string; notice: string }>(`/api/v1/subjects/${uscc}/evaluation`, headers);
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ evaluated: false, grade: null, model: null, run: null, disclosure: 'none' });
      expect(r.body.notice).toContain('尚未');
    }
    expect((await get(`/api/v1/subjects/${newUscc()}/evaluation`)).status).toBe(404);
    const graded = (await t.db.pool.query<{ uscc: string }>(
      `select s.uscc from subject s join evaluation_result r on r.subject_id = s.id where s.kind = 'legal_person' limit 1`,
    )).rows[0]!.uscc;
    expect((await get<{ evaluated: boolean; grade: string }>(`/api/v1/subjects/${graded}/evaluation`)).body).toMatchObject({ evaluated: true, grade: expect.any(String) });
  });
});
