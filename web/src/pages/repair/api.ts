import { api, type Page } from '../../api/client';
import type { EvidenceFile } from '../../components/evidence-upload';

export interface Eligibility {
  eligible: boolean;
  earliestDate?: string | null;
  reasons: { check?: string; ok?: boolean; message: string; rule?: string; until?: string }[];
  materials?: { key: string; required: { code: string; name: string }[] };
}

export interface Repair {
  id: number;
  state: string;
  stateLabel?: string;
  record?: number | null;
  recordId?: number | null;
  listEntry?: number | null;
  department?: { code: string | null; name: string | null } | null;
  departmentName?: string | null;
  appliedOn: string;
  acceptedOn?: string | null;
  decisionDue?: string | null;
  overdue?: boolean;
  open?: boolean;
  statement?: string | null;
  materialsMissing?: string[];
  decisionReason?: string | null;
  outcome?: { reason: string; decidedOn: string; decidedBy: string } | null;
  decidedOn?: string | null;
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

export const stateLabelOf = (r: Repair) => r.stateLabel ?? r.state;
export const outcomeOf = (r: Repair) => r.outcome?.reason ?? r.decisionReason ?? null;
export const isOpen = (r: Repair) => r.open ?? ['returned', 'accepted', 'extended'].includes(r.state);
