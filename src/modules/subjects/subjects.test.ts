import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type SessionHeaders, type TestApp } from '../../../test/helpers/app.js';
import { monthsAfter, TEST_TODAY } from '../../../test/helpers/clock.js';
import { makeDepartment, newCitizenId, newUscc } from '../../../test/helpers/factories.js';
import { maskIdNumber } from '../identity/citizen-id.js';

let t: TestApp;
let admin: SessionHeaders;
const uscc = newUscc();
const person = newCitizenId();
const repId = newCitizenId();
const nobody = newCitizenId(); // a valid ID number no subject has

type Items = { items: Record<string, unknown>[]; total: number };
const search = async (q: string, cookie?: SessionHeaders | Record<string, string>) =>
  json<Items>(await t.app.inject({ url: `/api/v1/subjects?q=${encodeURIComponent(q)}`, headers: cookie ?? {} }));

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.loginAs('admin');
  const reg = (payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/subjects', payload, headers: admin });
  const res = await reg({
    uscc, name: '南通市崇川区华信（电子）科技有限责任公司', legalRep: '陈建国', legalRepIdNumber: repId,
    formerNames: ['南通华信电子厂'], identifiers: [{ scheme: 'org_code', value: `${uscc.slice(8, 16)}-${uscc[16]}` }],
  });
  expect(res.statusCode, res.body).toBe(201);
  expect((await reg({ uscc: newUscc(), name: '南通市通州区华信物流有限公司' })).statusCode).toBe(201);
  expect((await reg({ idNumber: person, name: '华信明' })).statusCode).toBe(201);
});
afterAll(() => t.close());

