import type { Db } from '../../db/pool.js';
import { actorOf, appendAudit } from '../access/audit.js';
import type { Viewer } from '../access/viewer.js';

/**
 * The audit actions of tiered supervision and random inspections: every change a department
 * clerk or the credit centre makes, written in the same transaction as the change.
 */
export const INSPECTION_ACTIONS = {
  itemAdded: 'inspection.item.added',
  itemChanged: 'inspection.item.changed',
  itemWithdrawn: 'inspection.item.withdrawn',
  itemRestored: 'inspection.item.restored',
  inspectorAdded: 'inspection.inspector.added',
  inspectorChanged: 'inspection.inspector.changed',
  inspectorRemoved: 'inspection.inspector.removed',
  inspectorRestored: 'inspection.inspector.restored',
  conflictDeclared: 'inspection.conflict.declared',
  policySet: 'inspection.policy.set',
  planCreated: 'inspection.plan.created',
  planDrawn: 'inspection.plan.drawn',
  resultRecorded: 'inspection.result.recorded',
} as const;

export type InspectionAction = (typeof INSPECTION_ACTIONS)[keyof typeof INSPECTION_ACTIONS];

/** Which of changed / withdrawn / restored an update of something with an `active` flag is. */
export function changeAction<C extends string, W extends string, R extends string>(wasActive: boolean, active: boolean | undefined, names: { changed: C; off: W; on: R }): C | W | R {
  if (active === false && wasActive) return names.off;
  if (active === true && !wasActive) return names.on;
  return names.changed;
}

export async function auditInspection(
  db: Db, viewer: Viewer, action: InspectionAction, departmentId: number, details: Record<string, unknown>, subjectId: number | null = null,
): Promise<void> {
  await appendAudit(db, { actor: actorOf(viewer), action, departmentId, subjectId, ip: viewer.ip, details });
}
