import type { ErrorDetail } from '../../errors.js';
import { checkUsccCached, validateFields } from '../catalog/field-validation.js';
import type { Category, SubjectKind } from '../catalog/types.js';
import { maskIdNumber } from '../identity/citizen-id.js';
import { subjectKindFromUscc } from '../identity/uscc.js';
import { validateCode } from '../identity/validate.js';
import type { SubjectRef } from '../subjects/types.js';

export interface ExplicitSubject {
  code?: string | null;
  name?: string | null;
  kind?: SubjectKind | null;
}

export interface CheckedRow {
  /** Normalised values, personal ones masked: what the record stores and hashes. */
  values: Record<string, string>;
  /** The unmasked personal values, to be stored only encrypted. */
  personal: Record<string, string>;
  subject: SubjectRef;
  kind: SubjectKind;
  sourceKey: string;
}

const KIND_LABELS: Record<string, SubjectKind | 'organisation'> = {
  自然人: 'natural_person',
  个体工商户: 'sole_trader',
  法人及非法人组织: 'organisation',
};

function decideKind(category: Category, input: Record<string, unknown>, explicit: ExplicitSubject | null): SubjectKind | null {
  if (explicit?.kind) return explicit.kind;
  const sf = category.subjectFields;
  const pick = (code: string | undefined) => (code ? String(input[code] ?? input[category.fields.find((f) => f.code === code)?.label ?? ''] ?? '').trim() : '');
  const usccRaw = pick(sf.uscc) || (explicit?.code && validateCode(explicit.code).scheme === 'uscc' ? explicit.code : '');
  const label = KIND_LABELS[pick(sf.kindLabel)];
  if (label === 'natural_person' || label === 'sole_trader') return label;
  const uscc = checkUsccCached(usccRaw);
  if (uscc.valid) return subjectKindFromUscc(uscc.normalized!);
  if (label === 'organisation') return 'legal_person';
  if (pick(sf.idNumber) || (explicit?.code && validateCode(explicit.code).scheme.startsWith('citizen_id'))) return 'natural_person';
  return null;
}

/**
 * Validate one incoming row against its category (pure: no database). Returns normalised values
 * with personal fields masked, the subject it is about, and its department key; or every issue.
 */
export function checkRecordRow(
  category: Category,
  input: Record<string, unknown>,
  explicit: ExplicitSubject | null,
  sourceKeyIn: string | null,
  today: string,
): { ok: true; row: CheckedRow } | { ok: false; issues: ErrorDetail[] } {
  const kind = decideKind(category, input, explicit);
  const { values, issues } = validateFields(category, input, kind, today);
  const out: ErrorDetail[] = [...issues];
  if (kind && !category.subjectKinds.includes(kind)) {
    out.push({ field: category.subjectFields.kindLabel ?? 'subject.kind', message: `信息类别“${category.name}”不适用于主体类型 ${kind}` });
  }
  if (category.decisionField && values[category.decisionField] && values[category.decisionField]! > today) {
    out.push({ field: category.decisionField, message: `决定日期 ${values[category.decisionField]} 晚于今天（${today}）` });
  }
  const sf = category.subjectFields;
  const name = explicit?.name?.trim() || values[sf.name] || '';
  const code = explicit?.code?.trim() || null;
  const codeScheme = code ? validateCode(code) : null;
  const uscc = (sf.uscc && values[sf.uscc]) || (codeScheme?.scheme === 'uscc' ? code : null);
  const idNumber = (sf.idNumber && values[sf.idNumber]) || (codeScheme?.scheme.startsWith('citizen_id') ? code : null);
  if (code && codeScheme && !codeScheme.valid) {
    out.push(...codeScheme.errors.map((e) => ({ field: 'subject.code', position: e.position, message: e.message })));
  }
  if (!kind && !out.some((i) => i.field === sf.uscc || i.field === sf.idNumber)) {
    out.push({ field: sf.uscc ?? 'subject.code', message: '无法确定主体：缺少统一社会信用代码或身份证件号码' });
  }
  if (!name && !out.some((i) => i.field === sf.name)) out.push({ field: sf.name, message: '缺少主体名称' });
  const sourceKey = (sourceKeyIn?.trim() || (category.keyField ? values[category.keyField] : '') || '').trim();
  if (!sourceKey && !out.some((i) => i.field === category.keyField)) {
    out.push({ field: category.keyField ?? 'sourceKey', message: '缺少部门业务主键（如决定书文号），无法保证重复报送不重复入库' });
  }
  if (out.length || !kind) return { ok: false, issues: out };
  const masked: Record<string, string> = { ...values };
  const personal: Record<string, string> = {};
  for (const def of category.fields) {
    if (def.personal && masked[def.code]) {
      personal[def.code] = masked[def.code]!;
      masked[def.code] = maskIdNumber(masked[def.code]!);
    }
  }
  return {
    ok: true,
    row: {
      values: masked,
      personal,
      kind,
      sourceKey,
      subject: {
        kind, name, uscc: kind === 'natural_person' ? null : uscc, idNumber: kind === 'natural_person' ? idNumber : null,
        legalRep: sf.legalRep ? (values[sf.legalRep] ?? null) : null,
        orgCode: sf.orgCode ? (values[sf.orgCode] ?? null) : null,
        regNo: sf.regNo ? (values[sf.regNo] ?? null) : null,
      },
    },
  };
}
