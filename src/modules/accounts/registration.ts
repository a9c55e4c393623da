import { withTx, type Db, type Pool } from '../../db/pool.js';
import { ConflictError, InvalidTransitionError, NotFoundError, ValidationError, type ErrorDetail } from '../../errors.js';
import type { Clock } from '../../lib/clock.js';
import type { PersonalData } from '../../lib/personal-data.js';
import { maskIdNumbersInFreeText } from '../../lib/redact.js';
import { actorOf, appendAudit } from '../access/audit.js';
import { hashPassword } from '../access/password.js';
import { createSubjectAccount, findUserByName, subjectAccounts, usernameProblem, type PendingRegistration } from '../access/service.js';
import { requireRole, type Viewer } from '../access/viewer.js';
import { decodeUploads, filesOf, storedFile, storeFiles } from '../cases/evidence.js';
import { maskIdNumber, validateCitizenId } from '../identity/citizen-id.js';
import { validateUscc } from '../identity/uscc.js';
import { normalizeName } from '../subjects/name.js';
import { findSubjectByCode, resolveSubject } from '../subjects/service.js';
import * as repo from './repo.js';
import type { RegistrationBody } from './schema.js';

/** The owner kind of a registration's files in evidence_file. */
export const REGISTRATION_FILES = 'registration';

/** Audit actions of the accounts module (the audit screen labels them). */
export const ACCOUNT_ACTIONS = {
  submitted: 'registration_submitted',
  approved: 'registration_approved',
  rejected: 'registration_rejected',
  oidcLogin: 'oidc_login',
  oidcLoginFailed: 'oidc_login_failed',
} as const;

export interface AccountsCtx {
  pool: Pool;
  pd: PersonalData;
  clock: Clock;
}

const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/;
const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;
const text = (v: string | undefined): string => maskIdNumbersInFreeText((v ?? '').trim());

interface CheckedApplication {
  issues: ErrorDetail[];
  uscc: string | null;
  idNumber: string | null;
}

/** Every problem of an application at once, each naming its field; an ID number is never echoed back. */
function checkApplication(b: RegistrationBody, today: Date): CheckedApplication {
  const issues: ErrorDetail[] = [];
  const nameProblem = usernameProblem(b.username.trim());
  if (nameProblem) issues.push({ field: 'username', message: nameProblem });
  if (b.password.length < 10) issues.push({ field: 'password', message: '密码至少 10 个字符' });
  if (!b.name.trim()) issues.push({ field: 'name', message: b.kind === 'enterprise' ? '请填写企业名称' : '请填写姓名' });
  const phone = b.contactPhone?.trim().replace(/\s+/g, '');
  const email = b.contactEmail?.trim();
  if (!phone && !email) issues.push({ field: 'contactPhone', message: '请至少填写联系电话或电子邮箱之一' });
  if (phone && !PHONE.test(phone)) issues.push({ field: 'contactPhone', message: '联系电话应为 11 位手机号码或带区号的固定电话' });
  if (email && !EMAIL.test(email)) issues.push({ field: 'contactEmail', message: '电子邮箱格式不正确' });
  let uscc: string | null = null;
  let idNumber: string | null = null;
  if (b.kind === 'enterprise') {
    const v = validateUscc(b.uscc ?? '');
    if (v.valid) uscc = v.normalized;
    else issues.push(...(b.uscc?.trim() ? v.errors.map((e) => ({ field: 'uscc', position: e.position, message: `统一社会信用代码有误：${e.message}` })) : [{ field: 'uscc', message: '请填写统一社会信用代码' }]));
    if (!b.legalRep?.trim()) issues.push({ field: 'legalRep', message: '请填写法定代表人（负责人）姓名' });
    if (!b.document) issues.push({ field: 'document', message: '请上传营业执照或授权委托书' });
    if (b.documentKind && b.documentKind === 'id_card') issues.push({ field: 'documentKind', message: '企业请上传营业执照或授权委托书' });
  } else {
    const v = validateCitizenId(b.idNumber ?? '', today);
    if (v.valid && v.normalized?.length === 18) idNumber = v.normalized;
    else if (!b.idNumber?.trim()) issues.push({ field: 'idNumber', message: '请填写身份证号码' });
    else issues.push(...(v.valid ? [{ field: 'idNumber', message: '请填写 18 位身份证号码' }] : v.errors.map((e) => ({ field: 'idNumber', position: e.position, message: `身份证号码有误：${e.message}` }))));
  }
  return { issues, uscc, idNumber };
}

