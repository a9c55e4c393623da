import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { json, type SessionHeaders, type TestApp } from '../../../test/helpers/app.js';
import { monthOf, monthsAfter, TEST_TODAY } from '../../../test/helpers/clock.js';
import { makeDepartment, newUscc, penaltyRow } from '../../../test/helpers/factories.js';
import type { Platform } from '../../platform.js';
import { registerDrawCommand } from '../inspection/cli.js';
import { registerEvaluationCommands } from './cli.js';
import { createEvaluationTestApp, post } from './testing.js';

let t: TestApp;
let clerk: SessionHeaders;
let dept: { code: string; uscc: string };
let dir: string;

// The commands run on the platform's clock, which the test app injects (no --as-of needed).

/** Run one CLI command against the test database; returns what it printed and the exit code it set. */
async function cli(...args: string[]): Promise<{ out: string; exitCode: number }> {
  const program = new Command().exitOverride();
  const withPlatform = <T>(fn: (p: Platform) => Promise<T>): Promise<T> =>
    fn({ pool: t.db.pool, pd: t.db.pd, clock: t.clock, embedded: null, close: async () => undefined });
  registerEvaluationCommands(program, withPlatform);
  registerDrawCommand(program, withPlatform);
  const lines: string[] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
  const before = process.exitCode;
  try {
    await program.parseAsync(['node', 'xinyong', ...args]);
    return { out: lines.join('\n'), exitCode: Number(process.exitCode ?? 0) };
  } finally {
    spy.mockRestore();
    process.exitCode = before;
  }
}

beforeAll(async () => {
  t = await createEvaluationTestApp();
  dir = await mkdtemp(path.join(os.tmpdir(), 'xinyong-cli-'));
  dept = await makeDepartment(t);
  const admin = await t.loginAs('admin');
  clerk = await t.loginAs('department', dept.code);
  for (let i = 0; i < 6; i++) {
    const uscc = newUscc();
    await post(t, admin, '/api/v1/subjects', { uscc, name: `测试${i}有限公司`, registeredOn: monthsAfter(TEST_TODAY, -179) });
    if (i < 2) {
      await post(t, clerk, '/api/v1/records', { department: dept.code, category: 'penalty', fields: penaltyRow({ uscc, name: `测试${i}有限公司`, wsh: `罚${i}`, dept }) });
    }
  }
  for (const [name, unit, no] of [['甲', '一所', 'C-1'], ['乙', '二所', 'C-2'], ['丙', '三所', 'C-3']]) {
    await post(t, clerk, '/api/v1/inspection/inspectors', { name: `${name}执法`, unit, certificateNo: `CERT${no}` });
  }
});

afterAll(async () => {
  await t?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('xinyong evaluate / model / draw', () => {
  it('evaluate --model runs a full, then an incremental evaluation', async () => {
    const full = await cli('evaluate', '--model', 'enterprise');
    expect(full.out).toMatch(new RegExp(`^run 1 \\(full\\) of enterprise v1 as of ${TEST_TODAY}: 6 subjects in [\\d.]+ s — `));
    expect(full.out).toMatch(/良好 \d/);
    const inc = await cli('evaluate', '--model', 'enterprise', '--incremental');
    expect(inc.out).toMatch(new RegExp(`^run 2 \\(incremental after run 1\\) of enterprise v1 as of ${TEST_TODAY}: 0 subjects`));
  });

  it('model add publishes a YAML file as a new version', async () => {
    const file = path.join(dir, 'm.yaml');
    await writeFile(file, 'code: cli_model\nname: CLI 模型\ntotalPoints: 10\nsubjectKinds: [legal_person]\ngradesPublic: true\ngrades: [{ grade: 好, minScore: 5 }, { grade: 差, minScore: 0 }]\ndimensions:\n  - { code: law, name: 守法, points: 10, indicators: [{ code: pen, name: 处罚, points: 10, rule: { count: { category: penalty } }, score: { linear: { base: 10, per: -10 } } }] }\n');
    expect((await cli('model', 'add', file)).out).toBe('model cli_model v1 (CLI 模型) published');
    expect((await cli('model', 'add', file)).out).toBe('model cli_model v2 (CLI 模型) published');
    expect((await cli('evaluate', '--model', 'cli_model')).out).toMatch(/6 subjects .* — 好 4 · 差 2|6 subjects .* — 差 2 · 好 4/);
  });

  it('draw PLAN draws; draw --verify PLAN verifies, and fails on a tampered assignment', async () => {
    const item = await post<{ id: number }>(t, clerk, '/api/v1/inspection/items', { code: 'JC-01', name: '年报公示检查' });
    const nextMonth = monthOf(monthsAfter(TEST_TODAY, 1));
    const plan = await post<{ id: number }>(t, clerk, '/api/v1/inspection/plans', { name: 'CLI 抽查', items: [item.id], periodFrom: nextMonth.from, periodTo: nextMonth.to, tiers: [
      { grade: '优秀', tier: 'A', ratio: 50 }, { grade: '良好', tier: 'B', ratio: 50 }, { grade: '中等', tier: 'C', ratio: 50 }, { grade: '较差', tier: 'D', ratio: 100 },
    ] });
    const drawn = await cli('draw', String(plan.id));
    expect(drawn.out).toMatch(new RegExp(`^plan ${plan.id} drawn: \\d+ inspection tasks; seed revealed: [0-9a-f]{64}`));
    const ok = await cli('draw', '--verify', String(plan.id));
    expect(ok.exitCode).toBe(0);
    expect(ok.out).toContain(`plan ${plan.id}: VERIFIED`);
    const pub = await t.app.inject({ method: 'GET', url: `/api/v1/inspection/plans/${plan.id}` });
    const file = path.join(dir, 'plan.json');
    await writeFile(file, pub.body);
    expect((await cli('draw', '--file', file)).out).toContain('VERIFIED');
    const first = json<{ tasks: { id: number; inspectors: { id: number }[] }[] }>(pub).tasks[0]!;
    await t.db.pool.query('update inspection_task set inspector_ids = $2 where id = $1', [first.id, [...first.inspectors.map((i) => i.id)].reverse()]);
    const bad = await cli('draw', '--verify', String(plan.id));
    expect(bad.exitCode).toBe(1);
    expect(bad.out).toMatch(/NOT VERIFIED — 1 mismatch\(es\):\n {2}- task #0 inspectorIds: expected \[\d+,\d+\], found \[\d+,\d+\]/);
  });
});
