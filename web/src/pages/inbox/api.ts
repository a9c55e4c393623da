import { api, type Page } from '../../api/client';
import type { Objection, ObjectionState } from '../objection/api';

export type { Objection, ObjectionState };
export type Decision = 'correct' | 'revoke' | 'maintain';

export const listObjections = (q: { state?: ObjectionState[]; overdue?: boolean; page: number }, signal?: AbortSignal) =>
  api.get<Page<Objection>>('/objections', { state: q.state, overdue: q.overdue, page: q.page, pageSize: 20 }, signal);
export const getObjection = (id: number, signal?: AbortSignal) => api.get<Objection>(`/objections/${id}`, undefined, signal);
export const decideObjection = (id: number, body: { decision: Decision; reason: string; fields?: Record<string, string> }) =>
  api.post<Objection>(`/objections/${id}/decision`, body);
export const extendObjection = (id: number, reason: string) => api.post<Objection>(`/objections/${id}/extend`, { reason });
/** GET /records/:id (view in src/modules/records/routes.ts); fields by catalog code. */
export interface RecordView {
  id: number; subjectId: number; categoryId: number; departmentId: number; sourceKey: string;
  fields: Record<string, string | number | null>;
  decidedOn: string | null; validFrom: string | null; validUntil: string | null; publishFrom: string | null; publishUntil: string | null;
  severity: string | null; state: string; version: number;
}
export const getRecord = (id: number, signal?: AbortSignal) => api.get<RecordView>(`/records/${id}`, undefined, signal);
