import { api, type Page } from '../../api/client';

/** A published commitment item (ItemView in src/modules/commitments/schema.ts). */
export interface CommitmentItem {
  code: string;
  name: string;
  type: string;
  typeLabel: string;
  templateText: string;
  public: boolean;
  verificationWorkingDays: number | null;
  department: string | null;
  legalBasis: string;
  active: boolean;
}

/** A signed commitment (CommitmentView in src/modules/commitments/schema.ts). */
export interface Commitment {
  id: number;
  item: { code: string; name: string; type: string; typeLabel: string };
  subject: { id: number; name: string };
  department: { code: string; name: string };
  channel: string;
  matter: string;
  signedText: string;
  signedOn: string;
  signerName: string;
  state: string;
  stateLabel: string;
  verificationDue: string | null;
  verificationOverdue: boolean;
  outcome: { on: string; by: string; note: string | null } | null;
  publicRecord: number | null;
}

export interface SignInput { item: string; matter: string; idNumber?: string; signerName?: string }

export const listItems = (s?: AbortSignal) => api.get<{ items: CommitmentItem[]; total: number }>('/commitment-items', undefined, s);
export const signCommitment = (body: SignInput) => api.post<Commitment>('/commitments', body);
export const myCommitments = (s?: AbortSignal) => api.get<Page<Commitment>>('/commitments', { page: 1, pageSize: 50 }, s);

/** Commitments the viewer may see (a department: those it accepted; the credit centre: all). */
export const listCommitments = (q: { state?: string[]; overdue?: boolean; page: number }, s?: AbortSignal) =>
  api.get<Page<Commitment>>('/commitments', { state: q.state, overdue: q.overdue, page: q.page, pageSize: 20 }, s);
/** The accepting department records fulfilment or breach (a breach files a dishonesty record). */
export const recordFulfilment = (id: number, body: { outcome: 'fulfilled' | 'breached'; note: string }) => api.post<Commitment>(`/commitments/${id}/fulfilment`, body);

export const COMMITMENT_TYPES = ['certification_notice', 'missing_material', 'approval_substitute', 'repair', 'voluntary', 'self_regulation'] as const;
export interface ItemInput {
  code: string; name: string; type: (typeof COMMITMENT_TYPES)[number]; templateText: string; public: boolean;
  verificationWorkingDays: number | null; department: string | null; legalBasis: string;
}
/** Every item, inactive ones included (credit centre). */
export const listAllItems = (s?: AbortSignal) => api.get<{ items: CommitmentItem[]; total: number }>('/commitment-items', { all: true }, s);
export const createItem = (body: ItemInput) => api.post<CommitmentItem>('/commitment-items', body);
