import type { ErrorDetail } from '../../errors.js';
import type { Category, FieldDef } from '../catalog/types.js';
import { checkRecordRow } from '../records/row-check.js';
import type { PreparedRow, RowIssue, ShapedRow } from './types.js';

const TYPE_CODES: Partial<Record<FieldDef['type'], string>> = {
  date: 'invalid_date', decimal: 'invalid_number', integer: 'invalid_number', enum: 'invalid_enum',
  uscc: 'invalid_uscc', id_number: 'invalid_id_number',
};

/** A stable reason code for a validation message, so quality reports can count rejections by reason. */
export function issueCode(byCode: Map<string, FieldDef>, issue: ErrorDetail): string {
  const m = issue.message;
  if (m.startsWith('缺少必填') || m === '缺少主体名称') return 'missing_required';
  if (m.startsWith('未知数据项')) return 'unknown_field';
  if (m.includes('超过最大长度')) return 'too_long';
  if (m.includes('晚于今天')) return 'future_decision';
  if (m.includes('不适用于主体类型')) return 'subject_kind_not_allowed';
  if (m.startsWith('无法确定主体')) return 'unknown_subject';
  if (m.startsWith('缺少部门业务主键')) return 'missing_key';
  if (issue.field === 'subject.code') return 'invalid_subject_code';
  const def = issue.field ? byCode.get(issue.field) : undefined;
  return (def && TYPE_CODES[def.type]) ?? 'invalid_value';
}

/** Validates shaped rows against a category with the same row check as the single-record API. */
export class RowPreparer {
  private readonly byCode: Map<string, FieldDef>;

  constructor(private readonly category: Category, private readonly today: string) {
    this.byCode = new Map(category.fields.map((d) => [d.code, d]));
  }

  prepare(s: ShapedRow): PreparedRow {
    const sf = this.category.subjectFields;
    const usccGiven = !s.revoke && Boolean(sf.uscc && String(s.input[sf.uscc] ?? '').trim());
    if (s.issues.length) return { type: 'rejected', rowNo: s.rowNo, issues: s.issues, raw: s.raw, usccGiven, usccWrong: false };
    if (s.revoke) {
      const key = this.category.keyField ? String(s.input[this.category.keyField] ?? '').trim() : '';
      if (!key) {
        const issue: RowIssue = { field: this.category.keyField, code: 'missing_key', message: '撤销行必须给出业务主键（决定书文号）' };
        return { type: 'rejected', rowNo: s.rowNo, issues: [issue], raw: s.raw, usccGiven, usccWrong: false };
      }
      return { type: 'revoke', rowNo: s.rowNo, key, raw: s.raw };
    }
    const r = checkRecordRow(this.category, s.input, null, null, this.today);
    if (r.ok) return { type: 'record', rowNo: s.rowNo, row: r.row, raw: s.raw, usccGiven };
    const issues = r.issues.map((i) => ({ ...i, field: i.field ?? null, code: issueCode(this.byCode, i), message: i.message }));
    const usccWrong = issues.some((i) => i.field === sf.uscc && i.code === 'invalid_uscc');
    return { type: 'rejected', rowNo: s.rowNo, issues, raw: s.raw, usccGiven, usccWrong };
  }
}
