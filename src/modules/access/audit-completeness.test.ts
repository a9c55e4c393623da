import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, type SessionHeaders } from '../../../test/helpers/app.js';
import { at, monthsAfter, TEST_TODAY, weekdayOf, yearOf } from '../../../test/helpers/clock.js';
import { makeDepartment, newUscc, penaltyRow } from '../../../test/helpers/factories.js';
import { createRightsTestApp, PDF, type RightsTestApp } from '../rules/test-app.js';

// Every state-changing action of staff (and the logins that precede them) leaves an audit entry
// naming who did it, what, and to what — written in the transaction of the change. Each action is
// driven here through HTTP as a person would, then looked up in the audit log.

let t: RightsTestApp;
let dept: { code: string; uscc: string };
let admin: SessionHeaders;
let operator: SessionHeaders;
let clerk: SessionHeaders;
let taxClerk: SessionHeaders;

interface Entry { seq: number; action: string; actorKind: string; actorId: string | null; actorName: string | null; departmentId: number | null; subjectId: number | null; ip: string | null; details: Record<string, unknown> }

const PASSWORD = 'a long enough password';
const call = async (method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload: object | undefined, headers: SessionHeaders | Record<string, string>) => {
  const res = await t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
  expect([200, 201, 204], `${method} ${url}: ${res.body}`).toContain(res.statusCode);
  return res.body ? json<Record<string, unknown> & { id: number }>(res) : { id: 0 };
};
const post = (url: string, payload: object, headers: SessionHeaders | Record<string, string>) => call('POST', url, payload, headers);

/** The account behind a session: its name and id, as the audit entry must name it. */
async function who(headers: SessionHeaders): Promise<{ username: string; id: string; departmentId: number | null }> {
  const me = json<{ username: string; departmentId: number | null }>(await t.app.inject({ url: '/api/v1/auth/me', headers }));
  const id = (await t.db.pool.query<{ id: number }>('select id from app_user where username = $1', [me.username])).rows[0]!.id;
  return { username: me.username, id: String(id), departmentId: me.departmentId };
}

const mark = async (): Promise<number> => Number((await t.db.pool.query('select coalesce(max(seq), 0) as s from audit_log')).rows[0].s);

/** The one entry of `action` written since `since`, checked for its actor and target. */
async function audited(since: number, action: string, expected: { by: { username: string; id: string }; subjectId?: number; departmentId?: number | null; details?: Record<string, unknown> }): Promise<Entry> {
  const rows = (await t.db.pool.query<Entry>(
    `select seq, action, actor_kind as "actorKind", actor_id as "actorId", actor_name as "actorName", department_id as "departmentId",
       subject_id::int as "subjectId", ip, details from audit_log where seq > $1 and action = $2 order by seq`, [since, action],
  )).rows;
  expect(rows.map((r) => r.action), `an entry ${action}`).toEqual([action]);
  const e = rows[0]!;
  expect(e, action).toMatchObject({ actorName: expected.by.username, actorId: expected.by.id });
  if (expected.subjectId !== undefined) expect(e.subjectId, `${action}: subject`).toBe(expected.subjectId);
  if (expected.departmentId !== undefined) expect(e.departmentId, `${action}: department`).toBe(expected.departmentId);
  if (expected.details) expect(e.details, `${action}: details`).toMatchObject(expected.details);
  return e;
}

let seq = 0;
/** A penalty filed by the credit centre, with its subject. */
async function penalty(name: string): Promise<{ id: number; subjectId: number; uscc: string }> {
  seq += 1;
  const uscc = newUscc();
  const r = await post('/records', { department: dept.code, category: 'penalty', fields: penaltyRow({ uscc, name, wsh: `审计罚〔${yearOf(TEST_TODAY)}〕${seq}号`, dept }) }, admin);
  return { id: r.id, subjectId: r.subjectId as number, uscc };
}
const deptId = async (code: string) => (await t.db.pool.query<{ id: number }>('select id from department where code = $1', [code])).rows[0]!.id;

beforeAll(async () => {
  t = await createRightsTestApp();
  dept = await makeDepartment(t);
  await makeDepartment(t, 'SWJ', '市税务局');
  admin = await t.loginAs('admin');
  operator = await t.loginAs('operator');
  clerk = await t.loginAs('department', dept.code);
  taxClerk = await t.loginAs('department', 'SWJ');
});
afterAll(() => t.close());

