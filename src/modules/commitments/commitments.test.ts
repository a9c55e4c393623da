import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, type SessionHeaders } from '../../../test/helpers/app.js';
import { addDays, at, daysFromNow, TEST_TODAY } from '../../../test/helpers/clock.js';
import { licenceRow, makeDepartment, newCitizenId, newUscc, penaltyRow } from '../../../test/helpers/factories.js';
import { runSubjectRightsSweep } from '../subject-rights/sweep.js';
import { createRightsTestApp, type RightsTestApp } from '../rules/test-app.js';

let t: RightsTestApp;
let dept: { code: string; uscc: string };
let admin: SessionHeaders;
let operator: SessionHeaders;
let clerk: SessionHeaders;
let otherClerk: SessionHeaders;
let seq = 0;

type Commitment = { id: number; state: string; verificationDue: string | null; publicRecord: number | null; breachRecord: number | null } & Record<string, unknown>;
type ArchiveRecord = { id: number; category: string; state: string; severity: string | null } & Record<string, unknown>;

const post = (url: string, payload: object, headers?: SessionHeaders) => t.app.inject({ method: 'POST', url: `/api/v1${url}`, payload, ...(headers ? { headers } : {}) });
const get = (url: string, headers?: SessionHeaders) => t.app.inject({ url: `/api/v1${url}`, ...(headers ? { headers } : {}) });

async function company(name: string, fields: 'licence' | 'serious' = 'licence') {
  seq += 1;
  const uscc = newUscc();
  const res = fields === 'licence'
    ? await post('/records', { department: 'SCJGJ', category: 'licence', fields: licenceRow({ uscc, name, wsh: `XK-${seq}`, dept }) }, admin)
    : await post('/records', { department: 'SCJGJ', category: 'penalty', fields: penaltyRow({ uscc, name, wsh: `CF-${seq}`, dept, overrides: { CF_CFLB: '吊销许可证件', CF_NR: '吊销食品经营许可证' } }) }, admin);
  if (res.statusCode !== 201) throw new Error(res.body);
  const subjectId = json<{ subjectId: number }>(res).subjectId;
  return { uscc, name, subjectId, session: await t.loginAs('subject', undefined, subjectId) };
}

const archive = async (code: string): Promise<ArchiveRecord[]> =>
  json<{ categories: { records: ArchiveRecord[] }[] }>(await get(`/subjects/${code}/archive`)).categories.flatMap((c) => c.records);
const workingDaysAfter = async (date: string, days: number) => json<{ date: string }>(await get(`/calendar/working-days/add?date=${date}&days=${days}`)).date;
const sign = (session: SessionHeaders, extra: object = {}) => post('/commitments', { item: 'FOOD-CERT', matter: '申请食品经营许可，承诺具备经营场所', ...extra }, session);

beforeAll(async () => {
  t = await createRightsTestApp();
  dept = await makeDepartment(t);
  await makeDepartment(t, 'SWJ', '市税务局');
  admin = await t.loginAs('admin');
  operator = await t.loginAs('operator');
  clerk = await t.loginAs('department', 'SCJGJ');
  otherClerk = await t.loginAs('department', 'SWJ');
  const item = {
    code: 'FOOD-CERT', name: '食品经营许可经营场所证明', type: 'certification_notice', verificationWorkingDays: 5, department: 'SCJGJ',
    templateText: '{主体名称}承诺：{承诺事由}。如有虚假，愿承担相应法律责任。承诺日期：{承诺日期}；受理单位：{受理单位}', legalBasis: '国办发〔2020〕42号',
  };
  expect((await post('/commitment-items', item, clerk)).statusCode).toBe(403);
  expect((await post('/commitment-items', item, operator)).statusCode).toBe(201);
  expect((await post('/commitment-items', { ...item, code: 'MISSING', name: '容缺受理', type: 'missing_material', verificationWorkingDays: undefined }, operator)).statusCode).toBe(201);
  expect((await post('/commitment-items', item, operator)).statusCode).toBe(409);
});
afterAll(() => t.close());

