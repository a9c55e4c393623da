import { ValidationError } from '../../errors.js';
import { fieldIndex } from '../catalog/field-validation.js';
import type { Category, FieldDef } from '../catalog/types.js';
import { maskIdNumber } from '../identity/citizen-id.js';
import type { CategoryMapping, MappingContext } from './mappings.js';
import type { RowIssue, ShapedRow, SourceRow } from './types.js';

/** Columns that say "this row revokes the record" (撤销标志). */
const REVOKE_HEADERS = new Set(['_REVOKED', '撤销标志', 'CXBZ']);
/** Columns our own errors.csv adds, so a fixed errors file can be sent back as it is. */
export const ERROR_ROW_HEADER = '错误行号';
export const ERROR_REASON_HEADER = '错误原因';
const OWN_HEADERS = new Set([ERROR_ROW_HEADER, ERROR_REASON_HEADER]);
const TRUE_FLAGS = new Set(['1', '是', 'Y', 'YES', 'TRUE', '撤销']);
const FALSE_FLAGS = new Set(['', '0', '否', 'N', 'NO', 'FALSE']);
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

export type ColumnRole =
  | { kind: 'field'; code: string; def: FieldDef }
  | { kind: 'revoke' }
  | { kind: 'status' }
  | { kind: 'drop' }
  | { kind: 'unknown' };

/** Header cell → lookup key: trimmed, without BOM / zero-width characters or a "*" required marker. */
export function cleanHeader(h: unknown): string {
  return String(h ?? '').replace(/[\uFEFF\u200B]/g, '').trim().replace(/^\*\s*/, '').trim();
}

/** Excel cell values (numbers, dates, rich text, formulas) as text; serial numbers become dates in date fields. */
export function cellText(v: unknown, dateField: boolean, excel: boolean): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') {
    if (excel && dateField && v >= 1 && v < 2958466) return new Date(EXCEL_EPOCH_MS + Math.round(v) * 86_400_000).toISOString().slice(0, 10);
    return String(v);
  }
  if (typeof v === 'boolean') return v ? '1' : '0';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: unknown };
    if (Array.isArray(o.richText)) return o.richText.map((t) => t.text).join('');
    if ('result' in o) return cellText(o.result, dateField, excel);
    if (o.text !== undefined) return cellText(o.text, dateField, excel);
    if (o.error !== undefined) return '';
  }
  return String(v);
}

/**
 * Turns submitted rows (CSV/XLSX cells under a header, or JSON objects) into field-code inputs:
 * headers may be field codes, aliases, Chinese labels or an old layout's names through a mapping.
 */
export class RowShaper {
  private readonly index: Map<string, string>;
  private readonly byCode: Map<string, FieldDef>;
  private readonly roles = new Map<string, ColumnRole>();
  /** Fields an old layout feeds from several columns (values joined with ;). */
  private readonly multiSource: Set<string>;

  constructor(
    private readonly category: Category,
    private readonly mapping: CategoryMapping | null,
    private readonly ctx: MappingContext,
    private readonly opts: { ignoreUnknown: boolean; excel: boolean },
  ) {
    this.index = fieldIndex(category);
    this.byCode = new Map(category.fields.map((d) => [d.code, d]));
    const targets = Object.values(mapping?.rename ?? {});
    this.multiSource = new Set(targets.filter((c, i) => targets.indexOf(c) !== i));
  }

  roleOf(header: string): ColumnRole {
    let role = this.roles.get(header);
    if (!role) {
      role = this.resolve(cleanHeader(header));
      this.roles.set(header, role);
    }
    return role;
  }

  private resolve(h: string): ColumnRole {
    const upper = h.toUpperCase();
    if (REVOKE_HEADERS.has(upper) || REVOKE_HEADERS.has(h)) return { kind: 'revoke' };
    if (OWN_HEADERS.has(h)) return { kind: 'drop' };
    const m = this.mapping;
    if (m) {
      if (m.status?.column === upper) return { kind: 'status' };
      if (m.drop.includes(upper)) return { kind: 'drop' };
      const renamed = m.rename[upper];
      if (renamed && this.byCode.has(renamed)) return { kind: 'field', code: renamed, def: this.byCode.get(renamed)! };
    }
    const code = this.index.get(upper) ?? this.index.get(h);
    if (code) return { kind: 'field', code, def: this.byCode.get(code)! };
    return { kind: 'unknown' };
  }

