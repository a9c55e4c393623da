import { api } from '../../api/client';
import type { Body, Json } from '../../api/schema';
import type { EvidenceFile } from '../../components/evidence-upload';

/** GET /repairs/eligibility (EligibilityView in src/modules/repairs/schema.ts); earliestDate only when not eligible yet. */
export type Eligibility = Json<'/api/v1/repairs/eligibility', 'get'>;

/** The repair states the inbox filters by; the API sends `state` as a plain string. */
export type RepairState = 'returned' | 'accepted' | 'extended' | 'approved' | 'rejected' | 'revoked';

/** A repair application as the API returns it (RepairView in src/modules/repairs/schema.ts); `events` and `files` only on GET /repairs/:id. */
export type Repair = Json<'/api/v1/repairs/{id}', 'get'>;
export type Repairs = Json<'/api/v1/repairs', 'get'>;

export interface RepairInput {
  record: number;
  statement?: string;
  materials: { code: string; file: EvidenceFile }[];
}

export const checkEligibility = (record: number, signal?: AbortSignal) => api.get<Eligibility>('/repairs/eligibility', { record }, signal);
export const applyForRepair = (body: RepairInput) => api.post<Json<'/api/v1/repairs', 'post', 201>>('/repairs', body satisfies Body<'/api/v1/repairs', 'post'>);
export const getRepair = (id: number, signal?: AbortSignal) => api.get<Repair>(`/repairs/${id}`, undefined, signal);
export const listRepairs = (q: { state?: RepairState[]; overdue?: boolean; page: number }, signal?: AbortSignal) =>
  api.get<Repairs>('/repairs', { state: q.state, overdue: q.overdue, page: q.page, pageSize: 20 }, signal);
/** Supply the missing materials of a returned application; complete, it is accepted at once. */
export const supplyMaterials = (id: number, materials: RepairInput['materials']) => api.post<Json<'/api/v1/repairs/{id}/materials', 'post'>>(`/repairs/${id}/materials`, { materials } satisfies Body<'/api/v1/repairs/{id}/materials', 'post'>);
export const decideRepair = (id: number, body: Body<'/api/v1/repairs/{id}/decision', 'post'>) => api.post<Json<'/api/v1/repairs/{id}/decision', 'post'>>(`/repairs/${id}/decision`, body);

export const stateLabelOf = (r: Repair) => r.stateLabel;
/** The latest word on the application: a re-check overrides the decision it revisits. */
export const outcomeOf = (r: Repair) => r.recheck?.reason ?? r.decision?.reason ?? null;
export const isOpen = (r: Repair) => r.open;
