import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, type SessionHeaders } from '../../../test/helpers/app.js';
import { addDays, TEST_TODAY, yearOf } from '../../../test/helpers/clock.js';
import { makeDepartment, newCitizenId, newUscc, penaltyRow } from '../../../test/helpers/factories.js';
import { createRightsTestApp, PDF, type RightsTestApp } from '../rules/test-app.js';

// The reviewer of an objection or a repair application sees what the case is about: the party (its
// USCC, or a person's masked ID number), the record's fields as the category labels them, the
// category and the publication window, and for a repair the eligibility in words.

let t: RightsTestApp;
let dept: { code: string; uscc: string };
let admin: SessionHeaders;
let clerk: SessionHeaders;
let operator: SessionHeaders;

interface Context {
  party: { id: number; kind: string; name: string; code: string | null; codeKind: string | null };
  record: {
    id: number; state: string; category: { code: string; name: string; nameEn: string }; department: { code: string; name: string };
    fields: { code: string; label: string; value: string }[]; decidedOn: string | null; severity: string | null;
    window: { from: string | null; until: string | null; published: boolean };
  } | null;
  listEntry: unknown;
}
type CaseBody = { id: number; context?: Context | null; check?: { at: string; on: string; eligible: boolean; reasons: { check: string; ok: boolean; message: string }[] } | null };

const post = (url: string, payload: object, headers: SessionHeaders) => t.app.inject({ method: 'POST', url: `/api/v1${url}`, payload, headers });
const get = (url: string, headers: SessionHeaders) => t.app.inject({ url: `/api/v1${url}`, headers });
const agent = { agentName: '王律师', powerOfAttorney: PDF('授权委托书.pdf') };

async function file(category: string, fields: Record<string, string>): Promise<{ id: number; subjectId: number }> {
  const res = await post('/records', { department: dept.code, category, fields }, admin);
  expect(res.statusCode, res.body).toBe(201);
  return json(res);
}

beforeAll(async () => {
  t = await createRightsTestApp();
  dept = await makeDepartment(t);
  admin = await t.loginAs('admin');
  clerk = await t.loginAs('department', dept.code);
  operator = await t.loginAs('operator');
});
afterAll(() => t.close());

