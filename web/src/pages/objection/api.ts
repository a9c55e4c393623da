import { api, type Page } from '../../api/client';
import type { EvidenceFile } from '../../components/evidence-upload';

export const GROUNDS = ['wrong', 'incomplete', 'over_period', 'wrongly_listed', 'not_removed'] as const;
export type Grounds = (typeof GROUNDS)[number];

export interface Objection {
  id: number;
  trackingNo: string;
  record: number;
  category: string;
  subjectId: number;
  department: { code: string; name: string };
  grounds: string;
  groundsLabel: string;
  reason: string;
  filedBy: string;
  agentName: string | null;
  state: string;
  stateLabel: string;
  open: boolean;
  receivedOn: string;
  checkDue: string;
  dueOn: string;
  overdue: boolean;
  extensions: number;
  outcome: { reason: string; decidedOn: string; decidedBy: string; recordVersion: number | null } | null;
  events?: { id: number; at: string; type: string; toState: string | null; actor: { name: string }; note: string | null }[];
  files?: { id: number; name: string; bytes: number; contentType: string }[];
}

export interface Track {
  trackingNo: string;
  state: string;
  stateLabel: string;
  grounds: string;
  department: string;
  receivedOn: string;
  dueOn: string;
  overdue: boolean;
  decidedOn: string | null;
  steps: { at: string; step: string }[];
}

export interface ObjectionInput {
  record: number;
  grounds: Grounds;
  reason: string;
  evidence?: EvidenceFile[];
  agentName?: string;
  powerOfAttorney?: EvidenceFile;
}

export const fileObjection = (body: ObjectionInput) => api.post<Objection>('/objections', body);
export const trackObjection = (no: string, signal?: AbortSignal) => api.get<Track>(`/objections/track/${encodeURIComponent(no)}`, undefined, signal);
export const myObjections = (signal?: AbortSignal) => api.get<Page<Objection>>('/objections', { pageSize: 50 }, signal);
