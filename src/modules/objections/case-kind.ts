import type { CaseKind } from '../cases/kind.js';
import { objectionStore, type ObjectionChange } from './repo.js';
import type { ObjectionRow, ObjectionState } from './types.js';

/** The objection (异议) case kind: every move is one transaction with one objection_event row. */
export const OBJECTION_CASE: CaseKind<ObjectionState, ObjectionRow, ObjectionChange> = {
  name: 'objection',
  transitions: {
    received: ['extended', 'escalated', 'corrected', 'revoked', 'maintained'],
    extended: ['escalated', 'corrected', 'revoked', 'maintained'],
    escalated: ['corrected', 'revoked', 'maintained'],
    corrected: [],
    revoked: [],
    maintained: [],
  },
  open: ['received', 'extended', 'escalated'],
  // The credit centre checks the record against its source while the case is open.
  steps: { checked: ['received', 'extended', 'escalated'] },
  readers: { subject: '只能查看本主体的案件', department: '只能查看本部门的案件' },
  deadline: {
    states: ['received', 'extended'],
    dueOf: (o) => o.dueOn,
    flagged: (o) => o.overdue,
    // Past the deadline: flagged and, when the case's rule says so, escalated to the credit centre.
    overdue: (o, now) => {
      const to: ObjectionState = o.ruleParams.escalateOverdue ? 'escalated' : o.state;
      const body = `异议 ${o.trackingNo}（${o.departmentName}，记录 #${o.recordId}）答复期限 ${o.dueOn} 已过${to === 'escalated' ? '，已上报信用中心督办' : ''}`;
      const note = { kind: 'objection.overdue', refType: 'objection', refId: o.id, title: `异议逾期：${o.trackingNo}`, body };
      return {
        to, set: { state: to, ...(to === 'escalated' ? { escalatedAt: now } : {}) },
        event: { type: to === 'escalated' ? 'escalated' : 'overdue', note: `答复期限 ${o.dueOn} 已过`, data: { dueOn: o.dueOn } },
        notify: [{ audience: 'centre', ...note }, { audience: 'department', departmentId: o.departmentId, ...note }],
      };
    },
  },
  listExits: {
    pending: (o) => o.pendingListExits,
    reason: 'error',
    note: (o) => `异议 ${o.trackingNo} 成立，所依据的记录已撤销`,
  },
  store: objectionStore,
};