/**
 * Anyone files an application for an account. It waits for an operator: the answer is the same
 * pending receipt whatever the platform holds on the enterprise or person, so the form tells no
 * one whether a name belongs to an ID number.
 */
export async function submitRegistration(ctx: AccountsCtx, viewer: Viewer, b: RegistrationBody): Promise<repo.RegistrationRow> {
  const now = ctx.clock.now();
  const { issues, uscc, idNumber } = checkApplication(b, now);
  const files = b.document ? decodeUploadsOrIssues(b, issues) : [];
  if (issues.length) throw new ValidationError('注册信息有误，请按提示修改', issues);
  const username = b.username.trim();
  const passwordHash = await hashPassword(b.password);
  return withTx(ctx.pool, async (tx) => {
    if (await findUserByName(tx, username)) throw usernameTaken(username);
    const row = await repo.insertRegistration(tx, {
      kind: b.kind, username, passwordHash, name: text(b.name), uscc,
      legalRep: b.kind === 'enterprise' ? text(b.legalRep) : null,
      idHmac: idNumber ? ctx.pd.hmac(idNumber) : null, idCipher: idNumber ? ctx.pd.encrypt(idNumber) : null, idMasked: idNumber ? maskIdNumber(idNumber) : null,
      contactPhone: b.contactPhone?.trim().replace(/\s+/g, '') || null, contactEmail: b.contactEmail?.trim() || null,
      ip: viewer.ip, filedAt: now,
    });
    if (!row) throw usernameTaken(username);
    await storeFiles(tx, { kind: REGISTRATION_FILES, id: row.id }, files, username, now);
    await appendAudit(tx, {
      actor: { kind: 'anonymous', id: null, name: username }, action: ACCOUNT_ACTIONS.submitted, ip: viewer.ip,
      details: { registrationId: row.id, kind: row.kind, ...(row.uscc ? { uscc: row.uscc } : { idNumberMasked: row.idMasked }) },
    });
    return row;
  });
}

function decodeUploadsOrIssues(b: RegistrationBody, issues: ErrorDetail[]) {
  const role = b.documentKind ?? (b.kind === 'enterprise' ? 'licence' : 'id_card');
  try {
    return decodeUploads([{ role, file: b.document!, field: 'document' }]);
  } catch (err) {
    if (err instanceof ValidationError) issues.push(...err.details);
    else throw err;
    return [];
  }
}

const usernameTaken = (username: string) => new ConflictError(`用户名 ${username} 已被使用，请换一个`, [{ field: 'username', message: 'already taken' }]);

