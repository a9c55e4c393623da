import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type SessionHeaders, type TestApp } from '../../../test/helpers/app.js';
import { newCitizenId, newUscc } from '../../../test/helpers/factories.js';

let t: TestApp;
let admin: SessionHeaders;
const uscc = newUscc();
const person = newCitizenId();
const repId = newCitizenId();

type Items = { items: Record<string, unknown>[]; total: number };
const search = async (q: string, cookie?: SessionHeaders) =>
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
  });
});
