/** Exchange (信用信息共享交换): targets, batches, receipts. */

export const TARGET_KINDS = ['upper_platform', 'department_system'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

/**
 * What a target receives. `categories`: catalog codes (empty: every category); the flags say whether
 * revocations, repairs and objection outcomes follow the records (行政处罚法 §48, 58号令: they must
 * follow upward — spec/exchange.md §2 [V]). `lists` is kept for the list ledger, not delivered yet.
 */
export interface Receives {
  categories: string[];
  lists: boolean;
  repairs: boolean;
  revocations: boolean;
  objectionOutcomes: boolean;
}

export interface TargetRow {
  id: number;
  name: string;
  kind: TargetKind;
  baseUrl: string;
  credentialCipher: Buffer;
  /** The department code this platform files under on the target (its API key's department). */
  remoteDepartment: string;
  receives: Receives;
  active: boolean;
  cursorSeq: number;
  attempts: number;
  nextAttemptAt: Date | null;
  lastError: string | null;
  lastDeliveredAt: Date | null;
  pausedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export type BatchStatus = 'pending' | 'acknowledged' | 'dead';

/** What the target said about a batch: per category its submission's counts and rejected rows, and the state changes. */
export interface Receipt {
  submissions: { category: string; submissionId: number; counts: Record<string, number>; rejected: RejectedRow[] }[];
  stateChanges: { accepted: number; duplicates: number; rejected: RejectedRow[] } | null;
}

export interface RejectedRow {
  category: string;
  sourceKey: string;
  field?: string | null;
  code: string;
  reason: string;
}

export interface BatchRow {
  id: number;
  targetId: number;
  fromSeq: number;
  toSeq: number;
  changes: number;
  status: BatchStatus;
  attempts: number;
  lastError: string | null;
  receipt: Receipt | null;
  createdAt: Date;
  acknowledgedAt: Date | null;
}

/** A ledger change as the delivery reads it: the version's snapshot and its category's code. */
export interface LedgerChange {
  seq: number;
  recordId: number;
  version: number;
  op: 'create' | 'update' | 'revoke' | 'state';
  category: string;
  sourceKey: string;
  state: string;
  fields: Record<string, string>;
  reason: string | null;
}

/** A state change one platform sends another (POST /exchange/state-changes). */
export interface StateChange {
  category: string;
  sourceKey: string;
  version: number;
  state: 'active' | 'disputed' | 'repaired' | 'revoked';
  reason: string;
}
