import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type SessionHeaders, type TestApp } from '../../../test/helpers/app.js';
import { newCitizenId, newUscc } from '../../../test/helpers/factories.js';
import { registerSubject } from '../subjects/service.js';
import { systemViewer } from '../access/viewer.js';

// Self-registration: an application waits for an operator; approval makes it a subject account of
// the enterprise or person; rejection is told, with its reason, to whoever knows the password.

let t: TestApp;
let operator: SessionHeaders;
let clerk: SessionHeaders;

const PDF = Buffer.from('%PDF-1.4\n% licence scan\n').toString('base64');
const PASSWORD = 'registration password';

beforeAll(async () => {
  t = await createTestApp();
  operator = await t.loginAs('operator');
  await t.db.pool.query("insert into department (code, name) values ('ZJJ', '市住建局')");
  clerk = await t.loginAs('department', 'ZJJ');
});
afterAll(() => t.close());

let n = 0;
const enterprise = (over: Record<string, unknown> = {}) => {
  n += 1;
  return {
    kind: 'enterprise', username: `firm${n}`, password: PASSWORD, uscc: newUscc(), name: `测试贸易有限公司${n}`, legalRep: '王五',
    contactPhone: '13800138000', documentKind: 'licence', document: { name: '营业执照.pdf', contentType: 'application/pdf', dataBase64: PDF }, ...over,
  };
};
const register = (body: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/v1/registrations', payload: body });
const login = (username: string, password = PASSWORD) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
const auditOf = async (action: string) =>
  (await t.db.pool.query<{ actor_name: string; subject_id: number | null; details: Record<string, unknown> }>('select actor_name, subject_id, details from audit_log where action = $1 order by seq', [action])).rows;

describe('self-registration', () => {
  it('an enterprise applies, is pending, is approved by an operator and then logs in as its subject', async () => {
    const body = enterprise();
    const res = await register(body);
    expect(res.statusCode, res.body).toBe(201);
    const receipt = json<{ id: number; state: string }>(res);
    expect(receipt.state).toBe('pending');

    const early = await login(body.username);
    expect(early.statusCode).toBe(403);
    expect(json<{ error: { code: string; message: string } }>(early).error).toMatchObject({ code: 'registration_pending', message: expect.stringContaining('审核中') });
    // A wrong password learns nothing about the application.
    expect((await login(body.username, 'not the password')).statusCode).toBe(401);

    const list = await t.app.inject({ url: '/api/v1/registrations?state=pending', headers: operator });
    expect(json<{ items: { id: number }[] }>(list).items.map((i) => i.id)).toContain(receipt.id);
    const detail = json<{ files: { id: number; role: string }[]; onFile: { subjectId: number | null } }>(await t.app.inject({ url: `/api/v1/registrations/${receipt.id}`, headers: operator }));
    expect(detail.files).toHaveLength(1);
    expect(detail.files[0]!.role).toBe('licence');
    expect(detail.onFile.subjectId).toBeNull();
    const file = await t.app.inject({ url: `/api/v1/registrations/${receipt.id}/files/${detail.files[0]!.id}`, headers: operator });
    expect(file.statusCode).toBe(200);
    expect(file.body.startsWith('%PDF')).toBe(true);

    // A department clerk may not decide applications.
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/registrations/${receipt.id}/approve`, headers: clerk, payload: {} })).statusCode).toBe(403);
    const ok = await t.app.inject({ method: 'POST', url: `/api/v1/registrations/${receipt.id}/approve`, headers: operator, payload: {} });
    expect(ok.statusCode, ok.body).toBe(200);
    const approved = json<{ state: string; subjectId: number; userId: number }>(ok);
    expect(approved.state).toBe('approved');
    // A second decision is refused.
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/registrations/${receipt.id}/reject`, headers: operator, payload: { reason: 'x' } })).statusCode).toBe(409);

    const session = await login(body.username);
    expect(session.statusCode).toBe(200);
    const cookie = `xy_session=${session.cookies.find((c) => c.name === 'xy_session')!.value}`;
    const me = json<{ role: string; subjectId: number; displayName: string }>(await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } }));
    expect(me).toMatchObject({ role: 'subject', subjectId: approved.subjectId, displayName: body.name });
    const mine = json<{ code: string; name: string }>(await t.app.inject({ url: '/api/v1/me/subject', headers: { cookie } }));
    expect(mine).toMatchObject({ code: body.uscc, name: body.name });

    expect((await auditOf('registration_submitted')).some((a) => a.details.registrationId === receipt.id && a.actor_name === body.username)).toBe(true);
    expect((await auditOf('registration_approved')).find((a) => a.details.registrationId === receipt.id)?.subject_id).toBe(approved.subjectId);
  });

  it('links an approved enterprise to the subject already on file with that USCC', async () => {
    const body = enterprise();
    const existing = await registerSubject(t.db.pool, t.db.pd, systemViewer, { uscc: body.uscc, name: body.name }, t.clock.today());
    const receipt = json<{ id: number }>(await register(body));
    const detail = json<{ onFile: { subjectId: number; nameMatches: boolean; accounts: number } }>(await t.app.inject({ url: `/api/v1/registrations/${receipt.id}`, headers: operator }));
    expect(detail.onFile).toMatchObject({ subjectId: existing.id, nameMatches: true, accounts: 0 });
    const approved = json<{ subjectId: number }>(await t.app.inject({ method: 'POST', url: `/api/v1/registrations/${receipt.id}/approve`, headers: operator, payload: {} }));
    expect(approved.subjectId).toBe(existing.id);
  });

  it('names every wrong field at once, with the USCC check digit', async () => {
    const uscc = newUscc();
    const wrongCheck = uscc.slice(0, 17) + (uscc[17] === '0' ? '1' : '0');
    const res = await register(enterprise({ uscc: wrongCheck, legalRep: ' ', password: 'short', contactPhone: '12', username: 'a', document: undefined }));
    expect(res.statusCode).toBe(400);
    const fields = json<{ error: { details: { field: string }[] } }>(res).error.details.map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['uscc', 'legalRep', 'password', 'contactPhone', 'username', 'document']));
    // A file whose content is not what it claims.
    const fake = await register(enterprise({ document: { name: 'x.pdf', contentType: 'application/pdf', dataBase64: Buffer.from('not a pdf').toString('base64') } }));
    expect(fake.statusCode).toBe(400);
    expect(json<{ error: { details: { field: string }[] } }>(fake).error.details[0]!.field).toBe('document');
  });

  it('keeps a username for one pending application and refuses names of existing accounts', async () => {
    const body = enterprise();
    expect((await register(body)).statusCode).toBe(201);
    const again = await register({ ...enterprise(), username: body.username });
    expect(again.statusCode).toBe(409);
    expect(json<{ error: { details: { field: string }[] } }>(again).error.details[0]!.field).toBe('username');
    const taken = await t.db.pool.query<{ username: string }>("select username from app_user where role = 'operator' limit 1");
    expect((await register({ ...enterprise(), username: taken.rows[0]!.username })).statusCode).toBe(409);
  });

  it('a rejected applicant is told the reason at login, and the username is free again', async () => {
    const body = enterprise();
    const receipt = json<{ id: number }>(await register(body));
    const noReason = await t.app.inject({ method: 'POST', url: `/api/v1/registrations/${receipt.id}/reject`, headers: operator, payload: { reason: '   ' } });
    expect(noReason.statusCode).toBe(400);
    const rejected = await t.app.inject({ method: 'POST', url: `/api/v1/registrations/${receipt.id}/reject`, headers: operator, payload: { reason: '营业执照不清晰，请重新上传' } });
    expect(json<{ state: string }>(rejected).state).toBe('rejected');
    const told = await login(body.username);
    expect(told.statusCode).toBe(403);
    expect(json<{ error: { code: string; message: string } }>(told).error).toMatchObject({ code: 'registration_rejected', message: expect.stringContaining('营业执照不清晰') });
    expect((await register({ ...enterprise(), username: body.username })).statusCode).toBe(201);
    expect((await auditOf('registration_rejected')).some((a) => a.details.registrationId === receipt.id)).toBe(true);
  });
});

