import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, type SessionHeaders } from '../../../test/helpers/app.js';
import { addDays, at, monthsAfter, TEST_NOW, TEST_TODAY, yearOf, yearsAfter } from '../../../test/helpers/clock.js';
import { licenceRow, makeDepartment, newUscc, penaltyRow } from '../../../test/helpers/factories.js';
import { runSubjectRightsSweep } from '../subject-rights/sweep.js';
import { createRightsTestApp, PDF, type RightsTestApp } from '../rules/test-app.js';

// The parties' ordinary penalties were decided some eight and a half months before the clock's day
// (TODAY). The story starts seven weeks after the decision, inside the three-month minimum period,
// then moves to TODAY, when that period is over and the year of publication is not.
const TODAY = TEST_TODAY;
const DECIDED = addDays(TODAY, -260);
const EARLY = addDays(DECIDED, 52);

let t: RightsTestApp;
let dept: { code: string; uscc: string };
let admin: SessionHeaders;
let clerk: SessionHeaders;
let otherClerk: SessionHeaders;

type Reason = { check: string; ok: boolean; rule: string; message: string; until?: string };
type Eligibility = { eligible: boolean; earliestDate?: string; reasons: Reason[]; materials: { required: { code: string }[] } };
type Repair = { id: number; state: string; decisionDue: string | null; materials: { missing: { code: string }[] }; pendingListExits: number[] } & Record<string, unknown>;

const post = (url: string, payload: object, headers?: SessionHeaders) => t.app.inject({ method: 'POST', url: `/api/v1${url}`, payload, ...(headers ? { headers } : {}) });
const get = (url: string, headers?: SessionHeaders, purpose?: string) =>
  t.app.inject({ url: `/api/v1${url}`, headers: { ...(headers ?? {}), ...(purpose ? { 'x-purpose': encodeURIComponent(purpose) } : {}) } });
const material = (code: string) => ({ code, file: PDF(`${code}.pdf`) });
const FULL = ['commitment_letter', 'performance_proof', 'identity_proof'].map(material);

interface Party { uscc: string; name: string; subjectId: number; session: SessionHeaders }

async function penalty(p: { uscc: string; name: string }, wsh: string, overrides: Record<string, string> = {}, category = 'penalty') {
  const decided = { CF_JDRQ: DECIDED, CF_YXQ: yearsAfter(DECIDED, 1) };
  const fields = category === 'penalty' ? penaltyRow({ ...p, wsh, dept, overrides: { ...decided, ...overrides } }) : licenceRow({ ...p, wsh, dept, overrides });
  const res = await post('/records', { department: 'SCJGJ', category, fields }, admin);
  if (res.statusCode !== 201) throw new Error(res.body);
  return json<{ id: number; subjectId: number }>(res);
}

async function party(name: string): Promise<Party & { record: number }> {
  const uscc = newUscc();
  const r = await penalty({ uscc, name }, `${name}-1`);
  return { uscc, name, subjectId: r.subjectId, record: r.id, session: await t.loginAs('subject', undefined, r.subjectId) };
}

const workingDaysAfter = async (date: string, days: number) => json<{ date: string }>(await get(`/calendar/working-days/add?date=${date}&days=${days}`)).date;
const eligibility = async (q: string, s: SessionHeaders) => json<Eligibility>(await get(`/repairs/eligibility?${q}`, s));
const inArchive = async (uscc: string, id: number) => {
  const a = json<{ categories: { records: { id: number; notice: string | null }[] }[] }>(await get(`/subjects/${uscc}/archive`));
  return a.categories.flatMap((c) => c.records).some((r) => r.id === id);
};

beforeAll(async () => {
  t = await createRightsTestApp(at(EARLY));
  dept = await makeDepartment(t);
  await makeDepartment(t, 'SWJ', '市税务局');
  admin = await t.loginAs('admin');
  clerk = await t.loginAs('department', 'SCJGJ');
  otherClerk = await t.loginAs('department', 'SWJ');
});
afterAll(() => t.close());

