import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, type SessionHeaders, type TestApp } from '../../../test/helpers/app.js';
import { addDays, at, monthsAfter, TEST_TODAY } from '../../../test/helpers/clock.js';
import { licenceRow, makeDepartment, newCitizenId, newUscc, penaltyRow } from '../../../test/helpers/factories.js';
import { verifyLedger } from '../records/ledger.js';
import { createListsTestApp } from '../lists/test-app.js';
import { sweepPublication } from './service.js';
import { msUntilNextSweep } from './sweep.js';

let t: TestApp & { clockAt(iso: string): import('../../lib/clock.js').Clock };
let dept: { code: string; uscc: string };
let clerk: SessionHeaders;
const ids = { minor: 0, ordinary: 0, serious: 0, licence: 0, person: 0 };
// The factory's penalties were decided some eight months before the clock's today; the serious one
// some seven months before, so it is the newest decision and alone in a date filter around it.
const DECIDED = penaltyRow({ uscc: '', name: '', wsh: '', dept: { uscc: '' } }).CF_JDRQ!;
const SERIOUS_DECIDED = addDays(TEST_TODAY, -208);
const MINOR_UNTIL = monthsAfter(DECIDED, 3);
const ORDINARY_UNTIL = monthsAfter(DECIDED, 12);

const file = async (category: string, fields: Record<string, string>) => {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/records', headers: clerk, payload: { department: 'SCJGJ', category, fields } });
  expect(res.statusCode, res.body).toBe(201);
  return json<{ id: number; publishUntil: string | null; severity: string | null }>(res);
};

beforeAll(async () => {
  t = await createListsTestApp();
  dept = await makeDepartment(t);
  clerk = await t.loginAs('department', 'SCJGJ');
  // minor: a warning alone, published 3 months from its decision → already ended today
  ids.minor = (await file('penalty', penaltyRow({ uscc: newUscc(), name: '南通轻微处罚有限公司', wsh: '通市监罚〔2026〕101号', dept, overrides: { CF_CFLB: '警告', CF_NR: '警告', CF_NR_FK: '' } }))).id;
  // ordinary: a fine above the simplified-procedure threshold, 12 months → still published today
  ids.ordinary = (await file('penalty', penaltyRow({ uscc: newUscc(), name: '南通一般处罚有限公司', wsh: '通市监罚〔2026〕102号', dept }))).id;
  const serious = await file('penalty', penaltyRow({ uscc: newUscc(), name: '南通严重处罚有限公司', wsh: '通市监罚〔2026〕103号', dept, overrides: { CF_CFLB: '吊销许可证件', CF_NR: '吊销营业执照', CF_JDRQ: SERIOUS_DECIDED } }));
  ids.serious = serious.id;
  expect(serious).toMatchObject({ severity: 'serious', publishUntil: monthsAfter(SERIOUS_DECIDED, 36) });
  ids.licence = (await file('licence', licenceRow({ uscc: newUscc(), name: '南通许可公示有限公司', wsh: '通市监许〔2025〕7号', dept }))).id;
  const person = newCitizenId();
  ids.person = (await file('penalty', {
    ...penaltyRow({ uscc: '', name: '王小明', wsh: '通市监罚〔2026〕104号', dept }),
    CF_XDR_LB: '自然人', CF_XDR_SHXYM: '', CF_FRDB: '', CF_XDR_ZJLX: '身份证', CF_XDR_ZJHM: person,
  })).id;
});
afterAll(() => t.close());

