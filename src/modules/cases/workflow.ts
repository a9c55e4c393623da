import type { Pool } from '../../db/pool.js';
import { ForbiddenError } from '../../errors.js';
import type { Clock } from '../../lib/clock.js';
import type { PersonalData } from '../../lib/personal-data.js';
import { maskIdNumbersInFreeText } from '../../lib/redact.js';
import { requireRole, requireScope, type Viewer } from '../access/viewer.js';
import type { Actor } from '../records/types.js';

/** What the subject-rights services need. */
export interface RightsContext {
  pool: Pool;
  pd: PersonalData;
  clock: Clock;
}

/** One row of a case's append-only event table (the case file). */
export interface CaseEvent {
  id: number;
  at: Date;
  type: string;
  fromState: string | null;
  toState: string | null;
  actorKind: string;
  actorId: string | null;
  actorName: string;
  note: string | null;
  data: Record<string, unknown>;
}

/** One append-only workflow event row, attributed; its note never keeps an ID number (services mask their free text too). */
export function caseEvent(actor: Actor, at: Date, type: string, from: string | null, to: string | null, note: string | null = null, data: Record<string, unknown> = {}): Omit<CaseEvent, 'id'> {
  return { at, type, fromState: from, toState: to, actorKind: actor.kind, actorId: actor.id, actorName: actor.name, note: note === null ? null : maskIdNumbersInFreeText(note), data };
}

export const isCentre = (viewer: Viewer): boolean => viewer.role === 'admin' || viewer.role === 'operator';

/**
 * Only the responsible department (its clerks and systems) or the credit centre may act on a case:
 * another department gets a 403 naming why.
 */
export function requireResponsible(viewer: Viewer, departmentId: number | null, what: string): void {
  requireRole(viewer, 'admin', 'operator', 'department');
  requireScope(viewer, 'records:write');
  if (viewer.role === 'department' && (departmentId === null || viewer.departmentId !== departmentId)) {
    throw new ForbiddenError(`只有${what}或信用中心可以办理`, [{ field: 'department', message: '不是承办单位' }]);
  }
}

/** True when a PostgreSQL error is a unique violation of the named index. */
export function isUniqueViolation(err: unknown, constraint: string): boolean {
  const e = err as { code?: string; constraint?: string };
  return e?.code === '23505' && e.constraint === constraint;
}

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A public tracking number such as YY-7KQ2MD (no 0/O, 1/I): random, so it reveals no volumes. */
export function trackingNumber(prefix: string, random: (n: number) => Buffer): string {
  const bytes = random(6);
  return `${prefix}-${[...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('')}`;
}
