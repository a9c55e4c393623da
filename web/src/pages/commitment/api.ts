import { api } from '../../api/client';
import type { Body, Json } from '../../api/schema';

export type CommitmentItems = Json<'/api/v1/commitment-items', 'get'>;
/** A published commitment item (ItemView in src/modules/commitments/schema.ts). */
export type CommitmentItem = CommitmentItems['items'][number];

export type Commitments = Json<'/api/v1/commitments', 'get'>;
/** A signed commitment (CommitmentView in src/modules/commitments/schema.ts). */
export type Commitment = Commitments['items'][number];

/** The portal's signing form: a subject signs for itself (no party or department). */
export type SignInput = Pick<Body<'/api/v1/commitments', 'post'>, 'item' | 'matter' | 'idNumber' | 'signerName' | 'department'>;

export const listItems = (s?: AbortSignal) => api.get('/api/v1/commitment-items', {}, s);
/** The text the signer would sign, filled with their data; whether the item needs a department chosen. */
export const previewCommitment = (code: string, q: { matter?: string; department?: string }, s?: AbortSignal) =>
  api.get('/api/v1/commitment-items/{code}/preview', { params: { code }, query: q }, s);
export const signCommitment = (body: SignInput) => api.post('/api/v1/commitments', body);
export const myCommitments = (s?: AbortSignal) => api.get('/api/v1/commitments', { query: { page: 1, pageSize: 50 } }, s);

/** The commitment states the inbox filters by; the API sends `state` as a plain string. */
export type CommitmentState = 'signed' | 'fulfilled' | 'breached' | 'withdrawn';

/** Commitments the viewer may see (a department: those it accepted; the credit centre: all). */
export const listCommitments = (q: { state?: CommitmentState[]; overdue?: boolean; page: number }, s?: AbortSignal) =>
  api.get('/api/v1/commitments', { query: { state: q.state, overdue: q.overdue, page: q.page, pageSize: 20 } }, s);
/** The accepting department records fulfilment or breach (a breach files a dishonesty record). */
export const recordFulfilment = (id: number, body: Body<'/api/v1/commitments/{id}/fulfilment', 'post'>) => api.post('/api/v1/commitments/{id}/fulfilment', body, { params: { id } });

export const COMMITMENT_TYPES = ['certification_notice', 'missing_material', 'approval_substitute', 'repair', 'voluntary', 'self_regulation'] as const satisfies readonly Body<'/api/v1/commitment-items', 'post'>['type'][];
export interface ItemInput {
  code: string; name: string; type: (typeof COMMITMENT_TYPES)[number]; templateText: string; public: boolean;
  verificationWorkingDays: number | null; department: string | null; legalBasis: string;
}
/** Every item, inactive ones included (credit centre). */
export const listAllItems = (s?: AbortSignal) => api.get('/api/v1/commitment-items', { query: { all: true } }, s);
export const createItem = (body: ItemInput) => api.post('/api/v1/commitment-items', body);
