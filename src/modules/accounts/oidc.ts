import { createHash } from 'node:crypto';
import * as client from 'openid-client';
import type { OidcConfig } from '../../config.js';
import { withTx } from '../../db/pool.js';
import { appendAudit } from '../access/audit.js';
import { createSubjectAccount, findUserById, openSession, subjectAccounts, type OpenedSession } from '../access/service.js';
import { validateCitizenId } from '../identity/citizen-id.js';
import { validateUscc } from '../identity/uscc.js';
import { findSubjectByCode } from '../subjects/service.js';
import { ACCOUNT_ACTIONS, type AccountsCtx } from './registration.js';
import * as repo from './repo.js';

/** Why a sign-in through the provider ended without a session; the portal explains each in words. */
export const OIDC_FAILURES = ['not_configured', 'provider_unreachable', 'provider_denied', 'expired', 'invalid_response', 'no_claim', 'invalid_claim', 'unknown_subject', 'account_disabled'] as const;
export type OidcFailure = (typeof OIDC_FAILURES)[number];

export class OidcSignInError extends Error {
  constructor(readonly reason: OidcFailure, detail = '') {
    super(`${reason}${detail ? `: ${detail}` : ''}`);
  }
}

/** A sign-in started at the provider is good for ten minutes. */
const LOGIN_TTL_MS = 10 * 60_000;

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

/** Only paths of this site, never another origin (//evil.example or /\evil.example). */
export function safeReturnPath(next: string | undefined): string {
  return next && /^\/(?![/\\])[^\s]*$/.test(next) ? next : '/mine';
}

/** Claims as the provider asserted them: the ID token's (validated by openid-client) over the userinfo endpoint's. */
type Claims = Record<string, unknown>;

export interface OidcSignIn {
  /** Where to send the browser, and the state it must bring back (kept in a cookie). */
  start(ctx: AccountsCtx, next: string | undefined): Promise<{ url: string; state: string }>;
  /** Finish at the callback: exchange the code (PKCE, state, nonce checked), map the claims to a subject account, open a session. */
  finish(ctx: AccountsCtx, input: { cookieState: string | undefined; search: string; ip: string | null; userAgent: string | null }): Promise<{ session: OpenedSession; returnTo: string }>;
}

/** The relying party for one provider; the provider's metadata is discovered on first use and kept. */
export function oidcSignIn(settings: OidcConfig): OidcSignIn {
  let discovered: Promise<client.Configuration> | null = null;
  const configuration = (): Promise<client.Configuration> => {
    discovered ??= client.discovery(new URL(settings.issuer), settings.clientId, settings.clientSecret, undefined, {
      execute: settings.allowHttp ? [client.allowInsecureRequests] : [], timeout: 10,
    }).catch((err: unknown) => {
      discovered = null; // try again next time: the provider may come back
      throw new OidcSignInError('provider_unreachable', (err as Error).message);
    });
    return discovered;
  };

  return {
    async start(ctx, next) {
      const config = await configuration();
      const codeVerifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const nonce = client.randomNonce();
      await repo.insertOidcLogin(ctx.pool, { stateHash: sha256(state), codeVerifier, nonce, returnTo: safeReturnPath(next), createdAt: new Date() });
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUri, scope: settings.scopes, state, nonce,
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier), code_challenge_method: 'S256',
      });
      return { url: url.href, state };
    },

    async finish(ctx, input) {
      const params = new URLSearchParams(input.search);
      if (params.get('error')) throw new OidcSignInError('provider_denied', params.get('error') ?? '');
      const state = params.get('state');
      if (!state || !input.cookieState || state !== input.cookieState) throw new OidcSignInError('expired', 'state missing or not this browser\'s');
      const pending = await repo.takeOidcLogin(ctx.pool, sha256(state), new Date(Date.now() - LOGIN_TTL_MS));
      if (!pending || Date.now() - pending.createdAt.getTime() > LOGIN_TTL_MS) throw new OidcSignInError('expired', 'no such sign-in in flight');
      const config = await configuration();
      const current = new URL(settings.redirectUri);
      current.search = params.toString();
      let claims: Claims;
      try {
        const tokens = await client.authorizationCodeGrant(config, current, {
          pkceCodeVerifier: pending.codeVerifier, expectedState: state, expectedNonce: pending.nonce, idTokenExpected: true,
        });
        const idClaims = tokens.claims()!;
        let info: Claims = {};
        if (config.serverMetadata().userinfo_endpoint) info = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub);
        claims = { ...info, ...idClaims };
      } catch (err) {
        if (err instanceof OidcSignInError) throw err;
        throw new OidcSignInError('invalid_response', (err as Error).message);
      }
      const user = await accountForClaims(ctx, settings, claims);
      const session = await openSession(ctx.pool, user, input.ip, input.userAgent);
      return { session, returnTo: pending.returnTo };
    },
  };
}

