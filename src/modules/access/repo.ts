import type { Db } from '../../db/pool.js';
import type { Role } from './viewer.js';

export interface UserRow {
  id: number;
  username: string;
  displayName: string;
  passwordHash: string;
  role: Role;
  departmentId: number | null;
  subjectId: number | null;
  failedLogins: number;
  lockedUntil: Date | null;
  disabled: boolean;
}

export interface DepartmentRow {
  id: number;
  code: string;
  name: string;
  uscc: string | null;
  regionCode: string | null;
  active: boolean;
}

const userCols = (t: string): string => `${t}id, ${t}username, ${t}display_name as "displayName",
  ${t}password_hash as "passwordHash", ${t}role, ${t}department_id as "departmentId", ${t}subject_id as "subjectId",
  ${t}failed_logins as "failedLogins", ${t}locked_until as "lockedUntil", ${t}disabled`;
const USER_COLS = userCols('');
const DEPT_COLS = `id, code, name, uscc, region_code as "regionCode", active`;

export async function findUserByName(db: Db, username: string): Promise<UserRow | null> {
  const r = await db.query<UserRow>(`select ${USER_COLS} from app_user where username = $1`, [username]);
  return r.rows[0] ?? null;
}

/** Live subject accounts of a subject, oldest first. */
export async function subjectAccounts(db: Db, subjectId: number): Promise<UserRow[]> {
  return (await db.query<UserRow>(`select ${USER_COLS} from app_user where role = 'subject' and subject_id = $1 and not disabled order by id`, [subjectId])).rows;
}

export async function insertUser(
  db: Db,
  u: { username: string; displayName: string; passwordHash: string; role: Role; departmentId: number | null; subjectId?: number | null },
): Promise<UserRow> {
  const r = await db.query<UserRow>(
    `insert into app_user (username, display_name, password_hash, role, department_id, subject_id)
     values ($1, $2, $3, $4, $5, $6) returning ${USER_COLS}`,
    [u.username, u.displayName, u.passwordHash, u.role, u.departmentId, u.subjectId ?? null],
  );
  return r.rows[0]!;
}

export async function countUsers(db: Db, role?: Role): Promise<number> {
  const r = await db.query<{ n: number }>(
    `select count(*)::int as n from app_user where $1::text is null or role = $1`,
    [role ?? null],
  );
  return r.rows[0]!.n;
}

/** A login attempt at the gate: no such user, refused while locked, or one password check reserved. */
export type LoginAttempt =
  | { kind: 'unknown' }
  | { kind: 'locked'; lockedUntil: Date | null }
  | { kind: 'reserved'; user: UserRow };

type AttemptRow = { [K in keyof UserRow]: UserRow[K] | null } & { seenLockedUntil: Date | null };

/**
 * Reserve one password check for a username in one statement: the attempt counts as a failure
 * before the (expensive) check, and the maxFailures-th locks the account; while it is locked the
 * update matches nothing. Concurrent attempts serialize on the row (the update re-reads the row a
 * concurrent one just wrote), so at most maxFailures checks happen before the lock holds.
 * Lock-out uses the database's wall clock, as sessions do.
 */
export async function reserveLoginAttempt(db: Db, username: string, maxFailures: number, lockMinutes: number): Promise<LoginAttempt> {
  const r = await db.query<AttemptRow>(
    `with reserved as (
       update app_user set failed_logins = failed_logins + 1,
         locked_until = case when failed_logins + 1 >= $2 then now() + make_interval(mins => $3) end
       where username = $1 and (locked_until is null or locked_until <= now())
       returning ${USER_COLS}
     )
     select r.*, u.locked_until as "seenLockedUntil"
     from app_user u left join reserved r on r.id = u.id
     where u.username = $1`,
    [username, maxFailures, lockMinutes],
  );
  const row = r.rows[0];
  if (!row) return { kind: 'unknown' };
  const { seenLockedUntil, ...user } = row;
  // The statement's snapshot may predate the lock a concurrent attempt just set: then no time is known.
  if (user.id === null) return { kind: 'locked', lockedUntil: seenLockedUntil };
  return { kind: 'reserved', user: user as UserRow };
}

/** After a right password: the reserved attempt and earlier failures are forgotten, and the login noted. */
export async function recordLogin(db: Db, userId: number): Promise<void> {
  await db.query('update app_user set failed_logins = 0, locked_until = null, last_login_at = now() where id = $1', [userId]);
}

export async function insertSession(
  db: Db,
  s: { tokenHash: string; userId: number; expiresAt: Date; ip: string | null; userAgent: string | null; csrfToken: string },
): Promise<void> {
  await db.query(
    'insert into session (token_hash, user_id, expires_at, ip, user_agent, csrf_token) values ($1, $2, $3, $4, $5, $6)',
    [s.tokenHash, s.userId, s.expiresAt, s.ip, s.userAgent, s.csrfToken],
  );
}

export async function findSessionUser(db: Db, tokenHash: string): Promise<(UserRow & { csrfToken: string }) | null> {
  // Named (prepared once per connection): every signed-in request runs it.
  const r = await db.query<UserRow & { csrfToken: string }>({
    name: 'access.session-user',
    text: `select ${userCols('u.')}, s.csrf_token as "csrfToken"
     from session s join app_user u on u.id = s.user_id
     where s.token_hash = $1 and s.expires_at > now() and not u.disabled`,
    values: [tokenHash],
  });
  return r.rows[0] ?? null;
}

