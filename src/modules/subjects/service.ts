import { withTx, type Db, type Pool } from '../../db/pool.js';
import { ConflictError, NotFoundError, ValidationError, type ErrorDetail } from '../../errors.js';
import type { PersonalData } from '../../lib/personal-data.js';
import type { SubjectKind } from '../catalog/types.js';
import { maskIdNumber, validateCitizenId } from '../identity/citizen-id.js';
import { regionName } from '../identity/regions.js';
import { subjectKindFromUscc, validateUscc } from '../identity/uscc.js';
import { validateCode } from '../identity/validate.js';
import { grantedCategories } from '../access/grants.js';
import { auditChange } from '../access/audit.js';
import { requireRole, type Viewer } from '../access/viewer.js';
import { normalizeName } from './name.js';
import * as repo from './repo.js';
import type { SubjectIdentifier, SubjectRef, SubjectRow, SubjectView } from './types.js';

const ORG_KINDS: SubjectKind[] = ['legal_person', 'unincorporated', 'sole_trader', 'government'];

/** Find a subject by USCC, citizen ID (via HMAC), legacy organisation code or registration number. */
export async function findSubjectByCode(db: Db, pd: PersonalData, code: string): Promise<SubjectRow | null> {
  const v = validateCode(code);
  const normalized = v.normalized ?? code.trim().toUpperCase();
  switch (v.scheme) {
    case 'uscc':
      return repo.findByUscc(db, normalized);
    case 'citizen_id':
      return v.valid ? repo.findByIdHmac(db, pd.hmac(normalized)) : null;
    case 'citizen_id_15':
      // 15 digits may be a legacy ID or a business registration number: registers hold far more of the latter.
      return (await repo.findByIdentifier(db, 'reg_no', code.trim())) ?? (v.valid ? repo.findByIdHmac(db, pd.hmac(normalized)) : null);
    case 'org_code':
      return repo.findByIdentifier(db, 'org_code', normalized);
    case 'reg_no':
      return repo.findByIdentifier(db, 'reg_no', normalized);
    default:
      return null;
  }
}

/** Like findSubjectByCode, but a malformed code is a 400 naming what is wrong and an unknown one a 404. */
export async function getSubjectByCode(db: Db, pd: PersonalData, code: string): Promise<SubjectRow> {
  const v = checkCode(code);
  const row = await findSubjectByCode(db, pd, code);
  if (!row) throw subjectNotFound(v.scheme, code);
  return row;
}

function checkCode(code: string): ReturnType<typeof validateCode> {
  const v = validateCode(code);
  if (!v.valid && !(['org_code', 'reg_no'] as string[]).includes(v.scheme)) {
    throw new ValidationError(`代码“${maskIdNumber(code.trim())}”无效`, v.errors.map((e) => ({ field: 'code', position: e.position, message: e.message })), 'invalid_code');
  }
  return v;
}

/** The one "no such subject" answer, for a code no one has and for a person the caller may not find alike. */
function subjectNotFound(scheme: string, code: string): NotFoundError {
  return new NotFoundError('subject', scheme.startsWith('citizen_id') ? maskIdNumber(code.trim()) : code.trim());
}

/**
 * Credit-centre staff and government departments find any natural person (a department system
 * only with the archive:read scope); a person's own account finds itself; a lender finds those
 * who granted it access; nobody else learns that a person exists.
 */
function findsEveryPerson(viewer: Viewer): boolean {
  if (viewer.apiKey && !viewer.apiKey.scopes.includes('archive:read')) return false;
  return viewer.role === 'admin' || viewer.role === 'operator' || viewer.role === 'department';
}

/** Whether this viewer may learn that the subject exists (organisations: everyone; persons: see findsEveryPerson). */
export async function mayFindSubject(db: Db, viewer: Viewer, row: SubjectRow, now: Date): Promise<boolean> {
  if (row.kind !== 'natural_person' || findsEveryPerson(viewer)) return true;
  if (viewer.role === 'subject') return viewer.subjectId === row.id;
  if (viewer.role === 'lender') return (await grantedCategories(db, viewer, row.id, now)) !== null;
  return false;
}

