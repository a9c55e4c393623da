import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from '../../../test/helpers/app.js';
import { makeDepartment, newUscc, penaltyRow } from '../../../test/helpers/factories.js';
import { verifyLedger } from './ledger.js';

let t: TestApp;
const ids: number[] = [];

beforeAll(async () => {
  t = await createTestApp();
  const dept = await makeDepartment(t);
  const admin = await t.loginAs('admin');
  for (let i = 0; i < 5; i += 1) {
    const res = await t.app.inject({
      method: 'POST', url: '/api/v1/records', headers: admin,
      payload: { department: 'SCJGJ', category: 'penalty', fields: penaltyRow({ uscc: newUscc(), name: `链测试${i}有限公司`, wsh: `L-${i}`, dept }) },
    });
    ids.push(json(res).id as number);
  }
  await t.app.inject({ method: 'POST', url: `/api/v1/records/${ids[1]}/revoke`, payload: { reason: '测试' }, headers: admin });
});
afterAll(() => t.close());

describe('ledger verification', () => {
  it('reports an intact chain where every record matches its latest version', async () => {
    const r = await verifyLedger(t.db.pool);
    expect(r).toEqual({ checked: 6, broken: null, outOfLedger: [] });
  });

  it('names the first broken link when a ledger entry is edited', async () => {
    const seq = Number((await t.db.pool.query('select seq from record_version order by seq offset 2 limit 1')).rows[0].seq);
    await t.db.pool.query(`update record_version set snapshot = jsonb_set(snapshot, '{fields,CF_NR}', '"罚款1元"') where seq = $1`, [seq]);
    const r = await verifyLedger(t.db.pool);
    expect(r.broken).toMatchObject({ seq, reason: 'hash_mismatch' });
  });

  it('detects a deleted entry by the next link', async () => {
    const t2 = await createTestApp();
    try {
      const dept = await makeDepartment(t2);
      const admin = await t2.loginAs('admin');
      for (const wsh of ['D-1', 'D-2', 'D-3']) {
        await t2.app.inject({ method: 'POST', url: '/api/v1/records', headers: admin, payload: { department: 'SCJGJ', category: 'penalty', fields: penaltyRow({ uscc: newUscc(), name: `删${wsh}有限公司`, wsh, dept }) } });
      }
      const seqs = (await t2.db.pool.query('select seq from record_version order by seq')).rows.map((r) => Number(r.seq));
      await t2.db.pool.query('alter table record_version drop constraint record_version_record_id_fkey');
      await t2.db.pool.query('delete from record_version where seq = $1', [seqs[1]]);
      const r = await verifyLedger(t2.db.pool);
      expect(r.broken).toMatchObject({ seq: seqs[2], reason: 'prev_hash_mismatch' });
    } finally {
      await t2.close();
    }
  });

  it('detects a record row edited behind the ledger', async () => {
    await t.db.pool.query(`update record_version set snapshot = jsonb_set(snapshot, '{fields,CF_NR}', to_jsonb((select fields->>'CF_NR' from record where id = record_version.record_id))) where snapshot->'fields'->>'CF_NR' = '罚款1元'`);
    expect((await verifyLedger(t.db.pool)).broken).toBeNull();
    await t.db.pool.query(`update record set fields = fields || '{"CF_NR": "悄悄改掉"}', content_hash = 'x' where id = $1`, [ids[3]]);
    const r = await verifyLedger(t.db.pool);
    expect(r.broken).toBeNull();
    expect(r.outOfLedger).toEqual([{ id: ids[3], reason: 'current row differs from ledger' }]);
  });
});
