import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type SessionHeaders, type TestApp } from '../../../test/helpers/app.js';
import { addDays, TEST_TODAY, yearOf } from '../../../test/helpers/clock.js';
import { makeDepartment, newUscc } from '../../../test/helpers/factories.js';

let t: TestApp;
let admin: SessionHeaders;
type Cat = { code: string; classCode: string; disclosure: string; fields: { code: string; label: string; required?: boolean }[] };

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.loginAs('admin');
});
afterAll(() => t.close());

const newCategory = (over: Record<string, unknown> = {}) => ({
  code: 'food_safety_grade', name: '食品安全信用等级', classCode: 'evaluation', subjectKinds: ['legal_person', 'sole_trader'], disclosure: 'public',
  fields: [
    { code: 'ZTMC', label: '主体名称', type: 'string', required: true },
    { code: 'TYSHXYDM', label: '统一社会信用代码', type: 'uscc', required: true },
    { code: 'XXBH', label: '信息编号', type: 'string', required: true },
    { code: 'DJ', label: '等级', type: 'enum', enum: ['A', 'B', 'C'], required: true },
    { code: 'PDRQ', label: '评定日期', type: 'date', required: true },
  ],
  keyField: 'XXBH', subjectFields: { name: 'ZTMC', uscc: 'TYSHXYDM' }, decisionField: 'PDRQ', ...over,
});

describe('catalog', () => {
  it('is seeded with the 13 national classes and a category in each, licence and penalty carrying the national fields', async () => {
    const classes = json<{ items: { code: string }[] }>(await t.app.inject({ url: '/api/v1/catalog/classes' })).items;
    expect(classes).toHaveLength(13);
    const cats = json<{ items: Cat[] }>(await t.app.inject({ url: '/api/v1/catalog/categories' })).items;
    expect(new Set(cats.map((c) => c.classCode)).size).toBe(13);
    expect(new Set(cats.map((c) => c.disclosure))).toEqual(new Set(['public', 'authorised', 'shared']));
    const penalty = cats.find((c) => c.code === 'penalty')!;
    expect(penalty.fields.filter((f) => f.required).map((f) => f.code)).toEqual(
      ['CF_XDR_MC', 'CF_XDR_LB', 'CF_WSH', 'CF_WFXW', 'CF_SY', 'CF_YJ', 'CF_CFLB', 'CF_NR', 'CF_JDRQ', 'CF_YXQ', 'CF_CFJG', 'CF_CFJGDM', 'CF_SJLY', 'CF_SJLYDM'],
    );
    const licence = cats.find((c) => c.code === 'licence')!;
    expect(licence.fields.find((f) => f.code === 'XK_WSH')).toMatchObject({ label: '行政许可决定文书号' });
    expect(licence.fields.map((f) => f.code)).toEqual(expect.arrayContaining(['XK_XDR_MC', 'XK_XKLB', 'XK_JDRQ', 'XK_YXQZI', 'XK_LYDWDM']));
  });

  it('lets an operator add a category and file records under it', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/catalog/categories', headers: admin, payload: newCategory() });
    expect(res.statusCode, res.body).toBe(201);
    expect(json(res)).toMatchObject({ code: 'food_safety_grade', version: 1, active: true, deadlineWorkingDays: 7 });
    const one = await t.app.inject({ url: '/api/v1/catalog/categories/food_safety_grade' });
    expect(json<Cat>(one).fields).toHaveLength(5);
    const dept = await makeDepartment(t, 'SPJ', '市食品安全办');
    const uscc = newUscc();
    // Graded some months ago, written as departments often do (YYYY/M/D, unpadded).
    const graded = addDays(TEST_TODAY, -203);
    const [y, m, d] = graded.split('-').map(Number) as [number, number, number];
    const filed = await t.app.inject({
      method: 'POST', url: '/api/v1/records', headers: admin,
      payload: { department: dept.code, category: 'food_safety_grade', fields: { ZTMC: '南通好味餐饮有限公司', TYSHXYDM: uscc, XXBH: 'SP-1', DJ: 'A', PDRQ: `${y}/${m}/${d}` } },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    expect(json(filed)).toMatchObject({ decidedOn: graded, fields: { DJ: 'A' } });
    const wrong = await t.app.inject({
      method: 'POST', url: '/api/v1/records', headers: admin,
      payload: { department: dept.code, category: 'food_safety_grade', fields: { ZTMC: '某人', TYSHXYDM: uscc, XXBH: 'SP-2', DJ: 'D', PDRQ: `${yearOf(TEST_TODAY)}-02-30` } },
    });
    expect(json<{ error: { details: { field: string; message: string }[] } }>(wrong).error.details).toEqual([
      { field: 'DJ', message: '等级：取值“D”不在允许范围内（A / B / C）' },
      { field: 'PDRQ', message: `评定日期：“${yearOf(TEST_TODAY)}-02-30”不是有效日期（应为 YYYY-MM-DD）` },
    ]);
  });

  it('refuses definitions that reference missing fields, unknown classes, duplicates, and non-operators', async () => {
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/catalog/categories', headers: admin, payload: newCategory({ code: 'bad_one', classCode: 'nope', keyField: 'MISSING', subjectKinds: ['natural_person'] }) });
    expect(bad.statusCode).toBe(400);
    expect(json<{ error: { details: { field: string }[] } }>(bad).error.details.map((d) => d.field)).toEqual(expect.arrayContaining(['keyField', 'classCode', 'subjectFields.idNumber']));
    const wrongType = await t.app.inject({ method: 'POST', url: '/api/v1/catalog/categories', headers: admin, payload: newCategory({ code: 'bad_two', disclosure: 'secret' }) });
    expect(wrongType.statusCode).toBe(400);
    expect(json(wrongType)).toMatchObject({ error: { code: 'validation_failed' } });
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/catalog/categories', headers: admin, payload: newCategory() })).statusCode).toBe(409);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/catalog/categories', payload: newCategory({ code: 'anon' }) })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/v1/catalog/categories/none_such' })).statusCode).toBe(404);
  });
});