/**
 * getSubjectByCode for a caller: a natural person the caller may not find is answered exactly as
 * a code that exists nowhere (same status, same body), so an ID number tells nobody whose it is.
 */
export async function getSubjectForViewer(db: Db, pd: PersonalData, viewer: Viewer, code: string, now: Date): Promise<SubjectRow> {
  const v = checkCode(code);
  const row = await findSubjectByCode(db, pd, code);
  if (!row || !(await mayFindSubject(db, viewer, row, now))) throw subjectNotFound(v.scheme, code);
  return row;
}

/** Assemble the public shape (identifiers, former names, masked legal representative links). */
export async function viewSubject(db: Db, row: SubjectRow): Promise<SubjectView> {
  const { identifiers, links } = await repo.identifiersAndLinks(db, row.id);
  return {
    id: row.id,
    kind: row.kind,
    ...(row.uscc ? { uscc: row.uscc } : {}),
    ...(row.idMasked ? { idNumberMasked: row.idMasked } : {}),
    name: row.name,
    legalRepName: row.legalRepName,
    regionCode: row.regionCode,
    regionName: row.regionCode ? (regionName(row.regionCode) ?? null) : null,
    industryCode: row.industryCode,
    status: row.status,
    registeredOn: row.registeredOn,
    formerNames: identifiers.filter((i) => i.scheme === 'former_name').map((i) => i.value),
    identifiers: identifiers.filter((i) => i.scheme !== 'former_name'),
    links,
  };
}

function refIssues(ref: SubjectRef): { issues: ErrorDetail[]; kind: SubjectKind | null; uscc: string | null; idNumber: string | null } {
  const issues: ErrorDetail[] = [];
  let uscc: string | null = null;
  let idNumber: string | null = null;
  if (ref.uscc) {
    const v = validateUscc(ref.uscc);
    if (v.valid) uscc = v.normalized;
    else issues.push(...v.errors.map((e) => ({ field: 'uscc', position: e.position, message: e.message })));
  }
  if (ref.idNumber) {
    const v = validateCitizenId(ref.idNumber);
    if (v.valid) idNumber = v.normalized;
    else issues.push(...v.errors.map((e) => ({ field: 'idNumber', position: e.position, message: e.message })));
  }
  if (!ref.name?.trim()) issues.push({ field: 'name', message: '主体名称不能为空' });
  let kind: SubjectKind | null = ref.kind ?? null;
  if (!kind && uscc) kind = subjectKindFromUscc(uscc);
  if (!kind && idNumber) kind = 'natural_person';
  if (!issues.length && !uscc && !idNumber) {
    issues.push({ field: kind === 'natural_person' ? 'idNumber' : 'uscc', message: '缺少主体代码：组织须有统一社会信用代码，自然人须有身份证件号码' });
  }
  if (kind === 'natural_person' && !idNumber && !issues.some((i) => i.field === 'idNumber')) {
    issues.push({ field: 'idNumber', message: '自然人须以身份证件号码标识' });
  }
  if (kind && ORG_KINDS.includes(kind) && !uscc && !issues.some((i) => i.field === 'uscc')) {
    issues.push({ field: 'uscc', message: '组织须以统一社会信用代码标识' });
  }
  return { issues, kind, uscc, idNumber };
}

export interface ResolvedSubject {
  row: SubjectRow;
  created: boolean;
  /** The name on file differs from the one given (kept; reported as a warning). */
  nameMismatch: { onFile: string; given: string } | null;
}

/**
 * Find the subject a record is about, creating it on first sight; legacy codes are attached.
 * `today` (the clock's date) dates a change of legal representative.
 */