  /** File-level checks of a header: no recognisable column, unknown or repeated columns, missing required columns. */
  checkHeader(columns: string[], tabular: boolean): void {
    const cleaned = columns.map(cleanHeader);
    const roles = columns.map((c) => this.roleOf(c));
    const fieldCols = roles.filter((r) => r.kind === 'field');
    if (!fieldCols.length) {
      throw new ValidationError(
        `没有识别出表头：第一行应为数据项编码或中文名称（如 ${this.category.keyField ?? 'CF_WSH'} / ${this.category.fields.find((f) => f.code === this.category.keyField)?.label ?? '决定书文号'}）`,
        [{ field: 'header', row: 0, message: `first row: ${cleaned.slice(0, 8).join(', ')}` }],
        'missing_header',
      );
    }
    const unknown = cleaned.filter((_, i) => roles[i]!.kind === 'unknown');
    const blanks = unknown.filter((h) => h === '');
    if (unknown.length && !this.opts.ignoreUnknown) {
      const named = unknown.filter((h) => h !== '');
      throw new ValidationError(
        `表头含有不在信息类别“${this.category.name}”目录中的列：${named.join('、')}${blanks.length ? `${named.length ? '；' : ''}${blanks.length} 个空列名` : ''}（如确需忽略，请指定 ignoreUnknown=true）`,
        unknown.map((h) => ({ field: h || '(空列名)', row: 0, message: h ? `未知列“${h}”` : '空列名' })),
        'unknown_columns',
      );
    }
    const seen = new Map<string, string>();
    const repeated: { field: string; message: string }[] = [];
    roles.forEach((r, i) => {
      if (r.kind !== 'field') return;
      const first = seen.get(r.code);
      if (first !== undefined && !this.multiSource.has(r.code)) repeated.push({ field: r.code, message: `列“${cleaned[i]}”与列“${first}”都对应数据项 ${r.code}` });
      else seen.set(r.code, cleaned[i]!);
    });
    // JSON objects may differ in their keys: a repeated field is checked per row there.
    if (repeated.length && tabular) throw new ValidationError(`表头中有重复的列：${repeated.map((x) => x.message).join('；')}`, repeated, 'duplicate_columns');
    if (tabular) {
      const missing = this.category.fields.filter((d) => d.required && !seen.has(d.code) && !this.mapping?.provides.includes(d.code));
      if (missing.length) {
        throw new ValidationError(
          `缺少必填数据项的列：${missing.map((d) => `${d.label}（${d.code}）`).join('、')}`,
          missing.map((d) => ({ field: d.code, row: 0, message: `缺少列 ${d.label}` })),
          'missing_columns',
        );
      }
    }
  }

  /** One row → field inputs, revoke flag, the raw row (personal fields masked) and row-level problems. */
  shape(src: SourceRow, columns: string[]): ShapedRow {
    const input: Record<string, unknown> = {};
    const raw: Record<string, string> = {};
    const issues: RowIssue[] = [];
    let revoke = false;
    const put = (header: string, value: unknown) => {
      const role = this.roleOf(header);
      const text = role.kind === 'field' ? cellText(value, role.def.type === 'date', this.opts.excel) : cellText(value, false, this.opts.excel);
      raw[header] = role.kind === 'field' && role.def.personal && text ? maskIdNumber(text.trim()) : text;
      if (text.includes('\uFFFD')) issues.push({ field: role.kind === 'field' ? role.code : header, code: 'invalid_encoding', message: `列“${header}”含有无法识别的字符（文件编码有误？）` });
      switch (role.kind) {
        case 'field': {
          // JSON numbers and objects go to validation as they are (it names a nested object as wrong).
          const v = src.record && typeof value !== 'string' && value !== null && value !== undefined ? value : text;
          const prev = input[role.code];
          if (prev !== undefined && !this.multiSource.has(role.code)) {
            issues.push({ field: role.code, code: 'duplicate_columns', message: `“${header}”与另一键都对应数据项 ${role.code}` });
          } else if (prev === undefined || String(prev).trim() === '') input[role.code] = v;
          else if (String(v).trim() !== '') input[role.code] = `${String(prev)};${String(v)}`;
          break;
        }
        case 'revoke': {
          const flag = text.trim().toUpperCase();
          if (TRUE_FLAGS.has(flag)) revoke = true;
          else if (!FALSE_FLAGS.has(flag)) issues.push({ field: header, code: 'invalid_revoke_flag', message: `撤销标志“${text}”无法识别（应为 1/是 或 0/否）` });
          break;
        }
        case 'status': {
          const s = this.mapping!.status!;
          if (s.revoked.includes(text.trim())) revoke = true;
          else if (s.keep && s.keep[text.trim()] !== undefined && this.byCode.has(s.column)) input[s.column] = s.keep[text.trim()];
          break;
        }
        case 'unknown':
          if (!this.opts.ignoreUnknown && text.trim()) input[header] = value;
          break;
        default:
          break;
      }
    };
    if (src.record) {
      for (const [k, v] of Object.entries(src.record)) put(k, v);
    } else {
      const cells = src.cells ?? [];
      columns.forEach((h, i) => put(h, cells[i]));
      const extra = cells.slice(columns.length).filter((c) => cellText(c, false, false).trim() !== '');
      if (extra.length) issues.push({ field: null, code: 'column_count', message: `该行有 ${cells.length} 列，多于表头的 ${columns.length} 列（是否有未加引号的逗号？）` });
    }
    if (this.mapping && !revoke) {
      this.mapping.derive(input, this.ctx);
    }
    return { rowNo: src.rowNo, input, revoke, raw, issues };
  }
}
