import { describe, expect, it } from 'vitest';
import { addDays as daysAfter, TEST_TODAY, yearsAfter } from '../../../test/helpers/clock.js';
import { NATIONAL_CATEGORIES } from '../catalog/national-catalog.js';
import type { Category } from '../catalog/types.js';
import { summaryCsv, type BatchRow } from './batch.js';
import { formatReportNumber, hashVerifyCode, newVerifyCode, normalizeVerifyCode, verifyCodeMatches, VERIFY_ALPHABET } from './codes.js';
import { equivalentViewer, resolvePeriod, viewLabel } from './content.js';
import { CHECKED_ITEMS, NO_VIOLATION } from './pdf/certificate-report.js';
import { missingGlyphs } from './pdf/fonts.js';
import { cnNumber } from './pdf/layout.js';
import { readReportMeta } from './pdf-meta.js';
import { EMPTY_TEXT, PUBLIC_SECTIONS, publicSections, STATE_LABELS, summaryFlags, suggestions } from './sections.js';
import { addDays } from './service.js';
import type { FactRecord, PublicFacts } from './types.js';

const catalog: Category[] = NATIONAL_CATEGORIES.map((c, i) => ({ ...c, id: i + 1, version: 1, active: true }));
const rec = (category: string, state = 'active', fields: Record<string, string> = {}): FactRecord => ({
  id: 1, version: 1, category, state, department: 'SCJGJ', departmentName: '市市场监督管理局', decidedOn: daysAfter(TEST_TODAY, -260), fields,
});
const facts = (kind: PublicFacts['subject']['kind'], cats: PublicFacts['categories']): PublicFacts => ({
  kind: 'public', classes: ['public'], categories: cats,
  subject: { kind, name: '测试', legalRepName: null, regionName: null, registeredOn: null, status: 'active', formerNames: [] },
});

// Report numbers below are opaque strings of the XY-YYYYMMDD-NNNNNN format: any day serves.
describe('codes', () => {
  it('makes 8-symbol codes from an alphabet without 0/O/1/I', () => {
    expect(VERIFY_ALPHABET).toHaveLength(32);
    expect(VERIFY_ALPHABET).not.toMatch(/[01OI]/);
    for (let i = 0; i < 50; i++) expect(newVerifyCode()).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
  });

  it('binds the stored code hash to the number and ignores case, spaces and dashes', () => {
    const h = hashVerifyCode('XY-20261125-000001', 'ABCD2345');
    expect(verifyCodeMatches('XY-20261125-000001', 'abcd-2345', h)).toBe(true);
    expect(verifyCodeMatches('XY-20261125-000001', ' ABCD 2345 ', h)).toBe(true);
    expect(verifyCodeMatches('XY-20261125-000002', 'ABCD2345', h)).toBe(false);
    expect(verifyCodeMatches('XY-20261125-000001', 'ABCD2346', h)).toBe(false);
    expect(normalizeVerifyCode('ab-cd')).toBe('ABCD');
  });

  it('numbers reports per day', () => {
    expect(formatReportNumber('2026-11-25', 42)).toBe('XY-20261125-000042');
  });
});

describe('PDF metadata', () => {
  it('reads the report number and code from the Keywords string and nothing from other files', () => {
    const pdf = Buffer.from('%PDF-1.7\n12 0 obj\n(xinyong-report:XY-20261125-000007 verify-code:K7QF2M9X)\nendobj\n', 'latin1');
    expect(readReportMeta(pdf)).toEqual({ number: 'XY-20261125-000007', verifyCode: 'K7QF2M9X' });
    expect(readReportMeta(Buffer.from('%PDF-1.4 nothing here'))).toEqual({ number: null, verifyCode: null });
  });
});

