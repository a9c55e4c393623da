import type { PoolClient } from '../../db/pool.js';
import type { PersonalData } from '../../lib/personal-data.js';
import { maskIdNumber, validateCitizenId } from '../identity/citizen-id.js';
import { checkUsccCached } from '../catalog/field-validation.js';
import { validateCode } from '../identity/validate.js';
import type { CheckedRow } from '../records/row-check.js';
import { normalizeName } from '../subjects/name.js';
import * as bulk from './bulk-repo.js';
import type { RowIssue, SubjectKey } from './types.js';

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

/** Look up the batch's subjects and the owners of the legacy codes its rows claim. */
export async function lookUpSubjects(db: PoolClient, keys: SubjectKey[], claims: { scheme: string; value: string }[]) {
  const usccs = [...new Set(keys.filter((k) => k.uscc).map((k) => k.uscc!))];
  const hmacs = [...new Set(keys.filter((k) => k.hmac).map((k) => k.hmac!))];
  // One after the other: a connection runs one statement at a time.
  const found = await bulk.subjectsByCode(db, usccs, hmacs);
  const owners = await bulk.identifierOwners(db, claims);
  const byKey = new Map<string, { id: number; name: string }>();
  for (const s of found) byKey.set(s.uscc ? `u:${s.uscc}` : `h:${s.hmac}`, { id: s.id, name: s.name });
  return { byKey, owners };
}

/**
 * Create the subjects first seen in this batch (as resolveSubject would); returns the legal
 * representative links to write for them.
 */
export async function insertNewSubjects(
  db: PoolClient,
  pd: PersonalData,
  fresh: { key: SubjectKey; row: CheckedRow }[],
  byKey: Map<string, { id: number; name: string }>,
): Promise<{ subjectId: number; name: string }[]> {
  if (!fresh.length) return [];
  const news: bulk.NewSubject[] = fresh.map(({ key, row }) => {
    const name = row.subject.name.trim();
    return {
      kind: row.kind, uscc: key.uscc, hmac: key.hmac,
      cipher: key.idNumber ? pd.encrypt(key.idNumber).toString('hex') : null,
      masked: key.idNumber ? maskIdNumber(key.idNumber) : null,
      name, nameNorm: normalizeName(name), legalRep: row.subject.legalRep?.trim() || null,
      regionCode: key.uscc ? key.uscc.slice(2, 8) : key.idNumber!.slice(0, 6),
    };
  });
  const newsByKey = new Map(news.map((n) => [n.uscc ? `u:${n.uscc}` : `h:${n.hmac}`, n]));
  const inserted = await bulk.insertSubjects(db, news);
  const links: { subjectId: number; name: string }[] = [];
  for (const s of inserted) {
    const k = s.uscc ? `u:${s.uscc}` : `h:${s.hmac}`;
    byKey.set(k, { id: s.id, name: s.name });
    const legalRep = newsByKey.get(k)?.legalRep;
    if (legalRep) links.push({ subjectId: s.id, name: legalRep });
  }
  // Created meanwhile by another transaction: read them back like resolveSubject does.
  const missing = fresh.filter((f) => !byKey.has(f.key.key)).map((f) => f.key);
  if (missing.length) {
    const again = await lookUpSubjects(db, missing, []);
    for (const [k, v] of again.byKey) byKey.set(k, v);
  }
  return links;
}
