import path from 'node:path';
import { isIsoDate } from './lib/clock.js';

/** Typed, validated, frozen configuration. The only module that reads process.env. */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly databaseUrl: string | null;
  readonly demoSubjects: number;
  readonly demoSeed: number;
  readonly adminPassword: string | null;
  readonly logLevel: string;
  /** Secrets for personal data: hex keys; when null they are generated once under dataDir. */
  readonly hmacKey: string | null;
  readonly encryptionKey: string | null;
  readonly publicBaseUrl: string | null;
  readonly platformName: string;
  /** Requests per minute per IP for anonymous searches and archive reads (anti-scraping). */
  readonly publicRateLimit: number;
  /** AUDIT_SEAL_MS: the longest an audit entry waits before the sequencer seals it into the hash chain. */
  readonly auditSealMs: number;
  /**
   * XINYONG_NOW: the business clock starts at this instant and runs forward from there (rehearsals,
   * training cities, and the test suite's child processes). Null: the wall clock.
   */
  readonly clockStart: string | null;
  /**
   * EMBEDDED_SHARED_BUFFERS_MB: the embedded PostgreSQL's shared_buffers. Null: a quarter of the
   * machine's memory, at most 4 GiB (PostgreSQL's own default of 128 MB holds a tenth of the
   * 1M-subject city's name index, and every name search then reads the disk).
   */
  readonly embeddedSharedBuffersMb: number | null;
  /**
   * WORKERS: HTTP processes sharing the port (node:cluster). 1: one process does everything; more:
   * a primary prepares the database and runs the background jobs, its workers serve HTTP.
   */
  readonly workers: number;
  /**
   * Exchange (信用信息共享交换) delivery settings. No national standard read fixes batch size, retry count
   * or timeout (spec/exchange.md §4, §6: GB/T 39443 §5.4 body not retrieved [U]); these are
   * [PROPOSAL] defaults an operator tunes: EXCHANGE_BATCH_SIZE (ledger changes per batch),
   * EXCHANGE_MAX_ATTEMPTS (tries before a batch is dead-lettered), EXCHANGE_TIMEOUT_MS (per request),
   * EXCHANGE_POLL_MS (how often the delivery loop looks for work), EXCHANGE_BACKOFF_MS (first retry
   * delay; doubled per attempt, at most an hour).
   */
  readonly exchange: {
    readonly batchSize: number;
    readonly maxAttempts: number;
    readonly timeoutMs: number;
    readonly pollMs: number;
    readonly backoffMs: number;
  };
  /** Sign-in through the city's OpenID Connect provider (政务服务账号); null when OIDC_ISSUER is unset. */
  readonly oidc: OidcConfig | null;
}

/** The relying party's settings for one OpenID Connect provider. */
export interface OidcConfig {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Where the provider sends the browser back: OIDC_REDIRECT_URI, else PUBLIC_BASE_URL + /api/v1/auth/oidc/callback. */
  readonly redirectUri: string;
  readonly scopes: string;
  /** Claims the provider has verified: an organisation's USCC, a person's citizen ID number, the name. */
  readonly usccClaim: string;
  readonly idNumberClaim: string;
  readonly nameClaim: string;
  /** Plain http to the provider is allowed only on this machine (a provider started by a test or a local rehearsal). */
  readonly allowHttp: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

type Env = Record<string, string | undefined>;

function intVar(env: Env, name: string, def: number, min: number, max: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return def;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    problems.push(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
    return def;
  }
  return n;
}

function hexKey(env: Env, name: string, problems: string[]): string | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  if (!/^[0-9a-fA-F]{64}$/.test(raw)) {
    problems.push(`${name} must be 64 hex characters (32 bytes)`);
    return null;
  }
  return raw.toLowerCase();
}

/** An ISO 8601 instant with its offset (2026-11-25T10:00:00+08:00 or …Z); a bare date is ambiguous. */
function instantVar(env: Env, name: string, problems: string[]): string | null {
  const raw = env[name]?.trim();
  if (!raw) return null;
  const ok = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(raw) && isIsoDate(raw.slice(0, 10)) && !Number.isNaN(new Date(raw).getTime());
  if (!ok) {
    problems.push(`${name} must be an ISO 8601 instant with its offset, e.g. 2026-11-25T10:00:00+08:00, got "${raw}"`);
    return null;
  }
  return new Date(raw).toISOString();
}

/** The platform's public web address: report QR codes and verification links are built on it. */
function publicUrlVar(env: Env, name: string, problems: string[]): string | null {
  const raw = env[name]?.trim();
  if (!raw) return null;
  let ok = false;
  try {
    const u = new URL(raw);
    ok = (u.protocol === 'https:' || u.protocol === 'http:') && !u.search && !u.hash && !u.username && !u.password;
  } catch {
    ok = false;
  }
  if (!ok) problems.push(`${name} must be the platform's public web address, e.g. https://credit.example.gov.cn, got "${raw}"`);
  return ok ? raw : null;
}

const OIDC_CALLBACK_PATH = '/api/v1/auth/oidc/callback';
const CLAIM_NAME = /^[A-Za-z_][A-Za-z0-9_.:-]{0,99}$/;
const isLoopback = (u: URL): boolean => ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);

function urlVar(name: string, raw: string, problems: string[]): URL | null {
  try {
    const u = new URL(raw);
    if (u.protocol === 'https:' || (u.protocol === 'http:' && isLoopback(u))) return u;
    problems.push(`${name} must be an https URL (plain http only on localhost), got "${raw}"`);
  } catch {
    problems.push(`${name} must be a URL, got "${raw}"`);
  }
  return null;
}

