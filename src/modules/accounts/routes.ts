import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../deps.js';
import type { Api } from '../../http/api.js';
import { errorResponses, IdParam } from '../../http/schemas.js';
import { SESSION_COOKIE } from '../access/auth-hook.js';
import { sendCaseFile } from '../cases/http.js';
import { fileMetaView } from '../cases/evidence.js';
import { mySubject } from './me.js';
import { auditFailedSignIn, oidcSignIn, OidcSignInError, type OidcFailure } from './oidc.js';
import * as registrations from './registration.js';
import type { RegistrationRow } from './repo.js';
import {
  ApproveBody, MySubjectView, OidcCallbackQuery, OidcStartQuery, OidcStatusView, RegistrationBody, RegistrationDetail, RegistrationFileParams,
  RegistrationReceipt, RegistrationsPage, RegistrationsQuery, RegistrationView, RejectBody,
} from './schema.js';

const iso = (d: Date | null) => d?.toISOString() ?? null;
const registrationView = (r: RegistrationRow) => ({
  id: r.id, kind: r.kind, state: r.state, username: r.username, name: r.name, uscc: r.uscc, legalRep: r.legalRep, idNumberMasked: r.idMasked,
  contactPhone: r.contactPhone, contactEmail: r.contactEmail, filedAt: r.filedAt.toISOString(), decidedAt: iso(r.decidedAt), decidedBy: r.decidedBy,
  rejectReason: r.rejectReason, subjectId: r.subjectId, userId: r.userId,
});

/** The browser holds the state of a sign-in at the provider in this cookie (Lax: the provider's redirect back is a cross-site navigation). */
const OIDC_COOKIE = 'xy_oidc';
const OIDC_PATH = '/api/v1/auth/oidc';

/** Self-registration (portal), its approval (console), a subject's own code, and sign-in through the city's OpenID Connect provider. */
export async function accountRoutes(app: Api, deps: AppDeps): Promise<void> {
  const ctx = { pool: deps.pool, pd: deps.pd, clock: deps.clock };

  app.post('/registrations', {
    config: { rateLimit: {} },
    schema: {
      tags: ['accounts'], summary: 'Apply for an account: an enterprise (USCC, legal representative, business licence or authorisation letter) or a person (ID number and name)',
      description: 'The account waits for an operator\'s approval. The answer is the same pending receipt whatever the platform holds on the applicant, so it tells no one whether a name belongs to an ID number.',
      body: RegistrationBody, response: { 201: RegistrationReceipt, ...errorResponses },
    },
  }, async (req, reply) => {
    const r = await registrations.submitRegistration(ctx, req.viewer, req.body);
    return reply.status(201).send({ id: r.id, kind: r.kind, state: r.state, username: r.username, filedAt: r.filedAt.toISOString() });
  });

  app.get('/registrations', {
    schema: { tags: ['accounts'], summary: 'Account applications, newest first (admin, operator)', querystring: RegistrationsQuery, response: { 200: RegistrationsPage, ...errorResponses } },
  }, async (req) => {
    const r = await registrations.listRegistrations(deps.pool, req.viewer, req.query);
    return { items: r.items.map(registrationView), total: r.total };
  });

  app.get('/registrations/:id', {
    schema: { tags: ['accounts'], summary: 'One application with its document and what the platform holds on the applicant (admin, operator)', params: IdParam, response: { 200: RegistrationDetail, ...errorResponses } },
  }, async (req) => {
    const r = await registrations.getRegistration(ctx, req.viewer, req.params.id);
    return { ...registrationView(r.registration), files: r.files.map(fileMetaView), onFile: r.onFile };
  });

  app.get('/registrations/:id/files/:fileId', {
    schema: { tags: ['accounts'], summary: 'Download the licence or letter of an application (admin, operator)', params: RegistrationFileParams, response: errorResponses },
  }, async (req, reply) => sendCaseFile(reply, await registrations.registrationFile(deps.pool, req.viewer, req.params.id, req.params.fileId)));

  app.post('/registrations/:id/approve', {
    schema: {
      tags: ['accounts'], summary: 'Approve an application: the applicant\'s account becomes a subject account of the enterprise or person (admin, operator)',
      params: IdParam, body: ApproveBody, response: { 200: RegistrationView, ...errorResponses },
    },
  }, async (req) => registrationView(await registrations.approveRegistration(ctx, req.viewer, req.params.id)));

  app.post('/registrations/:id/reject', {
    schema: { tags: ['accounts'], summary: 'Reject an application with a reason the applicant is told at login (admin, operator)', params: IdParam, body: RejectBody, response: { 200: RegistrationView, ...errorResponses } },
  }, async (req) => registrationView(await registrations.rejectRegistration(ctx, req.viewer, req.params.id, req.body.reason)));

  app.get('/me/subject', {
    schema: { tags: ['accounts'], summary: 'The subject a subject account speaks for, with the code that opens its archive', response: { 200: MySubjectView, ...errorResponses } },
  }, async (req) => mySubject(ctx, req.viewer));

  await oidcRoutes(app, deps);
}

