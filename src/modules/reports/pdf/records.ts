import type { Category, SubjectKind } from '../../catalog/types.js';
import { displayFields, STATE_LABELS } from '../sections.js';
import type { FactRecord } from '../types.js';
import { COLORS, CONTENT_WIDTH, PAGE, type ReportDocument } from './layout.js';

export const SUBJECT_KIND_LABELS: Record<SubjectKind, string> = {
  legal_person: '法人', unincorporated: '非法人组织', sole_trader: '个体工商户', natural_person: '自然人', government: '机关、事业单位',
};

const NUMBERED_KEY = /(文号|文书号|案号|编号)$/;

/** The heading of one record: its decision / case number where the category has one. */
export function recordTitle(i: number, r: FactRecord, cat: Category | undefined): { text: string; field: string | null } {
  const key = cat?.keyField;
  const def = key ? cat.fields.find((f) => f.code === key) : undefined;
  const value = key ? r.fields[key] : undefined;
  if (def && value && key !== 'XXBH' && NUMBERED_KEY.test(def.label)) return { text: `${i}. ${def.label}：${value}`, field: def.label };
  return { text: `${i}. ${cat?.name ?? r.category}${r.decidedOn ? `（${r.decidedOn}）` : ''}`, field: null };
}

function recordRows(i: number, r: FactRecord, cat: Category | undefined) {
  const title = recordTitle(i, r, cat);
  const rows = displayFields(r, cat).filter(([label]) => label !== title.field);
  if (!rows.some(([label]) => label.includes('来源单位'))) rows.push(['数据提供单位', r.departmentName || r.department]);
  const state = STATE_LABELS[r.state];
  if (state) rows.push(['信息状态', state]);
  return { title, rows, state };
}

const LONG_RECORD = 360;
/** What must follow a heading on its page: the record's title and first rows. */
const AFTER_HEADING = 140;

/**
 * The space to reserve before a record: all of it when short (records are not split needlessly),
 * else its first rows; right after a heading only the first rows, so the heading is not left alone.
 */
export function recordKeepHeight(rd: ReportDocument, r: FactRecord | undefined, cat: Category | undefined, afterHeading = true): number {
  if (!r) return 32; // the empty-section note
  const h = rd.kvTableHeight(recordRows(1, r, cat).rows) + 24;
  if (afterHeading) return Math.min(h, AFTER_HEADING);
  return h < LONG_RECORD ? h : 90;
}

/** One record: heading, objection/repair state, then its fields as a label/value table. */
export function drawRecord(rd: ReportDocument, i: number, r: FactRecord, cat: Category | undefined): void {
  const { title, rows, state } = recordRows(i, r, cat);
  rd.ensureSpace(recordKeepHeight(rd, r, cat, i === 1));
  const y = rd.doc.y;
  rd.font('bold', 10, COLORS.ink).text(title.text, PAGE.left, y, { width: CONTENT_WIDTH - 90 });
  const after = rd.doc.y;
  if (state) rd.font('bold', 9.5, COLORS.accent).text(`【${state}】`, PAGE.left, y + 0.5, { width: CONTENT_WIDTH, align: 'right' });
  rd.doc.x = PAGE.left;
  rd.doc.y = after + 3;
  rd.kvTable(rows);
}

export function drawRecords(rd: ReportDocument, records: FactRecord[], categories: Map<string, Category>): void {
  records.forEach((r, i) => drawRecord(rd, i + 1, r, categories.get(r.category)));
}
