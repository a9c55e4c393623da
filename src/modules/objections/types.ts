import type { ObjectionParams } from '../rules/params.js';

export const OBJECTION_GROUNDS = ['wrong', 'incomplete', 'over_period', 'wrongly_listed', 'not_removed'] as const;
export type ObjectionGrounds = (typeof OBJECTION_GROUNDS)[number];
export const GROUND_LABELS: Record<ObjectionGrounds, string> = {
  wrong: '信息错误', incomplete: '信息遗漏', over_period: '超期公示', wrongly_listed: '错误列入名单', not_removed: '应删除未删除',
};

export const OBJECTION_STATES = ['received', 'extended', 'escalated', 'corrected', 'revoked', 'maintained'] as const;
export type ObjectionState = (typeof OBJECTION_STATES)[number];
export const OBJECTION_STATE_LABELS: Record<ObjectionState, string> = {
  received: '已受理，异议处理中', extended: '已延期，异议处理中', escalated: '逾期未答复，已上报信用中心',
  corrected: '异议成立，已更正', revoked: '异议成立，记录已撤销', maintained: '异议不成立，维持原记录',
};

export const OBJECTION_DECISIONS = ['correct', 'revoke', 'maintain'] as const;
export type ObjectionDecision = (typeof OBJECTION_DECISIONS)[number];
export const DECISION_STATE: Record<ObjectionDecision, ObjectionState> = { correct: 'corrected', revoke: 'revoked', maintain: 'maintained' };

export interface ObjectionRow {
  id: number;
  trackingNo: string;
  recordId: number;
  subjectId: number;
  departmentId: number;
  departmentCode: string;
  departmentName: string;
  categoryCode: string;
  grounds: ObjectionGrounds;
  reason: string;
  filedBy: 'subject' | 'agent';
  agentName: string | null;
  state: ObjectionState;
  receivedOn: string;
  checkDue: string;
  checkedAt: Date | null;
  dueOn: string;
  dueProvisional: boolean;
  extensions: number;
  overdue: boolean;
  escalatedAt: Date | null;
  outcomeReason: string | null;
  decidedOn: string | null;
  decidedBy: string | null;
  recordVersionAfter: number | null;
  pendingListExits: number[];
  ruleCode: string;
  ruleVersion: number;
  ruleParams: ObjectionParams;
  version: number;
}
