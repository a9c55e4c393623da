import { ForbiddenError, UnauthenticatedError } from '../../errors.js';

export const ROLES = ['admin', 'operator', 'department', 'lender', 'subject'] as const;
export type Role = (typeof ROLES)[number];

/** Who is asking: resolved once per request from the session cookie (or anonymous). */
export interface Viewer {
  role: Role | 'public';
  userId: number | null;
  username: string | null;
  departmentId: number | null;
  subjectId: number | null;
  ip: string | null;
  /** Declared purpose of a non-public read (X-Purpose header or purpose query parameter). */
  purpose: string | null;
}

export const anonymousViewer = (ip: string | null = null, purpose: string | null = null): Viewer => ({
  role: 'public', userId: null, username: null, departmentId: null, subjectId: null, ip, purpose,
});

/** The system itself (scheduler, demo loader, CLI maintenance). */
export const systemViewer: Viewer = {
  role: 'admin', userId: null, username: 'system', departmentId: null, subjectId: null, ip: null, purpose: 'system',
};

/** Throw unless the viewer has one of the roles. */
export function requireRole(viewer: Viewer, ...roles: Role[]): void {
  if (viewer.role === 'public') throw new UnauthenticatedError();
  if (!roles.includes(viewer.role)) {
    throw new ForbiddenError(`此操作需要以下角色之一：${roles.join(', ')}`, [{ field: 'role', message: `role ${viewer.role} may not do this` }]);
  }
}

/** Credit-center staff (admin, operator) or the clerk of that very department. */
export function requireDepartmentWriter(viewer: Viewer, departmentId: number): void {
  requireRole(viewer, 'admin', 'operator', 'department');
  if (viewer.role === 'department' && viewer.departmentId !== departmentId) {
    throw new ForbiddenError('部门用户只能操作本部门的数据', [{ field: 'department', message: 'not your department' }]);
  }
}
