import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type SessionHeaders, type TestApp } from '../../../test/helpers/app.js';
import { addDays, monthsAfter, TEST_TODAY } from '../../../test/helpers/clock.js';
import { makeDepartment, newUscc, penaltyRow } from '../../../test/helpers/factories.js';

let t: TestApp;
let dept: { code: string; uscc: string };
let clerk: SessionHeaders;
let otherClerk: SessionHeaders;

beforeAll(async () => {
  t = await createTestApp();
  dept = await makeDepartment(t);
  await makeDepartment(t, 'SWJ', '市税务局');
  clerk = await t.loginAs('department', 'SCJGJ');
  otherClerk = await t.loginAs('department', 'SWJ');
});
afterAll(() => t.close());

const post = (cookie: SessionHeaders | null, payload: unknown) =>
  t.app.inject({ method: 'POST', url: '/api/v1/records', payload: payload as object, headers: cookie ?? {} });
const count = async (table: string) => Number((await t.db.pool.query(`select count(*) from ${table}`)).rows[0].count);
/** The decision date the factory gives a penalty (some months before the test clock's today). */
const decidedOf = (row: Record<string, string>): string => row.CF_JDRQ!;
/** A YYYY-MM-DD date as a clerk writes it by hand: 2026年3月10日. */
const chineseDate = (date: string): string => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${y}年${m}月${d}日`;
};

describe('filing records', () => {
  it('creates a penalty record, its subject and the first ledger entry attributed to the clerk', async () => {
    const uscc = newUscc();
    const fields = penaltyRow({ uscc, name: '南通市华信电子科技有限公司', wsh: '通市监罚〔2026〕1号', dept });
    const decided = decidedOf(fields);
    const res = await post(clerk, { department: 'SCJGJ', category: 'penalty', fields });
    expect(res.statusCode).toBe(201);
    const body = json(res);
    expect(body).toMatchObject({ outcome: 'created', state: 'active', version: 1, sourceKey: '通市监罚〔2026〕1号', decidedOn: decided, severity: 'ordinary', publishFrom: decided, publishUntil: monthsAfter(decided, 12) });
    const versions = json<{ items: { op: string; actorKind: string; actorName: string; version: number }[] }>(
      await t.app.inject({ url: `/api/v1/records/${body.id}/versions`, headers: clerk }),
    );
    expect(versions.items).toHaveLength(1);
    expect(versions.items[0]).toMatchObject({ op: 'create', actorKind: 'user', version: 1 });
    expect(versions.items[0]!.actorName).toMatch(/^department/);
    const subject = json(await t.app.inject({ url: `/api/v1/subjects/${uscc}` }));
    expect(subject).toMatchObject({ uscc, kind: 'legal_person', name: '南通市华信电子科技有限公司', legalRepName: '张三' });
  });

  it('accepts Chinese field labels as keys and normalises dates', async () => {
    const uscc = newUscc();
    const row = penaltyRow({ uscc, name: '南通标签测试有限公司', wsh: '通市监罚〔2026〕2号', dept });
    const decided = decidedOf(row);
    const labelled = Object.fromEntries(Object.entries(row).map(([k, v]) => [k === 'CF_WSH' ? '行政处罚决定书文号' : k, k === 'CF_JDRQ' ? chineseDate(decided) : v]));
    const res = await post(clerk, { department: 'SCJGJ', category: 'penalty', fields: labelled });
    expect(res.statusCode).toBe(201);
    expect(json(res)).toMatchObject({ sourceKey: '通市监罚〔2026〕2号', decidedOn: decided });
  });

  it('refuses a duplicate department key with 409 and writes nothing', async () => {
    const uscc = newUscc();
    const fields = penaltyRow({ uscc, name: '重复报送有限公司', wsh: '通市监罚〔2026〕3号', dept });
    expect((await post(clerk, { department: 'SCJGJ', category: 'penalty', fields })).statusCode).toBe(201);
    const before = [await count('record'), await count('record_version')];
    const res = await post(clerk, { department: 'SCJGJ', category: 'penalty', fields: { ...fields, CF_NR: '改了内容' } });
    expect(res.statusCode).toBe(409);
    expect(json(res)).toMatchObject({ error: { code: 'duplicate_source_key', details: [{ field: 'CF_WSH' }] } });
    expect([await count('record'), await count('record_version')]).toEqual(before);
  });

  it('names the wrong check digit of the subject USCC and creates no subject', async () => {
    const good = newUscc();
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const subjects = await count('subject');
    const res = await post(clerk, { department: 'SCJGJ', category: 'penalty', fields: penaltyRow({ uscc: bad, name: '错码有限公司', wsh: 'X-1', dept }) });
    expect(res.statusCode).toBe(400);
    const err = json<{ error: { code: string; details: { field: string; message: string }[] } }>(res).error;
    expect(err.code).toBe('invalid_record');
    const detail = err.details.find((d) => d.field === 'CF_XDR_SHXYM')!;
    expect(detail.message).toContain(`第18位校验码应为 ${good[17]}，实为 ${bad[17]}`);
    expect(await count('subject')).toBe(subjects);
  });

  it('lists every missing required field and rejects unknown fields and future decisions', async () => {
    const res = await post(clerk, {
      department: 'SCJGJ', category: 'penalty',
      fields: { CF_XDR_MC: '缺字段有限公司', CF_XDR_LB: '法人及非法人组织', CF_XDR_SHXYM: newUscc(), CF_JDRQ: addDays(TEST_TODAY, 1), FOO: 'bar', CF_CFLB: '罚款;打屁股' },
    });
    expect(res.statusCode).toBe(400);
    const fields = json<{ error: { details: { field: string; message: string }[] } }>(res).error.details.map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['CF_WSH', 'CF_WFXW', 'CF_SY', 'CF_YJ', 'CF_NR', 'CF_YXQ', 'CF_CFJG', 'FOO', 'CF_CFLB', 'CF_JDRQ']));
  });

  it('answers an unknown category with 404 unknown_category', async () => {
    const res = await post(clerk, { department: 'SCJGJ', category: 'no_such_thing', fields: {} });
    expect(res.statusCode).toBe(404);
    expect(json(res)).toMatchObject({ error: { code: 'unknown_category' } });
  });

  it('rejects a malformed body with the field named', async () => {
    const res = await post(clerk, { department: 'SCJGJ', fields: {} });
    expect(res.statusCode).toBe(400);
    expect(json(res)).toMatchObject({ error: { code: 'validation_failed', details: [{ field: 'body.category' }] } });
  });

  it('keeps clerks to their own department and the public out', async () => {
    const fields = penaltyRow({ uscc: newUscc(), name: '越权有限公司', wsh: 'Y-1', dept });
    expect((await post(otherClerk, { department: 'SCJGJ', category: 'penalty', fields })).statusCode).toBe(403);
    expect((await post(null, { department: 'SCJGJ', category: 'penalty', fields })).statusCode).toBe(401);
  });
});

describe('versions', () => {
  it('updates into a new version, reports an identical update as unchanged, and revokes', async () => {
    const uscc = newUscc();
    const fields = penaltyRow({ uscc, name: '版本测试有限公司', wsh: '通市监罚〔2026〕9号', dept });
    const id = json(await post(clerk, { department: 'SCJGJ', category: 'penalty', fields })).id as number;
    const put = (payload: object, cookie = clerk) => t.app.inject({ method: 'PUT', url: `/api/v1/records/${id}`, payload, headers: cookie });
    const changed = await put({ fields: { ...fields, CF_CFLB: '吊销许可证件', CF_NR: '吊销营业执照' }, reason: '更正处罚类别' });
    expect(json(changed)).toMatchObject({ outcome: 'updated', version: 2, severity: 'serious', publishUntil: monthsAfter(decidedOf(fields), 36) });
    const same = await put({ fields: { ...fields, CF_CFLB: '吊销许可证件', CF_NR: '吊销营业执照' } });
    expect(json(same)).toMatchObject({ outcome: 'unchanged', version: 2 });
    const rekey = await put({ fields: { ...fields, CF_WSH: '别的文号' } });
    expect(rekey.statusCode).toBe(400);
    const revoke = await t.app.inject({ method: 'POST', url: `/api/v1/records/${id}/revoke`, payload: { reason: '决定已被撤销' }, headers: clerk });
    expect(json(revoke)).toMatchObject({ state: 'revoked', version: 3 });
    const again = await t.app.inject({ method: 'POST', url: `/api/v1/records/${id}/revoke`, payload: { reason: '再撤一次' }, headers: clerk });
    expect(again.statusCode).toBe(409);
    expect(json(again)).toMatchObject({ error: { code: 'invalid_transition' } });
    const versions = json<{ items: { version: number; op: string; reason: string | null }[] }>(
      await t.app.inject({ url: `/api/v1/records/${id}/versions`, headers: clerk }),
    ).items;
    expect(versions.map((v) => [v.version, v.op, v.reason])).toEqual([[1, 'create', null], [2, 'update', '更正处罚类别'], [3, 'revoke', '决定已被撤销']]);
  });
});
