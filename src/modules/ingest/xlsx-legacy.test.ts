import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toCsv, upload, type SubmitBody } from '../../../test/fixtures/ingest/files.js';
import { createIngestTestApp } from '../../../test/fixtures/ingest/test-app.js';
import { json, type SessionHeaders, type TestApp } from '../../../test/helpers/app.js';
import { addDays, daysBetween, TEST_TODAY, yearOf, yearsAfter } from '../../../test/helpers/clock.js';
import { makeDepartment, newUscc, penaltyRow, licenceRow } from '../../../test/helpers/factories.js';

let t: TestApp;
let dept: { code: string; uscc: string };
let clerk: SessionHeaders;

beforeAll(async () => {
  t = await createIngestTestApp();
  dept = await makeDepartment(t);
  clerk = await t.loginAs('department', 'SCJGJ');
});
afterAll(() => t.close());

const YEAR = yearOf(TEST_TODAY);
/** Excel's serial day number of a date (days since 1899-12-30, the 1900 date system). */
const excelSerial = (date: string) => daysBetween('1899-12-30', date);

const fieldsOf = async (key: string) => (await t.db.pool.query('select fields, decided_on::text as "decidedOn", state from record where source_key = $1', [key])).rows[0];

async function workbook(build: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('处罚'));
  wb.addWorksheet('说明').addRow(['填报说明']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('XLSX', () => {
  it('reads Date cells, Excel serial dates, numbers and rich text; errors name the sheet row', async () => {
    const decided = addDays(TEST_TODAY, -260);
    const until = yearsAfter(decided, 1);
    expect(excelSerial('2027-03-10')).toBe(46456); // as Excel numbers it: a fixed fact anchoring the helper
    const rows = [0, 1, 2].map((i) => penaltyRow({ uscc: newUscc(), name: `表格${i}号有限公司`, wsh: `表格罚〔${YEAR}〕${i}号`, dept }));
    const headers = Object.keys(rows[0]!);
    const content = await workbook((ws) => {
      ws.addRow([]);
      ws.addRow(headers.map((h) => (h === 'CF_XDR_MC' ? '行政相对人名称' : h)));
      rows.forEach((r, i) => {
        const cells: unknown[] = headers.map((h) => r[h]);
        cells[headers.indexOf('CF_JDRQ')] = new Date(`${decided}T00:00:00Z`);
        cells[headers.indexOf('CF_YXQ')] = excelSerial(until); // a serial number in a cell without a date format
        cells[headers.indexOf('CF_NR_FK')] = 0.5;
        cells[headers.indexOf('CF_XDR_MC')] = { richText: [{ text: `表格${i}号` }, { text: '有限公司', font: { bold: true } }] };
        if (i === 2) cells[headers.indexOf('CF_CFLB')] = '打板子';
        const row = ws.addRow(cells);
        row.getCell(headers.indexOf('CF_JDRQ') + 1).numFmt = 'yyyy-mm-dd';
      });
    });
    const res = await upload(t, clerk, { name: 'penalties.xlsx', content });
    expect(res.statusCode).toBe(201);
    const body = json<SubmitBody>(res);
    expect(body.counts).toMatchObject({ received: 3, created: 2, rejected: 1 });
    expect(body.errors[0]).toMatchObject({ row: 5, field: 'CF_CFLB', code: 'invalid_enum' });
    const stored = await fieldsOf(`表格罚〔${YEAR}〕0号`);
    expect(stored.decidedOn).toBe(decided);
    expect(stored.fields).toMatchObject({ CF_JDRQ: decided, CF_YXQ: until, CF_NR_FK: '0.5', CF_XDR_MC: '表格0号有限公司' });
    const sub = json(await t.app.inject({ url: `/api/v1/submissions/${body.id}`, headers: clerk }));
    expect(sub).toMatchObject({ format: 'xlsx', encoding: null, fileBytes: content.length });
    // Re-sending the same workbook changes nothing.
    expect(json<SubmitBody>(await upload(t, clerk, { name: 'penalties.xlsx', content })).counts).toMatchObject({ unchanged: 2, rejected: 1 });
  });

  it('refuses a truncated workbook as malformed', async () => {
    const rows = Array.from({ length: 500 }, (_, i) => penaltyRow({ uscc: newUscc(), name: `截断${i}号有限公司`, wsh: `截断罚〔${YEAR}〕${i}号`, dept }));
    const headers = Object.keys(rows[0]!);
    const full = await workbook((ws) => {
      ws.addRow(headers);
      for (const r of rows) ws.addRow(headers.map((h) => r[h]));
    });
    const res = await upload(t, clerk, { name: 'cut.xlsx', content: full.subarray(0, Math.floor(full.length * 0.6)) });
    expect(res.statusCode).toBe(400);
    expect(json(res)).toMatchObject({ error: { code: 'malformed_xlsx' } });
  });

  it('refuses a workbook whose first sheet is empty', async () => {
    const res = await upload(t, clerk, { name: 'empty.xlsx', content: await workbook(() => undefined) });
    expect(json(res)).toMatchObject({ error: { code: 'empty_file' } });
  });
});

// Rows in the 2016 layout are old records: their 2016 dates are the layout's era, not relative to
// today, and 2099-12-31 is the mapping's own fill for a missing publication end.
describe('legacy 2016 layout (mapping=legacy2016)', () => {
  it('maps penalty columns, joins CF_CFLB1/2, drops DFBM and SJC, fills what the old layout lacks and revokes by CF_ZT', async () => {
    const uscc = newUscc();
    const legacy = [
      {
        CF_WSH: '旧罚〔2016〕1号', CF_CFMC: '未按规定公示年度报告', CF_CFLB1: '警告', CF_CFLB2: '罚款', CF_SY: '未公示年报', CF_YJ: '《企业信息公示暂行条例》',
        CF_XDR_MC: '旧格式有限公司', CF_XDR_SHXYM: uscc, CF_FR: '王五', CF_JG: '警告并罚款1000元', CF_JDRQ: '2016/09/01', CF_XZJG: '市工商局',
        CF_ZT: '0', DFBM: '320600', SJC: '2016-09-02 10:00:00', BZ: '',
      },
      {
        CF_WSH: '旧罚〔2016〕2号', CF_CFMC: '无照经营', CF_CFLB1: '罚款', CF_CFLB2: '', CF_SY: '无照经营', CF_YJ: '《无证无照经营查处办法》',
        CF_XDR_MC: '旧格式二有限公司', CF_XDR_SHXYM: newUscc(), CF_FR: '赵六', CF_JG: '罚款2000元', CF_JDRQ: '2016/10/01', CF_XZJG: '市工商局',
        CF_ZT: '0', DFBM: '320600', SJC: '2016-10-02 10:00:00', BZ: '补录',
      },
    ];
    const first = json<SubmitBody>(await upload(t, clerk, { content: toCsv(legacy), fields: { mapping: 'legacy2016' } }));
    expect(first.counts).toMatchObject({ received: 2, created: 2, rejected: 0 });
    expect(await fieldsOf('旧罚〔2016〕1号')).toMatchObject({
      decidedOn: '2016-09-01',
      fields: {
        CF_WFXW: '未按规定公示年度报告', CF_CFLB: '警告;罚款', CF_NR: '警告并罚款1000元', CF_CFJG: '市工商局', CF_FRDB: '王五',
        CF_XDR_LB: '法人及非法人组织', CF_YXQ: '2099-12-31', CF_SJLY: '市市场监督管理局', CF_SJLYDM: dept.uscc, CF_CFJGDM: dept.uscc,
      },
    });
    expect((await fieldsOf('旧罚〔2016〕1号')).fields).not.toHaveProperty('DFBM');
    const revoke = [{ ...legacy[1]!, CF_ZT: '1' }];
    const second = json<SubmitBody>(await upload(t, clerk, { content: toCsv(revoke), fields: { mapping: 'legacy2016' } }));
    expect(second.counts).toMatchObject({ revoked: 1 });
    expect((await fieldsOf('旧罚〔2016〕2号')).state).toBe('revoked');
  });

  it('maps licence columns (XK_XMMC → XK_XKWS, XK_SPLB → XK_XKLB)', async () => {
    const row = licenceRow({ uscc: newUscc(), name: '旧许可有限公司', wsh: '旧许〔2016〕1号', dept });
    const legacy = {
      XK_WSH: row.XK_WSH!, XK_XMMC: row.XK_XKWS!, XK_SPLB: row.XK_XKLB!, XK_NR: row.XK_NR!, XK_XDR: row.XK_XDR_MC!, XK_XDR_SHXYM: row.XK_XDR_SHXYM!,
      XK_FR: '李四', XK_JDRQ: '2016-05-04', XK_JZQ: '2021-05-03', XK_XZJG: '市工商局', XK_ZT: '0', DFBM: '320600', SJC: '20160505',
    };
    const res = json<SubmitBody>(await upload(t, clerk, { category: 'licence', content: toCsv([legacy]), fields: { mapping: 'legacy2016' } }));
    expect(res.counts).toMatchObject({ created: 1, rejected: 0 });
    expect((await fieldsOf('旧许〔2016〕1号')).fields).toMatchObject({ XK_XKWS: row.XK_XKWS, XK_XKLB: '普通', XK_YXQZ: '2016-05-04', XK_YXQZI: '2021-05-03', XK_ZT: '有效', XK_XKJG: '市工商局' });
  });

  it('without the mapping, the old columns are unknown; an unknown mapping is a 400', async () => {
    const csv = toCsv([{ CF_WSH: 'x', CF_CFMC: 'y', SJC: 'z' }]);
    expect(json(await upload(t, clerk, { content: csv }))).toMatchObject({ error: { code: 'unknown_columns' } });
    expect(json(await upload(t, clerk, { content: csv, fields: { mapping: 'legacy1999' } }))).toMatchObject({ error: { code: 'unknown_mapping' } });
  });
});