describe('audit completeness', () => {
  it('logins (success and failure), logouts and new accounts', async () => {
    const by = await who(admin);
    let since = await mark();
    const created = await post('/users', { username: 'audited1', password: PASSWORD, role: 'operator' }, admin);
    await audited(since, 'user.created', { by, details: { userId: created.id, username: 'audited1', role: 'operator' } });

    since = await mark();
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'audited1', password: PASSWORD }, remoteAddress: '203.0.113.9' });
    expect(login.statusCode).toBe(200);
    const entry = await audited(since, 'auth.login', { by: { username: 'audited1', id: String(created.id) } });
    expect(entry.ip).toBe('203.0.113.9');
    const cookie = `xy_session=${login.cookies.find((c) => c.name === 'xy_session')!.value}`;
    const session = { cookie, 'x-csrf-token': json<{ csrfToken: string }>(login).csrfToken };

    since = await mark();
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'audited1', password: 'not the password' } })).statusCode).toBe(401);
    await audited(since, 'login_failed', { by: { username: 'audited1', id: null as unknown as string }, details: { reason: 'wrong_password' } });

    since = await mark();
    await post('/auth/logout', {}, session);
    await audited(since, 'auth.logout', { by: { username: 'audited1', id: String(created.id) } });
  });

  it('departments, API keys and account changes', async () => {
    const by = await who(admin);
    let since = await mark();
    const d = await post('/departments', { code: 'ZJJ', name: '市住房和城乡建设局' }, operator);
    await audited(since, 'department.created', { by: await who(operator), departmentId: d.id, details: { code: 'ZJJ', name: '市住房和城乡建设局' } });

    since = await mark();
    const key = await post('/keys', { department: 'ZJJ', name: '住建系统', scopes: ['records:write'] }, admin);
    await audited(since, 'api_key_created', { by, departmentId: d.id, details: { keyId: key.id, name: '住建系统', scopes: ['records:write'] } });
    since = await mark();
    await call('DELETE', `/keys/${key.id}`, undefined, admin);
    await audited(since, 'api_key_revoked', { by, departmentId: d.id, details: { keyId: key.id } });

    const user = await post('/users', { username: 'audited2', password: PASSWORD, role: 'operator' }, admin);
    since = await mark();
    await post(`/users/${user.id}/disable`, {}, admin);
    await audited(since, 'user.disabled', { by, details: { userId: user.id, username: 'audited2' } });
    since = await mark();
    await call('PATCH', `/users/${user.id}`, { role: 'department', department: 'ZJJ' }, admin);
    await audited(since, 'user.role_changed', { by, details: { userId: user.id, to: { role: 'department', departmentId: d.id } } });
  });

  it('catalog, subjects, records and uploads', async () => {
    const by = await who(admin);
    let since = await mark();
    await post('/catalog/categories', {
      code: 'audit_grade', name: '审计测试等级', classCode: 'evaluation', subjectKinds: ['legal_person'], disclosure: 'public',
      fields: [{ code: 'ZTMC', label: '主体名称', type: 'string', required: true }, { code: 'TYSHXYDM', label: '统一社会信用代码', type: 'uscc', required: true }, { code: 'XXBH', label: '信息编号', type: 'string', required: true }],
      keyField: 'XXBH', subjectFields: { name: 'ZTMC', uscc: 'TYSHXYDM' },
    }, admin);
    await audited(since, 'category.created', { by, details: { code: 'audit_grade', name: '审计测试等级' } });

    const uscc = newUscc();
    since = await mark();
    const s = await post('/subjects', { name: '南通审计登记有限公司', uscc }, operator);
    const opBy = await who(operator);
    await audited(since, 'subject.registered', { by: opBy, subjectId: s.id, details: { name: '南通审计登记有限公司' } });
    since = await mark();
    await post(`/subjects/${uscc}/rename`, { name: '南通审计更名有限公司' }, operator);
    await audited(since, 'subject.renamed', { by: opBy, subjectId: s.id, details: { from: '南通审计登记有限公司', to: '南通审计更名有限公司' } });

    const clerkBy = await who(clerk);
    const fields = penaltyRow({ uscc: newUscc(), name: '南通审计记录有限公司', wsh: '审计记录-1', dept });
    since = await mark();
    const r = await post('/records', { department: dept.code, category: 'penalty', fields }, clerk);
    await audited(since, 'record.created', { by: clerkBy, subjectId: r.subjectId as number, departmentId: clerkBy.departmentId, details: { recordId: r.id, version: 1 } });
    since = await mark();
    await call('PUT', `/records/${r.id}`, { fields: { ...fields, CF_NR: '罚款人民币6000元', CF_NR_FK: '0.6' }, reason: '更正罚款金额' }, clerk);
    await audited(since, 'record.updated', { by: clerkBy, subjectId: r.subjectId as number, details: { recordId: r.id, version: 2, reason: '更正罚款金额' } });
    since = await mark();
    await post(`/records/${r.id}/revoke`, { reason: '决定已被撤销' }, clerk);
    await audited(since, 'record.revoked', { by: clerkBy, subjectId: r.subjectId as number, details: { recordId: r.id, state: 'revoked' } });

    since = await mark();
    const sub = await post('/submissions', { department: dept.code, category: 'penalty', records: [penaltyRow({ uscc: newUscc(), name: '南通审计报送有限公司', wsh: '审计报送-1', dept })] }, clerk);
    await audited(since, 'submission.received', { by: clerkBy, departmentId: clerkBy.departmentId, details: { submissionId: sub.id, category: 'penalty' } });
  });

  it('objections: filing, extension, the centre\'s check and each decision, revocation included', async () => {
    const clerkBy = await who(clerk);
    const opBy = await who(operator);
    const [a, b, c] = [await penalty('南通审计异议甲有限公司'), await penalty('南通审计异议乙有限公司'), await penalty('南通审计异议丙有限公司')];
    const subject = await t.loginAs('subject', undefined, a.subjectId);
    let since = await mark();
    const filed = await post('/objections', { record: a.id, grounds: 'wrong', reason: '金额有误', evidence: [PDF()] }, subject);
    await audited(since, 'objection.filed', { by: await who(subject), subjectId: a.subjectId, details: { objectionId: filed.id, recordId: a.id } });
    since = await mark();
    await post(`/objections/${filed.id}/extend`, { reason: '需向执法队核实' }, clerk);
    await audited(since, 'objection.extended', { by: clerkBy, subjectId: a.subjectId, details: { objectionId: filed.id } });
    since = await mark();
    await post(`/objections/${filed.id}/check`, { note: '已与源系统核对' }, operator);
    await audited(since, 'objection.checked', { by: opBy, subjectId: a.subjectId, details: { objectionId: filed.id } });
    since = await mark();
    await post(`/objections/${filed.id}/decision`, { decision: 'correct', reason: '金额录入有误', fields: { CF_NR: '罚款人民币3000元' } }, clerk);
    await audited(since, 'objection.corrected', { by: clerkBy, subjectId: a.subjectId, details: { objectionId: filed.id, recordId: a.id, changedFields: ['CF_NR'] } });

    // Staff file on a party's behalf with a power of attorney; the department revokes or maintains.
    const agent = { agentName: '张律师', powerOfAttorney: PDF('授权委托书.pdf') };
    const onB = await post('/objections', { record: b.id, grounds: 'wrong', reason: '已被复议撤销', ...agent }, operator);
    const onC = await post('/objections', { record: c.id, grounds: 'wrong', reason: '认为处罚过重', ...agent }, operator);
    since = await mark();
    await post(`/objections/${onB.id}/decision`, { decision: 'revoke', reason: '复议决定撤销原处罚' }, clerk);
    await audited(since, 'objection.revoked', { by: clerkBy, subjectId: b.subjectId, details: { objectionId: onB.id, recordId: b.id, recordState: 'revoked' } });
    since = await mark();
    await post(`/objections/${onC.id}/decision`, { decision: 'maintain', reason: '处罚依据充分' }, clerk);
    await audited(since, 'objection.maintained', { by: clerkBy, subjectId: c.subjectId, details: { objectionId: onC.id, recordState: 'active' } });
  });

  it('repairs: application, materials, extension, approval, rejection and re-check', async () => {
    const by = await who(admin);
    const FULL = ['commitment_letter', 'performance_proof', 'identity_proof'].map((code) => ({ code, file: PDF(`${code}.pdf`) }));
    const a = await penalty('南通审计修复甲有限公司');
    const subject = await t.loginAs('subject', undefined, a.subjectId);
    let since = await mark();
    const applied = await post('/repairs', { record: a.id, materials: FULL.slice(0, 2) }, subject);
    expect(applied.state).toBe('returned');
    await audited(since, 'repair.applied', { by: await who(subject), subjectId: a.subjectId, details: { repairId: applied.id, recordId: a.id, state: 'returned' } });
    since = await mark();
    await post(`/repairs/${applied.id}/materials`, { materials: FULL.slice(2) }, subject);
    await audited(since, 'repair.supplemented', { by: await who(subject), details: { repairId: applied.id, missing: [] } });
    since = await mark();
    await post(`/repairs/${applied.id}/extend`, { reason: '需函询处罚机关' }, admin);
    await audited(since, 'repair.extended', { by, subjectId: a.subjectId, details: { repairId: applied.id } });
    since = await mark();
    await post(`/repairs/${applied.id}/decision`, { decision: 'approve', reason: '已履行处罚义务' }, admin);
    await audited(since, 'repair.approved', { by, subjectId: a.subjectId, details: { repairId: applied.id, recordId: a.id } });
    since = await mark();
    await post(`/repairs/${applied.id}/recheck`, { outcome: 'confirmed', reason: '复查无误' }, admin);
    await audited(since, 'repair.confirmed', { by, details: { repairId: applied.id } });
    since = await mark();
    await post(`/repairs/${applied.id}/recheck`, { outcome: 'revoked', reason: '缴款凭证系伪造' }, admin);
    await audited(since, 'repair.revoked', { by, subjectId: a.subjectId, details: { repairId: applied.id, barUntil: monthsAfter(TEST_TODAY, 36) } });

    const b = await penalty('南通审计修复乙有限公司');
    const other = await post('/repairs', { record: b.id, materials: FULL }, await t.loginAs('subject', undefined, b.subjectId));
    const clerkBy = await who(clerk);
    since = await mark();
    await post(`/repairs/${other.id}/decision`, { decision: 'reject', reason: '未履行处罚义务' }, clerk);
    await audited(since, 'repair.rejected', { by: clerkBy, subjectId: b.subjectId, details: { repairId: other.id } });
  });

  it('commitments: items, signing, fulfilment, breach and withdrawal', async () => {
    const opBy = await who(operator);
    const clerkBy = await who(clerk);
    let since = await mark();
    await post('/commitment-items', {
      code: 'AUDIT-CERT', name: '审计测试承诺', type: 'certification_notice', verificationWorkingDays: 5, department: dept.code,
      templateText: '{主体名称}承诺：{承诺事由}。', legalBasis: '国办发〔2020〕42号',
    }, operator);
    await audited(since, 'commitment_item.created', { by: opBy, details: { item: 'AUDIT-CERT' } });
    const sign = async (name: string) => {
      const uscc = newUscc();
      await post('/subjects', { name, uscc }, operator);
      const s = await post('/commitments', { item: 'AUDIT-CERT', matter: '具备经营场所', party: uscc }, clerk);
      return { id: s.id, subjectId: (s.subject as { id: number }).id };
    };
    since = await mark();
    const one = await sign('南通审计承诺甲有限公司');
    await audited(since, 'commitment.signed', { by: clerkBy, subjectId: one.subjectId, details: { commitmentId: one.id, item: 'AUDIT-CERT' } });
    since = await mark();
    await post(`/commitments/${one.id}/fulfilment`, { outcome: 'fulfilled', note: '现场核查属实' }, clerk);
    await audited(since, 'commitment.fulfilled', { by: clerkBy, subjectId: one.subjectId, details: { commitmentId: one.id } });
    const two = await sign('南通审计承诺乙有限公司');
    since = await mark();
    await post(`/commitments/${two.id}/fulfilment`, { outcome: 'breached', note: '无实际经营场所' }, clerk);
    await audited(since, 'commitment.breached', { by: clerkBy, subjectId: two.subjectId, details: { commitmentId: two.id, note: '无实际经营场所' } });
    const three = await sign('南通审计承诺丙有限公司');
    since = await mark();
    await post(`/commitments/${three.id}/withdraw`, { reason: '申请人撤回许可申请' }, clerk);
    await audited(since, 'commitment.withdrawn', { by: clerkBy, subjectId: three.subjectId, details: { commitmentId: three.id } });
  });

  it('lists and their entries', async () => {
    const opBy = await who(operator);
    let since = await mark();
    await post('/lists', { code: 'audit_watch', name: '审计关注名单', kind: 'watch', issuer: '信用中心', defaultMonths: 6 }, operator);
    await audited(since, 'list.created', { by: opBy, details: { list: 'audit_watch', kind: 'watch' } });
    since = await mark();
    await call('PATCH', '/lists/audit_watch', { name: '审计重点关注名单' }, operator);
    await audited(since, 'list.updated', { by: opBy, details: { list: 'audit_watch', changed: ['name'] } });
    const p = await penalty('南通审计名单有限公司');
    since = await mark();
    const entry = await post('/lists/audit_watch/entries', { subject: p.uscc, basisRecords: [p.id], reason: '多次处罚' }, operator);
    await audited(since, 'list_entry.entered', { by: opBy, subjectId: p.subjectId, details: { entryId: entry.id, list: 'audit_watch' } });
    since = await mark();
    await post(`/list-entries/${entry.id}/exit`, { reason: 'error', note: '主体认定错误' }, operator);
    await audited(since, 'list_entry.exited', { by: opBy, subjectId: p.subjectId, details: { entryId: entry.id, reason: 'error' } });
  });

  it('the calendar, reporting obligations, rules, reviews and their feedback', async () => {
    const opBy = await who(operator);
    const year = Math.max(yearOf(TEST_TODAY) + 1, 2027);
    let day = `${year}-03-02`;
    while (weekdayOf(day) === 0 || weekdayOf(day) === 6) day = `${year}-03-0${Number(day.slice(-1)) + 1}`;
    let since = await mark();
    await call('PUT', `/calendar/days/${day}`, { kind: 'holiday', name: '审计测试假日' }, operator);
    await audited(since, 'calendar.day.set', { by: opBy, details: { date: day, kind: 'holiday' } });
    since = await mark();
    await call('DELETE', `/calendar/days/${day}`, undefined, operator);
    await audited(since, 'calendar.day.remove', { by: opBy, details: { date: day } });
    since = await mark();
    await call('PUT', `/calendar/years/${year}`, { published: true, source: '国务院办公厅通知' }, operator);
    await audited(since, 'calendar.year.set', { by: opBy, details: { year } });
    since = await mark();
    await call('PUT', `/quality/obligations/${dept.code}`, { categories: ['penalty', 'licence'] }, operator);
    await audited(since, 'quality.obligations.set', { by: opBy, departmentId: await deptId(dept.code) });

    const rule = json<{ params: Record<string, unknown> }>(await t.app.inject({ url: '/api/v1/rules/commitment' }));
    const by = await who(admin);
    since = await mark();
    await call('PUT', '/rules/commitment', { params: rule.params, note: '审计测试' }, admin);
    await audited(since, 'rule.published', { by, details: { code: 'commitment', version: 2 } });

    const dodger = await penalty('南通审计偷税有限公司');
    await post('/lists/major_tax_violation/entries', { subject: dodger.uscc, reason: '偷税', documentNo: '通税稽罚〔2026〕99号' }, taxClerk);
    const clerkBy = await who(clerk);
    since = await mark();
    const review = await post('/reviews', { scenario: 'procurement', parties: [{ code: dodger.uscc }] }, clerk);
    await audited(since, 'credit_review', { by: clerkBy });
    const hit = (review.parties as { hits: { id: number; measures: string[] }[] }[])[0]!.hits[0]!;
    since = await mark();
    await post(`/reviews/${review.id}/hits/${hit.id}/feedback`, { applied: true, measure: hit.measures[0], reason: '已取消其供应商资格' }, clerk);
    await audited(since, 'review.feedback', { by: clerkBy, subjectId: dodger.subjectId, details: { reviewId: review.id, hitId: hit.id, applied: true } });
  });

  it('grants a subject gives and withdraws', async () => {
    const p = await penalty('南通审计授权有限公司');
    const owner = await t.loginAs('subject', undefined, p.subjectId);
    await post('/users', { username: 'auditlender', password: PASSWORD, role: 'lender' }, admin);
    let since = await mark();
    const g = await post('/grants', { grantee: 'auditlender', purpose: '贷款审查', expiresAt: at(monthsAfter(TEST_TODAY, 3), '00:00') }, owner);
    await audited(since, 'grant_created', { by: await who(owner), subjectId: p.subjectId, details: { grantId: g.id, grantee: 'auditlender' } });
    since = await mark();
    await call('DELETE', `/grants/${g.id}`, undefined, owner);
    await audited(since, 'grant_revoked', { by: await who(owner), subjectId: p.subjectId, details: { grantId: g.id } });
  });
});

