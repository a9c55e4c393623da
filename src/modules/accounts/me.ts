import { NotFoundError } from '../../errors.js';
import { requireRole, type Viewer } from '../access/viewer.js';
import { subjectById } from '../subjects/service.js';
import type { AccountsCtx } from './registration.js';
import * as repo from './repo.js';

/**
 * The subject a subject account speaks for, with the code that opens its archive: the USCC, or for
 * a person's own account its own ID number (decrypted for that person only; the portal masks it on screen).
 */
export async function mySubject(ctx: AccountsCtx, viewer: Viewer) {
  requireRole(viewer, 'subject');
  if (viewer.subjectId === null) throw new NotFoundError('subject', 'of this account');
  const s = await subjectById(ctx.pool, viewer.subjectId);
  if (s.uscc) return { id: s.id, kind: s.kind, name: s.name, code: s.uscc, codeMasked: s.uscc };
  const cipher = await repo.subjectIdCipher(ctx.pool, s.id);
  if (!cipher) throw new NotFoundError('subject', 'code of this account');
  return { id: s.id, kind: s.kind, name: s.name, code: ctx.pd.decrypt(cipher), codeMasked: s.idMasked ?? '' };
}
