import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../deps.js';
import { SESSION_COOKIE } from './auth-hook.js';
import { errorResponses, OkBody, PageQuery, Paged } from '../../http/schemas.js';
import { listAudit } from './audit.js';
import { AuditEntry, DepartmentView, MeView, UserView } from './schema.js';
import * as access from './service.js';
import { requireRole, ROLES, type Role } from './viewer.js';

const deptView = (d: { id: number; code: string; name: string; uscc: string | null; regionCode: string | null; active: boolean }) => ({
  id: d.id, code: d.code, name: d.name, uscc: d.uscc, region: d.regionCode, active: d.active,
});

/** How these routes find a subject by its code; app.ts passes the subjects module's lookup, so access stays below subjects. */
export interface SubjectLookup {
  subjectIdByCode(code: string): Promise<number>;
}

export async function accessRoutes(app: FastifyInstance, deps: AppDeps, subjects: SubjectLookup): Promise<void> {
  // Secure when this request came over TLS (the socket's, as trustProxy is off) or the platform's
  // public URL is https (TLS ends at a reverse proxy in front of it).
  const httpsBaseUrl = deps.config.publicBaseUrl?.startsWith('https:') ?? false;
  const sessionCookie = (req: FastifyRequest) => ({
    httpOnly: true, sameSite: 'strict' as const, path: '/', secure: httpsBaseUrl || req.protocol === 'https',
  });

  app.post('/auth/login', {
    schema: {
      tags: ['access'], summary: 'Log in; sets an HttpOnly session cookie',
      body: Type.Object({ username: Type.String({ minLength: 1, maxLength: 100 }), password: Type.String({ minLength: 1, maxLength: 200 }) }),
      response: { 200: Type.Object({ username: Type.String(), role: Type.String(), departmentId: Type.Union([Type.Integer(), Type.Null()]), expiresAt: Type.String(), csrfToken: Type.String() }), ...errorResponses },
    },
  }, async (req, reply) => {
    const body = req.body as { username: string; password: string };
    const s = await access.login(deps.pool, { ...body, ip: req.ip, userAgent: req.headers['user-agent'] ?? null });
    void reply.setCookie(SESSION_COOKIE, s.token, { ...sessionCookie(req), expires: s.expiresAt });
    return { ...s.user, expiresAt: s.expiresAt.toISOString(), csrfToken: s.csrfToken };
  });

  app.post('/auth/logout', { schema: { tags: ['access'], summary: 'End the session', response: { 200: OkBody } } }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await access.logout(deps.pool, token);
    void reply.clearCookie(SESSION_COOKIE, sessionCookie(req));
    return { ok: true };
  });

  app.get('/auth/me', { schema: { tags: ['access'], summary: 'Who am I', response: { 200: MeView } } }, async (req) => {
    const v = req.viewer;
    return { role: v.role, username: v.username, departmentId: v.departmentId, subjectId: v.subjectId, csrfToken: req.csrfToken };
  });

  app.get('/departments', {
    schema: { tags: ['access'], summary: 'Source and user departments', querystring: Type.Object(PageQuery), response: { 200: Paged(DepartmentView) } },
  }, async (req) => {
    const q = req.query as { page: number; pageSize: number };
    const r = await access.listDepartments(deps.pool, q.page, q.pageSize);
    return { items: r.items.map(deptView), total: r.total };
  });

  app.post('/departments', {
    schema: {
      tags: ['access'], summary: 'Register a department (admin, operator)',
      body: Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }), name: Type.String({ minLength: 1, maxLength: 200 }), uscc: Type.Optional(Type.String()), region: Type.Optional(Type.String()) }, { additionalProperties: false }),
      response: { 201: DepartmentView, ...errorResponses },
    },
  }, async (req, reply) => {
    const d = await access.addDepartment(deps.pool, req.viewer, req.body as { code: string; name: string; uscc?: string; region?: string });
    return reply.status(201).send(deptView(d));
  });

  app.post('/users', {
    schema: {
      tags: ['access'], summary: 'Create a user account (admin)',
      body: Type.Object({
        username: Type.String(), password: Type.String(), displayName: Type.Optional(Type.String()),
        role: Type.Union(ROLES.map((r) => Type.Literal(r))), department: Type.Optional(Type.String()),
        subject: Type.Optional(Type.String({ description: 'for role subject: USCC or ID number of the verified subject' })),
      }, { additionalProperties: false }),
      response: { 201: Type.Object({ id: Type.Integer(), username: Type.String(), role: Type.String() }), ...errorResponses },
    },
  }, async (req, reply) => {
    const body = req.body as { username: string; password: string; role: Role; department?: string; subject?: string };
    const subjectId = body.subject ? await subjects.subjectIdByCode(body.subject) : null;
    const u = await access.createUser(deps.pool, req.viewer, { ...body, subjectId });
    return reply.status(201).send({ id: u.id, username: u.username, role: u.role });
  });

  app.get('/users', {
    schema: { tags: ['access'], summary: 'User accounts (admin)', querystring: Type.Object(PageQuery), response: { 200: Paged(UserView), ...errorResponses } },
  }, async (req) => {
    const q = req.query as { page: number; pageSize: number };
    return access.listUsers(deps.pool, req.viewer, q.page, q.pageSize);
  });

  app.get('/audit', {
    schema: {
      tags: ['access'], summary: 'Audit log (admin)',
      querystring: Type.Object({ subject: Type.Optional(Type.String({ maxLength: 64, description: 'the subject: its numeric id, USCC, ID number or legacy code' })), actor: Type.Optional(Type.String()), from: Type.Optional(Type.String({ format: 'date' })), to: Type.Optional(Type.String({ format: 'date' })), ...PageQuery }),
      response: { 200: Paged(AuditEntry), ...errorResponses },
    },
  }, async (req) => {
    requireRole(req.viewer, 'admin');
    const q = req.query as { subject?: string; actor?: string; from?: string; to?: string; page: number; pageSize: number };
    const subject = q.subject?.trim();
    // Short digit strings are subject ids; anything longer is a code (a 9-digit org code included).
    const subjectId = !subject ? null : /^\d{1,8}$/.test(subject) ? Number(subject) : await subjects.subjectIdByCode(subject);
    return listAudit(deps.pool, req.viewer, { subjectId, actor: q.actor ?? null, from: q.from ?? null, to: q.to ?? null, page: q.page, pageSize: q.pageSize });
  });
}