describe('a person registers', () => {
  const person = (idNumber: string, name: string) => ({ kind: 'person', username: `person${(n += 1)}`, password: PASSWORD, idNumber, name, contactEmail: 'someone@example.cn' });

  it('stores the ID number only as HMAC, ciphertext and mask, and answers alike whatever is on file', async () => {
    const id = newCitizenId();
    await registerSubject(t.db.pool, t.db.pd, systemViewer, { kind: 'natural_person', idNumber: id, name: '赵六' }, t.clock.today());
    const right = await register(person(id, '赵六'));
    const wrongName = await register(person(id, '钱七'));
    const nobody = await register(person(newCitizenId(), '孙八'));
    const shape = (r: typeof right) => {
      const { id: _id, username: _u, filedAt: _f, ...rest } = json<Record<string, unknown>>(r);
      return { status: r.statusCode, ...rest };
    };
    expect(shape(right)).toEqual(shape(wrongName));
    expect(shape(right)).toEqual(shape(nobody));
    for (const r of [right, wrongName, nobody]) expect(r.body).not.toContain(id);

    const stored = await t.db.pool.query<Record<string, unknown>>('select * from account_registration where id = $1', [json<{ id: number }>(right).id]);
    expect(JSON.stringify(stored.rows[0])).not.toContain(id);
    expect(stored.rows[0]!.id_masked).toBe(`${id.slice(0, 4)}**********${id.slice(-4)}`);
    const audit = await t.db.pool.query<{ text: string }>('select details::text as text from audit_log');
    expect(audit.rows.some((a) => a.text.includes(id))).toBe(false);

    // The operator sees whether the name matches what is on file.
    const wrong = json<{ onFile: { nameMatches: boolean; name: string } }>(await t.app.inject({ url: `/api/v1/registrations/${json<{ id: number }>(wrongName).id}`, headers: operator }));
    expect(wrong.onFile).toMatchObject({ nameMatches: false, name: '赵六' });

    const approved = json<{ subjectId: number }>(await t.app.inject({ method: 'POST', url: `/api/v1/registrations/${json<{ id: number }>(right).id}/approve`, headers: operator, payload: {} }));
    const s = await login(json<{ username: string }>(right).username);
    const cookie = `xy_session=${s.cookies.find((c) => c.name === 'xy_session')!.value}`;
    const mine = json<{ id: number; code: string; codeMasked: string }>(await t.app.inject({ url: '/api/v1/me/subject', headers: { cookie } }));
    expect(mine).toMatchObject({ id: approved.subjectId, code: id });
    expect(mine.codeMasked).not.toContain(id.slice(6, 14));
  });

  it('refuses an ID number with a wrong check digit, naming the field', async () => {
    const id = newCitizenId();
    const bad = id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
    const res = await register(person(bad, '周九'));
    expect(res.statusCode).toBe(400);
    expect(json<{ error: { details: { field: string }[] } }>(res).error.details[0]!.field).toBe('idNumber');
  });
});
