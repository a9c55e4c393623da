import type { Db } from '../../db/pool.js';

// SQL of the machinery the case kinds share besides their rows and events (case-repo.ts):
// notifications and evidence files.

export type Audience = 'subject' | 'department' | 'centre';

export interface NotificationRow {
  id: number;
  audience: Audience;
  subjectId: number | null;
  departmentId: number | null;
  kind: string;
  title: string;
  body: string;
  refType: string;
  refId: number;
  createdAt: Date;
  readAt: Date | null;
}

const NCOLS = `id, audience, subject_id as "subjectId", department_id as "departmentId", kind, title, body,
  ref_type as "refType", ref_id as "refId", created_at as "createdAt", read_at as "readAt"`;

export async function insertNotification(db: Db, n: Omit<NotificationRow, 'id' | 'readAt'>): Promise<void> {
  await db.query(
    `insert into notification (audience, subject_id, department_id, kind, title, body, ref_type, ref_id, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [n.audience, n.subjectId, n.departmentId, n.kind, n.title, n.body, n.refType, n.refId, n.createdAt],
  );
}

export interface Mailbox {
  audience: Audience;
  subjectId: number | null;
  departmentId: number | null;
}

const MAILBOX = `audience = $1 and ($1 <> 'subject' or subject_id = $2) and ($1 <> 'department' or department_id = $3)`;

export async function notificationsOf(db: Db, box: Mailbox, q: { unread: boolean; limit: number; offset: number }): Promise<{ items: NotificationRow[]; total: number }> {
  const where = `${MAILBOX} and (not $4::boolean or read_at is null)`;
  const args = [box.audience, box.subjectId, box.departmentId, q.unread];
  const [items, total] = await Promise.all([
    db.query<NotificationRow>(`select ${NCOLS} from notification where ${where} order by id desc limit $5 offset $6`, [...args, q.limit, q.offset]),
    db.query<{ n: number }>(`select count(*)::bigint as n from notification where ${where}`, args),
  ]);
  return { items: items.rows, total: total.rows[0]?.n ?? 0 };
}

export async function markRead(db: Db, box: Mailbox, id: number, at: Date): Promise<boolean> {
  const r = await db.query(`update notification set read_at = coalesce(read_at, $5) where id = $4 and ${MAILBOX}`, [box.audience, box.subjectId, box.departmentId, id, at]);
  return (r.rowCount ?? 0) > 0;
}

export interface FileMeta {
  id: number;
  role: string;
  name: string;
  contentType: string;
  bytes: number;
  sha256: string;
  uploadedBy: string;
  createdAt: Date;
}

const FCOLS = `id, role, name, content_type as "contentType", bytes, sha256, uploaded_by as "uploadedBy", created_at as "createdAt"`;

export async function insertFile(
  db: Db,
  f: { ownerKind: string; ownerId: number; role: string; name: string; contentType: string; content: Buffer; sha256: string; uploadedBy: string; at: Date },
): Promise<FileMeta> {
  const r = await db.query<FileMeta>(
    `insert into evidence_file (owner_kind, owner_id, role, name, content_type, bytes, sha256, content, uploaded_by, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning ${FCOLS}`,
    [f.ownerKind, f.ownerId, f.role, f.name, f.contentType, f.content.length, f.sha256, f.content, f.uploadedBy, f.at],
  );
  return r.rows[0]!;
}

export async function filesOf(db: Db, ownerKind: string, ownerId: number): Promise<FileMeta[]> {
  return (await db.query<FileMeta>(`select ${FCOLS} from evidence_file where owner_kind = $1 and owner_id = $2 order by id`, [ownerKind, ownerId])).rows;
}

export async function fileContent(db: Db, ownerKind: string, ownerId: number, id: number): Promise<(FileMeta & { content: Buffer }) | null> {
  const r = await db.query<FileMeta & { content: Buffer }>(
    `select ${FCOLS}, content from evidence_file where owner_kind = $1 and owner_id = $2 and id = $3`,
    [ownerKind, ownerId, id],
  );
  return r.rows[0] ?? null;
}