describe('subjects', () => {
  it('registers legacy codes, former names and a masked legal representative link', async () => {
    const s = json(await t.app.inject({ url: `/api/v1/subjects/${uscc}` }));
    expect(s).toMatchObject({
      kind: 'legal_person', uscc, formerNames: ['南通华信电子厂'], identifiers: [{ scheme: 'org_code', value: uscc.slice(8, 17) }],
      links: [{ role: 'legal_rep', personName: '陈建国', personIdMasked: `${repId.slice(0, 4)}**********${repId.slice(14)}` }],
      regionCode: uscc.slice(2, 8),
    });
  });

  it('finds by exact USCC and by legacy organisation code (with hyphen)', async () => {
    expect((await search(uscc)).items.map((i) => i.uscc)).toEqual([uscc]);
    expect((await search(`${uscc.slice(8, 16)}-${uscc[16]}`)).items.map((i) => i.uscc)).toEqual([uscc]);
  });

  it('finds by a two-character Chinese fragment, by former name, ignoring bracket width and 有限责任公司', async () => {
    const r = await search('华信');
    expect(r.total).toBe(2);
    expect(r.items.map((i) => i.kind)).not.toContain('natural_person');
    expect((await search('华信电子厂')).items.map((i) => i.uscc)).toEqual([uscc]);
    expect((await search('华信(电子)科技有限公司')).items.map((i) => i.uscc)).toEqual([uscc]);
  });

  it('never gives natural persons to the public, even by exact ID number; staff get them masked', async () => {
    expect((await search(person)).total).toBe(0);
    const staff = await search(person, admin);
    expect(staff.items).toHaveLength(1);
    expect(staff.items[0]).toMatchObject({ kind: 'natural_person', idNumberMasked: `${person.slice(0, 4)}**********${person.slice(14)}` });
    expect(JSON.stringify(staff)).not.toContain(person);
    expect((await search('华信', admin)).total).toBe(3);
  });

  it('renames a subject and keeps the old name searchable', async () => {
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/subjects/${uscc}/rename`, payload: { name: '江苏华信智能科技有限公司' }, headers: admin });
    expect(json(res)).toMatchObject({ name: '江苏华信智能科技有限公司', formerNames: expect.arrayContaining(['南通华信电子厂', '南通市崇川区华信（电子）科技有限责任公司']) });
    expect((await search('崇川区华信')).items.map((i) => i.uscc)).toEqual([uscc]);
  });

  it('refuses duplicates, bad codes and an empty query with specific errors', async () => {
    const dup = await t.app.inject({ method: 'POST', url: '/api/v1/subjects', payload: { uscc, name: 'x' }, headers: admin });
    expect(dup.statusCode).toBe(409);
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/subjects', payload: { uscc: '91310115MA1H8R7C6D', name: 'x' }, headers: admin });
    expect(bad.statusCode).toBe(400);
    expect(json(bad)).toMatchObject({ error: { details: expect.arrayContaining([expect.objectContaining({ field: 'uscc', position: 18, message: '第18位校验码应为 7，实为 D' })]) } });
    const taken = await t.app.inject({ method: 'POST', url: '/api/v1/subjects', payload: { uscc: newUscc(), name: 'y', identifiers: [{ scheme: 'org_code', value: uscc.slice(8, 17) }] }, headers: admin });
    expect(taken.statusCode).toBe(409);
    expect((await t.app.inject({ url: '/api/v1/subjects?q=%20' })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/subjects', payload: { uscc: newUscc(), name: 'z' } })).statusCode).toBe(401);
  });

  it('pages name results as { items, total }', async () => {
    const r = json<Items>(await t.app.inject({ url: `/api/v1/subjects?q=${encodeURIComponent('华信')}&page=2&pageSize=1`, headers: admin }));
    expect(r.total).toBe(3);
    expect(r.items).toHaveLength(1);
    const past = json<Items>(await t.app.inject({ url: `/api/v1/subjects?q=${encodeURIComponent('华信')}&page=9&pageSize=1`, headers: admin }));
    expect(past).toMatchObject({ items: [], total: 3 });
    expect(json<Items>(await t.app.inject({ url: `/api/v1/subjects?q=${encodeURIComponent('无此名称')}`, headers: admin }))).toMatchObject({ items: [], total: 0 });
  });
});

describe('natural persons: found only by those entitled to them', () => {
  let personId: number;
  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ url, headers });
  /** The answer for `code`, with the masked code swapped for the unknown one's: equal means indistinguishable. */
  const asIfNobody = (body: string, code: string) => body.split(maskIdNumber(code)).join(maskIdNumber(nobody));

  beforeAll(async () => {
    personId = (await search(person, admin)).items[0]!.id as number;
  });

  it('answers the public, another subject and a lender without a grant exactly as for an ID no one has', async () => {
    const otherSubject = await t.loginAs('subject', undefined, json<{ id: number }>(await get(`/api/v1/subjects/${uscc}`)).id);
    const lender = await t.loginAs('lender');
    for (const who of [{}, otherSubject, lender]) {
      for (const path of ['', '/archive']) {
        const unknown = await get(`/api/v1/subjects/${nobody}${path}`, who);
        const hidden = await get(`/api/v1/subjects/${person}${path}`, who);
        expect(unknown.statusCode).toBe(404);
        expect(hidden.statusCode).toBe(unknown.statusCode);
        expect(asIfNobody(hidden.body, person)).toBe(unknown.body);
        expect(hidden.body).not.toContain('华信明');
      }
      expect((await search(person, who)).total).toBe(0);
    }
    // Renaming asks for the role before looking the code up: no 404-against-401 either.
    const rename = (code: string) => t.app.inject({ method: 'POST', url: `/api/v1/subjects/${code}/rename`, payload: { name: 'x' } });
    expect((await rename(person)).statusCode).toBe(401);
    expect((await rename(nobody)).statusCode).toBe(401);
  });

  it('gives a subject account no natural persons from a name search, and its own person by code', async () => {
    const otherSubject = await t.loginAs('subject', undefined, json<{ id: number }>(await get(`/api/v1/subjects/${uscc}`)).id);
    const byName = await search('华信', otherSubject);
    expect(byName.total).toBe(2);
    expect(byName.items.map((i) => i.kind)).not.toContain('natural_person');
    expect((await search('华信明', otherSubject)).total).toBe(0);
    const self = await t.loginAs('subject', undefined, personId);
    expect(json(await get(`/api/v1/subjects/${person}`, self))).toMatchObject({ id: personId, kind: 'natural_person', name: '华信明' });
    expect((await get(`/api/v1/subjects/${person}/archive`, self)).statusCode).toBe(200);
    expect((await search(person, self)).total).toBe(1);
  });

  it('lets staff and departments find persons, and a lender only once the person granted it access', async () => {
    await makeDepartment(t, 'SUBJ', '主体测试局');
    const clerk = await t.loginAs('department', 'SUBJ');
    expect((await get(`/api/v1/subjects/${person}`, clerk)).statusCode).toBe(200);
    expect((await search('华信明', clerk)).total).toBe(1);
    expect((await get(`/api/v1/subjects/${person}`, admin)).statusCode).toBe(200);
    const lender = await t.loginAs('lender');
    expect((await get(`/api/v1/subjects/${person}`, lender)).statusCode).toBe(404);
    const lenderName = json<{ username: string }>(await get('/api/v1/auth/me', lender)).username;
    const self = await t.loginAs('subject', undefined, personId);
    const grant = await t.app.inject({ method: 'POST', url: '/api/v1/grants', headers: self, payload: { grantee: lenderName, purpose: '贷款审查', expiresAt: monthsAfter(TEST_TODAY, 1) } });
    expect(grant.statusCode, grant.body).toBe(201);
    expect(json(await get(`/api/v1/subjects/${person}`, lender))).toMatchObject({ id: personId, name: '华信明' });
    expect((await search(person, lender)).total).toBe(1);
    // A name search still gives a lender no natural persons.
    expect((await search('华信明', lender)).total).toBe(0);
  });
});
