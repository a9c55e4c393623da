import type { Db } from '../../db/pool.js';

// SQL of the accounts module: registrations (account_registration), sign-ins in flight at the
// provider (oidc_login) and who an account is at the provider (user_identity).

export type RegistrationKind = 'enterprise' | 'person';
export type RegistrationState = 'pending' | 'approved' | 'rejected';

export interface RegistrationRow {
  id: number;
  kind: RegistrationKind;
  state: RegistrationState;
  username: string;
  name: string;
  uscc: string | null;
  legalRep: string | null;
  idMasked: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  filedAt: Date;
  decidedAt: Date | null;
  decidedBy: string | null;
  rejectReason: string | null;
  subjectId: number | null;
  userId: number | null;
}

const COLS = `r.id, r.kind, r.state, r.username, r.name, r.uscc, r.legal_rep as "legalRep", r.id_masked as "idMasked",
  r.contact_phone as "contactPhone", r.contact_email as "contactEmail", r.filed_at as "filedAt", r.decided_at as "decidedAt",
  r.decided_by as "decidedBy", r.reject_reason as "rejectReason", r.subject_id as "subjectId", r.user_id as "userId"`;

export interface NewRegistration {
  kind: RegistrationKind;
  username: string;
  passwordHash: string;
  name: string;
  uscc: string | null;
  legalRep: string | null;
  idHmac: Buffer | null;
  idCipher: Buffer | null;
  idMasked: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  ip: string | null;
  filedAt: Date;
}

/** Insert a pending application; null when a pending one already holds the username. */
export async function insertRegistration(db: Db, r: NewRegistration): Promise<RegistrationRow | null> {
  const q = await db.query<RegistrationRow>(
    `insert into account_registration as r (kind, state, username, password_hash, name, uscc, legal_rep, id_hmac, id_cipher, id_masked,
       contact_phone, contact_email, ip, filed_at)
     values ($1, 'pending', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
     on conflict (username) where state = 'pending' do nothing returning ${COLS}`,
    [r.kind, r.username, r.passwordHash, r.name, r.uscc, r.legalRep, r.idHmac, r.idCipher, r.idMasked, r.contactPhone, r.contactEmail, r.ip, r.filedAt],
  );
  return q.rows[0] ?? null;
}

export async function findRegistration(db: Db, id: number, lock = false): Promise<RegistrationRow | null> {
  return (await db.query<RegistrationRow>(`select ${COLS} from account_registration r where r.id = $1${lock ? ' for update' : ''}`, [id])).rows[0] ?? null;
}

/** The ciphertext of a person's ID number, decrypted only to create the person's subject on approval. */
export async function registrationIdCipher(db: Db, id: number): Promise<Buffer | null> {
  return (await db.query<{ c: Buffer | null }>('select id_cipher as c from account_registration where id = $1', [id])).rows[0]?.c ?? null;
}

export async function passwordHashOf(db: Db, id: number): Promise<string> {
  return (await db.query<{ h: string }>('select password_hash as h from account_registration where id = $1', [id])).rows[0]!.h;
}

export async function listRegistrations(db: Db, q: { state: RegistrationState | null; limit: number; offset: number }): Promise<{ items: RegistrationRow[]; total: number }> {
  const [items, total] = await Promise.all([
    db.query<RegistrationRow>(`select ${COLS} from account_registration r where ($1::text is null or r.state = $1) order by r.id desc limit $2 offset $3`, [q.state, q.limit, q.offset]),
    db.query<{ n: number }>('select count(*)::int as n from account_registration where ($1::text is null or state = $1)', [q.state]),
  ]);
  return { items: items.rows, total: total.rows[0]!.n };
}

/** The newest application under a username that is not an account: what login tells its holder. */
export async function latestOpenRegistration(db: Db, username: string): Promise<{ passwordHash: string; state: 'pending' | 'rejected'; reason: string | null } | null> {
  const r = await db.query<{ passwordHash: string; state: 'pending' | 'rejected'; reason: string | null }>(
    `select password_hash as "passwordHash", state, reject_reason as reason from account_registration
      where username = $1 and state in ('pending', 'rejected') order by id desc limit 1`,
    [username],
  );
  return r.rows[0] ?? null;
}

