import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, type SessionHeaders, type TestApp } from '../../../test/helpers/app.js';
import { addDays, monthOf, TEST_TODAY, yearOf } from '../../../test/helpers/clock.js';
import { makeDepartment, newCitizenId, newUscc, penaltyRow } from '../../../test/helpers/factories.js';
import { createListsTestApp } from '../lists/test-app.js';
import { AUTO_CONFIRM_SCORE } from './match.js';

let t: TestApp;
let dept: { code: string; uscc: string };
let clerk: SessionHeaders;
let taxClerk: SessionHeaders;
let operator: SessionHeaders;
const u = { taxDodger: '', revoked: '', honest: '', fullWidth: '', similar: '', long: '', legacy: '' };
let person = '';

interface Party {
  input: { code?: string; name?: string };
  matched: { uscc: string | null; name: string; score: number; via: string; idNumberMasked?: string } | null;
  candidates: { uscc: string | null; name: string; score: number }[];
  hits: { id: number; kind: string; list: { code: string } | null; measures: string[] }[];
  measures: { code: string; name: string; legalBasis: string }[];
  errors: { field: string; position?: number; message: string }[];
}
interface Review { id: number; parties: Party[]; counts: Record<string, number> }

const penalty = async (name: string, overrides: Record<string, string> = {}) => {
  const uscc = newUscc();
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/records', headers: clerk, payload: { department: 'SCJGJ', category: 'penalty', fields: penaltyRow({ uscc, name, wsh: `罚-${uscc}`, dept, overrides }) } });
  expect(res.statusCode, res.body).toBe(201);
  return uscc;
};
const review = (payload: object, headers: SessionHeaders = clerk) => t.app.inject({ method: 'POST', url: '/api/v1/reviews', headers, payload });

beforeAll(async () => {
  t = await createListsTestApp();
  dept = await makeDepartment(t);
  await makeDepartment(t, 'SWJ', '市税务局');
  clerk = await t.loginAs('department', 'SCJGJ');
  taxClerk = await t.loginAs('department', 'SWJ');
  operator = await t.loginAs('operator');
  u.taxDodger = await penalty('南通华信电子科技有限责任公司');
  u.revoked = await penalty('江苏恒泰（南通）建设工程有限公司', { CF_CFLB: '吊销许可证件', CF_NR: '吊销营业执照' });
  u.honest = await penalty('南通臺灣食品有限公司'); // stored in traditional script
  u.fullWidth = await penalty('ABC科技（南通）有限公司');
  u.similar = await penalty('南通鑫源纺织品有限公司');
  u.long = await penalty('南通市崇川区华信电子科技发展有限公司');
  const tax = await t.app.inject({ method: 'POST', url: '/api/v1/lists/major_tax_violation/entries', headers: taxClerk, payload: { subject: u.taxDodger, reason: '偷税', documentNo: '通税稽罚〔2026〕9号' } });
  expect(tax.statusCode, tax.body).toBe(201);
  const honour = await t.app.inject({ method: 'POST', url: '/api/v1/lists/tax_a_grade/entries', headers: taxClerk, payload: { subject: u.honest, reason: `${yearOf(TEST_TODAY) - 1}年度纳税信用A级` } });
  expect(honour.statusCode, honour.body).toBe(201);
  person = newCitizenId();
  const p = await t.app.inject({ method: 'POST', url: '/api/v1/records', headers: clerk, payload: { department: 'SCJGJ', category: 'penalty', fields: {
    ...penaltyRow({ uscc: '', name: '王小明', wsh: '罚-person', dept, overrides: { CF_CFLB: '限制从业', CF_NR: '限制从业三年' } }), CF_XDR_LB: '自然人', CF_XDR_SHXYM: '', CF_FRDB: '', CF_XDR_ZJHM: person,
  } } });
  expect(p.statusCode, p.body).toBe(201);
  const org = await t.app.inject({ method: 'POST', url: '/api/v1/subjects', headers: operator, payload: { name: '南通老代码有限公司', uscc: (u.legacy = newUscc()), identifiers: [{ scheme: 'org_code', value: u.legacy.slice(8, 17) }] } });
  expect(org.statusCode, org.body).toBe(201);
});
afterAll(() => t.close());

