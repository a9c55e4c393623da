import type { Category } from '../catalog/types.js';
import type { FactCategory, FactRecord, PublicFacts } from './types.js';

/** The sections of the public report, after the national layout, each fed by catalog classes. */
export interface SectionDef {
  key: string;
  title: string;
  classes: string[];
  /** Categories that always get their own sub-heading, even when empty (行政许可, 行政处罚). */
  fixed?: { code: string; title: string }[];
}

export const PUBLIC_SECTIONS: SectionDef[] = [
  { key: 'registration', title: '登记注册基本信息', classes: ['registration'] },
  {
    key: 'administrative', title: '行政管理信息', classes: ['administrative'],
    fixed: [{ code: 'licence', title: '行政许可' }, { code: 'penalty', title: '行政处罚' }],
  },
  { key: 'serious_dishonesty', title: '严重失信主体名单信息', classes: ['serious_dishonesty'] },
  { key: 'abnormal_operation', title: '经营异常名录信息', classes: ['abnormal_operation'] },
  { key: 'commitment', title: '信用承诺及履行情况信息', classes: ['commitment'] },
  { key: 'evaluation', title: '信用评价信息', classes: ['evaluation'] },
  { key: 'judicial', title: '司法判决信息', classes: ['judicial'] },
  { key: 'honour', title: '诚实守信相关荣誉信息', classes: ['honour'] },
  { key: 'other', title: '其他信息', classes: [] },
];

export const EMPTY_TEXT = '查询期内无相关信息';

export const STATE_LABELS: Record<string, string> = { disputed: '异议处理中', repaired: '已修复', expired: '公示期满', revoked: '已撤销' };

export interface ReportSection {
  key: string;
  title: string;
  count: number;
  groups: { code: string; title: string; records: FactRecord[] }[];
}

const KNOWN_CLASSES = new Set(PUBLIC_SECTIONS.flatMap((s) => s.classes));

function sectionOf(classCode: string): string {
  return PUBLIC_SECTIONS.find((s) => s.classes.includes(classCode))?.key ?? 'other';
}

/**
 * Group the facts into the report's sections. A section is shown when the catalog has a category
 * of its classes for this kind of subject (so a person's report has no registration section).
 */
export function publicSections(facts: PublicFacts, catalog: Category[]): ReportSection[] {
  const kind = facts.subject.kind;
  const applicable = catalog.filter((c) => c.subjectKinds.includes(kind));
  const byCode = new Map<string, FactCategory>(facts.categories.map((c) => [c.code, c]));
  const out: ReportSection[] = [];
  for (const def of PUBLIC_SECTIONS) {
    const inSection = (classCode: string) => (def.key === 'other' ? !KNOWN_CLASSES.has(classCode) : def.classes.includes(classCode));
    const hasCategory = applicable.some((c) => inSection(c.classCode)) || facts.categories.some((c) => inSection(c.classCode));
    if (!hasCategory) continue;
    const groups: ReportSection['groups'] = [];
    for (const f of def.fixed ?? []) {
      if (applicable.some((c) => c.code === f.code)) groups.push({ code: f.code, title: f.title, records: byCode.get(f.code)?.records ?? [] });
    }
    for (const c of facts.categories) {
      if (sectionOf(c.classCode) !== def.key || groups.some((g) => g.code === c.code)) continue;
      groups.push({ code: c.code, title: c.name, records: c.records });
    }
    out.push({ key: def.key, title: def.title, count: groups.reduce((n, g) => n + g.records.length, 0), groups });
  }
  return out;
}

const live = (r: FactRecord) => r.state === 'active' || r.state === 'disputed';

/** Status flags of the summary page: 存续/注销…, 守信激励对象, 失信惩戒对象. */
export function summaryFlags(facts: PublicFacts): string[] {
  const flags: string[] = [];
  if (facts.subject.kind !== 'natural_person') {
    const reg = facts.categories.find((c) => c.code === 'registration')?.records
      .filter((r) => r.fields.DJZT).sort((a, b) => (b.decidedOn ?? '').localeCompare(a.decidedOn ?? ''))[0];
    flags.push(reg?.fields.DJZT ?? SUBJECT_STATUS[facts.subject.status] ?? facts.subject.status);
  }
  const liveIn = (classCode: string) => facts.categories.some((c) => c.classCode === classCode && c.records.some(live));
  if (liveIn('honour')) flags.push('守信激励对象');
  if (liveIn('serious_dishonesty')) flags.push('失信惩戒对象');
  return flags;
}

const SUBJECT_STATUS: Record<string, string> = { active: '存续', cancelled: '注销', revoked: '吊销' };

/** Plain advice on improving the subject's credit, derived from what the report shows. */
export function suggestions(facts: PublicFacts, catalog: Category[]): string[] {
  const adverse = new Set(catalog.filter((c) => c.adverse).map((c) => c.code));
  const count = (pred: (c: FactCategory) => boolean) =>
    facts.categories.filter(pred).reduce((n, c) => n + c.records.filter(live).length, 0);
  const out: string[] = [];
  const penalties = count((c) => c.code === 'penalty');
  if (penalties) out.push(`存在行政处罚信息 ${penalties} 条。履行处罚决定并满足最短公示期后，可通过本平台申请信用修复，修复后不再公示。`);
  if (count((c) => c.classCode === 'serious_dishonesty')) out.push('已被列入严重失信主体名单：应尽快纠正失信行为、履行法定义务，按规定申请信用修复并移出名单。');
  if (count((c) => c.classCode === 'abnormal_operation')) out.push('已被列入经营异常名录：应补报年度报告或更正公示信息后，向作出决定的机关申请移出。');
  if (count((c) => c.classCode === 'judicial')) out.push('存在司法裁判及执行信息：应及时履行生效法律文书确定的义务。');
  const disputed = facts.categories.reduce((n, c) => n + c.records.filter((r) => r.state === 'disputed').length, 0);
  if (disputed) out.push(`有 ${disputed} 条信息正在异议处理中，处理结果以平台公示为准。`);
  const anyAdverse = count((c) => adverse.has(c.code)) > 0;
  if (!anyAdverse) out.push('查询期内未发现失信信息。建议继续依法诚信经营，主动作出并履行信用承诺，积累良好信用记录。');
  else out.push('建议主动作出信用承诺并如实履行，积极参与诚信建设活动，以改善信用状况。');
  return out;
}

/** Field codes that identify the party (already on the cover) or are personal: not repeated per record. */
const PARTY_FIELD = /(_XDR_|_FR_|_FRDB$)/;

/** The label/value pairs printed for one record, in the category's field order. */
export function displayFields(r: FactRecord, cat: Category | undefined): [string, string][] {
  if (!cat) return Object.entries(r.fields);
  const subjectFieldCodes = new Set(Object.values(cat.subjectFields ?? {}));
  const out: [string, string][] = [];
  for (const f of cat.fields) {
    const v = r.fields[f.code];
    if (!v || subjectFieldCodes.has(f.code) || f.personal || f.type === 'uscc' || f.type === 'id_number' || PARTY_FIELD.test(f.code)) continue;
    out.push([f.label, v]);
  }
  return out;
}