export async function resolveSubject(db: Db, pd: PersonalData, ref: SubjectRef, today: string): Promise<ResolvedSubject> {
  const { issues, kind, uscc, idNumber } = refIssues(ref);
  if (issues.length) throw new ValidationError('主体信息有误', issues, 'invalid_subject');
  const name = ref.name.trim();
  const existing = uscc ? await repo.findByUscc(db, uscc) : await repo.findByIdHmac(db, pd.hmac(idNumber!));
  let row: SubjectRow;
  let created = false;
  if (existing) {
    row = existing;
  } else {
    const inserted = await repo.insertSubject(db, {
      kind: kind!, uscc, name, nameNorm: normalizeName(name),
      idHmac: idNumber ? pd.hmac(idNumber) : null,
      idCipher: idNumber ? pd.encrypt(idNumber) : null,
      idMasked: idNumber ? maskIdNumber(idNumber) : null,
      legalRepName: ref.legalRep?.trim() || null,
      regionCode: ref.regionCode ?? (uscc ? uscc.slice(2, 8) : idNumber!.slice(0, 6)),
      industryCode: ref.industryCode ?? null,
      registeredOn: ref.registeredOn ?? null,
    });
    row = inserted.row;
    created = inserted.created;
    if (created && ref.legalRep?.trim()) {
      await repo.setLegalRep(db, row.id, { personName: ref.legalRep.trim(), personIdHmac: null, personIdMasked: null, since: null }, today);
    }
  }
  if (ref.orgCode) await attachLegacyCode(db, row.id, 'org_code', ref.orgCode);
  if (ref.regNo) await attachLegacyCode(db, row.id, 'reg_no', ref.regNo);
  const mismatch = normalizeName(row.name) !== normalizeName(name);
  return { row, created, nameMismatch: mismatch ? { onFile: row.name, given: name } : null };
}

async function attachLegacyCode(db: Db, subjectId: number, scheme: 'org_code' | 'reg_no', raw: string): Promise<void> {
  const v = validateCode(raw);
  const value = v.scheme === scheme && v.normalized ? v.normalized : raw.trim().toUpperCase().replace(/-/g, '');
  const owner = await repo.identifierOwner(db, scheme, value);
  if (owner !== null && owner !== subjectId) {
    throw new ConflictError(`${scheme === 'org_code' ? '组织机构代码' : '工商注册号'} ${value} 已对应另一主体`, [{ field: scheme, message: `already mapped to subject ${owner}` }]);
  }
  await repo.addIdentifier(db, subjectId, scheme, value, value);
}

/** Operator registers a subject with its legacy codes, former names and legal representative, in one transaction. */
export async function registerSubject(
  pool: Pool,
  pd: PersonalData,
  viewer: Viewer,
  input: SubjectRef & { formerNames?: string[]; identifiers?: SubjectIdentifier[]; legalRepIdNumber?: string | null },
  today: string,
): Promise<SubjectView> {
  return withTx(pool, async (tx) => {
    const view = await registerSubjectIn(tx, pd, viewer, input, today);
    await auditChange(tx, viewer, 'subject.registered', { subjectId: view.id, details: { name: view.name, kind: view.kind } });
    return view;
  });
}

