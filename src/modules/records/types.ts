import type { Severity } from '../catalog/types.js';

export const RECORD_STATES = ['active', 'disputed', 'repaired', 'revoked', 'expired'] as const;
export type RecordState = (typeof RECORD_STATES)[number];

export interface RecordRow {
  id: number;
  subjectId: number;
  categoryId: number;
  departmentId: number;
  sourceKey: string;
  fields: Record<string, string>;
  decidedOn: string | null;
  validFrom: string | null;
  validUntil: string | null;
  publishFrom: string | null;
  publishUntil: string | null;
  severity: Severity | null;
  state: RecordState;
  version: number;
  contentHash: string;
}

/** Who made a change: a person, a department system, or the platform itself. */
export interface Actor {
  kind: 'user' | 'department' | 'system';
  id: string | null;
  name: string;
}

export interface VersionRow {
  seq: number;
  recordId: number;
  subjectId: number;
  version: number;
  op: 'create' | 'update' | 'revoke' | 'state';
  snapshot: Record<string, unknown>;
  actorKind: Actor['kind'];
  actorId: string | null;
  actorName: string;
  reason: string | null;
  at: Date;
  prevHash: string;
  hash: string;
}