describe('credit review', () => {
  it('matches codes exactly and names after normalisation, with hits and the scenario\'s measures', async () => {
    const bad = `${u.taxDodger.slice(0, 17)}${u.taxDodger[17] === '0' ? '1' : '0'}`;
    const res = await review({ scenario: 'procurement', parties: [
      { code: u.taxDodger },
      { name: '江苏恒泰(南通)建设工程有限公司' },
      { name: '南通台湾食品有限责任公司' },
      { name: 'ＡＢＣ科技(南通)有限公司' },
      { code: bad, name: '南通华信电子科技有限公司' },
      { code: 'ZZZ' },
      { code: person },
      { code: u.legacy.slice(8, 17) },
      { code: newUscc() },
      {},
    ] });
    expect(res.statusCode, res.body).toBe(200);
    const r = json<Review>(res);
    expect(r.parties).toHaveLength(10);
    const [tax, bracket, trad, width, badCode, junk, pers, legacy, unknown, empty] = r.parties as [Party, Party, Party, Party, Party, Party, Party, Party, Party, Party];
    expect(tax.matched).toMatchObject({ uscc: u.taxDodger, score: 1, via: 'code' });
    expect(tax.hits.map((h) => h.list?.code)).toEqual(['major_tax_violation']);
    expect(tax.measures.map((m) => m.code)).toEqual(['restrict_procurement']);
    expect(tax.measures[0]!.legalBasis).toContain('政府采购法');
    expect(bracket.matched).toMatchObject({ uscc: u.revoked, name: '江苏恒泰（南通）建设工程有限公司', score: 1, via: 'name' });
    expect(bracket.hits.map((h) => h.kind)).toEqual(['serious_penalty']);
    expect(bracket.measures.map((m) => m.code)).toEqual(['focused_review']);
    expect(trad.matched).toMatchObject({ uscc: u.honest, score: 1 });
    expect(trad.measures.map((m) => m.code)).toEqual(['procurement_bonus']);
    expect(width.matched).toMatchObject({ uscc: u.fullWidth });
    expect(badCode.errors[0]).toMatchObject({ field: 'code', position: 18 });
    expect(badCode.matched).toMatchObject({ uscc: u.taxDodger, via: 'name' });
    expect(junk.errors.length).toBeGreaterThan(0);
    expect(junk.matched).toBeNull();
    expect(pers.matched).toMatchObject({ uscc: null, name: '王小明', idNumberMasked: expect.stringContaining('*') });
    expect(pers.input.code).not.toBe(person);
    expect(pers.hits.map((h) => h.kind)).toEqual(['serious_penalty']);
    expect(legacy.matched).toMatchObject({ uscc: u.legacy, via: 'code' });
    expect(unknown).toMatchObject({ matched: null, candidates: [], hits: [], errors: [] });
    expect(empty.errors[0]).toMatchObject({ field: 'party' });
    expect(r.counts).toMatchObject({ parties: 10, hitParties: 5 });
    const audit = await t.db.pool.query(`select purpose, details from audit_log where action = 'credit_review'`);
    expect(audit.rows[0]).toMatchObject({ purpose: 'procurement', details: expect.objectContaining({ reviewId: r.id, parties: 10 }) });
  });

  it('keeps a weaker fuzzy name a candidate and confirms only above the threshold', async () => {
    const r = json<Review>(await review({ scenario: '招标投标', parties: [{ name: '南通鑫源纺织有限公司' }, { name: '南通市崇川区华信电子科技发展有限公司。' }, { name: '完全不相干的名字' }] }));
    const [weak, strong, none] = r.parties as [Party, Party, Party];
    expect(weak.matched).toBeNull();
    expect(weak.candidates[0]).toMatchObject({ uscc: u.similar });
    expect(weak.candidates[0]!.score).toBeLessThan(AUTO_CONFIRM_SCORE);
    expect(weak.hits).toEqual([]);
    expect(strong.matched).toMatchObject({ uscc: u.long, via: 'fuzzy' });
    expect(strong.matched!.score).toBeGreaterThanOrEqual(AUTO_CONFIRM_SCORE);
    expect(none).toMatchObject({ matched: null, candidates: [] });
  });

  it('rejects an unknown scenario, too many parties (413 with the limit) and the public', async () => {
    const unknown = await review({ scenario: '打麻将', parties: [{ code: u.taxDodger }] });
    expect(unknown.statusCode).toBe(400);
    expect(json(unknown)).toMatchObject({ error: { code: 'unknown_scenario', details: [{ field: 'scenario' }] } });
    const many = await review({ scenario: 'procurement', parties: Array.from({ length: 10_001 }, () => ({ code: u.taxDodger })) });
    expect(many.statusCode).toBe(413);
    expect(json(many)).toMatchObject({ error: { code: 'too_many_parties', details: [{ field: 'parties', limit: 10_000 }] } });
    expect(json(many).error).toMatchObject({ message: expect.stringContaining('10000') });
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/reviews', payload: { scenario: 'procurement', parties: [{ code: u.taxDodger }] } })).statusCode).toBe(401);
  });
});

