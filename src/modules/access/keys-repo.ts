import type { Db } from '../../db/pool.js';
import type { Scope } from './viewer.js';

export interface ApiKeyRow {
  id: number;
  departmentId: number;
  departmentCode: string;
  name: string;
  prefix: string;
  keyHash: string;
  scopes: Scope[];
  expiresAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
  lastUsedAt: Date | null;
}

const COLS = `k.id, k.department_id as "departmentId", d.code as "departmentCode", k.name, k.prefix, k.key_hash as "keyHash",
  k.scopes, k.expires_at as "expiresAt", k.revoked_at as "revokedAt", k.created_at as "createdAt", k.last_used_at as "lastUsedAt"`;

export async function insertKey(
  db: Db,
  k: { departmentId: number; name: string; prefix: string; keyHash: string; scopes: Scope[]; expiresAt: Date | null; createdBy: number | null },
): Promise<number> {
  const r = await db.query<{ id: number }>(
    `insert into api_key (department_id, name, prefix, key_hash, scopes, expires_at, created_by)
     values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [k.departmentId, k.name, k.prefix, k.keyHash, k.scopes, k.expiresAt, k.createdBy],
  );
  return r.rows[0]!.id;
}

export async function findKeyByPrefix(db: Db, prefix: string): Promise<ApiKeyRow | null> {
  // Named (prepared once per connection): every request with an API key runs it.
  const r = await db.query<ApiKeyRow>({ name: 'access.key-by-prefix', text: `select ${COLS} from api_key k join department d on d.id = k.department_id where k.prefix = $1`, values: [prefix] });
  return r.rows[0] ?? null;
}

export async function findKey(db: Db, id: number): Promise<ApiKeyRow | null> {
  const r = await db.query<ApiKeyRow>(`select ${COLS} from api_key k join department d on d.id = k.department_id where k.id = $1`, [id]);
  return r.rows[0] ?? null;
}

export async function listKeys(db: Db, departmentId: number | null): Promise<ApiKeyRow[]> {
  const r = await db.query<ApiKeyRow>(
    `select ${COLS} from api_key k join department d on d.id = k.department_id
     where $1::int is null or k.department_id = $1 order by k.id desc`,
    [departmentId],
  );
  return r.rows;
}

export async function revokeKey(db: Db, id: number, at: Date): Promise<boolean> {
  const r = await db.query('update api_key set revoked_at = $2 where id = $1 and revoked_at is null', [id, at]);
  return (r.rowCount ?? 0) > 0;
}

/** Last use, written at most once a minute per key. */
export async function touchKey(db: Db, id: number, at: Date): Promise<void> {
  await db.query(`update api_key set last_used_at = $2 where id = $1 and (last_used_at is null or last_used_at < $2::timestamptz - interval '1 minute')`, [id, at]);
}
