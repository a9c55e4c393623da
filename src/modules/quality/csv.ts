import { csvLine } from '../ingest/errors-csv.js';
import type { QualityReport as Report } from './types.js';

const pct = (r: number | null) => (r === null ? '' : `${(r * 100).toFixed(2)}%`);

const HEADER = [
  '统计起', '统计止', '部门编码', '部门名称', '信息类别', '类别名称', '应报送', '已报送', '报送批次', '接收行数', '合规行数', '拒收行数', '合规率',
  '新增', '更新', '未变', '撤销', '警告行数', '及时率评估数', '迟报数', '及时率', '迟报率', '可选项完整率', '含统一代码行数', '错码数', '重码数',
  '重错码率', '拒收原因',
];

/** The quality report as CSV (one line per department and category), UTF-8 with BOM for Excel. */
export function qualityCsv(r: Report): string {
  const lines = r.items.map((i) => csvLine([
    r.from, r.to, i.department.code, i.department.name, i.category.code, i.category.name, i.obliged ? '是' : '否', i.reported ? '是' : '否',
    String(i.submissions), String(i.received), String(i.accepted), String(i.rejected), pct(i.complianceRate),
    String(i.created), String(i.updated), String(i.unchanged), String(i.revoked), String(i.warnings),
    String(i.timeliness.evaluated), String(i.timeliness.late), pct(i.timeliness.timelyRate), pct(i.timeliness.lateRate),
    pct(i.completeness.rate), String(i.uscc.rows), String(i.uscc.wrong), String(i.uscc.conflicts), pct(i.uscc.errorRate),
    i.rejectedByReason.map((x) => `${x.code}:${x.rows}`).join('; '),
  ]));
  return `\uFEFF${csvLine(HEADER)}${lines.join('')}`;
}