/** OIDC_*: all of issuer, client id and secret, or none of them; claim names as a provider spells them. */
function oidcVars(env: Env, publicBaseUrl: string | null, problems: string[]): OidcConfig | null {
  const issuer = env.OIDC_ISSUER?.trim() ?? '';
  const clientId = env.OIDC_CLIENT_ID?.trim() ?? '';
  const clientSecret = env.OIDC_CLIENT_SECRET ?? '';
  if (!issuer && !clientId && !clientSecret) return null;
  const missing = [['OIDC_ISSUER', issuer], ['OIDC_CLIENT_ID', clientId], ['OIDC_CLIENT_SECRET', clientSecret]].filter(([, v]) => !v).map(([k]) => k);
  if (missing.length) {
    problems.push(`OpenID Connect sign-in needs OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together; missing ${missing.join(', ')}`);
    return null;
  }
  const issuerUrl = urlVar('OIDC_ISSUER', issuer, problems);
  const redirectRaw = env.OIDC_REDIRECT_URI?.trim() || (publicBaseUrl ? `${publicBaseUrl.replace(/\/+$/, '')}${OIDC_CALLBACK_PATH}` : '');
  if (!redirectRaw) problems.push('OpenID Connect sign-in needs PUBLIC_BASE_URL (or OIDC_REDIRECT_URI) for the address the provider sends people back to');
  const redirect = redirectRaw ? urlVar(env.OIDC_REDIRECT_URI?.trim() ? 'OIDC_REDIRECT_URI' : 'PUBLIC_BASE_URL', redirectRaw, problems) : null;
  const claim = (name: string, def: string): string => {
    const v = env[name]?.trim() || def;
    if (!CLAIM_NAME.test(v)) problems.push(`${name} must be a claim name (letters, digits, _ . : -), got "${v}"`);
    return v;
  };
  const scopes = env.OIDC_SCOPES?.trim() || 'openid profile';
  if (!scopes.split(/\s+/).includes('openid')) problems.push(`OIDC_SCOPES must include openid, got "${scopes}"`);
  return Object.freeze({
    issuer: issuerUrl?.href.replace(/\/$/, '') ?? issuer, clientId, clientSecret, redirectUri: redirect?.href ?? redirectRaw, scopes,
    usccClaim: claim('OIDC_USCC_CLAIM', 'uscc'), idNumberClaim: claim('OIDC_ID_NUMBER_CLAIM', 'id_number'), nameClaim: claim('OIDC_NAME_CLAIM', 'name'),
    allowHttp: issuerUrl?.protocol === 'http:',
  });
}

/** Pure: turn an environment into a Config or throw a ConfigError listing every problem. */
export function parseConfig(env: Env, cwd = process.cwd()): Config {
  const problems: string[] = [];
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const adminPassword = env.ADMIN_PASSWORD || null;
  if (adminPassword !== null && adminPassword.length < 10) {
    problems.push('ADMIN_PASSWORD must be at least 10 characters');
  }
  const config: Config = {
    port: intVar(env, 'PORT', 3000, 0, 65535, problems),
    host: env.HOST?.trim() || '0.0.0.0',
    dataDir: path.resolve(cwd, env.DATA_DIR?.trim() || './data'),
    databaseUrl,
    demoSubjects: intVar(env, 'DEMO_SUBJECTS', 2000, 0, 20_000_000, problems),
    demoSeed: intVar(env, 'DEMO_SEED', 20261125, 0, 2 ** 31 - 1, problems),
    adminPassword,
    logLevel: env.LOG_LEVEL?.trim() || 'info',
    hmacKey: hexKey(env, 'XINYONG_HMAC_KEY', problems),
    encryptionKey: hexKey(env, 'XINYONG_ENCRYPTION_KEY', problems),
    publicBaseUrl: publicUrlVar(env, 'PUBLIC_BASE_URL', problems),
    platformName: env.PLATFORM_NAME?.trim() || '信用示范市公共信用信息平台',
    publicRateLimit: intVar(env, 'RATE_LIMIT_PUBLIC', 120, 1, 1_000_000, problems),
    auditSealMs: intVar(env, 'AUDIT_SEAL_MS', 200, 10, 60_000, problems),
    clockStart: instantVar(env, 'XINYONG_NOW', problems),
    workers: intVar(env, 'WORKERS', 1, 1, 64, problems),
    exchange: Object.freeze({
      batchSize: intVar(env, 'EXCHANGE_BATCH_SIZE', 500, 1, 50_000, problems),
      maxAttempts: intVar(env, 'EXCHANGE_MAX_ATTEMPTS', 10, 1, 1000, problems),
      timeoutMs: intVar(env, 'EXCHANGE_TIMEOUT_MS', 30_000, 100, 600_000, problems),
      pollMs: intVar(env, 'EXCHANGE_POLL_MS', 5_000, 50, 3_600_000, problems),
      backoffMs: intVar(env, 'EXCHANGE_BACKOFF_MS', 10_000, 10, 3_600_000, problems),
    }),
    embeddedSharedBuffersMb: env.EMBEDDED_SHARED_BUFFERS_MB?.trim() ? intVar(env, 'EMBEDDED_SHARED_BUFFERS_MB', 128, 16, 1_048_576, problems) : null,
    oidc: oidcVars(env, env.PUBLIC_BASE_URL?.trim() || null, problems),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(config);
}

/** Read the process environment once. */
export function loadConfig(): Config {
  return parseConfig(process.env);
}
