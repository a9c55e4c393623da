import type { PersonalData } from '../../lib/personal-data.js';
import { validateCitizenId } from '../identity/citizen-id.js';
import { checkUsccCached } from '../catalog/field-validation.js';
import { validateCode } from '../identity/validate.js';
import type { CheckedRow } from '../records/row-check.js';
import type { SubjectKey } from '../subjects/bulk.js';
import type { RowIssue } from './types.js';

export function subjectKeyOf(pd: PersonalData, row: CheckedRow): SubjectKey | RowIssue {
  const ref = row.subject;
  if (ref.uscc) {
    const v = checkUsccCached(ref.uscc);
    if (v.valid && v.normalized) return { key: `u:${v.normalized}`, uscc: v.normalized, idNumber: null, hmac: null };
  } else if (ref.idNumber) {
    const v = validateCitizenId(ref.idNumber);
    if (v.valid && v.normalized) {
      const hmac = pd.hmac(v.normalized).toString('hex');
      return { key: `h:${hmac}`, uscc: null, idNumber: v.normalized, hmac };
    }
  }
  return { field: null, code: 'invalid_subject', message: row.kind === 'natural_person' ? '自然人须以身份证件号码标识' : '组织须以统一社会信用代码标识' };
}

/** Legacy codes a row attaches to its subject, normalised as the subject service does. */
export function legacyClaims(row: CheckedRow): { scheme: 'org_code' | 'reg_no'; value: string }[] {
  const out: { scheme: 'org_code' | 'reg_no'; value: string }[] = [];
  for (const [scheme, raw] of [['org_code', row.subject.orgCode], ['reg_no', row.subject.regNo]] as const) {
    if (!raw) continue;
    const v = validateCode(raw);
    out.push({ scheme, value: v.scheme === scheme && v.normalized ? v.normalized : raw.trim().toUpperCase().replace(/-/g, '') });
  }
  return out;
}