describe('credit repair', () => {
  let a: Party & { record: number };
  let licence: number;

  it('refuses an application before the minimum publication period, naming the rule and the earliest date', async () => {
    t.clock.set(at(EARLY));
    a = await party('南通市修复甲有限公司');
    const earliest = monthsAfter(DECIDED, 3);
    expect(EARLY < earliest && earliest < TODAY).toBe(true);
    const e = await eligibility(`record=${a.record}`, a.session);
    expect(e).toMatchObject({ eligible: false, earliestDate: earliest });
    expect(e.reasons.find((r) => r.check === 'minimum_period')).toMatchObject({ ok: false, rule: 'repair v1.classes.ordinary.minMonths=3', until: earliest });
    const res = await post('/repairs', { record: a.record, materials: FULL }, a.session);
    expect(res.statusCode).toBe(409);
    expect(json(res)).toMatchObject({ error: { code: 'repair_not_eligible', details: [{ field: 'minimum_period', until: earliest }] } });
  });

  it('refuses a category the catalog marks non-repairable', async () => {
    licence = (await penalty({ uscc: a.uscc, name: a.name }, 'XK-1', {}, 'licence')).id;
    const e = await eligibility(`record=${licence}`, a.session);
    expect(e.eligible).toBe(false);
    expect(e.earliestDate).toBeUndefined();
    expect(e.reasons.find((r) => r.check === 'repairable')).toMatchObject({ ok: false, rule: 'repair v1.catalog.repairable' });
    const res = await post('/repairs', { record: licence, materials: FULL }, a.session);
    expect(res.statusCode).toBe(409);
    expect(json(res)).toMatchObject({ error: { code: 'repair_not_eligible' } });
  });

  it('returns incomplete applications, refuses double submission, accepts when complete and decides within 3 working days', async () => {
    t.clock.set(TEST_NOW);
    expect((await eligibility(`record=${a.record}`, a.session)).eligible).toBe(true);
    const res = await post('/repairs', { record: a.record, statement: '已缴清罚款并完成整改', materials: [material('commitment_letter')] }, a.session);
    expect(res.statusCode).toBe(201);
    const r = json<Repair>(res);
    expect(r).toMatchObject({ state: 'returned', decisionDue: null, rule: { code: 'repair', version: 1 } });
    expect(r.materials.missing.map((m) => m.code)).toEqual(['performance_proof', 'identity_proof']);

    const again = await post('/repairs', { record: a.record, materials: FULL }, a.session);
    expect(again.statusCode).toBe(409);
    expect(json(again)).toMatchObject({ error: { code: 'duplicate_application' } });

    const accepted = json<Repair>(await post(`/repairs/${r.id}/materials`, { materials: [material('performance_proof'), material('identity_proof')] }, a.session));
    const due = await workingDaysAfter(TODAY, 3);
    expect(accepted).toMatchObject({ state: 'accepted', acceptedOn: TODAY, decisionDue: due });

    expect((await post(`/repairs/${r.id}/decision`, { decision: 'approve', reason: '符合条件' }, otherClerk)).statusCode).toBe(403);
    expect(json(await post(`/repairs/${r.id}/extend`, { reason: '需核实缴款' }, clerk))).toMatchObject({ state: 'extended', decisionDue: await workingDaysAfter(due, 3) });
    expect(await inArchive(a.uscc, a.record)).toBe(true);

    const approved = await post(`/repairs/${r.id}/decision`, { decision: 'approve', reason: '已履行处罚义务，整改到位' }, clerk);
    expect(json(approved)).toMatchObject({ state: 'approved', decision: { decidedOn: TODAY } });
    expect(await inArchive(a.uscc, a.record)).toBe(false);
    const staffView = json<{ categories: { records: { id: number; notice: string | null }[] }[] }>(await get(`/subjects/${a.uscc}/archive`, admin, '信用修复复核'));
    expect(staffView.categories.flatMap((c) => c.records).find((x) => x.id === a.record)).toMatchObject({ notice: '已信用修复' });

    const versions = json<{ items: { op: string; reason: string; snapshot: { state: string } }[] }>(await get(`/records/${a.record}/versions`, admin)).items;
    expect(versions.at(-1)).toMatchObject({ op: 'state', snapshot: { state: 'repaired' } });
    expect(versions.at(-1)!.reason).toContain('信用修复规则第 1 版');
    const ev = await t.db.pool.query<{ payload: { repairId: number; shareBy: string } }>(`select payload from domain_event where type = 'repair.approved'`);
    expect(ev.rows.map((x) => x.payload)).toContainEqual(expect.objectContaining({ repairId: r.id, shareBy: await workingDaysAfter(TODAY, 3) }));
    const notes = json<{ items: { kind: string }[] }>(await get('/me/notifications', a.session)).items.map((n) => n.kind);
    expect(notes).toContain('repair.approved');
    const file = json<{ events: { type: string; label: string }[]; files: { role: string }[] }>(await get(`/repairs/${r.id}`, a.session));
    expect(file.events.map((e) => e.type)).toEqual(['applied', 'accepted', 'extended', 'decided']);
    expect(file.events.map((e) => e.label)).toEqual(['已提交申请', '已受理', '已延期', '已作出处理决定']);
    expect(file.files.map((f) => f.role).sort()).toEqual(['commitment_letter', 'identity_proof', 'performance_proof']);
  });

  it('re-checks a granted repair: revoked, the record is published again and the abuse bar starts', async () => {
    const id = json<{ items: { id: number; record: number }[] }>(await get('/repairs?state=approved', admin)).items.find((x) => x.record === a.record)!.id;
    const res = await post(`/repairs/${id}/recheck`, { outcome: 'revoked', reason: '复查发现以虚假缴款凭证申请修复' }, admin);
    expect(json(res)).toMatchObject({ state: 'revoked', barUntil: yearsAfter(TODAY, 3) });
    expect(await inArchive(a.uscc, a.record)).toBe(true);
    const e = await eligibility(`record=${a.record}`, a.session);
    expect(e).toMatchObject({ eligible: false, earliestDate: yearsAfter(TODAY, 3) });
    expect(e.reasons.find((r) => r.check === 'abuse_bar')).toMatchObject({ ok: false, rule: 'repair v1.abuseBarYears=3' });
  });

  it('takes list entries resting on the repaired record off their list with reason repair', async () => {
    const b = await party('南通市修复乙有限公司');
    const entry = await post('/lists/focus_watch/entries', { subject: b.uscc, basisRecords: [b.record], reason: '存在一般失信行为' }, admin);
    expect(entry.statusCode).toBe(201);
    const entryId = json<{ id: number }>(entry).id;
    const r = json<Repair>(await post('/repairs', { record: b.record, materials: FULL }, b.session));
    expect(r.state).toBe('accepted');
    const done = json<Repair>(await post(`/repairs/${r.id}/decision`, { decision: 'approve', reason: '符合修复条件' }, admin));
    expect(done).toMatchObject({ state: 'approved', pendingListExits: [] });
    const exited = json<{ items: { id: number; exitReason: string }[] }>(await get('/lists/focus_watch/entries?state=exited', admin)).items;
    expect(exited.find((e) => e.id === entryId)).toMatchObject({ exitReason: 'repair' });
  });

  it('excludes a subject on a serious-dishonesty list, and counts list entries as serious', async () => {
    const c = await party('南通市修复丙有限公司');
    const entry = json<{ id: number }>(await post('/lists/major_tax_violation/entries', { subject: c.uscc, basisRecords: [c.record], reason: '偷税', documentNo: `税稽罚〔${yearOf(TODAY)}〕1号` }, admin));
    const e = await eligibility(`record=${c.record}`, c.session);
    expect(e.reasons.find((r) => r.check === 'blacklist')).toMatchObject({ ok: false, rule: 'repair v1.excludeBlacklisted=true' });
    expect(e.earliestDate).toBeUndefined();
    const onEntry = await eligibility(`listEntry=${entry.id}`, c.session);
    expect(onEntry.reasons.find((r) => r.check === 'minimum_period')).toMatchObject({ ok: false, rule: 'repair v1.classes.serious.minMonths=12', until: monthsAfter(TODAY, 12) });
    expect(onEntry.materials.required.map((m) => m.code)).toEqual(['commitment_letter', 'performance_proof', 'rectification_report', 'identity_proof']);
  });

  it('lets a minor penalty be repaired at once, flags overdue decisions, and allows a new application after a refusal', async () => {
    const d = await party('南通市修复丁有限公司');
    const warning = await penalty({ uscc: d.uscc, name: d.name }, 'warn-1', { CF_CFLB: '警告', CF_NR: '警告', CF_NR_FK: '', CF_JDRQ: addDays(TODAY, -5) });
    const e = await eligibility(`record=${warning.id}`, d.session);
    expect(e.eligible).toBe(true);
    expect(e.materials.required.map((m) => m.code)).toEqual(['commitment_letter', 'performance_proof']);
    const first = json<Repair>(await post('/repairs', { record: d.record, materials: FULL }, d.session));
    t.clock.set(at(addDays(first.decisionDue!, 1), '09:00'));
    expect((await runSubjectRightsSweep(t.db.pool, t.clock, t.db.pd)).repairsOverdue).toBe(1);
    expect(json(await get(`/repairs/${first.id}`, admin))).toMatchObject({ overdue: true });
    expect((await runSubjectRightsSweep(t.db.pool, t.clock, t.db.pd)).repairsOverdue).toBe(0);
    expect(json(await post(`/repairs/${first.id}/decision`, { decision: 'reject', reason: '罚款尚未缴清' }, clerk))).toMatchObject({ state: 'rejected' });
    const second = await post('/repairs', { record: d.record, materials: FULL }, d.session);
    expect(second.statusCode).toBe(201);
    expect(json(second)).toMatchObject({ state: 'accepted' });
  });

  it('keeps other subjects and other departments out of a case', async () => {
    const e = await party('南通市修复戊有限公司');
    const stranger = await party('南通市无关有限公司');
    expect((await get(`/repairs/eligibility?record=${e.record}`, stranger.session)).statusCode).toBe(403);
    expect((await post('/repairs', { record: e.record, materials: FULL }, stranger.session)).statusCode).toBe(403);
    const r = json<Repair>(await post('/repairs', { record: e.record, materials: FULL }, e.session));
    expect((await get(`/repairs/${r.id}`, otherClerk)).statusCode).toBe(403);
    expect((await get(`/repairs/${r.id}`, stranger.session)).statusCode).toBe(403);
    const inbox = json<{ items: { id: number }[] }>(await get('/repairs', clerk)).items.map((x) => x.id);
    expect(inbox).toContain(r.id);
    expect(json<{ items: unknown[] }>(await get('/repairs', otherClerk)).items).toEqual([]);
  });
});
