import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, type SessionHeaders } from '../../../test/helpers/app.js';
import { monthsAfter, TEST_TODAY, yearOf } from '../../../test/helpers/clock.js';
import { makeDepartment, newUscc, penaltyRow } from '../../../test/helpers/factories.js';
import { registerReportCommands, ReportNotGenuineError, type WithPlatform } from './commands.js';
import { createReportTestApp } from './test-app.js';
import { pdfText } from './test-pdf.js';

type T = Awaited<ReturnType<typeof createReportTestApp>>;
let t: T;
let clerk: SessionHeaders;
const clean = newUscc();
const fined = newUscc();
const unknown = newUscc();
// Dates derive from the injected clock's today: the penalty number carries this year, report numbers the day of issue.
const penaltyNo = `通市监处罚〔${yearOf(TEST_TODAY)}〕7号`;

beforeAll(async () => {
  t = await createReportTestApp();
  const dept = await makeDepartment(t);
  const admin = await t.loginAs('admin');
  clerk = await t.loginAs('department', 'SCJGJ');
  const file = async (category: string, fields: Record<string, string>) => {
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/records', payload: { department: 'SCJGJ', category, fields }, headers: admin });
    if (r.statusCode !== 201) throw new Error(r.body);
  };
  await file('registration', { ZTMC: '南通市守信建材有限公司', TYSHXYDM: clean, XXBH: 'R-1', CLRQ: monthsAfter(TEST_TODAY, -107), DJJG: '南通市市场监督管理局', DJZT: '存续' });
  await file('penalty', penaltyRow({ uscc: fined, name: '南通市违规化工有限公司', wsh: penaltyNo, dept }));
});
afterAll(() => t.close());

describe('batch reports', () => {
  it('zips one PDF per party and a summary CSV, listing bad parties as error rows', async () => {
    const res = await t.app.inject({
      method: 'POST', url: '/api/v1/reports/batch', headers: clerk,
      payload: { parties: [clean, fined, '91320602MA1XY2345X', unknown], kind: 'certificate', purpose: '招标投标资格审查', domains: ['market'] },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['x-report-count']).toBe('2');
    const files = unzipSync(new Uint8Array(res.rawPayload));
    const pdfs = Object.keys(files).filter((f) => f.endsWith('.pdf')).sort();
    expect(pdfs).toHaveLength(2);
    expect(pdfs[0]).toMatch(new RegExp(`^001-XY-${TEST_TODAY.replace(/-/g, '')}-\\d{6}\\.pdf$`));
    const csv = strFromU8(files['summary.csv']!).replace(/^\ufeff/, '').trim().split('\r\n');
    expect(csv).toHaveLength(5);
    expect(csv[0]).toBe('序号,输入代码,结果,报告编号,核验码,主体名称,文件名,错误信息');
    expect(csv[1]).toMatch(/^1,.*,成功,XY-/);
    expect(csv[3]).toMatch(/^3,91320602MA1XY2345X,失败,,,,,.*无效/);
    expect(csv[4]).toMatch(/^4,.*,失败,,,,,平台未收录该信用主体$/);
    const second = await pdfText(Buffer.from(files[pdfs[1]!]!));
    expect(second.flat).toContain(penaltyNo);
    const first = await pdfText(Buffer.from(files[pdfs[0]!]!));
    expect(first.flat).toContain('未发现违法违规记录');
  });

  it('is for departments and the credit center only', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/reports/batch', payload: { parties: [clean], kind: 'public' } });
    expect(res.statusCode).toBe(401);
  });
});

describe('xinyong verify-report', () => {
  const withPlatform: WithPlatform = (fn) => fn({ pool: t.db.pool, pd: t.db.pd, clock: t.clock, embedded: null, close: async () => undefined }, t.deps.config);

  async function run(args: string[]): Promise<string[]> {
    const lines: string[] = [];
    const program = new Command().exitOverride();
    registerReportCommands(program, withPlatform, { log: (l) => lines.push(l) });
    await program.parseAsync(['node', 'xinyong', ...args]);
    return lines;
  }

  it('confirms a genuine file against the database and rejects a tampered copy', async () => {
    const issued = json<{ number: string; verifyCode: string }>(await t.app.inject({ method: 'POST', url: '/api/v1/reports', payload: { subject: fined, kind: 'public' } }));
    const pdf = (await t.app.inject({ url: `/api/v1/reports/${issued.number}.pdf?code=${issued.verifyCode}` })).rawPayload;
    const dir = await mkdtemp(path.join(os.tmpdir(), 'xy-report-'));
    const good = path.join(dir, 'report.pdf');
    await writeFile(good, pdf);
    const out = await run(['verify-report', good]);
    expect(out.join('\n')).toContain(`GENUINE — 公共信用信息报告 ${issued.number}`);
    expect(out.join('\n')).toContain('unchanged since issue');

    const bad = path.join(dir, 'tampered.pdf');
    await writeFile(bad, Buffer.concat([pdf, Buffer.from('\n% appended\n')]));
    const lines: string[] = [];
    const program = new Command().exitOverride();
    registerReportCommands(program, withPlatform, { log: (l) => lines.push(l) });
    await expect(program.parseAsync(['node', 'xinyong', 'verify-report', bad])).rejects.toBeInstanceOf(ReportNotGenuineError);
    expect(lines.join('\n')).toContain(`claims:      ${issued.number}`);
    expect(lines.join('\n')).toContain('NOT GENUINE (hash_mismatch)');

    // --url: the same check against a running platform over HTTP (loopback only).
    const url = await t.app.listen({ port: 0, host: '127.0.0.1' });
    expect((await run(['verify-report', good, '--url', url])).join('\n')).toContain(`GENUINE — 公共信用信息报告 ${issued.number}`);
    const program2 = new Command().exitOverride();
    registerReportCommands(program2, withPlatform, { log: () => undefined });
    await expect(program2.parseAsync(['node', 'xinyong', 'verify-report', bad, '--url', url])).rejects.toThrow(/not genuine/);
  });
});
