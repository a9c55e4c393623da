import { api } from '../../api/client';
import type { Body, Json } from '../../api/schema';
import type { EvidenceFile } from '../../components/evidence-upload';
import type { Lang } from '../../i18n';
import { REPAIR_STATES, wordOf } from '../../i18n/words';

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

export const checkEligibility = (record: number, signal?: AbortSignal) => api.get('/api/v1/repairs/eligibility', { query: { record } }, signal);
export const applyForRepair = (body: RepairInput) => api.post('/api/v1/repairs', body);
export const getRepair = (id: number, signal?: AbortSignal) => api.get('/api/v1/repairs/{id}', { params: { id } }, signal);
export const listRepairs = (q: { state?: RepairState[]; overdue?: boolean; page: number }, signal?: AbortSignal) =>
  api.get('/api/v1/repairs', { query: { state: q.state, overdue: q.overdue, page: q.page, pageSize: 20 } }, signal);
/** Supply the missing materials of a returned application; complete, it is accepted at once. */
export const supplyMaterials = (id: number, materials: RepairInput['materials']) => api.post('/api/v1/repairs/{id}/materials', { materials }, { params: { id } });
export const decideRepair = (id: number, body: Body<'/api/v1/repairs/{id}/decision', 'post'>) => api.post('/api/v1/repairs/{id}/decision', body, { params: { id } });

/** The application's state in words: of `lang` when given, else the server's (Chinese) label. */
export const stateLabelOf = (r: Repair, lang?: Lang) => (lang ? wordOf(lang, REPAIR_STATES, r.state, r.stateLabel) : r.stateLabel);
/** The latest word on the application: a re-check overrides the decision it revisits. */
export const outcomeOf = (r: Repair) => r.recheck?.reason ?? r.decision?.reason ?? null;
export const isOpen = (r: Repair) => r.open;