describe('credit commitments', () => {
  it('publishes the item list and lets a subject sign in the portal; public commitments appear in the archive', async () => {
    const items = json<{ items: { code: string; typeLabel: string }[] }>(await get('/commitment-items')).items;
    expect(items.map((i) => [i.code, i.typeLabel])).toEqual([['FOOD-CERT', '证明事项告知承诺'], ['MISSING', '容缺受理型']]);
    const a = await company('南通市承诺甲有限公司');
    const res = await sign(a.session);
    expect(res.statusCode).toBe(201);
    const c = json<Commitment>(res);
    const due = await workingDaysAfter(TEST_TODAY, 5);
    expect(c).toMatchObject({ state: 'signed', channel: 'portal', verificationDue: due, department: { code: 'SCJGJ' }, rule: { code: 'commitment', version: 1 } });
    expect(c.signedText).toBe(`南通市承诺甲有限公司承诺：申请食品经营许可，承诺具备经营场所。如有虚假，愿承担相应法律责任。承诺日期：${TEST_TODAY}；受理单位：市市场监督管理局`);
    const rec = (await archive(a.uscc)).find((r) => r.id === c.publicRecord);
    expect(rec).toMatchObject({ category: 'commitment', CNLX: '证明事项告知承诺', LXZT: '履约中', SLDW: '市市场监督管理局' });

    const gap = json<Commitment>(await sign(a.session, { item: 'MISSING', matter: '容缺受理，7 个工作日内补交消防验收意见' }));
    expect(gap.verificationDue).toBe(await workingDaysAfter(TEST_TODAY, 7));
    expect((await archive(a.uscc)).find((r) => r.id === gap.publicRecord)).toMatchObject({ CNLX: '容缺受理型' });
  });

  it('asks for the accepting department when a voluntary item names none, and fills the text with the signer\'s data', async () => {
    const voluntary = {
      code: 'VOLUNTARY', name: '主动型信用承诺', type: 'voluntary', verificationWorkingDays: null, department: null,
      templateText: '{主体名称}（{统一社会信用代码}）郑重承诺：{承诺事由}。承诺日期：{承诺日期}；受理单位：{受理单位}',
    };
    const bad = await post('/commitment-items', { ...voluntary, code: 'BAD-TEXT', templateText: '{主体名称}由{法定代表人}签字' }, operator);
    expect(bad.statusCode).toBe(400);
    expect(json(bad)).toMatchObject({ error: { details: [{ field: 'templateText', message: expect.stringContaining('{法定代表人} 无法填写') }] } });
    expect((await post('/commitment-items', voluntary, operator)).statusCode).toBe(201);
    const item = json<{ items: { code: string; textPreview: string }[] }>(await get('/commitment-items')).items.find((i) => i.code === 'VOLUNTARY')!;
    expect(item.textPreview).toBe('（承诺主体名称）（（统一社会信用代码））郑重承诺：（承诺事由）。承诺日期：（签署日期）；受理单位：（承诺受理单位）');

    const v = await company('南通市主动承诺有限公司');
    const preview = async (q: string) => {
      const r = await get(`/commitment-items/VOLUNTARY/preview?${q}`, v.session);
      expect(r.statusCode, r.body).toBe(200);
      return json<{ text: string; departmentRequired: boolean; department: { code: string; name: string } | null }>(r);
    };
    expect(await preview('matter=x')).toMatchObject({ departmentRequired: true, department: null });
    const p = await preview(`matter=${encodeURIComponent('诚信经营、依法纳税')}&department=SWJ`);
    expect(p).toMatchObject({ departmentRequired: true, department: { code: 'SWJ', name: '市税务局' } });
    expect(p.text).toBe(`南通市主动承诺有限公司（${v.uscc}）郑重承诺：诚信经营、依法纳税。承诺日期：${TEST_TODAY}；受理单位：市税务局`);
    expect((await preview('')).text).not.toContain('{');
    expect((await get('/commitment-items/VOLUNTARY/preview?department=NOPE', v.session)).statusCode).toBe(404);
    // The item with a department of its own needs no choice.
    expect(json<{ departmentRequired: boolean; department: { code: string } }>(await get('/commitment-items/FOOD-CERT/preview', v.session))).toMatchObject({ departmentRequired: false, department: { code: 'SCJGJ' } });

    const missing = await post('/commitments', { item: 'VOLUNTARY', matter: '诚信经营、依法纳税' }, v.session);
    expect(missing.statusCode).toBe(400);
    expect(json(missing)).toMatchObject({ error: { message: '须指定承诺受理单位', details: [{ field: 'department', message: '请选择承诺受理单位' }] } });
    const signed = await post('/commitments', { item: 'VOLUNTARY', matter: '诚信经营、依法纳税', department: 'SWJ' }, v.session);
    expect(signed.statusCode, signed.body).toBe(201);
    const c = json<Commitment>(signed);
    expect(c).toMatchObject({ department: { code: 'SWJ' }, verificationDue: null });
    expect(c.signedText).toBe(p.text);
  });

  it('lets a department register a commitment during an approval, and only it records fulfilment', async () => {
    const b = await company('南通市承诺乙有限公司');
    const res = await sign(clerk, { party: b.uscc });
    expect(res.statusCode).toBe(201);
    const c = json<Commitment>(res);
    expect(c).toMatchObject({ channel: 'department', subject: { name: b.name } });
    expect((await sign(clerk)).statusCode).toBe(400);
    expect((await post(`/commitments/${c.id}/fulfilment`, { outcome: 'fulfilled', note: '' }, otherClerk)).statusCode).toBe(403);
    expect(json(await post(`/commitments/${c.id}/fulfilment`, { outcome: 'fulfilled', note: '现场核查属实' }, clerk))).toMatchObject({ state: 'fulfilled', outcome: { on: TEST_TODAY } });
    expect((await archive(b.uscc)).find((r) => r.id === c.publicRecord)).toMatchObject({ LXZT: '已履约', version: 2 });
    expect((await post(`/commitments/${c.id}/withdraw`, { reason: '不再需要' }, b.session)).statusCode).toBe(409);
    const mine = json<{ items: { id: number }[] }>(await get('/commitments', b.session)).items.map((x) => x.id);
    expect(mine).toEqual([c.id]);
    expect(json<{ total: number }>(await get(`/commitments?subject=${b.uscc}&state=fulfilled`, admin)).total).toBe(1);
  });

  it('turns a breach into a dishonesty record in the archive and excludes the subject from further commitments', async () => {
    const c = await company('南通市承诺丙有限公司');
    const signed = json<Commitment>(await sign(c.session));
    expect((await post(`/commitments/${signed.id}/fulfilment`, { outcome: 'breached', note: '' }, clerk)).statusCode).toBe(400);
    const res = await post(`/commitments/${signed.id}/fulfilment`, { outcome: 'breached', note: '经核查无实际经营场所，承诺不实' }, clerk);
    const breached = json<Commitment>(res);
    expect(breached).toMatchObject({ state: 'breached' });
    const records = await archive(c.uscc);
    expect(records.find((r) => r.id === breached.breachRecord)).toMatchObject({
      category: 'commitment_breach', state: 'active', severity: 'ordinary', WYQX: '经核查无实际经营场所，承诺不实', RDRQ: TEST_TODAY,
    });
    expect(records.find((r) => r.id === breached.publicRecord)).toMatchObject({ LXZT: '未履约' });
    const ev = await t.db.pool.query(`select 1 from domain_event where type = 'commitment.breached' and (payload->>'commitmentId')::int = $1`, [signed.id]);
    expect(ev.rowCount).toBe(1);
    const again = await sign(c.session);
    expect(again.statusCode).toBe(409);
    expect(json(again)).toMatchObject({ error: { code: 'commitment_excluded', details: [{ rule: 'commitment v1.excludeFalseCommitment' }] } });
    const notes = json<{ items: { kind: string }[] }>(await get('/me/notifications', c.session)).items.map((n) => n.kind);
    expect(notes).toContain('commitment.breached');
  });

  it('refuses a subject with serious adverse records, with the reason', async () => {
    const d = await company('南通市承诺丁有限公司', 'serious');
    const res = await sign(d.session);
    expect(res.statusCode).toBe(409);
    expect(json(res)).toMatchObject({ error: { code: 'commitment_excluded', details: [{ rule: 'commitment v1.excludeSeriousAdverse' }] } });
  });

  it('lets a natural person sign after confirming the ID number, and files a breach about the person', async () => {
    const id = newCitizenId();
    const res = await post('/records', {
      department: 'SCJGJ', category: 'licence',
      fields: { ...licenceRow({ uscc: '', name: '王承诺', wsh: 'XK-person', dept }), XK_XDR_LB: '自然人', XK_XDR_SHXYM: '', XK_FRDB: '', XK_XDR_ZJLX: '身份证', XK_XDR_ZJHM: id },
    }, admin);
    const person = await t.loginAs('subject', undefined, json<{ subjectId: number }>(res).subjectId);
    expect((await sign(person)).statusCode).toBe(400);
    const signed = await sign(person, { idNumber: id });
    expect(signed.statusCode).toBe(201);
    const c = json<Commitment>(signed);
    const breached = json<Commitment>(await post(`/commitments/${c.id}/fulfilment`, { outcome: 'breached', note: '承诺不实' }, clerk));
    expect(breached.breachRecord).toBeGreaterThan(0);
    const rec = json<{ fields: Record<string, string> }>(await get(`/records/${breached.breachRecord}`, admin));
    expect(rec.fields.ZJHM).toMatch(/\*/);
    expect(JSON.stringify(rec)).not.toContain(id);
  });

  it('flags notified commitments not verified by their deadline, once', async () => {
    const e = await company('南通市承诺戊有限公司');
    const c = json<Commitment>(await sign(e.session));
    t.clock.set(at(c.verificationDue!, '20:00'));
    expect((await runSubjectRightsSweep(t.db.pool, t.clock)).commitmentsUnverified).toBe(0);
    t.clock.set(at(addDays(c.verificationDue!, 1), '09:00'));
    expect((await runSubjectRightsSweep(t.db.pool, t.clock)).commitmentsUnverified).toBeGreaterThanOrEqual(1);
    expect((await runSubjectRightsSweep(t.db.pool, t.clock)).commitmentsUnverified).toBe(0);
    const flagged = json<{ items: { id: number; verificationOverdue: boolean }[] }>(await get('/commitments?overdue=true', clerk)).items;
    expect(flagged.find((x) => x.id === c.id)).toMatchObject({ verificationOverdue: true });
    const notes = json<{ items: { kind: string; refId: number }[] }>(await get('/me/notifications', clerk)).items;
    expect(notes.some((n) => n.kind === 'commitment.unverified' && n.refId === c.id)).toBe(true);
  });

  it('allows withdrawal before completion, which revokes the public record', async () => {
    t.clock.set(daysFromNow(15, '09:00'));
    const f = await company('南通市承诺己有限公司');
    const c = json<Commitment>(await sign(f.session));
    const other = await company('南通市无关有限公司');
    expect((await post(`/commitments/${c.id}/withdraw`, { reason: '不办了' }, other.session)).statusCode).toBe(403);
    expect(json(await post(`/commitments/${c.id}/withdraw`, { reason: '申请人撤回许可申请' }, f.session))).toMatchObject({ state: 'withdrawn' });
    expect((await archive(f.uscc)).some((r) => r.id === c.publicRecord)).toBe(false);
    expect((await post(`/commitments/${c.id}/withdraw`, { reason: '再撤' }, f.session)).statusCode).toBe(409);
    const history = json<{ events: { type: string }[] }>(await get(`/commitments/${c.id}`, f.session)).events.map((x) => x.type);
    expect(history).toEqual(['signed', 'withdrawn']);
  });
});