export async function pendingUsernameTaken(db: Db, username: string): Promise<boolean> {
  return (await db.query("select 1 from account_registration where username = $1 and state = 'pending'", [username])).rowCount! > 0;
}

/** Other pending applications for the same enterprise or person (the operator weighs them together). */
export async function countOtherPending(db: Db, r: { id: number; uscc: string | null }, idHmac: Buffer | null): Promise<number> {
  const q = await db.query<{ n: number }>(
    `select count(*)::int as n from account_registration
      where state = 'pending' and id <> $1 and ((uscc is not null and uscc = $2) or (id_hmac is not null and id_hmac = $3))`,
    [r.id, r.uscc, idHmac],
  );
  return q.rows[0]!.n;
}

export async function registrationIdHmac(db: Db, id: number): Promise<Buffer | null> {
  return (await db.query<{ h: Buffer | null }>('select id_hmac as h from account_registration where id = $1', [id])).rows[0]?.h ?? null;
}

export async function approveRegistration(db: Db, id: number, d: { subjectId: number; userId: number; at: Date; by: string }): Promise<void> {
  await db.query(
    `update account_registration set state = 'approved', subject_id = $2, user_id = $3, decided_at = $4, decided_by = $5 where id = $1`,
    [id, d.subjectId, d.userId, d.at, d.by],
  );
}

export async function rejectRegistration(db: Db, id: number, d: { reason: string; at: Date; by: string }): Promise<void> {
  await db.query(
    `update account_registration set state = 'rejected', reject_reason = $2, decided_at = $3, decided_by = $4 where id = $1`,
    [id, d.reason, d.at, d.by],
  );
}

/** A subject's ciphertext ID number (a person's own account reads its own code). */
export async function subjectIdCipher(db: Db, subjectId: number): Promise<Buffer | null> {
  return (await db.query<{ c: Buffer | null }>('select id_cipher as c from subject where id = $1', [subjectId])).rows[0]?.c ?? null;
}

// --- OpenID Connect ---

export async function insertOidcLogin(db: Db, l: { stateHash: string; codeVerifier: string; nonce: string; returnTo: string; createdAt: Date }): Promise<void> {
  await db.query(
    'insert into oidc_login (state_hash, code_verifier, nonce, return_to, created_at) values ($1, $2, $3, $4, $5)',
    [l.stateHash, l.codeVerifier, l.nonce, l.returnTo, l.createdAt],
  );
}

/** Take (delete and return) a sign-in in flight: each state is used once. Older ones are cleared on the way. */
export async function takeOidcLogin(db: Db, stateHash: string, notBefore: Date): Promise<{ codeVerifier: string; nonce: string; returnTo: string; createdAt: Date } | null> {
  await db.query('delete from oidc_login where created_at < $1 and state_hash <> $2', [notBefore, stateHash]);
  const r = await db.query<{ codeVerifier: string; nonce: string; returnTo: string; createdAt: Date }>(
    `delete from oidc_login where state_hash = $1 returning code_verifier as "codeVerifier", nonce, return_to as "returnTo", created_at as "createdAt"`,
    [stateHash],
  );
  return r.rows[0] ?? null;
}

export async function findIdentity(db: Db, issuer: string, subject: string): Promise<number | null> {
  return (await db.query<{ userId: number }>('select user_id as "userId" from user_identity where issuer = $1 and subject = $2', [issuer, subject])).rows[0]?.userId ?? null;
}

/** Accounts already tied to some identity at this provider (not linked a second time). */
export async function linkedUserIds(db: Db, issuer: string, userIds: number[]): Promise<Set<number>> {
  const r = await db.query<{ userId: number }>('select user_id as "userId" from user_identity where issuer = $1 and user_id = any($2::int[])', [issuer, userIds]);
  return new Set(r.rows.map((x) => x.userId));
}

export async function insertIdentity(db: Db, i: { issuer: string; subject: string; userId: number; at: Date }): Promise<void> {
  await db.query('insert into user_identity (issuer, subject, user_id, created_at, last_login_at) values ($1, $2, $3, $4, $4)', [i.issuer, i.subject, i.userId, i.at]);
}

export async function touchIdentity(db: Db, issuer: string, subject: string, at: Date): Promise<void> {
  await db.query('update user_identity set last_login_at = $3 where issuer = $1 and subject = $2', [issuer, subject, at]);
}