describe('audit in the transaction of the change', () => {
  it('writes nothing for a change that was refused or rolled back', async () => {
    const p = await penalty('南通审计回滚有限公司');
    const filed = await post('/objections', { record: p.id, grounds: 'wrong', reason: '有误', agentName: '李律师', powerOfAttorney: PDF('委托书.pdf') }, operator);
    await post(`/objections/${filed.id}/decision`, { decision: 'maintain', reason: '依据充分' }, clerk);
    const since = await mark();
    // A second decision is refused (the case is closed); a correction to nothing new rolls back after the record step.
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/objections/${filed.id}/decision`, headers: clerk, payload: { decision: 'revoke', reason: '改判' } })).statusCode).toBe(409);
    const again = await post('/objections', { record: p.id, grounds: 'wrong', reason: '仍有误', agentName: '李律师', powerOfAttorney: PDF('委托书.pdf') }, operator);
    const fields = json<{ fields: Record<string, string> }>(await t.app.inject({ url: `/api/v1/records/${p.id}`, headers: admin })).fields;
    const same = await t.app.inject({ method: 'POST', url: `/api/v1/objections/${again.id}/decision`, headers: clerk, payload: { decision: 'correct', reason: '更正', fields: { CF_NR: fields.CF_NR } } });
    expect(same.statusCode).toBe(400);
    const rows = (await t.db.pool.query<{ action: string }>('select action from audit_log where seq > $1 order by seq', [since])).rows.map((r) => r.action);
    expect(rows.filter((a) => a.startsWith('objection.') || a.startsWith('record.'))).toEqual(['objection.filed']);
  });
});

describe('the audit log for admins', () => {
  it('filters by actions and prefixes of actions, and by actor, with the subject\'s name and code', async () => {
    type Page = { items: { action: string; actorName: string; subjectName: string | null; subjectCode: string | null; departmentName: string | null }[]; total: number };
    const page = async (q: string) => json<Page>(await t.app.inject({ url: `/api/v1/audit?pageSize=200&${q}`, headers: admin }));
    const objections = await page('action=objection.*');
    expect(objections.total).toBeGreaterThanOrEqual(6);
    expect(new Set(objections.items.map((i) => i.action))).toEqual(new Set(['objection.filed', 'objection.extended', 'objection.checked', 'objection.corrected', 'objection.revoked', 'objection.maintained']));
    expect(objections.items.find((i) => i.action === 'objection.revoked')).toMatchObject({ subjectName: '南通审计异议乙有限公司', subjectCode: expect.stringMatching(/^[0-9A-Z]{18}$/), departmentName: '市市场监督管理局' });
    const logins = await page('action=auth.*&action=login_failed');
    expect(new Set(logins.items.map((i) => i.action))).toEqual(new Set(['auth.login', 'auth.logout', 'login_failed']));
    const mine = await page(`actor=${(await who(clerk)).username}&action=objection.revoked`);
    expect(mine.items.map((i) => i.action)).toEqual(['objection.revoked']);
    const bad = await t.app.inject({ url: '/api/v1/audit?action=DROP%20TABLE', headers: admin });
    expect(bad.statusCode).toBe(400);
  });
});