describe('the case context for staff', () => {
  it('shows an objection\'s party, record fields by their labels, category and window — to staff only', async () => {
    const uscc = newUscc();
    const r = await file('penalty', penaltyRow({ uscc, name: '南通案件背景有限公司', wsh: `通市监罚〔${yearOf(TEST_TODAY)}〕501号`, dept }));
    const subject = await t.loginAs('subject', undefined, r.subjectId);
    const filed = json<CaseBody>(await post('/objections', { record: r.id, grounds: 'wrong', reason: '金额有误', evidence: [PDF()] }, subject));

    const res = await get(`/objections/${filed.id}`, clerk);
    expect(res.statusCode).toBe(200);
    const c = json<CaseBody>(res).context!;
    expect(c.party).toEqual({ id: r.subjectId, kind: 'legal_person', name: '南通案件背景有限公司', code: uscc, codeKind: 'uscc' });
    expect(c.record).toMatchObject({
      id: r.id, state: 'disputed', category: { code: 'penalty', name: '行政处罚信息', nameEn: 'Administrative penalties' },
      department: { code: dept.code, name: '市市场监督管理局' }, decidedOn: addDays(TEST_TODAY, -260), severity: 'ordinary',
      window: { from: addDays(TEST_TODAY, -260), published: true },
    });
    expect(c.record!.window.until! > TEST_TODAY).toBe(true);
    // Fields in the category's order, labelled as the catalog labels them; empty ones left out.
    expect(c.record!.fields.slice(0, 2)).toEqual([{ code: 'CF_XDR_MC', label: '行政相对人名称', value: '南通案件背景有限公司' }, { code: 'CF_XDR_LB', label: '行政相对人类别', value: '法人及非法人组织' }]);
    expect(c.record!.fields).toContainEqual({ code: 'CF_WSH', label: '行政处罚决定书文号', value: `通市监罚〔${yearOf(TEST_TODAY)}〕501号` });
    expect(c.record!.fields.every((f) => f.value !== '')).toBe(true);
    expect(c.listEntry).toBeNull();

    // The subject reads its own case without the reviewer's context; the list stays lean.
    expect(json<CaseBody>(await get(`/objections/${filed.id}`, subject)).context).toBeNull();
    const listed = json<{ items: CaseBody[] }>(await get('/objections', clerk)).items.find((o) => o.id === filed.id)!;
    expect(listed).not.toHaveProperty('context');
  });

  it('never shows a person\'s ID number, only its masked form; a non-public record read this way is audited', async () => {
    const id = newCitizenId();
    const r = await file('professional_qualification', { ZTMC: '李四', ZJHM: id, XXBH: 'ZG-1', ZSMC: '注册会计师', FZRQ: addDays(TEST_TODAY, -400), FZJG: '市财政局' });
    const filed = json<CaseBody>(await post('/objections', { record: r.id, grounds: 'wrong', reason: '证书已注销', ...agent }, operator));
    const since = Number((await t.db.pool.query('select coalesce(max(seq), 0) as s from audit_log')).rows[0].s);
    const res = await get(`/objections/${filed.id}`, clerk);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain(id);
    const c = json<CaseBody>(res).context!;
    const masked = `${id.slice(0, 4)}**********${id.slice(14)}`;
    expect(c.party).toMatchObject({ kind: 'natural_person', name: '李四', code: masked, codeKind: 'id_masked' });
    expect(c.record!.fields).toContainEqual({ code: 'ZJHM', label: '身份证件号码', value: masked });
    expect(c.record!.category.name).toBe('职称和职业资格信息');
    const reads = (await t.db.pool.query('select action, purpose, details from audit_log where seq > $1', [since])).rows;
    expect(reads).toEqual([expect.objectContaining({ action: 'record_read', purpose: '办理异议', details: expect.objectContaining({ recordId: r.id, view: 'objection', caseId: filed.id }) })]);
  });

  it('shows a repair\'s eligibility in words, checked today while open (the application not counting against itself), as applied once decided', async () => {
    const r = await file('penalty', penaltyRow({ uscc: newUscc(), name: '南通修复背景有限公司', wsh: `通市监罚〔${yearOf(TEST_TODAY)}〕502号`, dept }));
    const subject = await t.loginAs('subject', undefined, r.subjectId);
    const materials = ['commitment_letter', 'performance_proof', 'identity_proof'].map((code) => ({ code, file: PDF(`${code}.pdf`) }));
    const applied = json<CaseBody>(await post('/repairs', { record: r.id, materials }, subject));
    const res = await get(`/repairs/${applied.id}`, admin);
    const body = json<CaseBody>(res);
    expect(body.context!.record).toMatchObject({ id: r.id, category: { code: 'penalty' }, window: { published: true } });
    expect(body.check).toMatchObject({ at: 'now', on: TEST_TODAY, eligible: true });
    const reasons = body.check!.reasons;
    expect(reasons.map((x) => x.check)).toEqual(expect.arrayContaining(['state', 'adverse', 'repairable', 'minimum_period', 'objection', 'open_application', 'abuse_bar']));
    expect(reasons.every((x) => x.ok)).toBe(true);
    expect(reasons.find((x) => x.check === 'minimum_period')!.message).toMatch(/最短公示 3 个月.*已满足/);
    expect(reasons.find((x) => x.check === 'open_application')!.message).toBe('无正在办理的修复申请');
    // Words, not rule parameters (those stay in the stored assessment, for the record).
    expect(JSON.stringify(body.check)).not.toMatch(/minMonths|repair v1|"rule"/);
    expect(json<CaseBody>(await get(`/repairs/${applied.id}`, subject)).check).toBeNull();

    expect((await post(`/repairs/${applied.id}/decision`, { decision: 'approve', reason: '已履行' }, admin)).statusCode).toBe(200);
    const closed = json<CaseBody>(await get(`/repairs/${applied.id}`, clerk));
    expect(closed.check).toMatchObject({ at: 'application', on: TEST_TODAY, eligible: true });
    expect(closed.context!.record).toMatchObject({ state: 'repaired', window: { published: false } });
  });
});
