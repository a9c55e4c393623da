import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, type SessionHeaders, type TestApp } from '../../../test/helpers/app.js';
import { addDays, at, monthsAfter, TEST_TODAY } from '../../../test/helpers/clock.js';
import { makeDepartment, newCitizenId, newUscc, penaltyRow } from '../../../test/helpers/factories.js';
import type { Clock } from '../../lib/clock.js';
import { startEventDispatch, subscribe, type EventDispatch } from '../events/bus.js';
import type { DomainEvent } from '../events/types.js';
import { sweepPublication } from '../publicity/service.js';
import { MAX_IMPORT_ROWS } from './import.js';
import { verifyListLedger } from './ledger.js';
import { createListsTestApp } from './test-app.js';

let t: TestApp & { clockAt(iso: string): Clock };
let dept: { code: string; uscc: string };
let clerk: SessionHeaders;
let taxClerk: SessionHeaders;
let operator: SessionHeaders;
let dispatch: EventDispatch;
const seen: DomainEvent[] = [];

const subject = async (name: string) => {
  const uscc = newUscc();
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/records', headers: clerk, payload: { department: 'SCJGJ', category: 'penalty', fields: penaltyRow({ uscc, name, wsh: `罚-${uscc}`, dept }) } });
  expect(res.statusCode, res.body).toBe(201);
  return { uscc, recordId: json<{ id: number }>(res).id };
};
const enter = (list: string, payload: object, headers: SessionHeaders | Record<string, never> = operator) =>
  t.app.inject({ method: 'POST', url: `/api/v1/lists/${list}/entries`, headers, payload });
const exit = (id: number, payload: object, headers: SessionHeaders = operator) =>
  t.app.inject({ method: 'POST', url: `/api/v1/list-entries/${id}/exit`, headers, payload });

beforeAll(async () => {
  t = await createListsTestApp();
  dept = await makeDepartment(t);
  await makeDepartment(t, 'SWJ', '市税务局');
  await makeDepartment(t, 'CZJ', '市财政局');
  clerk = await t.loginAs('department', 'SCJGJ');
  taxClerk = await t.loginAs('department', 'SWJ');
  operator = await t.loginAs('operator');
  dispatch = startEventDispatch(t.db.pool);
  await dispatch.ready;
  subscribe('*', (e) => void seen.push(e));
});
afterAll(async () => {
  dispatch.stop();
  await t.close();
});

describe('lists', () => {
  it('seeds the national lists with their kind, basis and issuer; the public sees them', async () => {
    const r = json<{ items: { code: string; kind: string; legalBasis: string; department: string | null }[] }>(await t.app.inject({ url: '/api/v1/lists' }));
    const codes = r.items.map((l) => l.code);
    expect(codes).toEqual(expect.arrayContaining(['court_dishonest_debtor', 'major_tax_violation', 'procurement_serious', 'wage_arrears', 'work_safety_serious', 'tax_a_grade', 'customs_aeo', 'contract_honouring', 'focus_watch']));
    for (const l of r.items.filter((x) => x.kind === 'blacklist')) expect(l.legalBasis).not.toBe('');
    expect(r.items.find((l) => l.code === 'major_tax_violation')).toMatchObject({ kind: 'blacklist', department: 'SWJ' });
  });

  it('refuses a blacklist without legal basis', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/lists', headers: operator, payload: { code: 'no_basis', name: '无依据名单', kind: 'blacklist', issuer: '某局' } });
    expect(res.statusCode).toBe(400);
    expect(json(res)).toMatchObject({ error: { details: [{ field: 'legalBasis' }] } });
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/lists', headers: operator, payload: { code: 'local_watch', name: '本地关注名单', kind: 'watch', issuer: '信用中心', defaultMonths: 6 } });
    expect(ok.statusCode).toBe(201);
  });
});

