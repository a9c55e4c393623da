import { api, type Page } from '../../api/client';
import type { EvidenceFile } from '../../components/evidence-upload';

export interface Eligibility {
  eligible: boolean;
  earliestDate?: string | null;
  reasons: { check?: string; ok?: boolean; message: string; rule?: string; until?: string }[];
  materials?: { key: string; required: { code: string; name: string }[] };
}

/** A repair application as the API returns it (RepairView in src/modules/repairs/schema.ts). */
export interface Repair {
  id: number;
  state: string;
  stateLabel: string;
  open: boolean;
  record: number | null;
  listEntry: number | null;
  department: { code: string; name: string } | null;
  appliedOn: string;
  acceptedOn: string | null;
  decisionDue: string | null;
  overdue: boolean;
  statement: string | null;
  materials: { required: { code: string; name: string }[]; missing: { code: string; name: string }[] };
  decision: { decidedOn: string; decidedBy: string; reason: string } | null;
  recheck: { recheckedOn: string; reason: string } | null;
}

export interface RepairInput {
  record: number;
  statement?: string;
  materials: { code: string; file: EvidenceFile }[];
}

export const checkEligibility = (record: number, signal?: AbortSignal) => api.get<Eligibility>('/repairs/eligibility', { record }, signal);
export const applyForRepair = (body: RepairInput) => api.post<Repair>('/repairs', body);
export const getRepair = (id: number, signal?: AbortSignal) => api.get<Repair>(`/repairs/${id}`, undefined, signal);
export const listRepairs = (q: { state?: string[]; overdue?: boolean; page: number }, signal?: AbortSignal) =>
  api.get<Page<Repair>>('/repairs', { state: q.state, overdue: q.overdue, page: q.page, pageSize: 20 }, signal);
export const decideRepair = (id: number, body: { decision: 'approve' | 'reject'; reason: string }) => api.post<Repair>(`/repairs/${id}/decision`, body);

export const stateLabelOf = (r: Repair) => r.stateLabel;
/** The latest word on the application: a re-check overrides the decision it revisits. */
export const outcomeOf = (r: Repair) => r.recheck?.reason ?? r.decision?.reason ?? null;
export const isOpen = (r: Repair) => r.open;
