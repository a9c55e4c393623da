import type { CommitmentParams } from '../rules/params.js';

export const COMMITMENT_TYPES = ['approval_substitute', 'missing_material', 'repair', 'voluntary', 'self_regulation', 'certification_notice'] as const;
export type CommitmentType = (typeof COMMITMENT_TYPES)[number];
/** The labels 信用中国 shows, which are also the catalog's 承诺类型 values. */
export const COMMITMENT_TYPE_LABELS: Record<CommitmentType, string> = {
  approval_substitute: '审批替代型', missing_material: '容缺受理型', repair: '信用修复型', voluntary: '主动型',
  self_regulation: '行业自律型', certification_notice: '证明事项告知承诺',
};

export const COMMITMENT_STATES = ['signed', 'fulfilled', 'breached', 'withdrawn'] as const;
export type CommitmentState = (typeof COMMITMENT_STATES)[number];
export const COMMITMENT_STATE_LABELS: Record<CommitmentState, string> = { signed: '履约中', fulfilled: '已履约', breached: '未履约（失信）', withdrawn: '已撤回' };

/** Per-item overrides of the rule's exclusions (absent = the rule decides). */
export interface ExcludedWhen {
  seriousAdverse?: boolean;
  blacklisted?: boolean;
  falseCommitment?: boolean;
}

export interface ItemRow {
  id: number;
  code: string;
  name: string;
  type: CommitmentType;
  templateText: string;
  public: boolean;
  verificationWorkingDays: number | null;
  departmentCode: string | null;
  excludedWhen: ExcludedWhen;
  legalBasis: string;
  active: boolean;
}

export interface CommitmentRow {
  id: number;
  itemId: number;
  itemCode: string;
  itemName: string;
  type: CommitmentType;
  subjectId: number;
  subjectName: string;
  departmentId: number;
  departmentCode: string;
  departmentName: string;
  channel: 'portal' | 'department';
  matter: string;
  signedText: string;
  signedOn: string;
  signerName: string;
  state: CommitmentState;
  verificationDue: string | null;
  dueProvisional: boolean;
  verificationOverdue: boolean;
  outcomeNote: string | null;
  outcomeOn: string | null;
  outcomeBy: string | null;
  publicRecordId: number | null;
  breachRecordId: number | null;
  subjectCodeCipher: Buffer | null;
  ruleCode: string;
  ruleVersion: number;
  ruleParams: CommitmentParams;
  version: number;
}
