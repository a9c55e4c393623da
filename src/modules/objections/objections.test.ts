import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, type SessionHeaders } from '../../../test/helpers/app.js';
import { addDays, at, daysBetween, TEST_NOW, TEST_TODAY, weekdayOf, yearOf } from '../../../test/helpers/clock.js';
import { makeDepartment, newCitizenId, newUscc, penaltyRow } from '../../../test/helpers/factories.js';
import { runSubjectRightsSweep } from '../subject-rights/sweep.js';
import { createRightsTestApp, PDF, type RightsTestApp } from '../rules/test-app.js';

// Objections are received on the clock's day, and the deadlines cross a holiday shaped like 国庆 2026
// (received Wed 30 Sep; Thu 1 – Wed 7 Oct off; Sat 10 Oct a make-up working day): days off from the
// next day through the first Wednesday at least a week on, then an ordinary week whose Saturday is
// worked. Declared through the calendar service, so the scenario moves with the clock.
const RECEIVED = TEST_TODAY;
const LAST_OFF = dayOfWeekOnOrAfter(addDays(RECEIVED, 7), 3);
const HOLIDAY = Array.from({ length: daysBetween(RECEIVED, LAST_OFF) }, (_, i) => addDays(RECEIVED, i + 1));
const WEEK_AFTER = Array.from({ length: 6 }, (_, i) => addDays(LAST_OFF, i + 1));
const MAKE_UP = addDays(LAST_OFF, 3);
// Thu, Fri, Sat (make-up), Mon, Tue: the deadlines 国庆 gave (8 and 13 Oct, and 10 Oct for 3 days).
const CHECK_DUE = addDays(LAST_OFF, 1);
const FIVE_DAYS = addDays(LAST_OFF, 6);

function dayOfWeekOnOrAfter(date: string, dow: number): string {
  let d = date;
  while (weekdayOf(d) !== dow) d = addDays(d, 1);
  return d;
}

let t: RightsTestApp;
let dept: { code: string; uscc: string };
let admin: SessionHeaders;
let operator: SessionHeaders;
let clerk: SessionHeaders;
let otherClerk: SessionHeaders;
let subject: SessionHeaders;
let subjectId: number;
const uscc = newUscc();
const name = '南通市异议测试有限公司';
let seq = 0;

type Body = Record<string, unknown> & { id: number; state: string };
type ArchiveBody = { categories: { code: string; records: { id: number; state: string; notice: string | null }[] }[] };

const post = (url: string, payload: object, headers?: SessionHeaders) => t.app.inject({ method: 'POST', url: `/api/v1${url}`, payload, ...(headers ? { headers } : {}) });
const get = (url: string, headers?: SessionHeaders) => t.app.inject({ url: `/api/v1${url}`, ...(headers ? { headers } : {}) });

async function fileRecord(): Promise<number> {
  seq += 1;
  const res = await post('/records', { department: 'SCJGJ', category: 'penalty', fields: penaltyRow({ uscc, name, wsh: `通市监罚〔${yearOf(RECEIVED)}〕${seq}号`, dept }) }, admin);
  if (res.statusCode !== 201) throw new Error(res.body);
  return json<Body>(res).id;
}

const object = (record: number, headers = subject, extra: object = {}) =>
  post('/objections', { record, grounds: 'wrong', reason: '处罚决定已被复议撤销，记录有误', evidence: [PDF('复议决定书.pdf')], ...extra }, headers);

const workingDaysAfter = async (date: string, days: number) => json<{ date: string }>(await get(`/calendar/working-days/add?date=${date}&days=${days}`)).date;

async function archiveRecord(id: number) {
  const a = json<ArchiveBody>(await get(`/subjects/${uscc}/archive`));
  return a.categories.flatMap((c) => c.records).find((r) => r.id === id) ?? null;
}

beforeAll(async () => {
  t = await createRightsTestApp();
  dept = await makeDepartment(t);
  await makeDepartment(t, 'SWJ', '市税务局');
  admin = await t.loginAs('admin');
  // The week after is ordinary whatever the published calendar lists there; then declare the scenario.
  for (const date of WEEK_AFTER) await t.app.inject({ method: 'DELETE', url: `/api/v1/calendar/days/${date}`, headers: admin });
  const days = [...HOLIDAY.map((d) => [d, { kind: 'holiday', name: '测试长假' }] as const), [MAKE_UP, { kind: 'workday', name: '测试长假调休' }] as const];
  for (const [date, payload] of days) {
    const res = await t.app.inject({ method: 'PUT', url: `/api/v1/calendar/days/${date}`, payload, headers: admin });
    if (res.statusCode !== 200) throw new Error(res.body);
  }
  operator = await t.loginAs('operator');
  clerk = await t.loginAs('department', 'SCJGJ');
  otherClerk = await t.loginAs('department', 'SWJ');
  const first = await fileRecord();
  subjectId = json<Body & { subjectId: number }>(await get(`/records/${first}`, admin)).subjectId;
  subject = await t.loginAs('subject', undefined, subjectId);
});
afterAll(() => t.close());

