import { ForbiddenError, UnauthenticatedError } from '../../errors.js';

export const ROLES = ['admin', 'operator', 'department', 'lender', 'subject'] as const;
export type Role = (typeof ROLES)[number];

/** What an API key may do; sessions are limited by their role only. */
export const SCOPES = ['records:write', 'archive:read', 'reviews:write', 'reports:write', 'exchange:write'] as const;
export type Scope = (typeof SCOPES)[number];

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
  /** Set when a department system calls with an API key; its scopes bound what it may do. */
  apiKey: { id: number; name: string; scopes: Scope[] } | null;
}

export const anonymousViewer = (ip: string | null = null, purpose: string | null = null): Viewer => ({
  role: 'public', userId: null, username: null, departmentId: null, subjectId: null, ip, purpose, apiKey: null,
});

/** The system itself (scheduler, demo loader, CLI maintenance). */
export const systemViewer: Viewer = {
  role: 'admin', userId: null, username: 'system', departmentId: null, subjectId: null, ip: null, purpose: 'system', apiKey: null,
};

/** API keys must carry the scope; sessions pass (their role decides). */
export function requireScope(viewer: Viewer, scope: Scope): void {
  requireAnyScope(viewer, [scope]);
}

/** API keys must carry one of the scopes; sessions pass (their role decides). */
export function requireAnyScope(viewer: Viewer, scopes: readonly Scope[]): void {
  if (viewer.apiKey && !scopes.some((s) => viewer.apiKey!.scopes.includes(s))) {
    const named = scopes.join(' / ');
    throw new ForbiddenError(`API 密钥缺少权限范围 ${named}`, [{ field: 'scope', message: `key lacks scope ${named}` }]);
  }
}

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
  requireScope(viewer, 'records:write');
  if (viewer.role === 'department' && viewer.departmentId !== departmentId) {
    throw new ForbiddenError('部门用户只能操作本部门的数据', [{ field: 'department', message: 'not your department' }]);
  }
}
