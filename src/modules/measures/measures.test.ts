import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, type SessionHeaders, type TestApp } from '../../../test/helpers/app.js';
import { makeDepartment } from '../../../test/helpers/factories.js';
import { createListsTestApp } from '../lists/test-app.js';
import { requireScenario, scenarioCode } from './scenarios.js';

let t: TestApp;
let operator: SessionHeaders;
let clerk: SessionHeaders;

interface Measure { code: string; name: string; kind: string; scenarios: string[]; legalBasis: string; active: boolean; targetLists: string[] }

beforeAll(async () => {
  t = await createListsTestApp();
  await makeDepartment(t);
  operator = await t.loginAs('operator');
  clerk = await t.loginAs('department', 'SCJGJ');
});
afterAll(() => t.close());

const post = (url: string, payload?: object, headers: SessionHeaders = operator) => t.app.inject({ method: 'POST', url, headers, ...(payload ? { payload } : {}) });

describe('measures catalog', () => {
  it('is seeded from the national basic list and Zhejiang Art 26, every active measure with its legal basis', async () => {
    const r = json<{ items: Measure[]; scenarios: { code: string; name: string }[] }>(await t.app.inject({ url: '/api/v1/measures' }));
    const codes = r.items.map((m) => m.code);
    expect(codes).toEqual(expect.arrayContaining(['restrict_licensing', 'cancel_bidding', 'restrict_procurement', 'restrict_land_transfer', 'market_ban', 'restrict_franchise', 'restrict_high_consumption', 'restrict_posts', 'restrict_subsidies', 'restrict_honours', 'revoke_honours']));
    for (const m of r.items.filter((x) => x.active)) expect(m.legalBasis.trim()).not.toBe('');
    expect(r.items.find((m) => m.code === 'restrict_procurement')).toMatchObject({ kind: 'sanction', scenarios: ['procurement'], active: true });
    expect(r.items.some((m) => m.kind === 'reward')).toBe(true);
    expect(r.scenarios.map((s) => s.name)).toEqual(expect.arrayContaining(['政府采购', '招标投标', '财政资金', '评先评优', '行政审批', '融资授信']));
  });

  it('names every seeded measure in English too, and lets the credit centre correct an English name', async () => {
    const r = json<{ items: (Measure & { nameEn: string | null })[] }>(await t.app.inject({ url: '/api/v1/measures' }));
    const seeded = r.items.filter((m) => ['restrict_licensing', 'restrict_procurement', 'green_channel', 'honour_priority'].includes(m.code));
    expect(seeded).toHaveLength(4);
    for (const m of seeded) expect(m.nameEn).toMatch(/^[A-Z][ -~]+$/);
    expect(r.items.find((m) => m.code === 'restrict_procurement')!.nameEn).toBe('Restricted from government procurement');
    const patched = await t.app.inject({ method: 'PATCH', url: '/api/v1/measures/focused_review', headers: operator, payload: { nameEn: 'Closer review' } });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(json<{ nameEn: string; name: string }>(patched)).toMatchObject({ nameEn: 'Closer review', name: '重点审查' });
  });

  it('filters by scenario (code or Chinese name) and rejects an unknown one', async () => {
    const r = json<{ items: Measure[] }>(await t.app.inject({ url: `/api/v1/measures?scenario=${encodeURIComponent('土地出让')}` }));
    expect(r.items.map((m) => m.code)).toEqual(['restrict_land_transfer']);
    expect((await t.app.inject({ url: '/api/v1/measures?scenario=nope' })).statusCode).toBe(400);
  });

  it('cannot activate a measure without legal basis', async () => {
    const body = { code: 'no_basis_measure', name: '无依据措施', kind: 'sanction', targetLists: ['focus_watch'], scenarios: ['评先评优'] };
    const activeWithout = await post('/api/v1/measures', { ...body, active: true });
    expect(activeWithout.statusCode).toBe(400);
    expect(json(activeWithout)).toMatchObject({ error: { code: 'legal_basis_required', details: [{ field: 'legalBasis' }] } });
    const created = await post('/api/v1/measures', body);
    expect(created.statusCode, created.body).toBe(201);
    expect(json(created)).toMatchObject({ active: false, scenarios: ['honours'] });
    const activate = await post('/api/v1/measures/no_basis_measure/activate');
    expect(activate.statusCode).toBe(409);
    expect(json(activate)).toMatchObject({ error: { code: 'legal_basis_required', message: expect.stringContaining('依据') } });
    expect((await post('/api/v1/measures/honour_priority/activate')).statusCode).toBe(409);
    expect(json(await post('/api/v1/measures/restrict_honours/deactivate'))).toMatchObject({ active: false });
    expect(json(await post('/api/v1/measures/restrict_honours/activate'))).toMatchObject({ active: true });
  });

  it('adds the missing legal basis, then activates; every change audited in words an auditor reads', async () => {
    const code = 'basis_later';
    expect((await post('/api/v1/measures', { code, name: '待补依据措施', kind: 'reward', targetLists: ['tax_a_grade'], scenarios: ['approval'] })).statusCode).toBe(201);
    const refused = await post(`/api/v1/measures/${code}/activate`);
    expect(json(refused)).toMatchObject({ error: { code: 'legal_basis_required', details: [{ field: 'legalBasis' }] } });
    const patch = (payload: object, headers: SessionHeaders = operator) => t.app.inject({ method: 'PATCH', url: `/api/v1/measures/${code}`, headers, payload });
    expect((await patch({ legalBasis: '《某某办法》第三条' }, clerk)).statusCode).toBe(403);
    const fixed = await patch({ legalBasis: '《某某办法》第三条', departments: ['行政审批部门'] });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(json(fixed)).toMatchObject({ code, legalBasis: '《某某办法》第三条', departments: ['行政审批部门'], active: false });
    expect(json(await post(`/api/v1/measures/${code}/activate`))).toMatchObject({ active: true });
    expect(json(await post(`/api/v1/measures/${code}/activate`))).toMatchObject({ active: true }); // already active: no second entry
    const cleared = await patch({ legalBasis: '  ' });
    expect(cleared.statusCode).toBe(400);
    expect(json(cleared)).toMatchObject({ error: { code: 'legal_basis_required', details: [{ field: 'legalBasis' }] } });
    expect((await patch({ scenarios: ['打麻将'] })).statusCode).toBe(400);
    expect((await patch({})).statusCode).toBe(400);
    expect(json(await post(`/api/v1/measures/${code}/deactivate`))).toMatchObject({ active: false });
    const audit = await t.db.pool.query<{ action: string; actor_name: string; details: { measure: string; changed?: string[] } }>(
      `select action, actor_name, details from audit_log where details->>'measure' = $1 order by seq`, [code]);
    expect(audit.rows.map((r) => r.action)).toEqual(['measure.created', 'measure.updated', 'measure.activated', 'measure.deactivated']);
    expect(audit.rows[1]!.details.changed).toEqual(['departments', 'legalBasis']);
    expect(audit.rows.every((r) => r.actor_name)).toBe(true);
  });

  it('validates targets and scenarios, and keeps clerks out', async () => {
    const bad = await post('/api/v1/measures', { code: 'bad_one', name: '坏', kind: 'reward', targetLists: ['no_list'], scenarios: ['打麻将'], legalBasis: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(json<{ error: { details: { field: string }[] } }>(bad).error.details.map((d) => d.field)).toEqual(['targetLists[0]', 'scenarios[0]']);
    expect((await post('/api/v1/measures', { code: 'clerk_one', name: 'x', kind: 'reward', targetLists: ['tax_a_grade'], scenarios: ['approval'], legalBasis: 'x' }, clerk)).statusCode).toBe(403);
    expect((await post('/api/v1/measures/no_such/activate')).statusCode).toBe(404);
  });

  it('maps scenario names to codes', () => {
    expect(scenarioCode('政府采购')).toBe('procurement');
    expect(scenarioCode(' bidding ')).toBe('bidding');
    expect(() => requireScenario('x')).toThrow(/未知的应用场景/);
  });
});
