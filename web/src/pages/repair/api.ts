import { api, type Page } from '../../api/client';
import type { EvidenceFile } from '../../components/evidence-upload';
import type { CaseEvent, CaseFile } from '../objection/api';

/** GET /repairs/eligibility (EligibilityView in src/modules/repairs/schema.ts). */
export interface Eligibility {
  eligible: boolean;
  /** When not eligible yet: the first day it will be. */
  earliestDate?: string;
  severity: string | null;
  rule: { code: string; version: number };
  reasons: { check: string; ok: boolean; message: string; rule: string; until?: string }[];
  materials: { key: string; required: { code: string; name: string }[] };
}

/** A repair application as the API returns it (RepairView in src/modules/repairs/schema.ts). */
export type RepairState = 'returned' | 'accepted' | 'extended' | 'approved' | 'rejected' | 'revoked';

export interface Repair {
  id: number;
  subjectId: number;
  state: RepairState;
  stateLabel: string;
  open: boolean;
  record: number | null;
  listEntry: number | null;
  department: { code: string; name: string } | null;
  severity: string | null;
  filedBy: 'subject' | 'agent';
  agentName: string | null;
  appliedOn: string;
  acceptedOn: string | null;
  decisionDue: string | null;
  dueProvisional: boolean;
  extensions: number;
  overdue: boolean;
  statement: string | null;
  materials: { required: { code: string; name: string }[]; missing: { code: string; name: string }[] };
  decision: { decidedOn: string; decidedBy: string; reason: string } | null;
  recheck: { recheckedOn: string; reason: string } | null;
  barUntil: string | null;
  /** Only on GET /repairs/:id: the case history and the uploaded materials. */
  events?: CaseEvent[];
  files?: CaseFile[];
}

export interface RepairInput {
  record: number;
  statement?: string;
  materials: { code: string; file: EvidenceFile }[];
}

export const checkEligibility = (record: number, signal?: AbortSignal) => api.get<Eligibility>('/repairs/eligibility', { record }, signal);
export const applyForRepair = (body: RepairInput) => api.post<Repair>('/repairs', body);
export const getRepair = (id: number, signal?: AbortSignal) => api.get<Repair>(`/repairs/${id}`, undefined, signal);
export const listRepairs = (q: { state?: RepairState[]; overdue?: boolean; page: number }, signal?: AbortSignal) =>
  api.get<Page<Repair>>('/repairs', { state: q.state, overdue: q.overdue, page: q.page, pageSize: 20 }, signal);
/** Supply the missing materials of a returned application; complete, it is accepted at once. */
export const supplyMaterials = (id: number, materials: RepairInput['materials']) => api.post<Repair>(`/repairs/${id}/materials`, { materials });
export const decideRepair = (id: number, body: { decision: 'approve' | 'reject'; reason: string }) => api.post<Repair>(`/repairs/${id}/decision`, body);

export const stateLabelOf = (r: Repair) => r.stateLabel;
/** The latest word on the application: a re-check overrides the decision it revisits. */
export const outcomeOf = (r: Repair) => r.recheck?.reason ?? r.decision?.reason ?? null;
export const isOpen = (r: Repair) => r.open;
