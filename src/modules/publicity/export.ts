import type { Db } from '../../db/pool.js';
import type { Clock } from '../../lib/clock.js';
import * as catalog from '../catalog/service.js';
import * as repo from './repo.js';
import { publicityQuery, type PublicityFilters } from './service.js';

/** At most this many rows in one CSV export; narrower filters export the rest. */
export const EXPORT_MAX_ROWS = 50_000;
/** Rows read per keyset page while streaming (each page a bounded index scan). */
const BATCH = 1_000;
const BOM = '\uFEFF';

const TYPE_LABELS: Record<string, string> = { licence: '行政许可', penalty: '行政处罚' };
const STATE_LABELS: Record<string, string> = { active: '公示中', disputed: '异议处理中' };

/**
 * One CSV cell: quoted when it holds a delimiter, quote or line break; a leading = + - @ (a formula
 * to a spreadsheet) is neutralised with an apostrophe.
 */
export function csvCell(v: string | null | undefined): string {
  let s = v ?? '';
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
const line = (cells: (string | null | undefined)[]) => `${cells.map(csvCell).join(',')}\r\n`;

/** The filename of an export: the type and the clock's day. */
export const exportFilename = (type: string | undefined, today: string) => `publicity-${type ?? 'all'}-${today}.csv`;

/** The capped-export note, the last line of a file that stops at the maximum. */
export const capNote = (max: number) => `已达导出上限 ${max.toLocaleString('en-US')} 行，以上为按当前排序的前 ${max.toLocaleString('en-US')} 行；请缩小筛选范围（部门、决定日期、关键词）后分批导出`;

/**
 * The 双公示 rows the filters select, as CSV lines (UTF-8 with BOM, so Excel reads Chinese): the
 * public columns only — party name, USCC or the masked ID number (records store personal fields
 * masked), the category's fields in catalog order, decision date, department, window and state.
 * Read by keyset pages in the page's order; stops at `max` rows with a note line saying so.
 */
export async function* publicityCsv(db: Db, clock: Clock, filters: PublicityFilters, max = EXPORT_MAX_ROWS): AsyncGenerator<string> {
  const cats = (await catalog.categoriesForReading(db)).filter((c) => (filters.type ? [filters.type] : ['licence', 'penalty']).includes(c.code));
  // Field columns of the selected categories, each once (labels in catalog order; subject fields are the first columns already).
  const fields = new Map<string, string>();
  const skip = new Set(cats.flatMap((c) => [c.subjectFields.name, c.subjectFields.uscc, c.subjectFields.idNumber]));
  for (const c of cats) for (const f of c.fields) if (!skip.has(f.code) && !fields.has(f.code)) fields.set(f.code, f.label);
  const first = await publicityQuery(db, clock, filters, { limit: BATCH, offset: 0, after: null });
  yield BOM + line(['类别', '行政相对人名称', '统一社会信用代码', '身份证件号码（遮蔽）', ...fields.values(), '决定日期', '决定部门', '公示起始', '公示截止', '状态']);
  let query = first;
  let written = 0;
  for (;;) {
    // One row beyond the maximum tells a capped export from one that ends exactly there.
    const limit = Math.min(BATCH, max + 1 - written);
    const rows = await repo.publicityPage(db, { ...query, limit });
    for (const r of rows) {
      if (written === max) {
        yield line([capNote(max)]);
        return;
      }
      written += 1;
      yield line([
        TYPE_LABELS[r.type] ?? r.type, r.subjectName, r.uscc, r.idMasked, ...[...fields.keys()].map((k) => r.fields[k]),
        r.decidedOn, r.departmentName, r.publishFrom, r.publishUntil, STATE_LABELS[r.state] ?? r.state,
      ]);
    }
    const last = rows[rows.length - 1];
    if (!last || rows.length < limit) return;
    query = { ...query, offset: 0, after: { decidedOn: last.decidedOn, id: last.id } };
  }
}
