import { parseExpiry } from '../../lib/clock.js';
import { inTx, type Db } from '../../db/pool.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../errors.js';
import { actorOf, appendAudit } from './audit.js';
import * as repo from './grants-repo.js';
import { findDepartment, findUserByName } from './repo.js';
import { requireRole, type Viewer } from './viewer.js';

export type { GrantRow } from './grants-repo.js';

/**
 * A verified subject authorises a lender (user) or a department to read its authorised-query (B)
 * data, optionally limited to some categories, for a purpose until an expiry.
 */
export async function grantAccess(
  db: Db,
  viewer: Viewer,
  input: { grantee: string; categories?: string[]; purpose: string; expiresAt: string },
  now: Date,
): Promise<repo.GrantRow> {
  requireRole(viewer, 'subject');
  const issues = [];
  const expiresAt = parseExpiry(input.expiresAt);
  if (Number.isNaN(expiresAt.getTime()) || expiresAt <= now) issues.push({ field: 'expiresAt', message: '授权有效期须为将来的时间' });
  if (expiresAt.getTime() - now.getTime() > 366 * 86400_000) issues.push({ field: 'expiresAt', message: '单次授权最长一年' });
  if (!input.purpose.trim()) issues.push({ field: 'purpose', message: '须写明授权用途' });
  if (issues.length) throw new ValidationError('授权参数有误', issues);
  const user = await findUserByName(db, input.grantee);
  const dept = user ? null : await findDepartment(db, input.grantee);
  if (!user && !dept) throw new NotFoundError('grantee', input.grantee);
  if (user && user.role !== 'lender') {
    throw new ValidationError('只能授权给金融机构用户或政府部门', [{ field: 'grantee', message: `role ${user.role} cannot receive grants` }]);
  }
  const id = await inTx(db, async (tx) => {
    const grantId = await repo.insertGrant(tx, {
      subjectId: viewer.subjectId!, granteeUserId: user?.id ?? null, granteeDepartmentId: dept?.id ?? null,
      categories: input.categories ?? [], purpose: input.purpose.trim(), expiresAt, createdAt: now,
    });
    await appendAudit(tx, {
      actor: actorOf(viewer), action: 'grant_created', subjectId: viewer.subjectId, purpose: input.purpose, ip: viewer.ip, categories: input.categories ?? [],
      details: { grantId, grantee: input.grantee, expiresAt: expiresAt.toISOString() },
    });
    return grantId;
  });
  return (await repo.findGrant(db, id))!;
}

/** The subject withdraws a grant; later reads are refused at once. */
export async function revokeGrant(db: Db, viewer: Viewer, id: number, now: Date): Promise<void> {
  requireRole(viewer, 'subject', 'admin');
  const g = await repo.findGrant(db, id);
  if (!g) throw new NotFoundError('grant', String(id));
  if (viewer.role === 'subject' && g.subjectId !== viewer.subjectId) throw new ForbiddenError('只能撤回本主体的授权');
  await inTx(db, async (tx) => {
    await repo.revokeGrant(tx, id, now);
    await appendAudit(tx, { actor: actorOf(viewer), action: 'grant_revoked', subjectId: g.subjectId, ip: viewer.ip, details: { grantId: id } });
  });
}

export async function listGrants(db: Db, viewer: Viewer): Promise<repo.GrantRow[]> {
  requireRole(viewer, 'subject', 'lender', 'department', 'admin', 'operator');
  if (viewer.role === 'subject') return repo.listGrants(db, { subjectId: viewer.subjectId });
  if (viewer.role === 'lender') return repo.listGrants(db, { userId: viewer.userId });
  if (viewer.role === 'department') return repo.listGrants(db, { departmentId: viewer.departmentId });
  return repo.listGrants(db, {});
}

/** Categories of B-class data this viewer may read for the subject now (empty array = all). */
export async function grantedCategories(db: Db, viewer: Viewer, subjectId: number, now: Date): Promise<string[] | null> {
  if (viewer.role !== 'lender' && viewer.role !== 'department') return null;
  const grants = await repo.liveGrants(db, subjectId, viewer.role === 'lender' ? viewer.userId : null, viewer.role === 'department' ? viewer.departmentId : null, now);
  if (!grants.length) return null;
  return grants.some((g) => g.categories.length === 0) ? [] : [...new Set(grants.flatMap((g) => g.categories))];
}
