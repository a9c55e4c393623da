import type { Category } from '../../catalog/types.js';
import { EMPTY_TEXT, publicSections, suggestions, summaryFlags, type ReportSection } from '../sections.js';
import { KIND_TITLES, type Issuance, type PublicFacts } from '../types.js';
import { drawCover, subjectCodeRow, validityText } from './cover.js';
import { COLORS, CONTENT_WIDTH, PAGE, ReportDocument, cnNumber } from './layout.js';
import { drawRecords, recordKeepHeight, SUBJECT_KIND_LABELS } from './records.js';

function basicInfo(f: PublicFacts): { label: string; value: string; wide?: boolean }[] {
  const s = f.subject;
  const [codeLabel, code] = subjectCodeRow(s);
  const rows = [{ label: '主体名称', value: s.name, wide: true }, { label: codeLabel, value: code }, { label: '主体类型', value: SUBJECT_KIND_LABELS[s.kind] }];
  if (s.kind !== 'natural_person') rows.push({ label: '法定代表人', value: s.legalRepName ?? '—' });
  if (s.regionName) rows.push({ label: '所在地区', value: s.regionName });
  if (s.registeredOn) rows.push({ label: '成立日期', value: s.registeredOn });
  if (s.formerNames.length) rows.push({ label: '曾用名', value: s.formerNames.join('；'), wide: true });
  return rows;
}

function drawFlags(rd: ReportDocument, flags: string[]): void {
  if (!flags.length) return;
  rd.ensureSpace(40);
  const d = rd.doc;
  const y = d.y;
  rd.font('regular', 10, COLORS.muted).text('状态标识', PAGE.left, y + 4, { lineBreak: false });
  let x = PAGE.left + 64;
  for (const flag of flags) {
    const warn = flag === '失信惩戒对象' || flag === '注销' || flag === '吊销';
    rd.font('bold', 10, warn ? COLORS.accent : COLORS.navy);
    const w = d.widthOfString(flag) + 18;
    d.roundedRect(x, y, w, 22, 3).lineWidth(0.8).stroke(warn ? COLORS.accent : COLORS.navy);
    rd.font('bold', 10, warn ? COLORS.accent : COLORS.navy).text(flag, x + 9, y + 4.5, { lineBreak: false });
    x += w + 10;
  }
  d.x = PAGE.left;
  d.y = y + 34;
}

function drawSummary(rd: ReportDocument, f: PublicFacts, sections: ReportSection[], catalog: Category[]): void {
  rd.newPage();
  rd.font('bold', 18, COLORS.navy).text('报告概要', PAGE.left, PAGE.top, { width: CONTENT_WIDTH, align: 'center', characterSpacing: 4 });
  rd.doc.moveDown(0.4);
  rd.sectionTitle('基本信息');
  rd.kvPairs(basicInfo(f));
  drawFlags(rd, summaryFlags(f));
  rd.sectionTitle('信息概览');
  const rows: string[][] = [];
  sections.forEach((s, i) => {
    rows.push([cnNumber(i + 1), s.title, `${s.count}条`]);
    if (s.key === 'administrative') for (const g of s.groups) rows.push(['', `\u3000其中：${g.title}`, `${g.records.length}条`]);
  });
  rd.grid(['序号', '信息类别', '条数'], [56, CONTENT_WIDTH - 56 - 96, 96], rows);
  rd.sectionTitle('信用建议');
  suggestions(f, catalog).forEach((s, i) => rd.paragraph(`${i + 1}. ${s}`));
}

function drawSections(rd: ReportDocument, sections: ReportSection[], categories: Map<string, Category>): void {
  // The details start on a fresh page unless the summary left most of one free.
  if (rd.remaining < 0.55 * (PAGE.height - PAGE.top - PAGE.bottom)) rd.newPage();
  const keep = (records: ReportSection['groups'][number]['records']) => recordKeepHeight(rd, records[0], records[0] && categories.get(records[0].category));
  sections.forEach((s, i) => {
    // No heading alone at the foot of a page: it goes with the start of what follows it.
    rd.ensureSpace(50 + (s.groups[0] ? 26 + keep(s.groups[0].records) : 32));
    rd.sectionTitle(`${cnNumber(i + 1)}、${s.title}`);
    if (s.groups.length === 0) {
      rd.emptyNote(EMPTY_TEXT);
      return;
    }
    const titled = s.groups.length > 1 || s.key === 'administrative';
    s.groups.forEach((g, j) => {
      if (titled) {
        rd.ensureSpace(26 + keep(g.records));
        rd.subTitle(`（${cnNumber(j + 1)}）${g.title}`, g.records.length);
      }
      if (g.records.length === 0) rd.emptyNote(EMPTY_TEXT);
      else drawRecords(rd, g.records, categories);
    });
  });
}

function drawNotes(rd: ReportDocument, f: PublicFacts, iss: Issuance): void {
  rd.sectionTitle('报告说明');
  const labels = { public: '社会公开信息', authorised: '授权查询信息', shared: '政务共享信息' } as const;
  const classes = (['public', 'authorised', 'shared'] as const).filter((c) => f.classes.includes(c)).map((c) => labels[c]).join('、');
  for (const line of [
    `1. 本报告包含的信息类别：${classes}。社会公开信息仅列示公示期内的记录；标注“异议处理中”的信息正在核查，标注“已修复”的信息已完成信用修复。`,
    '2. 报告内容依据全国公共信用信息基础目录归集，由数据提供单位按“谁产生、谁负责”的原则对信息的真实性、准确性负责。',
    `3. ${validityText(iss)}`,
    `4. 核验方式：扫描封面二维码，或在浏览器打开 ${iss.verifyUrl} 查看核验结果；也可在平台“信用报告核验”页面输入报告编号和核验码，或上传本报告 PDF 文件。文件经任何修改均无法通过核验。`,
    '5. 如对报告内容有异议，可通过本平台或数据提供单位提出异议申请。本报告仅供查询用途所述事项使用。',
  ]) rd.paragraph(line, { size: 9.5, color: COLORS.muted });
}

/** Render the public credit report (公共信用信息报告) as a PDF. */
export async function renderPublicReport(facts: PublicFacts, catalog: Category[], iss: Issuance): Promise<Buffer> {
  const title = KIND_TITLES.public;
  const rd = new ReportDocument(iss, title, facts.subject.name);
  const subtitle = facts.subject.kind === 'natural_person' ? '（自然人版）' : '（法人和非法人组织版）';
  drawCover(rd, { title, subtitle, subject: facts.subject, iss });
  const sections = publicSections(facts, catalog);
  drawSummary(rd, facts, sections, catalog);
  drawSections(rd, sections, new Map(catalog.map((c) => [c.code, c])));
  drawNotes(rd, facts, iss);
  return rd.finish();
}
