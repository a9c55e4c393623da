import { withTx, type Pool, type PoolClient } from '../../db/pool.js';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js';
import { actorOf, appendAudit } from './audit.js';
import { generatePassword, hashPassword } from './password.js';
import * as repo from './repo.js';
import { requireRole, type Role, type Viewer } from './viewer.js';

export type { UserListRow } from './repo.js';

// Account administration by the credit centre's admin: each change is one transaction with its
// audit entry, as the admin who made it. No detail ever carries a password.

/** The change, once the account is locked for update: returns the audit details. */
type Change = (tx: PoolClient, user: repo.UserRow) => Promise<Record<string, unknown>>;

async function changeUser(pool: Pool, viewer: Viewer, userId: number, action: string, change: Change): Promise<repo.UserListRow> {
  requireRole(viewer, 'admin');
  return withTx(pool, async (tx) => {
    const user = await repo.lockUser(tx, userId);
    if (!user) throw new NotFoundError('user', String(userId));
    const details = await change(tx, user);
    await appendAudit(tx, {
      actor: actorOf(viewer), departmentId: viewer.departmentId, action, ip: viewer.ip,
      details: { userId: user.id, username: user.username, ...details },
    });
    return (await repo.findUserListRow(tx, user.id))!;
  });
}

function refuseSelf(viewer: Viewer, user: repo.UserRow, message: string): void {
  if (viewer.userId === user.id) throw new ConflictError(message, [{ field: 'id', message: 'not on your own account' }]);
}

/** Disable an account and end its sessions at once; an admin cannot disable themselves. */
export function disableUser(pool: Pool, viewer: Viewer, userId: number): Promise<repo.UserListRow> {
  return changeUser(pool, viewer, userId, 'user.disabled', async (tx, user) => {
    refuseSelf(viewer, user, '不能停用自己的账户');
    await repo.setUserDisabled(tx, user.id, true);
    return { sessionsEnded: await repo.deleteUserSessions(tx, user.id) };
  });
}

/** Enable a disabled account again. */
export function enableUser(pool: Pool, viewer: Viewer, userId: number): Promise<repo.UserListRow> {
  return changeUser(pool, viewer, userId, 'user.enabled', async (tx, user) => {
    await repo.setUserDisabled(tx, user.id, false);
    return {};
  });
}

/** Lift a lock-out after repeated failed logins: the failure counter starts again from zero. */
export function unlockUser(pool: Pool, viewer: Viewer, userId: number): Promise<repo.UserListRow> {
  return changeUser(pool, viewer, userId, 'user.unlocked', async (tx, user) => {
    await repo.clearLockout(tx, user.id);
    return { failedLogins: user.failedLogins };
  });
}

/**
 * Give an account a new generated password, returned once to the admin and stored only as its hash;
 * the account's sessions end and its lock-out is lifted. An admin changes their own password elsewhere.
 */
export async function resetUserPassword(pool: Pool, viewer: Viewer, userId: number): Promise<{ user: repo.UserListRow; password: string }> {
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  const user = await changeUser(pool, viewer, userId, 'user.password_reset', async (tx, u) => {
    refuseSelf(viewer, u, '不能在此重置自己的密码');
    await repo.setPasswordHash(tx, u.id, passwordHash);
    return { sessionsEnded: await repo.deleteUserSessions(tx, u.id) };
  });
  return { user, password };
}

/**
 * Change an account's role and department. A department clerk needs a department; subject accounts
 * stay subject accounts (they are tied to a verified subject); an admin cannot demote themselves.
 */
export function changeUserRole(
  pool: Pool, viewer: Viewer, userId: number, input: { role?: Role; department?: string | null },
): Promise<repo.UserListRow> {
  return changeUser(pool, viewer, userId, 'user.role_changed', async (tx, user) => {
    const role = input.role ?? user.role;
    if (role !== 'admin') refuseSelf(viewer, user, '不能取消自己的管理员角色');
    if ((role === 'subject') !== (user.role === 'subject')) {
      throw new ValidationError('主体账户与机构账户不能互相转换', [{ field: 'role', message: 'subject accounts keep role subject' }]);
    }
    let departmentId = user.departmentId;
    if (input.department !== undefined) {
      const d = input.department ? await repo.findDepartment(tx, input.department) : null;
      if (input.department && !d) throw new NotFoundError('department', input.department);
      departmentId = d?.id ?? null;
    }
    if (role === 'department' && departmentId === null) {
      throw new ValidationError('部门用户必须属于一个部门', [{ field: 'department', message: 'required for role department' }]);
    }
    await repo.setUserRole(tx, user.id, role, departmentId);
    return { from: { role: user.role, departmentId: user.departmentId }, to: { role, departmentId } };
  });
}