/** The subject the provider's verified claims name: a USCC first (an enterprise's sign-in), else a citizen ID number. */
async function subjectOfClaims(ctx: AccountsCtx, settings: OidcConfig, claims: Claims) {
  const uscc = claims[settings.usccClaim];
  const idNumber = claims[settings.idNumberClaim];
  if (typeof uscc === 'string' && uscc.trim()) {
    const v = validateUscc(uscc);
    if (!v.valid) throw new OidcSignInError('invalid_claim', `${settings.usccClaim} is not a valid USCC`);
    const row = await findSubjectByCode(ctx.pool, ctx.pd, v.normalized!);
    if (!row) throw new OidcSignInError('unknown_subject', v.normalized!);
    return row;
  }
  if (typeof idNumber === 'string' && idNumber.trim()) {
    const v = validateCitizenId(idNumber, ctx.clock.now());
    if (!v.valid || v.normalized?.length !== 18) throw new OidcSignInError('invalid_claim', `${settings.idNumberClaim} is not a valid citizen ID number`);
    // Looked up by its HMAC only; the number itself goes into no log or audit entry.
    const row = await findSubjectByCode(ctx.pool, ctx.pd, v.normalized);
    if (!row || row.kind !== 'natural_person') throw new OidcSignInError('unknown_subject', 'person');
    return row;
  }
  throw new OidcSignInError('no_claim', `neither ${settings.usccClaim} nor ${settings.idNumberClaim}`);
}

/**
 * The account of this identity at the provider: the one it signed in with before; else the subject's
 * only subject account not yet tied to another identity there (linked); else a new subject account.
 */
async function accountForClaims(ctx: AccountsCtx, settings: OidcConfig, claims: Claims) {
  const sub = String(claims.sub);
  const issuer = settings.issuer;
  const known = await repo.findIdentity(ctx.pool, issuer, sub);
  const now = new Date();
  if (known !== null) {
    const user = await findUserById(ctx.pool, known);
    if (!user || user.disabled) throw new OidcSignInError('account_disabled', `user ${known}`);
    await repo.touchIdentity(ctx.pool, issuer, sub, now);
    await audit(ctx, user, { issuer, account: 'existing' });
    return user;
  }
  const subject = await subjectOfClaims(ctx, settings, claims);
  const { user, outcome } = await withTx(ctx.pool, async (tx) => {
    const accounts = await subjectAccounts(tx, subject.id);
    const linked = await repo.linkedUserIds(tx, issuer, accounts.map((a) => a.id));
    const free = accounts.filter((a) => !linked.has(a.id));
    const account = free.length === 1 ? free[0]! : await createSubjectAccount(tx, {
      // Not a password account: '!' is no scrypt hash, so no password ever matches it.
      username: `sso_${sha256(`${issuer}|${sub}`).slice(0, 12)}`, displayName: subject.name, passwordHash: '!', subjectId: subject.id,
    });
    await repo.insertIdentity(tx, { issuer, subject: sub, userId: account.id, at: now });
    return { user: account, outcome: free.length === 1 ? 'linked' : 'created' };
  });
  await audit(ctx, user, { issuer, account: outcome });
  return user;
}

const audit = (ctx: AccountsCtx, user: { id: number; username: string; subjectId: number | null }, details: Record<string, unknown>) =>
  appendAudit(ctx.pool, { actor: { kind: 'subject', id: String(user.id), name: user.username }, action: ACCOUNT_ACTIONS.oidcLogin, subjectId: user.subjectId, details });

/** A refused sign-in in the audit log: why, never the claims' values. */
export const auditFailedSignIn = (ctx: AccountsCtx, reason: OidcFailure, ip: string | null, issuer: string) =>
  appendAudit(ctx.pool, { actor: { kind: 'anonymous', id: null, name: null }, action: ACCOUNT_ACTIONS.oidcLoginFailed, ip, details: { reason, issuer } });