describe('sections', () => {
  it('always shows 行政许可 and 行政处罚 under 行政管理, and other classes under 其他', () => {
    const s = publicSections(facts('legal_person', [
      { code: 'contract_performance', name: '合同履行信息', classCode: 'contract', disclosure: 'authorised', records: [rec('contract_performance')] },
    ]), catalog);
    expect(s.map((x) => x.title)).toEqual(PUBLIC_SECTIONS.map((x) => x.title));
    const admin = s.find((x) => x.key === 'administrative')!;
    expect(admin.groups.map((g) => [g.title, g.records.length])).toEqual([['行政许可', 0], ['行政处罚', 0]]);
    expect(s.find((x) => x.key === 'other')!.count).toBe(1);
  });

  it('leaves the registration section out of a person\'s report', () => {
    expect(publicSections(facts('natural_person', []), catalog).map((x) => x.key)).not.toContain('registration');
  });

  it('flags 存续/注销, 守信激励对象 and 失信惩戒对象 from the records', () => {
    const f = facts('legal_person', [
      { code: 'registration', name: '登记', classCode: 'registration', disclosure: 'public', records: [rec('registration', 'active', { DJZT: '注销' })] },
      { code: 'honour', name: '荣誉', classCode: 'honour', disclosure: 'public', records: [rec('honour')] },
      { code: 'serious_dishonesty', name: '名单', classCode: 'serious_dishonesty', disclosure: 'public', records: [rec('serious_dishonesty', 'repaired')] },
    ]);
    expect(summaryFlags(f)).toEqual(['注销', '守信激励对象']);
    expect(summaryFlags(facts('legal_person', []))).toEqual(['存续']);
  });

  it('suggests repair for penalties and praises a clean record', () => {
    const f = facts('legal_person', [{ code: 'penalty', name: '行政处罚信息', classCode: 'administrative', disclosure: 'public', records: [rec('penalty'), rec('penalty', 'disputed')] }]);
    expect(suggestions(f, catalog).join()).toMatch(/行政处罚信息 2 条.*信用修复.*1 条信息正在异议处理中/);
    expect(suggestions(facts('legal_person', []), catalog).join()).toContain('未发现失信信息');
  });
});

describe('fixed wording', () => {
  it('has a glyph in the embedded font for every character the reports print', () => {
    const texts = [
      EMPTY_TEXT, NO_VIOLATION, CHECKED_ITEMS, ...Object.values(STATE_LABELS), ...PUBLIC_SECTIONS.map((s) => s.title),
      ...catalog.flatMap((c) => [c.name, ...c.fields.map((f) => f.label), ...(c.fields.flatMap((f) => f.enum ?? []))]),
      '公共信用信息报告专用信用报告（无违法违规记录证明版）（法人和非法人组织版）（自然人版）报告概要基本信息信息概览信用建议状态标识守信激励对象失信惩戒对象',
      '第 1 页 / 共 9 页 报告编号：核验码：扫码核验真伪声明“谁产生、谁负责”〔〕①—·',
    ];
    expect(missingGlyphs(texts.join(''))).toEqual([]);
    expect(missingGlyphs('𠮷')).toEqual(['𠮷']);
  });

  it('numbers sections in Chinese', () => {
    expect([1, 9, 10, 11, 20, 23].map(cnNumber)).toEqual(['一', '九', '十', '十一', '二十', '二十三']);
  });
});

describe('requests', () => {
  it('defaults the certificate period to the three years up to today and rejects bad ones', () => {
    const today = TEST_TODAY;
    expect(resolvePeriod({}, today)).toEqual({ from: yearsAfter(today, -3), to: today });
    expect(() => resolvePeriod({ from: daysAfter(today, 6), to: daysAfter(today, -24) }, today)).toThrow(/查询期间/);
    expect(() => resolvePeriod({ to: daysAfter(today, 37) }, today)).toThrow(/查询期间/);
    // Fixed facts: 30 February never exists; 30 days after 20 December is in the next year.
    expect(() => resolvePeriod({ from: '2026-02-30' }, today)).toThrow(/查询期间/);
    expect(addDays('2026-12-20', 30)).toBe('2027-01-19');
  });

  it('rebuilds a public view as the anonymous one and keeps a department\'s class', () => {
    const requester = { kind: 'department', id: '5', name: 'clerk', role: 'department', userId: 5, departmentId: 3, purpose: '审批' };
    expect(equivalentViewer({ number: 'n', subjectId: 9, viewerClasses: ['public'] }, requester)).toMatchObject({ role: 'public' });
    expect(equivalentViewer({ number: 'n', subjectId: 9, viewerClasses: ['public', 'shared'] }, requester))
      .toMatchObject({ role: 'department', departmentId: 3, purpose: '审批', userId: null, apiKey: null });
    expect(viewLabel({ role: 'public' } as never, ['public'], false)).toBe('社会公众（社会公开信息）');
  });

  it('writes a spreadsheet-safe summary CSV', () => {
    const rows: BatchRow[] = [
      { index: 1, input: "=cmd|'/c calc'!A1", ok: false, number: null, verifyCode: null, subjectName: null, file: null, error: 'bad' },
      { index: 2, input: 'X', ok: true, number: 'XY-20261125-000001', verifyCode: 'ABCD2345', subjectName: 'a "quoted", name', file: 'f.pdf', error: null },
    ];
    const csv = summaryCsv(rows);
    expect(csv.startsWith('\ufeff序号,')).toBe(true);
    expect(csv).toContain(`"'=cmd|'/c calc'!A1"`);
    expect(csv).toContain('"a ""quoted"", name"');
  });
});