/** Applications for the credit centre's staff, newest first. */
export async function listRegistrations(db: Db, viewer: Viewer, q: { state?: repo.RegistrationState; page: number; pageSize: number }) {
  requireRole(viewer, 'admin', 'operator');
  return repo.listRegistrations(db, { state: q.state ?? null, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
}

async function registrationFor(db: Db, viewer: Viewer, id: number, lock = false): Promise<repo.RegistrationRow> {
  requireRole(viewer, 'admin', 'operator');
  const r = await repo.findRegistration(db, id, lock);
  if (!r) throw new NotFoundError('registration', String(id));
  return r;
}

/** One application with its document and what the platform holds on the applicant (staff only). */
export async function getRegistration(ctx: AccountsCtx, viewer: Viewer, id: number) {
  const r = await registrationFor(ctx.pool, viewer, id);
  const idHmac = r.kind === 'person' ? await repo.registrationIdHmac(ctx.pool, id) : null;
  const subject = await subjectOnFile(ctx, r);
  return {
    registration: r,
    files: await filesOf(ctx.pool, REGISTRATION_FILES, id),
    onFile: {
      subjectId: subject?.id ?? null, name: subject?.name ?? null,
      nameMatches: subject ? normalizeName(subject.name) === normalizeName(r.name) : false,
      accounts: subject ? (await subjectAccounts(ctx.pool, subject.id)).length : 0,
      otherPending: await repo.countOtherPending(ctx.pool, r, idHmac),
    },
  };
}

async function subjectOnFile(ctx: AccountsCtx, r: repo.RegistrationRow) {
  if (r.uscc) return findSubjectByCode(ctx.pool, ctx.pd, r.uscc);
  const cipher = await repo.registrationIdCipher(ctx.pool, r.id);
  return cipher ? findSubjectByCode(ctx.pool, ctx.pd, ctx.pd.decrypt(cipher)) : null;
}

/** The licence or letter an application carries (staff only). */
export async function registrationFile(db: Db, viewer: Viewer, id: number, fileId: number) {
  await registrationFor(db, viewer, id);
  const f = await storedFile(db, REGISTRATION_FILES, id, fileId);
  if (!f) throw new NotFoundError('file', String(fileId));
  return f;
}

/**
 * An operator approves an application: the enterprise or person becomes (or already is) a subject
 * of the platform, and the applicant's username and password become a subject account speaking for it.
 */
export async function approveRegistration(ctx: AccountsCtx, viewer: Viewer, id: number): Promise<repo.RegistrationRow> {
  return withTx(ctx.pool, async (tx) => {
    const r = await registrationFor(tx, viewer, id, true);
    if (r.state !== 'pending') throw new InvalidTransitionError('registration', r.state, 'approved');
    const idNumber = r.kind === 'person' ? ctx.pd.decrypt((await repo.registrationIdCipher(tx, id))!) : null;
    const resolved = await resolveSubject(tx, ctx.pd, r.kind === 'enterprise'
      ? { uscc: r.uscc, name: r.name, legalRep: r.legalRep }
      : { kind: 'natural_person', idNumber, name: r.name }, ctx.clock.today());
    const hash = await repo.passwordHashOf(tx, id);
    const user = await createSubjectAccount(tx, { username: r.username, displayName: resolved.row.name, passwordHash: hash, subjectId: resolved.row.id });
    const at = ctx.clock.now();
    await repo.approveRegistration(tx, id, { subjectId: resolved.row.id, userId: user.id, at, by: viewer.username ?? 'system' });
    await appendAudit(tx, {
      actor: actorOf(viewer), departmentId: viewer.departmentId, action: ACCOUNT_ACTIONS.approved, subjectId: resolved.row.id, ip: viewer.ip,
      details: { registrationId: id, username: r.username, userId: user.id, subjectCreated: resolved.created },
    });
    return (await repo.findRegistration(tx, id))!;
  });
}

/** An operator rejects an application with a reason the applicant is told at login; the username is free again. */
export async function rejectRegistration(ctx: AccountsCtx, viewer: Viewer, id: number, reason: string): Promise<repo.RegistrationRow> {
  const why = text(reason);
  if (!why) throw new ValidationError('请写明不予通过的理由', [{ field: 'reason', message: 'required' }]);
  return withTx(ctx.pool, async (tx) => {
    const r = await registrationFor(tx, viewer, id, true);
    if (r.state !== 'pending') throw new InvalidTransitionError('registration', r.state, 'rejected');
    await repo.rejectRegistration(tx, id, { reason: why, at: ctx.clock.now(), by: viewer.username ?? 'system' });
    await appendAudit(tx, {
      actor: actorOf(viewer), departmentId: viewer.departmentId, action: ACCOUNT_ACTIONS.rejected, ip: viewer.ip,
      details: { registrationId: id, username: r.username, reason: why },
    });
    return (await repo.findRegistration(tx, id))!;
  });
}

/** What login asks of a username that is not an account (see access's login). */
export const registrationLookup = (db: Db) => async (username: string): Promise<PendingRegistration | null> =>
  repo.latestOpenRegistration(db, username);
