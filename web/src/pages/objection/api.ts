import { api } from '../../api/client';
import type { Body, Json } from '../../api/schema';
import type { EvidenceFile } from '../../components/evidence-upload';

export const GROUNDS = ['wrong', 'incomplete', 'over_period', 'wrongly_listed', 'not_removed'] as const satisfies readonly Body<'/api/v1/objections', 'post'>['grounds'][];
export type Grounds = (typeof GROUNDS)[number];

/** An objection (ObjectionView in src/modules/objections/schema.ts); `events` and `files` only on GET /objections/:id and POST /objections. */
export type Objection = Json<'/api/v1/objections/{id}', 'get'>;
export type Objections = Json<'/api/v1/objections', 'get'>;

/** One step of a case file (EventView in src/modules/objections/schema.ts); `at` is an ISO timestamp. */
export type CaseEvent = NonNullable<Objection['events']>[number];

/** An uploaded evidence file or material (FileMetaView in src/modules/cases/evidence.ts); role: evidence, power_of_attorney, or a repair material code. */
export type CaseFile = NonNullable<Objection['files']>[number];

/** The objection states the inbox filters by; the API sends `state` as a plain string. */
export type ObjectionState = 'received' | 'extended' | 'escalated' | 'corrected' | 'revoked' | 'maintained';

/** The public progress view (TrackView): no subject, record, reasons or people. */
export type Track = Json<'/api/v1/objections/track/{trackingNo}', 'get'>;

export interface ObjectionInput {
  record: number;
  grounds: Grounds;
  reason: string;
  evidence?: EvidenceFile[];
  agentName?: string;
  powerOfAttorney?: EvidenceFile;
}

export const fileObjection = (body: ObjectionInput) => api.post('/api/v1/objections', body);
export const trackObjection = (no: string, signal?: AbortSignal) => api.get('/api/v1/objections/track/{trackingNo}', { params: { trackingNo: no } }, signal);
export const myObjections = (signal?: AbortSignal) => api.get('/api/v1/objections', { query: { pageSize: 50 } }, signal);
