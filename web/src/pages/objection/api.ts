import { api, type Page } from '../../api/client';
import type { EvidenceFile } from '../../components/evidence-upload';

export const GROUNDS = ['wrong', 'incomplete', 'over_period', 'wrongly_listed', 'not_removed'] as const;
export type Grounds = (typeof GROUNDS)[number];

/** One step of a case file (EventView in src/modules/objections/schema.ts); `at` is an ISO timestamp. */
export interface CaseEvent {
  id: number;
  at: string;
  type: string;
  /** The event in words (已受理、已补交材料 …). */
  label: string;
  fromState: string | null;
  toState: string | null;
  actor: { kind: string; id: string | null; name: string };
  note: string | null;
  data: Record<string, unknown>;
}

/** An uploaded evidence file or material (FileMetaView in src/modules/rules/evidence.ts). */
export interface CaseFile {
  id: number;
  /** evidence, power_of_attorney, or a repair material code. */
  role: string;
  name: string;
  contentType: string;
  bytes: number;
  sha256: string;
  uploadedBy: string;
  createdAt: string;
}

export type ObjectionState = 'received' | 'extended' | 'escalated' | 'corrected' | 'revoked' | 'maintained';

/** An objection (ObjectionView in src/modules/objections/schema.ts). */
export interface Objection {
  id: number;
  trackingNo: string;
  record: number;
  category: string;
  subjectId: number;
  department: { code: string; name: string };
  grounds: Grounds;
  groundsLabel: string;
  reason: string;
  filedBy: 'subject' | 'agent';
  agentName: string | null;
  state: ObjectionState;
  stateLabel: string;
  open: boolean;
  receivedOn: string;
  checkDue: string;
  checkedAt: string | null;
  dueOn: string;
  dueProvisional: boolean;
  overdue: boolean;
  extensions: number;
  escalatedAt: string | null;
  outcome: { reason: string; decidedOn: string; decidedBy: string; recordVersion: number | null } | null;
  rule: { code: string; version: number; params: Record<string, unknown> };
  /** Only on GET /objections/:id. */
  events?: CaseEvent[];
  /** On GET /objections/:id and POST /objections. */
  files?: CaseFile[];
}

/** The public progress view (TrackView): no subject, record, reasons or people. */
export interface Track {
  trackingNo: string;
  state: ObjectionState;
  stateLabel: string;
  /** The grounds in words (信息错误, …), not the code. */
  grounds: string;
  /** The department's name. */
  department: string;
  receivedOn: string;
  dueOn: string;
  overdue: boolean;
  decidedOn: string | null;
  /** `at` is an ISO timestamp. */
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
