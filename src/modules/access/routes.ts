import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../../deps.js';
import type { Api } from '../../http/api.js';
import { errorResponses, IdParam, OkBody } from '../../http/schemas.js';
import { SESSION_COOKIE } from './auth-hook.js';
import { AuditPage, AuditQuery, CreatedUserView, DepartmentBody, DepartmentsPage, DepartmentView, LoginBody, LoginView, MeView, NoInputBody, PageOnlyQuery, PasswordResetView, UserBody, UserRoleBody, UsersPage, UserView } from './schema.js';
import * as access from './service.js';
import * as admin from './user-admin.js';
import type { UserListRow } from './user-admin.js';

const deptView = (d: { id: number; code: string; name: string; uscc: string | null; regionCode: string | null; active: boolean }) => ({
  id: d.id, code: d.code, name: d.name, uscc: d.uscc, region: d.regionCode, active: d.active,
});

const userView = (u: UserListRow) => ({ ...u, lastLoginAt: u.lastLoginAt?.toISOString() ?? null });

/** `registrations`: how login finds a name that is still an application (the accounts module's lookup, passed in by app.ts). */
export async function accessRoutes(app: Api, deps: AppDeps, subjects: access.SubjectLookup, registrations?: access.RegistrationLookup): Promise<void> {
  // Secure when this request came over TLS (the socket's, as trustProxy is off) or the platform's
  // public URL is https (TLS ends at a reverse proxy in front of it).
  const httpsBaseUrl = deps.config.publicBaseUrl?.startsWith('https:') ?? false;
  const sessionCookie = (req: FastifyRequest) => ({
    httpOnly: true, sameSite: 'strict' as const, path: '/', secure: httpsBaseUrl || req.protocol === 'https',
  });

  app.post('/auth/login', {
    schema: {
      tags: ['access'], summary: 'Log in; sets an HttpOnly session cookie',
      body: LoginBody,
      response: { 200: LoginView, ...errorResponses },
    },
  }, async (req, reply) => {
    const s = await access.login(deps.pool, { ...req.body, ip: req.ip, userAgent: req.headers['user-agent'] ?? null }, registrations);
    void reply.setCookie(SESSION_COOKIE, s.token, { ...sessionCookie(req), expires: s.expiresAt });
    return { ...s.user, expiresAt: s.expiresAt.toISOString(), csrfToken: s.csrfToken };
  });

  app.post('/auth/logout', { schema: { tags: ['access'], summary: 'End the session', response: { 200: OkBody } } }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await access.logout(deps.pool, token, req.ip);
    void reply.clearCookie(SESSION_COOKIE, sessionCookie(req));
    return { ok: true };
  });

  app.get('/auth/me', { schema: { tags: ['access'], summary: 'Who am I', response: { 200: MeView } } }, async (req) => {
    const v = req.viewer;
    const user = v.userId !== null && !v.apiKey ? await access.findUserById(deps.pool, v.userId) : null;
    return { role: v.role, username: v.username, displayName: user?.displayName ?? null, departmentId: v.departmentId, subjectId: v.subjectId, csrfToken: req.csrfToken };
  });

  app.get('/departments', {
    schema: { tags: ['access'], summary: 'Source and user departments', querystring: PageOnlyQuery, response: { 200: DepartmentsPage } },
  }, async (req) => {
    const r = await access.listDepartments(deps.pool, req.query.page, req.query.pageSize);
    return { items: r.items.map(deptView), total: r.total };
  });

  app.post('/departments', {
    schema: {
      tags: ['access'], summary: 'Register a department (admin, operator)',
      body: DepartmentBody,
      response: { 201: DepartmentView, ...errorResponses },
    },
  }, async (req, reply) => {
    const d = await access.addDepartment(deps.pool, req.viewer, req.body);
    return reply.status(201).send(deptView(d));
  });

  app.post('/users', {
    schema: {
      tags: ['access'], summary: 'Create a user account (admin)',
      body: UserBody,
      response: { 201: CreatedUserView, ...errorResponses },
    },
  }, async (req, reply) => {
    const u = await access.createUserAccount(deps.pool, req.viewer, req.body, subjects);
    return reply.status(201).send({ id: u.id, username: u.username, role: u.role });
  });

  app.get('/users', {
    schema: { tags: ['access'], summary: 'User accounts, newest first (admin)', querystring: PageOnlyQuery, response: { 200: UsersPage, ...errorResponses } },
  }, async (req) => {
    const r = await access.listUsers(deps.pool, req.viewer, req.query.page, req.query.pageSize);
    return { items: r.items.map(userView), total: r.total };
  });

  const userAction = (path: string, summary: string, act: typeof admin.disableUser) =>
    app.post(`/users/:id/${path}`, {
      schema: { tags: ['access'], summary, params: IdParam, body: NoInputBody, response: { 200: UserView, ...errorResponses } },
    }, async (req) => userView(await act(deps.pool, req.viewer, req.params.id)));
  userAction('disable', 'Disable an account and end its sessions (admin; not your own)', admin.disableUser);
  userAction('enable', 'Enable a disabled account (admin)', admin.enableUser);
  userAction('unlock', 'Lift a lock-out after failed logins (admin)', admin.unlockUser);

  app.post('/users/:id/reset-password', {
    schema: {
      tags: ['access'], summary: 'Set a new generated password, returned this once; ends the account\'s sessions (admin; not your own)',
      params: IdParam, body: NoInputBody, response: { 200: PasswordResetView, ...errorResponses },
    },
  }, async (req) => {
    const r = await admin.resetUserPassword(deps.pool, req.viewer, req.params.id);
    return { user: userView(r.user), password: r.password };
  });

  app.patch('/users/:id', {
    schema: {
      tags: ['access'], summary: 'Change an account\'s role or department (admin; cannot demote yourself)',
      params: IdParam, body: UserRoleBody, response: { 200: UserView, ...errorResponses },
    },
  }, async (req) => userView(await admin.changeUserRole(deps.pool, req.viewer, req.params.id, req.body)));

  app.get('/audit', {
    schema: {
      tags: ['access'], summary: 'Audit log (admin)',
      querystring: AuditQuery,
      response: { 200: AuditPage, ...errorResponses },
    },
  }, async (req) => {
    const r = await access.readAuditLog(deps.pool, req.viewer, req.query, subjects);
    return { items: r.items.map((a) => ({ ...a, at: a.at.toISOString() })), total: r.total };
  });
}
