import type { CaseKind } from '../cases/kind.js';
import { repairStore, type RepairChange } from './repo.js';
import type { RepairRow, RepairState } from './types.js';

/** The rule version a case followed, in words (notes, notices and the record ledger). */
export const ruleTag = (r: RepairRow) => `信用修复规则第 ${r.ruleVersion} 版`;

/** The repair (信用修复) case kind: every move is one transaction with one repair_event row. */
export const REPAIR_CASE: CaseKind<RepairState, RepairRow, RepairChange> = {
  name: 'repair',
  transitions: {
    returned: ['accepted'],
    accepted: ['extended', 'approved', 'rejected'],
    extended: ['approved', 'rejected'],
    approved: ['revoked'],
    rejected: [],
    revoked: [],
  },
  open: ['returned', 'accepted', 'extended'],
  // A granted repair may be re-checked (复查) and confirmed; revoking it is a transition.
  steps: { rechecked: ['approved'] },
  readers: { subject: '只能查看本主体的案件', department: '只能查看本部门的案件' },
  deadline: {
    states: ['accepted', 'extended'],
    dueOf: (r) => r.decisionDue,
    flagged: (r) => r.overdue,
    // Past the decision deadline: flagged, and the credit centre told.
    overdue: (r) => ({
      to: r.state,
      event: { type: 'overdue', note: `决定期限 ${r.decisionDue} 已过`, data: { decisionDue: r.decisionDue } },
      notify: [{ audience: 'centre', kind: 'repair.overdue', refType: 'repair', refId: r.id, title: `信用修复逾期未决 #${r.id}`, body: `决定期限 ${r.decisionDue} 已过（${r.departmentName ?? '—'}）` }],
    }),
  },
  listExits: {
    pending: (r) => r.pendingListExits,
    reason: 'repair',
    note: (r) => `信用修复 #${r.id}（${ruleTag(r)}）`,
  },
  store: repairStore,
};
