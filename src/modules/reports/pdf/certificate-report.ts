import type { Category } from '../../catalog/types.js';
import { KIND_TITLES, type CertificateFacts, type Issuance } from '../types.js';
import { drawCover, subjectCodeRow, validityText } from './cover.js';
import { COLORS, CONTENT_WIDTH, PAGE, ReportDocument, cnNumber } from './layout.js';
import { drawRecords, recordKeepHeight } from './records.js';

export const NO_VIOLATION = '未发现违法违规记录';
export const CHECKED_ITEMS = '行政处罚（含简易程序作出的行政处罚）、行政强制、严重失信主体名单、刑事判决及失信被执行等司法信息';

export const domainResult = (n: number): string => (n === 0 ? NO_VIOLATION : `发现违法违规记录 ${n} 条`);

/** Render the certificate report (专用信用报告, 无违法违规记录证明版) as a PDF. */
export async function renderCertificateReport(facts: CertificateFacts, catalog: Category[], iss: Issuance): Promise<Buffer> {
  const title = KIND_TITLES.certificate;
  const rd = new ReportDocument(iss, title, facts.subject.name);
  drawCover(rd, { title, subtitle: '（无违法违规记录证明版）', subject: facts.subject, iss });
  const categories = new Map(catalog.map((c) => [c.code, c]));
  const { from, to } = facts.period;
  const [codeLabel, code] = subjectCodeRow(facts.subject);

  rd.newPage();
  rd.sectionTitle('一、查询说明');
  rd.paragraph(
    `经查询${iss.platformName}归集的公共信用信息，对${facts.subject.name}（${codeLabel}：${code}）在 ${from} 至 ${to} 期间，` +
    `于以下 ${facts.domains.length} 个领域的${CHECKED_ITEMS}进行了核查，结果如下。`,
  );

  rd.sectionTitle('二、核查结论');
  const clean = facts.domains.every((d) => d.records.length === 0);
  rd.grid(['序号', '领域', '核查结果'], [56, 160, CONTENT_WIDTH - 216],
    facts.domains.map((d, i) => [String(i + 1), `${d.name}领域`, domainResult(d.records.length)]));
  rd.paragraph(clean
    ? `结论：查询期内，该主体在上述领域${NO_VIOLATION}。`
    : `结论：查询期内，该主体在 ${facts.domains.filter((d) => d.records.length).length} 个领域存在违法违规记录，详见下文；其余领域${NO_VIOLATION}。`,
  { bold: true, color: clean ? COLORS.navy : COLORS.accent });

  const first = facts.domains[0]?.records[0];
  rd.ensureSpace(50 + 26 + recordKeepHeight(rd, first, first && categories.get(first.category)));
  rd.sectionTitle('三、分领域情况');
  facts.domains.forEach((d, i) => {
    rd.ensureSpace(26 + recordKeepHeight(rd, d.records[0], d.records[0] && categories.get(d.records[0].category)));
    rd.subTitle(`（${cnNumber(i + 1)}）${d.name}领域`, d.records.length);
    if (d.records.length === 0) rd.emptyNote(`${from} 至 ${to}，${NO_VIOLATION}。`);
    else drawRecords(rd, d.records, categories);
  });

  rd.sectionTitle('四、说明');
  for (const line of [
    '1. 本报告依据国家发展改革委等部门关于以专项信用报告替代有无违法违规证明的要求出具，可在行政审批、政府采购、招标投标、上市融资等事项中替代相关领域主管部门出具的证明。',
    '2. 核查范围以本平台归集的信息为准，信息由数据提供单位按“谁产生、谁负责”的原则负责；标注“已修复”的记录已完成信用修复。',
    `3. ${validityText(iss)}`,
    `4. 核验方式：扫描封面二维码，或在浏览器打开 ${iss.verifyUrl} 查看核验结果；也可在平台“信用报告核验”页面输入报告编号和核验码。文件经任何修改均无法通过核验。如对内容有异议，可通过本平台提出异议申请。`,
  ]) rd.paragraph(line, { size: 9.5, color: COLORS.muted });
  rd.doc.x = PAGE.left;
  return rd.finish();
}