/** Delete a session; the account it belonged to, or null when there was none. */
export async function deleteSession(db: Db, tokenHash: string): Promise<Pick<UserRow, 'id' | 'username' | 'role' | 'departmentId'> | null> {
  const r = await db.query<Pick<UserRow, 'id' | 'username' | 'role' | 'departmentId'>>(
    `with ended as (delete from session where token_hash = $1 returning user_id)
     select u.id, u.username, u.role, u.department_id as "departmentId" from ended join app_user u on u.id = ended.user_id`,
    [tokenHash],
  );
  return r.rows[0] ?? null;
}

export async function findUserById(db: Db, id: number): Promise<UserRow | null> {
  const r = await db.query<UserRow>(`select ${USER_COLS} from app_user where id = $1`, [id]);
  return r.rows[0] ?? null;
}

/** An account as the users list shows it: no password hash. */
export interface UserListRow {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  departmentId: number | null;
  departmentCode: string | null;
  departmentName: string | null;
  subjectId: number | null;
  lastLoginAt: Date | null;
  failedLogins: number;
  locked: boolean;
  disabled: boolean;
}

const LIST_COLS = `u.id, u.username, u.display_name as "displayName", u.role, u.department_id as "departmentId",
  d.code as "departmentCode", d.name as "departmentName", u.subject_id as "subjectId", u.last_login_at as "lastLoginAt",
  u.failed_logins as "failedLogins", coalesce(u.locked_until > now(), false) as locked, u.disabled`;

export async function listUsers(db: Db, limit: number, offset: number): Promise<{ items: UserListRow[]; total: number }> {
  const [items, total] = await Promise.all([
    db.query<UserListRow>(
      `select ${LIST_COLS} from app_user u left join department d on d.id = u.department_id order by u.id desc limit $1 offset $2`,
      [limit, offset],
    ),
    db.query<{ n: number }>('select count(*)::int as n from app_user'),
  ]);
  return { items: items.rows, total: total.rows[0]!.n };
}

export async function findUserListRow(db: Db, id: number): Promise<UserListRow | null> {
  const r = await db.query<UserListRow>(`select ${LIST_COLS} from app_user u left join department d on d.id = u.department_id where u.id = $1`, [id]);
  return r.rows[0] ?? null;
}

/** The account row, locked against concurrent admin changes until the transaction ends. */
export async function lockUser(db: Db, id: number): Promise<UserRow | null> {
  const r = await db.query<UserRow>(`select ${USER_COLS} from app_user where id = $1 for update`, [id]);
  return r.rows[0] ?? null;
}

export async function setUserDisabled(db: Db, id: number, disabled: boolean): Promise<void> {
  await db.query('update app_user set disabled = $2 where id = $1', [id, disabled]);
}

/** Forget failed logins and lift a lock-out. */
export async function clearLockout(db: Db, id: number): Promise<void> {
  await db.query('update app_user set failed_logins = 0, locked_until = null where id = $1', [id]);
}

export async function setPasswordHash(db: Db, id: number, passwordHash: string): Promise<void> {
  await db.query('update app_user set password_hash = $2, failed_logins = 0, locked_until = null where id = $1', [id, passwordHash]);
}

export async function setUserRole(db: Db, id: number, role: Role, departmentId: number | null): Promise<void> {
  await db.query('update app_user set role = $2, department_id = $3 where id = $1', [id, role, departmentId]);
}

/** End every session of an account; returns how many were open. */
export async function deleteUserSessions(db: Db, userId: number): Promise<number> {
  const r = await db.query('delete from session where user_id = $1', [userId]);
  return r.rowCount ?? 0;
}

export async function listDepartments(db: Db, limit: number, offset: number): Promise<{ items: DepartmentRow[]; total: number }> {
  const [items, total] = await Promise.all([
    db.query<DepartmentRow>(`select ${DEPT_COLS} from department order by code limit $1 offset $2`, [limit, offset]),
    db.query<{ n: number }>('select count(*)::int as n from department'),
  ]);
  return { items: items.rows, total: total.rows[0]!.n };
}

export async function findDepartment(db: Db, codeOrId: string | number): Promise<DepartmentRow | null> {
  const r =
    typeof codeOrId === 'number'
      ? await db.query<DepartmentRow>(`select ${DEPT_COLS} from department where id = $1`, [codeOrId])
      : await db.query<DepartmentRow>(`select ${DEPT_COLS} from department where code = $1`, [codeOrId]);
  return r.rows[0] ?? null;
}

export async function insertDepartment(
  db: Db,
  d: { code: string; name: string; uscc: string | null; regionCode: string | null },
): Promise<DepartmentRow | null> {
  const r = await db.query<DepartmentRow>(
    `insert into department (code, name, uscc, region_code) values ($1, $2, $3, $4)
     on conflict (code) do nothing returning ${DEPT_COLS}`,
    [d.code, d.name, d.uscc, d.regionCode],
  );
  return r.rows[0] ?? null;
}
