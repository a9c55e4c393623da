import type { CaseKind } from '../cases/kind.js';
import { commitmentStore, type CommitmentChange } from './repo.js';
import type { CommitmentRow, CommitmentState } from './types.js';

/** The commitment (信用承诺) case kind: every move is one transaction with one commitment_event row. */
export const COMMITMENT_CASE: CaseKind<CommitmentState, CommitmentRow, CommitmentChange> = {
  name: 'commitment',
  transitions: {
    signed: ['fulfilled', 'breached', 'withdrawn'],
    fulfilled: [],
    breached: [],
    withdrawn: [],
  },
  open: ['signed'],
  steps: {},
  readers: { subject: '只能查看本主体的承诺', department: '只能查看本部门受理的承诺' },
  deadline: {
    states: ['signed'],
    dueOf: (c) => c.verificationDue,
    flagged: (c) => c.verificationOverdue,
    // Notified commitments not verified by their deadline: flagged, the department and the centre told.
    overdue: (c) => {
      const body = `${c.subjectName}：${c.matter}（核查期限 ${c.verificationDue}）`;
      const note = { kind: 'commitment.unverified', refType: 'commitment', refId: c.id, body };
      return {
        to: c.state,
        event: { type: 'verification_overdue', note: `核查期限 ${c.verificationDue} 已过`, data: { verificationDue: c.verificationDue } },
        notify: [
          { audience: 'department', departmentId: c.departmentId, ...note, title: `承诺逾期未核查 #${c.id}` },
          { audience: 'centre', ...note, title: `承诺逾期未核查 #${c.id}（${c.departmentName}）` },
        ],
      };
    },
  },
  store: commitmentStore,
};
