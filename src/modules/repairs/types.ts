import type { Severity } from '../catalog/types.js';
import type { RepairParams } from '../rules/params.js';

export const REPAIR_STATES = ['returned', 'accepted', 'extended', 'approved', 'rejected', 'revoked'] as const;
export type RepairState = (typeof REPAIR_STATES)[number];
export const REPAIR_STATE_LABELS: Record<RepairState, string> = {
  returned: '材料不全，已退回补正', accepted: '已受理，审核中', extended: '已延期审核', approved: '已修复', rejected: '不予修复', revoked: '修复已撤销（复查）',
};

export interface RepairRow {
  id: number;
  subjectId: number;
  recordId: number | null;
  listEntryId: number | null;
  departmentId: number | null;
  departmentCode: string | null;
  departmentName: string | null;
  severity: Severity | null;
  state: RepairState;
  filedBy: 'subject' | 'agent';
  agentName: string | null;
  statement: string | null;
  appliedOn: string;
  acceptedOn: string | null;
  decisionDue: string | null;
  dueProvisional: boolean;
  extensions: number;
  overdue: boolean;
  materialsRequired: string[];
  materialsMissing: string[];
  eligibility: Record<string, unknown>;
  decidedOn: string | null;
  decidedBy: string | null;
  decisionReason: string | null;
  recheckedOn: string | null;
  recheckReason: string | null;
  barUntil: string | null;
  pendingListExits: number[];
  ruleCode: string;
  ruleVersion: number;
  ruleParams: RepairParams;
  version: number;
}

/** What the reviewer sees of the eligibility: checked now while the case is open, as applied once it is closed. */
export interface CaseEligibility {
  at: 'now' | 'application';
  on: string;
  eligible: boolean;
  earliestDate?: string;
  reasons: { check: string; ok: boolean; message: string; until?: string }[];
}
