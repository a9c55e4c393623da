import { createHash, randomBytes } from 'node:crypto';
import { inTx, withTx, type Db, type Pool } from '../../db/pool.js';
import { AppError, ConflictError, NotFoundError, TooManyRequestsError, UnauthenticatedError, ValidationError } from '../../errors.js';
import { validateUscc } from '../identity/uscc.js';
import { appendAudit, auditChange, listAudit } from './audit.js';
import { DUMMY_PASSWORD_HASH, generatePassword, hashPassword, verifyPassword } from './password.js';
import * as repo from './repo.js';
import { requireRole, type Role, type Viewer } from './viewer.js';

/** How access finds a subject by its code; app.ts passes the subjects module's lookup, so access stays below subjects. */
export interface SubjectLookup {
  subjectIdByCode(code: string): Promise<number>;
}

export const SESSION_HOURS = 8;
export const MAX_LOGIN_FAILURES = 5;
export const LOCK_MINUTES = 15;

const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

/** A registration not yet an account, as login sees it (the accounts module answers; access stays below it). */
export interface PendingRegistration {
  passwordHash: string;
  state: 'pending' | 'rejected';
  reason: string | null;
}
export type RegistrationLookup = (username: string) => Promise<PendingRegistration | null>;

/** A login refused because the account is still an application: told only to whoever knows its password. */
export class RegistrationNotApprovedError extends AppError {
  constructor(r: PendingRegistration) {
    super(
      r.state === 'pending' ? 'registration_pending' : 'registration_rejected',
      r.state === 'pending' ? '您的注册申请正在审核中，审核通过后即可登录' : `您的注册申请未通过审核：${r.reason ?? ''}`,
      403,
    );
  }
}

export interface OpenedSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  user: { username: string; role: Role; departmentId: number | null };
}

/**
 * Check credentials, lock out after repeated failures, and open a session. A password check is
 * reserved (and counted as a failure) before it runs, so parallel attempts cannot exceed
 * MAX_LOGIN_FAILURES checks; a right password releases the reservation and resets the counter.
 * A name that is only a registration is checked against the application's password (the same
 * scrypt cost as an unknown name), and the right one learns that it awaits approval.
 */
export async function login(
  pool: Pool,
  input: { username: string; password: string; ip: string | null; userAgent: string | null },
  registrations?: RegistrationLookup,
): Promise<OpenedSession> {
  const attempt = await repo.reserveLoginAttempt(pool, input.username, MAX_LOGIN_FAILURES, LOCK_MINUTES);
  const failed = (reason: 'locked' | 'unknown_user' | 'disabled' | 'wrong_password') => appendAudit(pool, {
    actor: { kind: 'anonymous', id: null, name: input.username }, action: 'login_failed', ip: input.ip, details: { reason },
  });
  if (attempt.kind === 'locked') {
    await failed('locked');
    // The time the lock ends goes in a detail (a timestamp), so the page shows it in the reader's time zone.
    const until = attempt.lockedUntil && attempt.lockedUntil > new Date() ? attempt.lockedUntil.toISOString() : null;
    throw new TooManyRequestsError(`连续 ${MAX_LOGIN_FAILURES} 次密码错误，账户已锁定 ${LOCK_MINUTES} 分钟，请稍后再试或联系管理员解锁`, [
      { field: 'username', message: '账户已锁定', ...(until ? { lockedUntil: until } : {}) },
    ]);
  }
  const user = attempt.kind === 'reserved' ? attempt.user : null;
  const application = !user && registrations ? await registrations(input.username) : null;
  // Unknown names and disabled accounts pay the same scrypt check as a real one: no enumeration by time.
  const matches = await verifyPassword(input.password, user?.passwordHash ?? application?.passwordHash ?? DUMMY_PASSWORD_HASH);
  if (application && matches) throw new RegistrationNotApprovedError(application);
  if (!user || user.disabled || !matches) {
    // The failure was counted when the check was reserved; the entry says why it failed (admins only read it).
    await failed(!user ? 'unknown_user' : user.disabled ? 'disabled' : 'wrong_password');
    throw new UnauthenticatedError('用户名或密码错误');
  }
  return openSession(pool, user, input.ip, input.userAgent);
}