async function oidcRoutes(app: Api, deps: AppDeps): Promise<void> {
  const ctx = { pool: deps.pool, pd: deps.pd, clock: deps.clock };
  const settings = deps.config.oidc;
  const rp = settings ? oidcSignIn(settings) : null;
  const httpsBaseUrl = deps.config.publicBaseUrl?.startsWith('https:') ?? false;
  const secure = (req: FastifyRequest) => httpsBaseUrl || req.protocol === 'https';
  // A page of the portal that says in words why a sign-in did not happen.
  const failed = async (req: FastifyRequest, reply: FastifyReply, reason: OidcFailure) => {
    if (settings) await auditFailedSignIn(ctx, reason, req.ip, settings.issuer);
    void reply.clearCookie(OIDC_COOKIE, { path: OIDC_PATH });
    return reply.redirect(`/sso?error=${reason}`, 302);
  };

  app.get('/auth/oidc', {
    schema: { tags: ['access'], summary: 'Whether sign-in through the city\'s OpenID Connect provider (政务服务账号) is configured', response: { 200: OidcStatusView } },
  }, async () => ({ enabled: rp !== null }));

  app.get('/auth/oidc/start', {
    schema: {
      tags: ['access'], summary: 'Start signing in at the OpenID Connect provider: redirects there (authorization code, PKCE, state, nonce)',
      querystring: OidcStartQuery, response: errorResponses,
    },
  }, async (req, reply) => {
    if (!rp) return failed(req, reply, 'not_configured');
    try {
      const { url, state } = await rp.start(ctx, req.query.next);
      void reply.setCookie(OIDC_COOKIE, state, { httpOnly: true, sameSite: 'lax', path: OIDC_PATH, maxAge: 600, secure: secure(req) });
      return reply.redirect(url, 302);
    } catch (err) {
      if (err instanceof OidcSignInError) return failed(req, reply, err.reason);
      throw err;
    }
  });

  app.get('/auth/oidc/callback', {
    schema: { tags: ['access'], summary: 'Where the provider sends the browser back: the code is exchanged, the verified USCC or ID number names the subject account, a session starts', querystring: OidcCallbackQuery, response: errorResponses },
  }, async (req, reply) => {
    if (!rp) return failed(req, reply, 'not_configured');
    try {
      const search = req.url.includes('?') ? req.url.slice(req.url.indexOf('?') + 1) : '';
      const r = await rp.finish(ctx, { cookieState: req.cookies[OIDC_COOKIE], search, ip: req.ip, userAgent: req.headers['user-agent'] ?? null });
      void reply.clearCookie(OIDC_COOKIE, { path: OIDC_PATH });
      void reply.setCookie(SESSION_COOKIE, r.session.token, { httpOnly: true, sameSite: 'strict', path: '/', secure: secure(req), expires: r.session.expiresAt });
      return reply.redirect(r.returnTo, 302);
    } catch (err) {
      if (err instanceof OidcSignInError) {
        req.log.warn({ reason: err.reason }, 'OpenID Connect sign-in refused');
        return failed(req, reply, err.reason);
      }
      throw err;
    }
  });
}
