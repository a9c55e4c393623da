import type { Db } from '../../db/pool.js';

export interface GrantRow {
  id: number;
  subjectId: number;
  granteeUserId: number | null;
  granteeDepartmentId: number | null;
  granteeName: string;
  /** The subject that gave the grant: its name, kind, and USCC (an organisation) or masked ID number (a person). */
  grantorName: string;
  grantorKind: string;
  grantorCode: string | null;
  categories: string[];
  purpose: string;
  expiresAt: Date;
  createdAt: Date;
  revokedAt: Date | null;
}

const COLS = `g.id, g.subject_id as "subjectId", g.grantee_user_id as "granteeUserId", g.grantee_department_id as "granteeDepartmentId",
  coalesce(u.display_name, d.name) as "granteeName", g.categories, g.purpose, g.expires_at as "expiresAt",
  g.created_at as "createdAt", g.revoked_at as "revokedAt",
  s.name as "grantorName", s.kind as "grantorKind", coalesce(s.uscc, s.id_masked) as "grantorCode"`;
const FROM = `subject_grant g join subject s on s.id = g.subject_id
  left join app_user u on u.id = g.grantee_user_id left join department d on d.id = g.grantee_department_id`;

export async function insertGrant(
  db: Db,
  g: { subjectId: number; granteeUserId: number | null; granteeDepartmentId: number | null; categories: string[]; purpose: string; expiresAt: Date; createdAt: Date },
): Promise<number> {
  const r = await db.query<{ id: number }>(
    `insert into subject_grant (subject_id, grantee_user_id, grantee_department_id, categories, purpose, expires_at, created_at)
     values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [g.subjectId, g.granteeUserId, g.granteeDepartmentId, g.categories, g.purpose, g.expiresAt, g.createdAt],
  );
  return r.rows[0]!.id;
}

export async function findGrant(db: Db, id: number): Promise<GrantRow | null> {
  return (await db.query<GrantRow>(`select ${COLS} from ${FROM} where g.id = $1`, [id])).rows[0] ?? null;
}

export async function revokeGrant(db: Db, id: number, at: Date): Promise<void> {
  await db.query('update subject_grant set revoked_at = $2 where id = $1 and revoked_at is null', [id, at]);
}

/** Grants given by a subject, or held by a grantee. */
export async function listGrants(db: Db, q: { subjectId?: number | null; userId?: number | null; departmentId?: number | null }): Promise<GrantRow[]> {
  const r = await db.query<GrantRow>(
    `select ${COLS} from ${FROM}
     where ($1::bigint is null or g.subject_id = $1) and ($2::int is null or g.grantee_user_id = $2)
       and ($3::int is null or g.grantee_department_id = $3)
     order by g.id desc limit 500`,
    [q.subjectId ?? null, q.userId ?? null, q.departmentId ?? null],
  );
  return r.rows;
}

/** Live grants of one subject to this user or department, at `now`. */
export async function liveGrants(db: Db, subjectId: number, userId: number | null, departmentId: number | null, now: Date): Promise<GrantRow[]> {
  const r = await db.query<GrantRow>({
    name: 'access.live-grants',
    text: `select ${COLS} from ${FROM}
     where g.subject_id = $1 and g.revoked_at is null and g.expires_at > $4
       and ((g.grantee_user_id is not null and g.grantee_user_id = $2) or (g.grantee_department_id is not null and g.grantee_department_id = $3))`,
    values: [subjectId, userId, departmentId, now],
  });
  return r.rows;
}