/** A new session for an account whose holder has just proved who they are (password, or the provider's ID token). */
export async function openSession(pool: Pool, user: repo.UserRow, ip: string | null, userAgent: string | null): Promise<OpenedSession> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000);
  await withTx(pool, async (tx) => {
    await repo.recordLogin(tx, user.id);
    await repo.insertSession(tx, { tokenHash: tokenHash(token), userId: user.id, expiresAt, ip, userAgent, csrfToken });
    await appendAudit(tx, {
      actor: { kind: user.role, id: String(user.id), name: user.username }, departmentId: user.departmentId, subjectId: user.subjectId,
      action: 'auth.login', ip, details: { userAgent },
    });
  });
  return { token, csrfToken, expiresAt, user: { username: user.username, role: user.role, departmentId: user.departmentId } };
}

export const findUserById = (db: Db, id: number) => repo.findUserById(db, id);
export const findUserByName = (db: Db, username: string) => repo.findUserByName(db, username);

/** The subject accounts that speak for one subject. */
export const subjectAccounts = (db: Db, subjectId: number) => repo.subjectAccounts(db, subjectId);

/**
 * A subject account whose holder was verified elsewhere: an operator approved the registration, or
 * the provider asserted the USCC or ID number. The caller has checked who may do that.
 */
export async function createSubjectAccount(
  db: Db, input: { username: string; displayName: string; passwordHash: string; subjectId: number },
): Promise<repo.UserRow> {
  if (await repo.findUserByName(db, input.username)) {
    throw new ConflictError(`用户名 ${input.username} 已被使用`, [{ field: 'username', message: 'already taken' }]);
  }
  return repo.insertUser(db, { ...input, role: 'subject', departmentId: null });
}

/** Whether a username may be asked for (the form's rule), with the problem in words. */
export function usernameProblem(username: string): string | null {
  return /^[A-Za-z0-9_.-]{3,40}$/.test(username) ? null : '用户名应为 3–40 位字母、数字、_ . -';
}

/** End a session; the logout is audited as the person whose session it was. */
export async function logout(pool: Pool, token: string, ip: string | null): Promise<void> {
  await withTx(pool, async (tx) => {
    const ended = await repo.deleteSession(tx, tokenHash(token));
    if (!ended) return;
    await appendAudit(tx, { actor: { kind: ended.role, id: String(ended.id), name: ended.username }, departmentId: ended.departmentId, action: 'auth.logout', ip });
  });
}

/** Resolve a session cookie into a viewer; null when absent, expired or unknown. */
export async function viewerFromSession(
  pool: Pool, token: string, ip: string | null, purpose: string | null,
): Promise<{ viewer: Viewer; csrfToken: string } | null> {
  const user = await repo.findSessionUser(pool, tokenHash(token));
  if (!user) return null;
  return {
    viewer: { role: user.role, userId: user.id, username: user.username, departmentId: user.departmentId, subjectId: user.subjectId, ip, purpose, apiKey: null },
    csrfToken: user.csrfToken,
  };
}

/** Create an account (admin only, or the CLI acting as the system). */
export async function createUser(
  db: Db,
  viewer: Viewer,
  input: { username: string; displayName?: string; password: string; role: Role; department?: string | null; subjectId?: number | null },
): Promise<repo.UserRow> {
  requireRole(viewer, 'admin');
  const issues = [];
  const nameProblem = usernameProblem(input.username);
  if (nameProblem) issues.push({ field: 'username', message: nameProblem });
  if (input.password.length < 10) issues.push({ field: 'password', message: '密码至少 10 个字符' });
  if (issues.length) throw new ValidationError('用户信息不完整', issues);
  let departmentId: number | null = null;
  if (input.department) {
    const d = await repo.findDepartment(db, input.department);
    if (!d) throw new NotFoundError('department', input.department);
    departmentId = d.id;
  }
  if (input.role === 'department' && departmentId === null) {
    throw new ValidationError('部门用户必须属于一个部门', [{ field: 'department', message: 'required for role department' }]);
  }
  if (input.role === 'subject' && !input.subjectId) {
    throw new ValidationError('主体账户必须关联一个经实名核验的信用主体', [{ field: 'subject', message: 'required for role subject' }]);
  }
  if (await repo.findUserByName(db, input.username)) {
    throw new ConflictError(`用户名 ${input.username} 已存在`, [{ field: 'username', message: 'already taken' }]);
  }
  const passwordHash = await hashPassword(input.password);
  return inTx(db, async (tx) => {
    const user = await repo.insertUser(tx, {
      username: input.username, displayName: input.displayName ?? input.username,
      passwordHash, role: input.role, departmentId, subjectId: input.role === 'subject' ? input.subjectId : null,
    });
    await auditChange(tx, viewer, 'user.created', {
      departmentId, subjectId: user.subjectId, details: { userId: user.id, username: user.username, role: user.role },
    });
    return user;
  });
}