describe('objections', () => {
  it('marks the record 异议处理中 at once, routes it with deadlines across a holiday week, and refuses a second submission', async () => {
    const record = await fileRecord();
    const res = await object(record);
    expect(res.statusCode).toBe(201);
    const o = json<Body>(res);
    const fiveDays = await workingDaysAfter(RECEIVED, 5);
    expect(fiveDays).toBe(FIVE_DAYS);
    expect(await workingDaysAfter(RECEIVED, 1)).toBe(CHECK_DUE);
    expect(o).toMatchObject({
      state: 'received', receivedOn: RECEIVED, checkDue: CHECK_DUE, dueOn: fiveDays, overdue: false, filedBy: 'subject',
      department: { code: 'SCJGJ' }, rule: { code: 'objection', version: 1, params: { providerDecisionWorkingDays: 5 } },
    });
    expect(o.trackingNo).toMatch(/^YY-[A-Z2-9]{6}$/);
    expect(await archiveRecord(record)).toMatchObject({ state: 'disputed', notice: '异议处理中' });

    const again = await object(record);
    expect(again.statusCode).toBe(409);
    expect(json(again)).toMatchObject({ error: { code: 'duplicate_objection', details: [{ trackingNo: o.trackingNo }] } });

    const foreign = await post(`/objections/${o.id}/decision`, { decision: 'maintain', reason: '经核实无误' }, otherClerk);
    expect(foreign.statusCode).toBe(403);
    expect(await archiveRecord(record)).toMatchObject({ state: 'disputed' });

    const decided = await post(`/objections/${o.id}/decision`, { decision: 'maintain', reason: '经核实，处罚决定有效，复议维持' }, clerk);
    expect(decided.statusCode).toBe(200);
    expect(json(decided)).toMatchObject({ state: 'maintained', open: false, outcome: { reason: '经核实，处罚决定有效，复议维持', decidedOn: RECEIVED } });
    expect(await archiveRecord(record)).toMatchObject({ state: 'active', notice: null });

    const file = json<{ events: { type: string; toState: string }[]; files: { id: number; role: string }[] }>(await get(`/objections/${o.id}`, subject));
    expect(file.events.map((e) => [e.type, e.toState])).toEqual([['received', 'received'], ['decided', 'maintained']]);
    expect(file.files.map((f) => f.role)).toEqual(['evidence']);
    const download = await get(`/objections/${o.id}/files/${file.files[0]!.id}`, clerk);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.body.startsWith('%PDF')).toBe(true);
    expect((await get(`/objections/${o.id}/files/${file.files[0]!.id}`, otherClerk)).statusCode).toBe(403);
    const notes = json<{ items: { kind: string; refId: number }[] }>(await get('/me/notifications', subject)).items;
    expect(notes.filter((n) => n.refId === o.id).map((n) => n.kind)).toEqual(['objection.decided', 'objection.received']);
    expect((await get(`/objections/${o.id}`, otherClerk)).statusCode).toBe(403);
  });

  it('corrects the record as a new version in the ledger', async () => {
    const record = await fileRecord();
    const o = json<Body>(await object(record, subject, { grounds: 'incomplete' }));
    const missing = await post(`/objections/${o.id}/decision`, { decision: 'correct', reason: '补充处罚内容' }, clerk);
    expect(missing.statusCode).toBe(400);
    const res = await post(`/objections/${o.id}/decision`, { decision: 'correct', reason: '补充处罚内容', fields: { CF_NR: '罚款人民币5000元，责令改正' } }, clerk);
    expect(json(res)).toMatchObject({ state: 'corrected', outcome: { recordVersion: 4 } });
    const versions = json<{ items: { op: string; snapshot: { state: string; fields: Record<string, string> } }[] }>(await get(`/records/${record}/versions`, admin)).items;
    expect(versions.map((v) => `${v.op}:${v.snapshot.state}`)).toEqual(['create:active', 'state:disputed', 'update:disputed', 'state:active']);
    expect(versions[3]!.snapshot.fields.CF_NR).toBe('罚款人民币5000元，责令改正');
  });

  it('revokes the record, which leaves the public archive and takes the list entry resting on it off its list', async () => {
    const record = await fileRecord();
    const entry = json<{ id: number }>(await post('/lists/focus_watch/entries', { subject: uscc, basisRecords: [record], reason: '存在失信行为' }, admin));
    const o = json<Body>(await object(record, subject, { grounds: 'wrongly_listed' }));
    expect(json(await post(`/objections/${o.id}/decision`, { decision: 'revoke', reason: '处罚决定已被撤销' }, admin))).toMatchObject({ state: 'revoked' });
    expect(await archiveRecord(record)).toBeNull();
    expect(json(await get(`/records/${record}`, admin))).toMatchObject({ state: 'revoked' });
    const exited = json<{ items: { id: number; exitReason: string; exitNote: string }[] }>(await get('/lists/focus_watch/entries?state=exited', admin)).items;
    expect(exited.find((e) => e.id === entry.id)).toMatchObject({ exitReason: 'error' });
    expect(exited.find((e) => e.id === entry.id)!.exitNote).toContain(o.trackingNo as string);
  });

  it('refuses an objection to someone else\'s record and checks an agent\'s papers', async () => {
    const record = await fileRecord();
    const stranger = await t.loginAs('subject', undefined, json<{ subjectId: number }>(await post('/records', {
      department: 'SCJGJ', category: 'penalty', fields: penaltyRow({ uscc: newUscc(), name: '别的公司', wsh: 'X-other-1', dept }),
    }, admin)).subjectId);
    expect((await object(record, stranger)).statusCode).toBe(403);
    const noPapers = await object(record, operator, { agentName: '李律师' });
    expect(noPapers.statusCode).toBe(400);
    expect(json(noPapers)).toMatchObject({ error: { details: [{ field: 'powerOfAttorney' }] } });
    const badFile = await object(record, operator, { agentName: '李律师', powerOfAttorney: { name: 'x.pdf', contentType: 'application/pdf', dataBase64: Buffer.from('not a pdf').toString('base64') } });
    expect(badFile.statusCode).toBe(400);
    const ok = await object(record, operator, { agentName: '李律师', powerOfAttorney: PDF('授权委托书.pdf') });
    expect(ok.statusCode).toBe(201);
    expect(json(ok)).toMatchObject({ filedBy: 'agent', agentName: '李律师' });
  });

  it('masks an ID number typed into the reason, the agent, evidence names and later notes before storing them', async () => {
    const id = newCitizenId();
    const masked = `${id.slice(0, 4)}**********${id.slice(14)}`;
    const record = await fileRecord();
    const res = await object(record, operator, {
      reason: `法定代表人身份证号${id}，处罚对象有误；另见A${id}号与${id}abc`, agentName: `李律师${id}`,
      powerOfAttorney: PDF('授权委托书.pdf'), evidence: [PDF(`身份证${id}.pdf`)],
    });
    expect(res.statusCode, res.body).toBe(201);
    const o = json<Body & { reason: string }>(res);
    expect(o.reason).toBe(`法定代表人身份证号${masked}，处罚对象有误；另见A${masked}号与${masked}abc`);
    const read = await get(`/objections/${o.id}`, clerk);
    expect(json(read)).toMatchObject({ reason: o.reason, agentName: `李律师${masked}`, events: [{ note: o.reason }] });
    expect(json<{ files: { name: string }[] }>(read).files.map((f) => f.name)).toContain(`身份证${masked}.pdf`);
    expect((await post(`/objections/${o.id}/extend`, { reason: `须向${id}本人核实` }, clerk)).statusCode).toBe(200);
    const later = await get(`/objections/${o.id}`, admin);
    expect(json<{ events: { note: string | null }[] }>(later).events.map((e) => e.note)).toContain(`须向${masked}本人核实`);
    expect(read.body + later.body).not.toContain(id.slice(0, 17));
    for (const table of ['objection', 'objection_event', 'evidence_file', 'notification', 'record_version']) {
      const found = await t.db.pool.query(`select count(*) from ${table} t where t::text like $1`, [`%${id.slice(0, 17)}%`]);
      expect(Number(found.rows[0].count), table).toBe(0);
    }
  });

  it('extends once, to 20 working days from receipt', async () => {
    const o = json<Body>(await object(await fileRecord()));
    const twenty = await workingDaysAfter(RECEIVED, 20);
    const res = await post(`/objections/${o.id}/extend`, { reason: '需征求复议机关意见' }, clerk);
    expect(json(res)).toMatchObject({ state: 'extended', extensions: 1, dueOn: twenty });
    const twice = await post(`/objections/${o.id}/extend`, { reason: '再延一次' }, clerk);
    expect(twice.statusCode).toBe(409);
  });

  it('shows the public its progress by tracking number, without personal details', async () => {
    const o = json<Body & { trackingNo: string }>(await object(await fileRecord()));
    const res = await get(`/objections/track/${o.trackingNo}`);
    expect(res.statusCode).toBe(200);
    expect(json(res)).toMatchObject({ trackingNo: o.trackingNo, state: 'received', dueOn: FIVE_DAYS, steps: [{ step: '已受理并标注异议' }] });
    expect(res.body).not.toContain(name);
    expect(res.body).not.toContain(uscc);
    expect(res.body).not.toContain('复议撤销');
    expect((await get('/objections/track/YY-AAAAAA')).statusCode).toBe(404);
  });

  it('escalates overdue objections to the credit centre after the sweep, once', async () => {
    const o = json<Body>(await object(await fileRecord()));
    t.clock.set(at(o.dueOn as string, '18:00'));
    expect((await runSubjectRightsSweep(t.db.pool, t.clock)).objectionsEscalated).toBe(0);
    t.clock.set(at(addDays(o.dueOn as string, 1), '09:00'));
    const swept = await runSubjectRightsSweep(t.db.pool, t.clock);
    expect(swept.objectionsEscalated).toBeGreaterThanOrEqual(1);
    expect(json(await get(`/objections/${o.id}`, admin))).toMatchObject({ state: 'escalated', overdue: true });
    expect((await runSubjectRightsSweep(t.db.pool, t.clock)).objectionsEscalated).toBe(0);
    const inbox = json<{ items: { id: number; overdue: boolean }[] }>(await get('/objections?overdue=true&department=SCJGJ', admin)).items;
    expect(inbox.map((i) => i.id)).toContain(o.id);
    expect(inbox.every((i) => i.overdue)).toBe(true);
    const centre = json<{ items: { kind: string; refId: number }[] }>(await get('/me/notifications', operator)).items;
    expect(centre.some((n) => n.kind === 'objection.overdue' && n.refId === o.id)).toBe(true);
    const events = json<{ events: { type: string; actor: { kind: string } }[] }>(await get(`/objections/${o.id}`, admin)).events;
    expect(events.filter((e) => e.type === 'escalated')).toEqual([expect.objectContaining({ actor: expect.objectContaining({ kind: 'system' }) })]);
    expect(json(await post(`/objections/${o.id}/decision`, { decision: 'maintain', reason: '信用中心督办后核实无误' }, operator))).toMatchObject({ state: 'maintained' });
    const clerkInbox = json<{ items: { department: { code: string } }[] }>(await get('/objections?department=SWJ', clerk)).items;
    expect(clerkInbox.every((i) => i.department.code === 'SCJGJ')).toBe(true);
  });

  it('reports objections per 100,000 records and the valid-objection rate per department', async () => {
    const res = await get('/objections/stats', admin);
    expect(res.statusCode).toBe(200);
    const scj = json<{ items: Record<string, unknown>[] }>(res).items.find((i) => i.department === 'SCJGJ')!;
    expect(scj).toMatchObject({ corrected: 1, revoked: 1, maintained: 2 });
    const n = scj.records as number;
    expect(scj.objectionsPer100k).toBeCloseTo(((scj.objections as number) / n) * 100_000, 1);
    expect(scj.validRate).toBe(0.5);
    expect((await get('/objections/stats', subject)).statusCode).toBe(403);
  });

  it('applies a new rule version to new objections only', async () => {
    t.clock.set(TEST_NOW);
    const old = json<Body>(await object(await fileRecord()));
    const current = json<{ params: Record<string, unknown> }>(await get('/rules/objection'));
    const put = await t.app.inject({ method: 'PUT', url: '/api/v1/rules/objection', payload: { params: { ...current.params, providerDecisionWorkingDays: 3 }, note: '缩短为 3 个工作日' }, headers: admin });
    expect(json(put)).toMatchObject({ version: 2, current: true });
    const fresh = json<Body>(await object(await fileRecord()));
    expect(weekdayOf(MAKE_UP)).toBe(6);
    expect(fresh).toMatchObject({ rule: { version: 2 }, dueOn: MAKE_UP }); // the Saturday is a make-up working day
    expect(json(await get(`/objections/${old.id}`, admin))).toMatchObject({ rule: { version: 1 }, dueOn: FIVE_DAYS });
  });
});