describe('list entries', () => {
  it('lets the issuing department list a subject on the basis of its own records, with history and event', async () => {
    const s = await subject('南通偷税漏税有限公司');
    const res = await enter('major_tax_violation', { subject: s.uscc, basisRecords: [s.recordId], reason: '偷税数额较大', documentNo: '通税稽罚〔2026〕1号' }, taxClerk);
    expect(res.statusCode, res.body).toBe(201);
    const e = json<{ id: number; state: string; listedOn: string; plannedExpiry: string; version: number; decidedBy: string }>(res);
    // 重大税收违法失信主体 stay listed for three years from the day they are entered.
    expect(e).toMatchObject({ state: 'listed', listedOn: TEST_TODAY, plannedExpiry: monthsAfter(TEST_TODAY, 36), version: 1, decidedBy: '市税务局' });
    const again = await enter('major_tax_violation', { subject: s.uscc, documentNo: 'x', reason: '再次列入' }, taxClerk);
    expect(again.statusCode).toBe(409);
    expect(json(again)).toMatchObject({ error: { code: 'already_listed' } });
    const history = json<{ items: { op: string; version: number; actorKind: string }[] }>(await t.app.inject({ url: `/api/v1/list-entries/${e.id}/versions`, headers: operator }));
    expect(history.items).toMatchObject([{ op: 'enter', version: 1, actorKind: 'user' }]);
    await dispatch.flush();
    expect(seen.filter((x) => x.type === 'list.entered').map((x) => x.payload.entryId)).toContain(e.id);
  });

  it('keeps other departments off a list and basis records to the subject', async () => {
    const s = await subject('南通别人的记录有限公司');
    const other = await subject('南通另一家有限公司');
    expect((await enter('major_tax_violation', { subject: s.uscc, documentNo: '1', reason: 'x' }, clerk)).statusCode).toBe(403);
    expect((await enter('major_tax_violation', { subject: s.uscc, documentNo: '1', reason: 'x' }, {})).statusCode).toBe(401);
    const wrong = await enter('major_tax_violation', { subject: s.uscc, basisRecords: [other.recordId], reason: '依据不符' }, taxClerk);
    expect(wrong.statusCode).toBe(400);
    expect(json(wrong)).toMatchObject({ error: { code: 'invalid_entry', details: [{ field: 'basisRecords[0]' }] } });
    const noBasis = await enter('major_tax_violation', { subject: s.uscc, reason: '没有依据' }, taxClerk);
    expect(noBasis.statusCode).toBe(400);
    expect((await enter('no_such_list', { subject: s.uscc, reason: 'x' })).statusCode).toBe(404);
    expect((await enter('major_tax_violation', { subject: '91320602MA1XXXXXX0', reason: 'x', documentNo: '1' })).statusCode).toBe(400);
  });

  it('takes subjects off with each exit reason, each a ledger row and an event; an exited entry cannot exit again', async () => {
    const made: number[] = [];
    for (const n of ['修复', '法院', '错误', '其他']) {
      const s = await subject(`南通移出${n}测试有限公司`);
      made.push(json<{ id: number }>(await enter('focus_watch', { subject: s.uscc, reason: '不良信息' })).id);
    }
    const reasons = [['repair', undefined], ['court', '（2026）苏06行终1号'], ['error', '主体认定错误'], ['other', '主体注销']] as const;
    for (const [i, [reason, note]] of reasons.entries()) {
      const res = await exit(made[i]!, { reason, ...(note ? { note } : {}) });
      expect(res.statusCode, res.body).toBe(200);
      expect(json(res)).toMatchObject({ state: 'exited', exitReason: reason, exitedOn: TEST_TODAY, version: 2 });
    }
    expect((await exit(made[0]!, { reason: 'repair' })).statusCode).toBe(409);
    const early = json<{ id: number }>(await enter('focus_watch', { subject: (await subject('南通未到期有限公司')).uscc, reason: '不良' }));
    expect(json(await exit(early.id, { reason: 'expiry' }))).toMatchObject({ error: { code: 'not_expired' } });
    expect((await exit(early.id, { reason: 'other' })).statusCode).toBe(400);
    expect((await exit(early.id, { reason: 'repair' }, taxClerk)).statusCode).toBe(403);
    await dispatch.flush();
    expect(seen.filter((x) => x.type === 'list.exited').map((x) => x.payload.exitReason)).toEqual(['repair', 'court', 'error', 'other']);
  });

  it('shows the public live entries with subject name and USCC, natural persons masked; exited ones to staff only', async () => {
    const pub = json<{ items: { subject: { name: string; uscc?: string; idNumberMasked?: string }; state: string }[]; total: number }>(await t.app.inject({ url: '/api/v1/lists/focus_watch/entries' }));
    expect(pub.items.every((e) => e.state === 'listed')).toBe(true);
    expect(pub.items.map((e) => e.subject.name)).toContain('南通未到期有限公司');
    expect((await t.app.inject({ url: '/api/v1/lists/focus_watch/entries?state=exited' })).statusCode).toBe(403);
    const staff = json<{ total: number }>(await t.app.inject({ url: '/api/v1/lists/focus_watch/entries?state=exited', headers: operator }));
    expect(staff.total).toBe(4);
  });

  it('imports an externally decided list row by row, creating unknown subjects and reporting bad rows', async () => {
    await t.app.inject({ method: 'PATCH', url: '/api/v1/lists/court_dishonest_debtor', headers: operator, payload: { department: null } });
    const known = await subject('南通被执行有限公司');
    const person = newCitizenId();
    const rows = [
      { code: known.uscc, reason: '有履行能力而拒不履行', documentNo: '（2026）苏06执1号', decidedBy: '南通市中级人民法院' },
      { code: newUscc(), name: '南通新出现的被执行有限公司', reason: '拒不履行', documentNo: '（2026）苏06执2号' },
      { code: person, name: '李大壮', reason: '拒不履行', documentNo: '（2026）苏06执3号' },
      { code: '91320602MA1XXXXXX0', name: '坏代码', reason: '拒不履行' },
      { code: newUscc(), reason: '没有名称的新主体' },
      { code: known.uscc, reason: '重复', documentNo: '（2026）苏06执1号' },
    ];
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/lists/court_dishonest_debtor/entries/batch', headers: operator, payload: { entries: rows } });
    expect(res.statusCode, res.body).toBe(200);
    const r = json<{ received: number; created: number; unchanged: number; rejected: number; errors: { row: number; field?: string }[] }>(res);
    expect(r).toMatchObject({ received: 6, created: 3, unchanged: 1, rejected: 2 });
    expect([...new Set(r.errors.map((e) => e.row))]).toEqual([4, 5]);
    expect(r.errors.find((e) => e.row === 5)).toMatchObject({ field: 'name' });
    const pub = json<{ items: { subject: { kind: string; name: string; idNumberMasked?: string } }[] }>(await t.app.inject({ url: '/api/v1/lists/court_dishonest_debtor/entries' }));
    const p = pub.items.find((e) => e.subject.kind === 'natural_person')!;
    expect(p.subject).toMatchObject({ name: '李*壮', idNumberMasked: `${person.slice(0, 4)}**********${person.slice(14)}` });
    expect(JSON.stringify(pub)).not.toContain(person);
  });

  it('refuses more rows than one import takes as a 413 naming the limit', async () => {
    const entries = Array.from({ length: MAX_IMPORT_ROWS + 1 }, () => ({ code: 'x', reason: 'x' }));
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/lists/court_dishonest_debtor/entries/batch', headers: operator, payload: { entries } });
    expect(res.statusCode).toBe(413);
    expect(json(res)).toMatchObject({ error: { code: 'too_many_rows', message: expect.stringContaining(String(MAX_IMPORT_ROWS)), details: [{ field: 'entries', limit: MAX_IMPORT_ROWS }] } });
  });

  it('exits entries automatically once their planned expiry has passed (sweep), attributed to the system', async () => {
    const s = await subject('南通短期关注有限公司');
    const e = json<{ id: number; plannedExpiry: string }>(await enter('local_watch', { subject: s.uscc, reason: '短期关注' }));
    // local_watch was created above with defaultMonths: 6; the entry stays listed through that day.
    const expiry = monthsAfter(TEST_TODAY, 6);
    const dayAfter = addDays(expiry, 1);
    expect(e.plannedExpiry).toBe(expiry);
    expect((await sweepPublication({ pool: t.db.pool, clock: t.clockAt(at(expiry, '12:00')) })).entries).toBe(0);
    const r = await sweepPublication({ pool: t.db.pool, clock: t.clockAt(at(dayAfter, '00:10')) });
    expect(r.entries).toBeGreaterThanOrEqual(1);
    const history = json<{ items: { op: string; actorKind: string; snapshot: { state: string; exitReason: string; exitedOn: string } }[] }>(await t.app.inject({ url: `/api/v1/list-entries/${e.id}/versions`, headers: operator }));
    expect(history.items[1]).toMatchObject({ op: 'exit', actorKind: 'system', snapshot: { state: 'exited', exitReason: 'expiry', exitedOn: dayAfter } });
    expect((await sweepPublication({ pool: t.db.pool, clock: t.clockAt(at(dayAfter, '00:10')) })).entries).toBe(0);
  });

  it('keeps the list ledger verifiable and detects tampering', async () => {
    expect(await verifyListLedger(t.db.pool)).toMatchObject({ broken: null, outOfLedger: [] });
    await t.db.pool.query(`update list_entry set planned_expiry = planned_expiry + 365 where state = 'listed' and id = (select min(id) from list_entry where state = 'listed')`);
    expect((await verifyListLedger(t.db.pool)).outOfLedger).toHaveLength(1);
    await t.db.pool.query(`update list_entry_version set reason = '篡改' where seq = 1`);
    expect((await verifyListLedger(t.db.pool)).broken).toMatchObject({ seq: 1, reason: 'hash_mismatch' });
  });
});
