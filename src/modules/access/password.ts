import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const scrypt = (pw: string, salt: Buffer, len: number, opts: ScryptOptions): Promise<Buffer> =>
  new Promise((resolve, reject) => scryptCb(pw, salt, len, opts, (err, key) => (err ? reject(err) : resolve(key))));

const N = 16384;
const R = 8;
const P = 1;
const LEN = 32;

const SALT_LEN = 16;
const encode = (salt: Buffer, key: Buffer): string => `scrypt$${N}$${R}$${P}$${salt.toString('base64url')}$${key.toString('base64url')}`;

/** scrypt (RFC 7914) hash in a self-describing string: scrypt$N$r$p$salt$hash. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_LEN);
  const key = await scrypt(password.normalize('NFKC'), salt, LEN, { N, r: R, p: P });
  return encode(salt, key);
}

/**
 * What login checks an unknown username's password against, so that unknown and known names cost
 * the same scrypt work (no enumeration by response time). The cost of a check depends only on
 * N, r, p and the key length, so a random key serves; no password matches it (2^-256).
 */
export const DUMMY_PASSWORD_HASH = encode(randomBytes(SALT_LEN), randomBytes(LEN));

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await scrypt(password.normalize('NFKC'), Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n), r: Number(r), p: Number(p),
  });
  return timingSafeEqual(key, expected);
}

/** A readable random password for first start (printed once, never stored in plain text). */
export function generatePassword(): string {
  return randomBytes(15).toString('base64url');
}