describe('feedback and statistics', () => {
  it('lets only the reviewing department give feedback per hit, once per measure, then counts it', async () => {
    const r = json<Review>(await review({ scenario: 'procurement', parties: [{ code: u.taxDodger }, { code: u.revoked }] }));
    const hit = r.parties[0]!.hits[0]!;
    const url = `/api/v1/reviews/${r.id}/hits/${hit.id}/feedback`;
    const other = await t.app.inject({ method: 'POST', url, headers: taxClerk, payload: { applied: true, measure: 'restrict_procurement', reason: '排除' } });
    expect(other.statusCode).toBe(403);
    const wrongMeasure = await t.app.inject({ method: 'POST', url, headers: clerk, payload: { applied: true, measure: 'restrict_high_consumption', reason: '排除' } });
    expect(json(wrongMeasure)).toMatchObject({ error: { code: 'measure_not_applicable' } });
    const ok = await t.app.inject({ method: 'POST', url, headers: clerk, payload: { applied: true, measure: 'restrict_procurement', reason: '已取消其供应商资格' } });
    expect(ok.statusCode, ok.body).toBe(201);
    const dup = await t.app.inject({ method: 'POST', url, headers: clerk, payload: { applied: false, measure: 'restrict_procurement', reason: '改主意' } });
    expect(dup.statusCode).toBe(409);
    const audited = await t.db.pool.query(`select details from audit_log where action = 'review.feedback' and details->>'hitId' = $1`, [String(hit.id)]);
    expect(audited.rows).toEqual([{ details: { reviewId: r.id, hitId: hit.id, measure: 'restrict_procurement', applied: true, reason: '已取消其供应商资格' } }]);
    const hit2 = r.parties[1]!.hits[0]!;
    const notApplied = await t.app.inject({ method: 'POST', url: `/api/v1/reviews/${r.id}/hits/${hit2.id}/feedback`, headers: clerk, payload: { applied: false, measure: 'focused_review', reason: '处罚已履行完毕' } });
    expect(notApplied.statusCode).toBe(201);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/reviews/${r.id}/hits/999999/feedback`, headers: clerk, payload: { applied: false, reason: 'x' } })).statusCode).toBe(404);
    const stored = json<{ hits: { id: number; feedback: unknown[] }[] }>(await t.app.inject({ url: `/api/v1/reviews/${r.id}`, headers: clerk }));
    expect(stored.hits.find((h) => h.id === hit.id)!.feedback).toHaveLength(1);
    expect((await t.app.inject({ url: `/api/v1/reviews/${r.id}`, headers: taxClerk })).statusCode).toBe(403);

    // Reviews, feedback and list entries above were all made today by the test clock: this month has them, next month nothing.
    const thisMonth = monthOf(TEST_TODAY);
    const stats = json<{ departments: Record<string, unknown>[]; measures: Record<string, unknown>[] }>(await t.app.inject({ url: `/api/v1/measures/stats?from=${thisMonth.from}&to=${thisMonth.to}`, headers: operator }));
    const sc = stats.departments.find((d) => d.department === 'SCJGJ')!;
    expect(sc).toMatchObject({ reviews: 3, hitsWithFeedback: 2, hitsApplied: 1, feedbacks: 2 });
    expect(stats.departments.find((d) => d.department === 'SWJ')).toMatchObject({ initiations: 2, reviews: 0 });
    expect(stats.measures.find((m) => m.measure === 'restrict_procurement')).toMatchObject({ withFeedback: 1, applied: 1, applicationRate: 1 });
    expect(stats.measures.find((m) => m.measure === 'focused_review')).toMatchObject({ withFeedback: 1, applied: 0, notApplied: 1, applicationRate: 0 });
    const own = json<{ departments: { department: string }[] }>(await t.app.inject({ url: '/api/v1/measures/stats', headers: taxClerk }));
    expect(own.departments.map((d) => d.department)).toEqual(['SWJ']);
    expect((await t.app.inject({ url: '/api/v1/measures/stats?department=SCJGJ', headers: taxClerk })).statusCode).toBe(403);
    const empty = json<{ departments: unknown[]; months: unknown[]; totals: Record<string, unknown> }>(await t.app.inject({ url: `/api/v1/measures/stats?from=${addDays(thisMonth.to, 1)}`, headers: operator }));
    expect(empty.departments).toEqual([]);
    expect(empty.months).toEqual([]);
    expect(empty.totals).toMatchObject({ reviews: 0, hits: 0, feedbackRate: null });
  });

  it('breaks the same figures down per month, sums them in totals, and refuses a period that ends before it starts', async () => {
    const thisMonth = monthOf(TEST_TODAY);
    type Figures = { reviews: number; parties: number; hits: number; hitsWithFeedback: number; hitsApplied: number; feedbackRate: number | null; initiations: number };
    type Stats = { totals: Figures; departments: (Figures & { department: string })[]; months: (Figures & { month: string })[] };
    const stats = json<Stats>(await t.app.inject({ url: `/api/v1/measures/stats?from=${thisMonth.from}&to=${thisMonth.to}&department=SCJGJ`, headers: operator }));
    expect(stats.departments.map((d) => d.department)).toEqual(['SCJGJ']);
    expect(stats.months.map((m) => m.month)).toEqual([TEST_TODAY.slice(0, 7)]);
    const [month] = stats.months;
    const [dept] = stats.departments;
    for (const k of ['reviews', 'parties', 'hits', 'hitsWithFeedback', 'hitsApplied', 'initiations'] as const) {
      expect(month![k], k).toBe(dept![k]);
      expect(stats.totals[k], k).toBe(dept![k]);
    }
    expect(stats.totals.feedbackRate).toBe(Math.round((dept!.hitsWithFeedback / dept!.hits) * 10000) / 10000);
    const all = json<Stats>(await t.app.inject({ url: '/api/v1/measures/stats', headers: operator }));
    expect(all.totals.reviews).toBe(all.departments.reduce((s, d) => s + d.reviews, 0));
    expect(all.totals.reviews).toBe(all.months.reduce((s, m) => s + m.reviews, 0));
    const own = json<Stats>(await t.app.inject({ url: '/api/v1/measures/stats', headers: taxClerk }));
    expect(own.totals.initiations).toBe(own.departments.find((d) => d.department === 'SWJ')!.initiations);
    const backwards = await t.app.inject({ url: `/api/v1/measures/stats?from=${thisMonth.to}&to=${thisMonth.from}`, headers: operator });
    expect(backwards.statusCode).toBe(400);
    expect(json(backwards)).toMatchObject({ error: { details: [{ field: 'to' }] } });
    expect((await t.app.inject({ url: '/api/v1/measures/stats?from=2026-13-45', headers: operator })).statusCode).toBe(400);
  });
});
