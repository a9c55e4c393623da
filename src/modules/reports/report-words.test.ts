import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from '../../../test/helpers/app.js';
import { monthsAfter, TEST_TODAY } from '../../../test/helpers/clock.js';
import { makeDepartment, newUscc } from '../../../test/helpers/factories.js';
import { parseConfig } from '../../config.js';
import { createReportTestApp } from './test-app.js';
import { pdfText } from './test-pdf.js';
import { pdfHasQrOf } from './test-qr.js';

// What the public reads on a report and on the verify page: how to verify, in words — no command
// lines, no programming interfaces — and a QR code that leads to the platform's public address.

const PUBLIC = 'https://credit.example.gov.cn';
/** Developer instructions that must never reach a report or the verify page. */
const DEVELOPER_TEXT = [/xinyong/i, /verify-report/i, /\/api\//i, /\bAPI\b/, /\bPOST\b/, /\bcurl\b/i, /命令/, /SHA-256/i, /哈希/];

let t: TestApp;
let local: TestApp;
const uscc = newUscc();

async function register(app: TestApp): Promise<void> {
  await makeDepartment(app);
  const admin = await app.loginAs('admin');
  const r = await app.app.inject({
    method: 'POST', url: '/api/v1/records', headers: admin,
    payload: { department: 'SCJGJ', category: 'registration', fields: { ZTMC: '南通市核验说明测试有限公司', TYSHXYDM: uscc, XXBH: 'R-W1', CLRQ: monthsAfter(TEST_TODAY, -40), DJJG: '南通市市场监督管理局', DJZT: '存续' } },
  });
  if (r.statusCode !== 201) throw new Error(r.body);
}

async function issuedPdf(app: TestApp, kind: 'public' | 'certificate'): Promise<{ number: string; verifyCode: string; verifyUrl: string; pdf: Buffer }> {
  const headers = kind === 'public' ? {} : await app.loginAs('operator');
  const r = await app.app.inject({ method: 'POST', url: '/api/v1/reports', headers, payload: { subject: uscc, kind, ...(kind === 'public' ? {} : { purpose: '行政审批' }) } });
  if (r.statusCode !== 201) throw new Error(r.body);
  const rep = json<{ number: string; verifyCode: string; verifyUrl: string }>(r);
  const pdf = (await app.app.inject({ url: `/api/v1/reports/${rep.number}.pdf?code=${rep.verifyCode}`, headers })).rawPayload;
  return { ...rep, pdf };
}

beforeAll(async () => {
  t = await createReportTestApp();
  await register(t);
  local = await createTestApp();
  await register(local);
});
afterAll(async () => {
  await t.close();
  await local.close();
});

describe('report PDF words (item 8)', () => {
  for (const kind of ['public', 'certificate'] as const) {
    it(`the ${kind} report explains verification in words and shows no command or interface`, async () => {
      const rep = await issuedPdf(t, kind);
      const { flat, pages } = await pdfText(rep.pdf);
      const text = pages.join('\n');
      for (const bad of DEVELOPER_TEXT) expect(text, String(bad)).not.toMatch(bad);
      expect(flat).toContain('扫描左侧二维码');
      expect(flat).toContain('输入报告编号和核验码');
      expect(flat).toContain(`核验码：${rep.verifyCode}`);
      // The address printed under the QR code and the code itself lead to the public address.
      expect(rep.verifyUrl).toBe(`${PUBLIC}/verify/${rep.number}?code=${rep.verifyCode}`);
      expect(flat).toContain(rep.verifyUrl);
      expect(pdfHasQrOf(rep.pdf, rep.verifyUrl)).toBe(true);
      expect(pdfHasQrOf(rep.pdf, `http://localhost:3000/verify/${rep.number}?code=${rep.verifyCode}`)).toBe(false);
    });
  }

  it('without PUBLIC_BASE_URL the QR code points at the server itself', async () => {
    const rep = await issuedPdf(local, 'public');
    expect(rep.verifyUrl).toBe(`http://localhost:${local.deps.config.port}/verify/${rep.number}?code=${rep.verifyCode}`);
    expect(pdfHasQrOf(rep.pdf, rep.verifyUrl)).toBe(true);
  });

  it('refuses a PUBLIC_BASE_URL that is not a web address, naming the variable', () => {
    expect(() => parseConfig({ PUBLIC_BASE_URL: 'credit.example.gov.cn' })).toThrow(/PUBLIC_BASE_URL/);
    expect(() => parseConfig({ PUBLIC_BASE_URL: 'ftp://credit.example.gov.cn' })).toThrow(/PUBLIC_BASE_URL/);
    expect(parseConfig({ PUBLIC_BASE_URL: 'https://credit.example.gov.cn/' }).publicBaseUrl).toBe('https://credit.example.gov.cn/');
  });
});

describe('verify page words (item 8)', () => {
  it('tells the public how to verify in words, on every outcome', async () => {
    const rep = await issuedPdf(t, 'public');
    const pages = [
      await t.app.inject({ url: `/verify/${rep.number}` }),
      await t.app.inject({ url: `/verify/${rep.number}?code=${rep.verifyCode}` }),
      await t.app.inject({ url: `/verify/${rep.number}?code=ZZZZ2222` }),
      await t.app.inject({ url: `/verify/XY-${TEST_TODAY.replace(/-/g, '')}-999999?code=ABCD2345` }),
    ];
    for (const p of pages) {
      const visible = p.body.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ');
      for (const bad of DEVELOPER_TEXT) expect(visible, String(bad)).not.toMatch(bad);
      expect(visible).toContain('扫描报告封面上的二维码');
    }
    expect(pages[1]!.body).toContain('报告真实有效');
  });
});
