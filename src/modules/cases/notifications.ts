import type { Db } from '../../db/pool.js';
import { NotFoundError, UnauthenticatedError } from '../../errors.js';
import { requireRole, type Viewer } from '../access/viewer.js';
import * as repo from './shared-repo.js';

export type NewNotification = Omit<repo.NotificationRow, 'id' | 'createdAt' | 'readAt' | 'subjectId' | 'departmentId'> & {
  subjectId?: number | null;
  departmentId?: number | null;
};

/** Leave a notification (inside the transaction of the change it reports, so it exists iff the change does). */
export async function notify(db: Db, at: Date, n: NewNotification): Promise<void> {
  await repo.insertNotification(db, { ...n, subjectId: n.subjectId ?? null, departmentId: n.departmentId ?? null, createdAt: at });
}

function mailboxOf(viewer: Viewer): repo.Mailbox {
  if (viewer.role === 'public') throw new UnauthenticatedError();
  requireRole(viewer, 'subject', 'department', 'admin', 'operator');
  if (viewer.role === 'subject') return { audience: 'subject', subjectId: viewer.subjectId, departmentId: null };
  if (viewer.role === 'department') return { audience: 'department', subjectId: null, departmentId: viewer.departmentId };
  return { audience: 'centre', subjectId: null, departmentId: null };
}

/** The caller's notifications: a subject's own, a department's, or the credit centre's. */
export async function myNotifications(db: Db, viewer: Viewer, q: { unread: boolean; page: number; pageSize: number }) {
  const r = await repo.notificationsOf(db, mailboxOf(viewer), { unread: q.unread, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  return {
    items: r.items.map((n) => ({
      id: n.id, kind: n.kind, title: n.title, body: n.body, refType: n.refType, refId: n.refId,
      createdAt: n.createdAt.toISOString(), readAt: n.readAt?.toISOString() ?? null,
    })),
    total: r.total,
  };
}

export async function markNotificationRead(db: Db, viewer: Viewer, id: number, at: Date): Promise<void> {
  if (!(await repo.markRead(db, mailboxOf(viewer), id, at))) throw new NotFoundError('notification', String(id));
}