async function registerSubjectIn(
  db: Db,
  pd: PersonalData,
  viewer: Viewer,
  input: SubjectRef & { formerNames?: string[]; identifiers?: SubjectIdentifier[]; legalRepIdNumber?: string | null },
  today: string,
): Promise<SubjectView> {
  requireRole(viewer, 'admin', 'operator');
  // With an ID number the legal representative link is written below, once, with its masked ID.
  const r = await resolveSubject(db, pd, input.legalRepIdNumber ? { ...input, legalRep: null } : input, today);
  if (!r.created) throw new ConflictError(`主体已存在：${r.row.name}`, [{ field: r.row.uscc ? 'uscc' : 'idNumber', message: 'subject already registered' }]);
  for (const n of input.formerNames ?? []) await repo.addIdentifier(db, r.row.id, 'former_name', n.trim(), normalizeName(n));
  for (const i of input.identifiers ?? []) {
    if (i.scheme === 'former_name') await repo.addIdentifier(db, r.row.id, 'former_name', i.value.trim(), normalizeName(i.value));
    else if (i.scheme === 'tax_no') await repo.addIdentifier(db, r.row.id, 'tax_no', i.value.trim().toUpperCase(), i.value.trim().toUpperCase());
    else await attachLegacyCode(db, r.row.id, i.scheme, i.value);
  }
  if (input.legalRepIdNumber && input.legalRep) {
    const v = validateCitizenId(input.legalRepIdNumber);
    if (!v.valid) throw new ValidationError('法定代表人证件号码无效', v.errors.map((e) => ({ field: 'legalRepIdNumber', position: e.position, message: e.message })));
    await repo.setLegalRep(db, r.row.id, { personName: input.legalRep, personIdHmac: pd.hmac(v.normalized!), personIdMasked: maskIdNumber(v.normalized!), since: null }, today);
  }
  return viewSubject(db, (await repo.findById(db, r.row.id))!);
}

/** Rename a subject in one transaction, keeping the old name as a former name (曾用名); the subject as renamed. */
export async function renameSubject(pool: Pool, pd: PersonalData, viewer: Viewer, code: string, newName: string): Promise<SubjectView> {
  const id = await withTx(pool, async (tx) => {
    // The role first: otherwise 401/403 against 404 would tell anyone which codes exist.
    requireRole(viewer, 'admin', 'operator');
    const row = await getSubjectByCode(tx, pd, code);
    if (!newName.trim()) throw new ValidationError('新名称不能为空', [{ field: 'name', message: 'required' }]);
    await repo.addIdentifier(tx, row.id, 'former_name', row.name, normalizeName(row.name));
    await repo.renameSubject(tx, row.id, newName.trim(), normalizeName(newName));
    await auditChange(tx, viewer, 'subject.renamed', { subjectId: row.id, details: { from: row.name, to: newName.trim() } });
    return row.id;
  });
  return viewSubject(pool, await subjectById(pool, id));
}

/**
 * Search by exact code (USCC, ID number, legacy codes) or by name fragment. Natural persons come
 * only to callers who may find them (mayFindSubject); a name search gives them only to staff.
 */
export async function searchSubjects(
  db: Db,
  pd: PersonalData,
  viewer: Viewer,
  q: { q: string; kind?: SubjectKind | null; page: number; pageSize: number },
  now: Date,
): Promise<{ items: SubjectRow[]; total: number }> {
  const text = q.q.trim();
  if (!text) throw new ValidationError('请输入查询内容（名称或代码）', [{ field: 'q', message: 'required' }]);
  const v = validateCode(text);
  if (v.valid || (v.scheme !== 'unknown' && /^[0-9A-Za-z-]{9,18}$/.test(text) && !/[\u4e00-\u9fff]/.test(text))) {
    const row = await findSubjectByCode(db, pd, text);
    const visible = row && (!q.kind || row.kind === q.kind) && (await mayFindSubject(db, viewer, row, now));
    return visible ? { items: [row], total: 1 } : { items: [], total: 0 };
  }
  let kinds: SubjectKind[] = q.kind ? [q.kind] : [...ORG_KINDS, 'natural_person'];
  if (!findsEveryPerson(viewer)) kinds = kinds.filter((k) => k !== 'natural_person');
  if (!kinds.length) return { items: [], total: 0 };
  return repo.searchByName(db, { fragment: normalizeName(text), kinds, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
}

export async function subjectById(db: Db, id: number): Promise<SubjectRow> {
  const row = await repo.findById(db, id);
  if (!row) throw new NotFoundError('subject', String(id));
  return row;
}