const page = async (query: string) => {
  const res = await t.app.inject({ url: `/api/v1/publicity?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return json<{ items: { id: number; type: string; subject: { name: string; uscc?: string }; fields: Record<string, string>; publishUntil: string | null }[]; total: number }>(res);
};

describe('publicity portal', () => {
  it('shows only records inside their window, newest decision first, never natural persons\' penalties', async () => {
    const r = await page('type=penalty');
    expect(r.items.map((i) => i.id)).toEqual([ids.serious, ids.ordinary]);
    expect(r.total).toBe(2);
    expect(r.items[0]).toMatchObject({ type: 'penalty', subject: { name: '南通严重处罚有限公司' }, fields: { CF_CFLB: '吊销许可证件', CF_WSH: '通市监罚〔2026〕103号' } });
    expect(r.items[0]!.subject.uscc).toMatch(/^[0-9A-Z]{18}$/);
  });

  it('filters by type, name fragment (traditional script too), document number, department and decision date', async () => {
    expect((await page('type=licence')).items.map((i) => i.id)).toEqual([ids.licence]);
    expect((await page(`q=${encodeURIComponent('嚴重處罰')}`)).items.map((i) => i.id)).toEqual([ids.serious]);
    expect((await page(`q=${encodeURIComponent('通市监罚〔2026〕102号')}`)).items.map((i) => i.id)).toEqual([ids.ordinary]);
    expect((await page('department=SCJGJ&pageSize=1')).total).toBe(3);
    expect((await page(`from=${addDays(SERIOUS_DECIDED, -30)}&to=${addDays(TEST_TODAY, 36)}`)).items.map((i) => i.id)).toEqual([ids.serious]);
    const unknown = await t.app.inject({ url: '/api/v1/publicity?department=NOPE' });
    expect(unknown.statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/v1/publicity?type=objection' })).statusCode).toBe(400);
  });
});

describe('paging a big list', () => {
  type Page = { items: { id: number }[]; total: number; totalEstimated: boolean; next: string | null };
  it('walks the list by cursor in the order of the page numbers, each row once, and ends with next = null', async () => {
    const byNumber: number[] = [];
    for (let p = 1; p <= 4; p++) byNumber.push(...json<Page>(await t.app.inject({ url: `/api/v1/publicity?department=SCJGJ&pageSize=1&page=${p}` })).items.map((i) => i.id));
    const byCursor: number[] = [];
    let after: string | null = null;
    for (let n = 0; n < 10; n++) {
      const r: Page = json<Page>(await t.app.inject({ url: `/api/v1/publicity?department=SCJGJ&pageSize=1${after ? `&after=${after}` : ''}` }));
      expect(r).toMatchObject({ total: 3, totalEstimated: false });
      byCursor.push(...r.items.map((i) => i.id));
      after = r.next;
      if (!after) break;
    }
    expect(byNumber).toHaveLength(3);
    expect(byCursor).toEqual(byNumber);
    const bad = await t.app.inject({ url: '/api/v1/publicity?after=2026-13' });
    expect(bad.statusCode).toBe(400);
    expect(json(bad)).toMatchObject({ error: { details: [{ field: 'after' }] } });
  });

  it('counts exactly up to the threshold and labels the planner\'s estimate beyond it', async () => {
    const { publicityCount } = await import('./repo.js');
    const cats = (await t.db.pool.query<{ id: number }>("select id from category where code in ('penalty', 'licence')")).rows.map((r) => r.id);
    const q = { categoryIds: cats, today: TEST_TODAY, departmentId: null, from: null, to: null, pattern: null, code: null, limit: 20, offset: 0, after: null, order: 'desc' as const };
    expect(await publicityCount(t.db.pool, q, 100)).toEqual({ total: 3, estimated: false });
    const capped = await publicityCount(t.db.pool, q, 1);
    expect(capped.estimated).toBe(true);
    expect(capped.total).toBeGreaterThanOrEqual(2);
  });
});

describe('oldest first and the CSV export', () => {
  type Page = { items: { id: number; decidedOn: string | null }[]; total: number; next: string | null };
  const walk = async (query: string) => {
    const ids: number[] = [];
    let after: string | null = null;
    for (let n = 0; n < 10; n++) {
      const r: Page = json<Page>(await t.app.inject({ url: `/api/v1/publicity?${query}&pageSize=1${after ? `&after=${after}` : ''}` }));
      ids.push(...r.items.map((i) => i.id));
      after = r.next;
      if (!after) break;
    }
    return ids;
  };

  it('orders by decision date both ways, by page number and by cursor alike', async () => {
    const desc = (await page('department=SCJGJ')).items.map((i) => i.id);
    const asc = (await page('department=SCJGJ&order=asc')).items;
    expect(asc.map((i) => i.id)).toEqual([...desc].reverse());
    const dates = asc.map((i) => (i as unknown as { decidedOn: string }).decidedOn);
    expect(dates).toEqual([...dates].sort());
    expect(await walk('department=SCJGJ&order=asc')).toEqual(asc.map((i) => i.id));
    expect(await walk('department=SCJGJ&order=desc')).toEqual(desc);
    const byNumber: number[] = [];
    for (let p = 1; p <= 3; p++) byNumber.push(...(await page(`department=SCJGJ&order=asc&pageSize=1&page=${p}`)).items.map((i) => i.id));
    expect(byNumber).toEqual(asc.map((i) => i.id));
    const bad = await t.app.inject({ url: '/api/v1/publicity?order=up' });
    expect(bad.statusCode).toBe(400);
    expect(json(bad)).toMatchObject({ error: { details: [{ field: expect.stringContaining('order') }] } });
  });

  const csv = async (query: string) => {
    const res = await t.app.inject({ url: `/api/v1/publicity/export.csv?${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res;
  };

  it('exports what the filters select as UTF-8 CSV with BOM, public columns, in the page\'s order', async () => {
    const res = await csv('type=penalty');
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="publicity-penalty-${TEST_TODAY}.csv"`);
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = res.body.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^类别,行政相对人名称,统一社会信用代码,身份证件号码（遮蔽）,.*决定日期,决定部门,公示起始,公示截止,状态$/);
    expect(lines[0]).toContain('行政处罚决定书文号');
    const api = (await page('type=penalty')).items;
    expect(lines.slice(1).map((l) => l.split(',')[1])).toEqual(api.map((i) => i.subject.name));
    expect(lines[1]).toContain('通市监罚〔2026〕103号');
    expect(lines[1]).toContain(api[0]!.subject.uscc!);
    // A filtered, oldest-first export: the same rows as the page answer.
    const filtered = await csv(`q=${encodeURIComponent('一般处罚')}&order=asc`);
    expect(filtered.body.trimEnd().split('\r\n').slice(1).map((l) => l.split(',')[1])).toEqual(['南通一般处罚有限公司']);
    const asc = (await page('order=asc')).items.map((i) => i.subject.name);
    expect((await csv('order=asc')).body.trimEnd().split('\r\n').slice(1).map((l) => l.split(',')[1])).toEqual(asc);
    expect((await t.app.inject({ url: '/api/v1/publicity/export.csv?department=NOPE' })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/v1/publicity/export.csv?from=2026-02-30' })).statusCode).toBe(400);
  });

  it('stops at the maximum with a note saying so, and neutralises spreadsheet formulas', async () => {
    const { publicityCsv, capNote, csvCell, EXPORT_MAX_ROWS } = await import('./export.js');
    expect(EXPORT_MAX_ROWS).toBe(50_000);
    const read = async (max: number) => {
      let out = '';
      for await (const l of publicityCsv(t.db.pool, t.clock, { order: 'desc' }, max)) out += l;
      return out.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    };
    const all = await read(100);
    expect(all).toHaveLength(1 + 3);
    const capped = await read(2);
    expect(capped.slice(0, 3)).toEqual(all.slice(0, 3));
    expect(capped[3]).toBe(capNote(2));
    expect(capped).toHaveLength(4);
    expect(capNote(EXPORT_MAX_ROWS)).toContain('已达导出上限 50,000 行');
    expect(await read(3)).toEqual(all); // exactly at the maximum: no note
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('a,b')).toBe('"a,b"');
  });
});

describe('publication sweep', () => {
  const versions = async (id: number) => json<{ items: { op: string; reason: string | null; actorKind: string; snapshot: { state: string } }[] }>(
    await t.app.inject({ url: `/api/v1/records/${id}/versions`, headers: clerk }),
  ).items;

  it('expires records whose window ended, one system-attributed ledger version naming the rule, and is idempotent', async () => {
    const first = await sweepPublication({ pool: t.db.pool, clock: t.clock });
    expect(first.records).toBe(1);
    const again = await sweepPublication({ pool: t.db.pool, clock: t.clock });
    expect(again.records).toBe(0);
    const v = await versions(ids.minor);
    expect(v.map((x) => x.op)).toEqual(['create', 'state']);
    expect(v[1]).toMatchObject({ actorKind: 'system', snapshot: { state: 'expired' } });
    expect(v[1]!.reason).toContain('轻微失信信息最长公示 3 个月');
    expect(v[1]!.reason).toContain(`公示截止 ${MINOR_UNTIL}`);
    expect((await versions(ids.ordinary)).map((x) => x.op)).toEqual(['create']);
    const events = await t.db.pool.query(`select type, payload from domain_event where type = 'record.expired'`);
    expect(events.rows).toEqual([{ type: 'record.expired', payload: expect.objectContaining({ recordId: ids.minor, category: 'penalty' }) }]);
  });

  it('expires the next window when its day has passed, and the ledger stays intact', async () => {
    const later = await sweepPublication({ pool: t.db.pool, clock: t.clockAt(at(addDays(ORDINARY_UNTIL, 1), '01:00')) });
    expect(later.records).toBe(2); // the ordinary company penalty and the natural person's
    expect((await versions(ids.ordinary)).map((x) => x.snapshot.state)).toEqual(['active', 'expired']);
    expect((await versions(ids.serious)).map((x) => x.op)).toEqual(['create']);
    const report = await verifyLedger(t.db.pool);
    expect(report.broken).toBeNull();
    expect(report.outOfLedger).toEqual([]);
  });

  it('announces new serious penalties in the same transaction (record.serious_penalty)', async () => {
    const events = await t.db.pool.query(`select subject_id, payload from domain_event where type = 'record.serious_penalty'`);
    expect(events.rows.map((r: { payload: { recordId: number } }) => r.payload.recordId)).toEqual([ids.serious]);
  });

  it('schedules the daily run just after midnight China Standard Time', () => {
    const tomorrow = addDays(TEST_TODAY, 1);
    expect(msUntilNextSweep(new Date(at(tomorrow, '00:00')))).toBe(5 * 60_000);
    expect(msUntilNextSweep(new Date(at(tomorrow, '00:05')))).toBe(86_400_000);
  });
});
