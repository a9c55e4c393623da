import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, type SessionHeaders } from '../../../test/helpers/app.js';
import { RULE_CODES } from './params.js';
import { validateRuleParams } from './service.js';
import { createRightsTestApp, type RightsTestApp } from './test-app.js';
import { trackingNumber } from '../cases/workflow.js';

let t: RightsTestApp;
let admin: SessionHeaders;
let operator: SessionHeaders;
type Rule = { code: string; version: number; params: Record<string, unknown>; current: boolean; basis: string };

const put = (code: string, payload: object, headers: SessionHeaders) => t.app.inject({ method: 'PUT', url: `/api/v1/rules/${code}`, payload, headers });

beforeAll(async () => {
  t = await createRightsTestApp();
  admin = await t.loginAs('admin');
  operator = await t.loginAs('operator');
});
afterAll(() => t.close());

describe('rule sets', () => {
  it('are seeded with the documented defaults, which pass their own schemas', async () => {
    const items = json<{ items: Rule[] }>(await t.app.inject({ url: '/api/v1/rules' })).items;
    expect(items.map((r) => r.code).sort()).toEqual([...RULE_CODES].sort());
    for (const r of items) expect(validateRuleParams(r.code as (typeof RULE_CODES)[number], r.params), r.code).toEqual([]);
    const byCode = Object.fromEntries(items.map((r) => [r.code, r]));
    expect(byCode.objection!.params).toEqual({ centreCheckWorkingDays: 1, providerDecisionWorkingDays: 5, maxTotalWorkingDays: 20, maxExtensions: 1, escalateOverdue: true });
    expect(byCode.repair!.params).toMatchObject({
      classes: { minor: { minMonths: 0, maxMonths: 3 }, ordinary: { minMonths: 3, maxMonths: 12 }, serious: { minMonths: 12, maxMonths: 36 } },
      decisionWorkingDays: 3, extensionWorkingDays: 3, shareResultWorkingDays: 3, abuseBarYears: 3, sameDayAcceptance: true,
    });
    expect(byCode.repair!.basis).toContain('国办发〔2025〕22号');
    expect(byCode.commitment!.params).toMatchObject({ supplementWorkingDays: 7, breachCategory: 'commitment_breach', publicationCategory: 'commitment' });
  });

  it('are edited by admins only, validated, versioned and audited', async () => {
    const current = json<Rule>(await t.app.inject({ url: '/api/v1/rules/repair' }));
    expect((await put('repair', { params: current.params }, operator)).statusCode).toBe(403);
    const bad = await put('repair', { params: { ...current.params, decisionWorkingDays: 0, extra: 1 } }, admin);
    expect(bad.statusCode).toBe(400);
    expect(json(bad)).toMatchObject({ error: { code: 'invalid_rule' } });
    const inverted = await put('objection', { params: { centreCheckWorkingDays: 1, providerDecisionWorkingDays: 10, maxTotalWorkingDays: 5, maxExtensions: 1, escalateOverdue: true } }, admin);
    expect(json(inverted)).toMatchObject({ error: { details: [{ field: 'params.maxTotalWorkingDays' }] } });
    const undefinedMaterial = await put('repair', { params: { ...current.params, requirements: { default: ['no_such_material'] } } }, admin);
    expect(json(undefinedMaterial)).toMatchObject({ error: { details: [{ field: 'params.requirements.default' }] } });
    expect((await put('nothing', { params: {} }, admin)).statusCode).toBe(404);

    const next = await put('repair', { params: { ...current.params, abuseBarYears: 5 }, note: '本地规定延长为 5 年' }, admin);
    expect(json(next)).toMatchObject({ version: 2, current: true, note: '本地规定延长为 5 年', params: { abuseBarYears: 5 } });
    expect(json(await t.app.inject({ url: '/api/v1/rules/repair?version=1' }))).toMatchObject({ version: 1, current: false, params: { abuseBarYears: 3 } });
    expect(json<{ items: Rule[] }>(await t.app.inject({ url: '/api/v1/rules/repair/versions' })).items.map((r) => r.version)).toEqual([2, 1]);
    const audit = await t.db.pool.query(`select details from audit_log where action = 'rule.published'`);
    expect(audit.rows).toEqual([{ details: { code: 'repair', version: 2, previous: 1 } }]);
  });
});

describe('API documentation', () => {
  it('lists the subject-rights routes in the OpenAPI document', async () => {
    const doc = json<{ paths: Record<string, unknown> }>(await t.app.inject({ url: '/api/docs/json' }));
    for (const p of ['/api/v1/objections', '/api/v1/objections/{id}/decision', '/api/v1/repairs/eligibility', '/api/v1/repairs/{id}/recheck', '/api/v1/commitments/{id}/fulfilment', '/api/v1/commitment-items', '/api/v1/rules/{code}', '/api/v1/me/notifications']) {
      expect(doc.paths, p).toHaveProperty([p]);
    }
  });
});

describe('tracking numbers', () => {
  it('use an unambiguous alphabet', () => {
    expect(trackingNumber('YY', () => Buffer.from([0, 31, 32, 255, 8, 14]))).toBe('YY-A9A9JQ');
  });
});
