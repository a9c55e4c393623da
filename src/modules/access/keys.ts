import { parseExpiry } from '../../lib/clock.js';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { inTx, type Db } from '../../db/pool.js';
import { NotFoundError, UnauthenticatedError, ValidationError } from '../../errors.js';
import { auditChange } from './audit.js';
import * as repo from './keys-repo.js';
import { getDepartment } from './service.js';
import { requireRole, SCOPES, type Scope, type Viewer } from './viewer.js';

export type { ApiKeyRow } from './keys-repo.js';

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

/** Issue a key for a department system: returned once, stored only as a hash. */
export async function createApiKey(
  db: Db,
  viewer: Viewer,
  input: { department: string; name?: string; scopes: string[]; expiresAt?: string | null },
  now: Date,
): Promise<{ id: number; key: string; prefix: string }> {
  requireRole(viewer, 'admin', 'operator');
  const bad = input.scopes.filter((s) => !(SCOPES as readonly string[]).includes(s));
  const issues = bad.map((s) => ({ field: 'scopes', message: `未知权限范围 ${s}（可选：${SCOPES.join(', ')}）` }));
  if (!input.scopes.length) issues.push({ field: 'scopes', message: '至少授予一个权限范围' });
  const expiresAt = input.expiresAt ? parseExpiry(input.expiresAt) : null;
  if (expiresAt && (Number.isNaN(expiresAt.getTime()) || expiresAt <= now)) issues.push({ field: 'expiresAt', message: '有效期须为将来的时间' });
  if (issues.length) throw new ValidationError('API 密钥参数有误', issues);
  const dept = await getDepartment(db, input.department);
  const prefix = randomBytes(6).toString('hex');
  const key = `xy_${prefix}_${randomBytes(32).toString('base64url')}`;
  const name = input.name?.trim() || `${dept.code} system`;
  const id = await inTx(db, async (tx) => {
    const keyId = await repo.insertKey(tx, { departmentId: dept.id, name, prefix, keyHash: sha256(key), scopes: input.scopes as Scope[], expiresAt, createdBy: viewer.userId });
    await auditChange(tx, viewer, 'api_key_created', { departmentId: dept.id, details: { keyId, name, prefix, scopes: input.scopes, expiresAt: expiresAt?.toISOString() ?? null } });
    return keyId;
  });
  return { id, key, prefix };
}

/** Revoke at once: the next request with the key is refused. */
export async function revokeApiKey(db: Db, viewer: Viewer, id: number, now: Date): Promise<void> {
  requireRole(viewer, 'admin', 'operator');
  const k = await repo.findKey(db, id);
  if (!k) throw new NotFoundError('api key', String(id));
  await inTx(db, async (tx) => {
    await repo.revokeKey(tx, id, now);
    await auditChange(tx, viewer, 'api_key_revoked', { departmentId: k.departmentId, details: { keyId: id, name: k.name, prefix: k.prefix } });
  });
}

export async function listApiKeys(db: Db, viewer: Viewer) {
  requireRole(viewer, 'admin', 'operator', 'department');
  const rows = await repo.listKeys(db, viewer.role === 'department' ? viewer.departmentId : null);
  return rows.map(({ keyHash: _h, ...k }) => k);
}

/** Resolve a bearer key into a department viewer; refuses unknown, revoked and expired keys. */
export async function viewerFromApiKey(db: Db, key: string, ip: string | null, purpose: string | null, now: Date): Promise<Viewer> {
  const m = /^xy_([0-9a-f]{12})_[A-Za-z0-9_-]{20,}$/.exec(key);
  const row = m ? await repo.findKeyByPrefix(db, m[1]!) : null;
  const ok = row !== null && timingSafeEqual(Buffer.from(row.keyHash), Buffer.from(sha256(key)));
  if (!row || !ok) throw new UnauthenticatedError('API 密钥无效');
  if (row.revokedAt) throw new UnauthenticatedError('API 密钥已被吊销');
  if (row.expiresAt && row.expiresAt <= now) throw new UnauthenticatedError('API 密钥已过期');
  // "Last used" to the minute: one write a minute per key, not one per request.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= 60_000) await repo.touchKey(db, row.id, now);
  return {
    role: 'department', userId: null, username: `${row.departmentCode}:${row.name}`, departmentId: row.departmentId,
    subjectId: null, ip, purpose, apiKey: { id: row.id, name: row.name, scopes: row.scopes },
  };
}
