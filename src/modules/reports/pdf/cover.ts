import type { Issuance, SubjectFacts } from '../types.js';
import { COLORS, CONTENT_WIDTH, PAGE, cstTime, type ReportDocument } from './layout.js';

export interface CoverInput {
  title: string;
  subtitle: string;
  subject: SubjectFacts;
  iss: Issuance;
}

/** Identifier line for the cover: the USCC, or a person's masked ID number. */
export function subjectCodeRow(s: SubjectFacts): [string, string] {
  return s.uscc ? ['统一社会信用代码', s.uscc] : ['身份证件号码', s.idNumberMasked ?? '—'];
}

/** How anyone checks a report, in words (no commands or programming interfaces on paper). */
export const VERIFY_IN_WORDS = '用手机扫描左侧二维码，或在浏览器打开上方网址，即可核验本报告真伪；也可在平台“信用报告核验”页面输入报告编号和核验码，或上传本报告 PDF 文件核验。';

/** The validity statement printed on the cover and in the closing statement. */
export function validityText(iss: Issuance): string {
  return `本报告信息截至生成时间（${cstTime(iss.issuedAt)}），有效期至 ${iss.validUntil}，逾期请重新获取。`;
}

/** Cover page: title, subject, issuance facts, QR code and the verification statement. */
export function drawCover(rd: ReportDocument, c: CoverInput): void {
  const d = rd.doc;
  rd.font('regular', 12, COLORS.muted).text(c.iss.platformName, PAGE.left, 92, { width: CONTENT_WIDTH, align: 'center', characterSpacing: 1 });
  rd.font('bold', 30, COLORS.navy).text(c.title, PAGE.left, 168, { width: CONTENT_WIDTH, align: 'center', characterSpacing: 6 });
  rd.font('regular', 13, COLORS.ink).text(c.subtitle, PAGE.left, d.y + 10, { width: CONTENT_WIDTH, align: 'center' });
  d.moveTo(PAGE.left + 120, d.y + 18).lineTo(PAGE.left + CONTENT_WIDTH - 120, d.y + 18).lineWidth(1.2).strokeColor(COLORS.accent).stroke();

  const rows: [string, string][] = [
    ['主体名称', c.subject.name],
    subjectCodeRow(c.subject),
    ['报告编号', c.iss.number],
    ['生成时间', cstTime(c.iss.issuedAt)],
    ['有效期至', c.iss.validUntil],
    ['信息范围', c.iss.viewLabel],
    ...(c.iss.purpose ? [['查询用途', c.iss.purpose] as [string, string]] : []),
    ['出具机构', c.iss.platformName],
  ];
  d.x = PAGE.left;
  d.y = 318;
  rd.kvTable(rows, 110);

  const qrSize = 104;
  const boxY = Math.max(d.y + 6, 560);
  d.rect(PAGE.left, boxY, CONTENT_WIDTH, qrSize + 20).lineWidth(0.6).stroke(COLORS.rule);
  rd.qr(c.iss.verifyUrl, PAGE.left + 10, boxY + 10, qrSize);
  const tx = PAGE.left + qrSize + 26;
  const tw = CONTENT_WIDTH - qrSize - 36;
  rd.font('bold', 12, COLORS.navy).text('扫码核验真伪', tx, boxY + 14, { width: tw });
  rd.font('regular', 10.5, COLORS.ink).text(`核验码：${c.iss.verifyCode}`, tx, d.y + 6, { width: tw, characterSpacing: 1 });
  rd.font('regular', 8.5, COLORS.muted).text(c.iss.verifyUrl, tx, d.y + 6, { width: tw });
  rd.font('regular', 9, COLORS.muted).text(VERIFY_IN_WORDS, tx, d.y + 6, { width: tw, lineGap: 2 });

  d.x = PAGE.left;
  d.y = boxY + qrSize + 34;
  rd.font('bold', 10, COLORS.ink).text('声　明', PAGE.left, d.y, { width: CONTENT_WIDTH });
  d.moveDown(0.2);
  for (const line of [
    `1. 本报告由${c.iss.platformName}根据公共信用信息目录归集的信息生成；信息由数据提供单位按“谁产生、谁负责”的原则负责。`,
    `2. ${validityText(c.iss)}`,
    '3. 报告内容经篡改后无法通过核验；如对报告内容有异议，可通过本平台提出异议申请。',
  ]) {
    rd.font('regular', 9, COLORS.muted).text(line, PAGE.left, d.y, { width: CONTENT_WIDTH, lineGap: 2 });
    d.moveDown(0.15);
  }
}