/** First start: create `admin` with ADMIN_PASSWORD or a generated one (returned to print once). */
/** An admin creates an account; a subject account names its verified subject by USCC or ID number. */
export async function createUserAccount(
  db: Db,
  viewer: Viewer,
  input: { username: string; displayName?: string; password: string; role: Role; department?: string; subject?: string },
  subjects: SubjectLookup,
): Promise<repo.UserRow> {
  // The role first: the subject lookup must not tell a caller who may not create users whether a code is known.
  requireRole(viewer, 'admin');
  const { subject, ...rest } = input;
  const subjectId = subject ? await subjects.subjectIdByCode(subject) : null;
  return createUser(db, viewer, { ...rest, subjectId });
}

export async function ensureAdmin(db: Db, configured: string | null): Promise<{ created: boolean; password: string | null }> {
  if ((await repo.countUsers(db, 'admin')) > 0) return { created: false, password: null };
  const password = configured ?? generatePassword();
  await repo.insertUser(db, {
    username: 'admin', displayName: '信用中心管理员', passwordHash: await hashPassword(password), role: 'admin', departmentId: null,
  });
  return { created: true, password: configured ? null : password };
}

export async function listDepartments(db: Db, page: number, pageSize: number) {
  return repo.listDepartments(db, pageSize, (page - 1) * pageSize);
}

export async function getDepartment(db: Db, code: string): Promise<repo.DepartmentRow> {
  const d = await repo.findDepartment(db, code);
  if (!d) throw new NotFoundError('department', code);
  return d;
}

/** Register a source/using department (信用信息提供/使用单位). */
export async function addDepartment(
  db: Db,
  viewer: Viewer,
  input: { code: string; name: string; uscc?: string | null; region?: string | null },
): Promise<repo.DepartmentRow> {
  requireRole(viewer, 'admin', 'operator');
  const issues = [];
  if (!/^[A-Za-z0-9_.-]{1,40}$/.test(input.code)) issues.push({ field: 'code', message: '部门编码应为 1–40 位字母、数字、_ . -' });
  if (!input.name.trim()) issues.push({ field: 'name', message: '部门名称不能为空' });
  let uscc: string | null = null;
  if (input.uscc) {
    const v = validateUscc(input.uscc);
    if (!v.valid) issues.push(...v.errors.map((e) => ({ field: 'uscc', position: e.position, message: e.message })));
    uscc = v.normalized;
  }
  if (input.region && !/^\d{6}$/.test(input.region)) issues.push({ field: 'region', message: '行政区划代码应为 6 位数字' });
  if (issues.length) throw new ValidationError('部门信息有误', issues);
  return inTx(db, async (tx) => {
    const row = await repo.insertDepartment(tx, { code: input.code, name: input.name.trim(), uscc, regionCode: input.region ?? null });
    if (!row) throw new ConflictError(`部门编码 ${input.code} 已存在`, [{ field: 'code', message: 'duplicate department code' }]);
    await auditChange(tx, viewer, 'department.created', { departmentId: row.id, details: { code: row.code, name: row.name } });
    return row;
  });
}

export const getDepartmentById = (db: Db, id: number) => repo.findDepartment(db, id);

/** Accounts, without password hashes (admin). */
export async function listUsers(db: Db, viewer: Viewer, page: number, pageSize: number) {
  requireRole(viewer, 'admin');
  return repo.listUsers(db, pageSize, (page - 1) * pageSize);
}

/** The audit log for admins, filtered by subject (its numeric id or any of its codes), actor and dates. */
export async function readAuditLog(
  db: Db,
  viewer: Viewer,
  q: { subject?: string; actor?: string; action?: string[]; from?: string; to?: string; page: number; pageSize: number },
  subjects: SubjectLookup,
) {
  // The role first: a 401/403 must not depend on whether the subject's code exists.
  requireRole(viewer, 'admin');
  const subject = q.subject?.trim();
  // Short digit strings are subject ids; anything longer is a code (a 9-digit org code included).
  const subjectId = !subject ? null : /^\d{1,8}$/.test(subject) ? Number(subject) : await subjects.subjectIdByCode(subject);
  return listAudit(db, viewer, { subjectId, actor: q.actor?.trim() || null, actions: q.action ?? null, from: q.from ?? null, to: q.to ?? null, page: q.page, pageSize: q.pageSize });
}
