import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type SessionHeaders, type TestApp } from '../../../test/helpers/app.js';
import { makeDepartment, newUscc, penaltyRow } from '../../../test/helpers/factories.js';
import { seedNationalCatalog } from './service.js';

// Where the server owns the words (catalog categories and their fields, lists), its answers carry
// the Chinese name and the English one, so a page in English shows English names.

let t: TestApp;
let admin: SessionHeaders;
const uscc = newUscc();
type Field = { code: string; label: string; labelEn?: string };
type Cat = { code: string; name: string; nameEn: string; fields: Field[] };

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.loginAs('admin');
  const dept = await makeDepartment(t);
  const r = await t.app.inject({
    method: 'POST', url: '/api/v1/records', headers: admin,
    payload: { department: dept.code, category: 'penalty', fields: penaltyRow({ uscc, name: '南通市双语测试有限公司', wsh: 'EN-1', dept }) },
  });
  expect(r.statusCode, r.body).toBe(201);
});
afterAll(() => t.close());

const categories = async () => json<{ items: Cat[] }>(await t.app.inject({ url: '/api/v1/catalog/categories' })).items;

describe('names in two languages', () => {
  it('the catalog gives every seeded category its English name and every field its English label', async () => {
    const cats = await categories();
    const penalty = cats.find((c) => c.code === 'penalty')!;
    expect(penalty).toMatchObject({ name: '行政处罚信息', nameEn: 'Administrative penalties' });
    expect(penalty.fields.find((f) => f.code === 'CF_WSH')).toMatchObject({ label: '行政处罚决定书文号', labelEn: 'Penalty decision number' });
    expect(penalty.fields.find((f) => f.code === 'CF_XDR_MC')).toMatchObject({ label: '行政相对人名称', labelEn: 'Party name' });
    // The categories the platform's own migrations add (commitment breaches, inspection results) too.
    for (const c of cats.filter((x) => ['licence', 'penalty', 'commitment_breach', 'inspection_result', 'registration', 'honour'].includes(x.code))) {
      expect(c.nameEn, c.code).not.toBe('');
      expect(c.fields.filter((f) => !f.labelEn).map((f) => f.code), c.code).toEqual([]);
    }
  });

  it('fills in English labels on a database seeded before they existed, leaving an operator\'s own words alone', async () => {
    await t.db.pool.query(`update category set fields = (select jsonb_agg(f - 'labelEn' order by n) from jsonb_array_elements(fields) with ordinality as x(f, n)), name_en = '' where code = 'licence'`);
    await t.db.pool.query(`update category set fields = jsonb_set(fields, '{0,labelEn}', '"Name of the party"') where code = 'honour'`);
    await seedNationalCatalog(t.db.pool);
    const cats = await categories();
    const licence = cats.find((c) => c.code === 'licence')!;
    expect(licence.nameEn).toBe('Administrative licences');
    expect(licence.fields.find((f) => f.code === 'XK_WSH')).toMatchObject({ label: '行政许可决定文书号', labelEn: 'Licence decision number' });
    expect(cats.find((c) => c.code === 'honour')!.fields[0]).toMatchObject({ code: 'ZTMC', labelEn: 'Name of the party' });
  });

  it('the archive names each category in both languages', async () => {
    const a = json<{ categories: { code: string; name: string; nameEn: string }[] }>(await t.app.inject({ url: `/api/v1/subjects/${uscc}/archive` }));
    expect(a.categories.find((c) => c.code === 'penalty')).toMatchObject({ name: '行政处罚信息', nameEn: 'Administrative penalties' });
  });

  it('lists carry their English names; an operator sets and changes one', async () => {
    const lists = json<{ items: { code: string; name: string; nameEn: string }[] }>(await t.app.inject({ url: '/api/v1/lists' })).items;
    expect(lists.find((l) => l.code === 'court_dishonest_debtor')).toMatchObject({ name: '失信被执行人名单', nameEn: 'Dishonest judgment debtors' });
    expect(lists.filter((l) => !l.nameEn).map((l) => l.code)).toEqual([]);

    const created = await t.app.inject({
      method: 'POST', url: '/api/v1/lists', headers: admin,
      payload: { code: 'green_enterprise', name: '绿色企业名单', nameEn: 'Green enterprises', kind: 'honour', issuer: '生态环境部门' },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(json(created)).toMatchObject({ name: '绿色企业名单', nameEn: 'Green enterprises' });
    const patched = await t.app.inject({ method: 'PATCH', url: '/api/v1/lists/green_enterprise', headers: admin, payload: { nameEn: 'Green enterprise list' } });
    expect(json(patched)).toMatchObject({ name: '绿色企业名单', nameEn: 'Green enterprise list' });
    const plain = await t.app.inject({ method: 'POST', url: '/api/v1/lists', headers: admin, payload: { code: 'plain_list', name: '其他名单', kind: 'watch', issuer: '信用中心' } });
    expect(json(plain)).toMatchObject({ nameEn: '' });
  });
});
