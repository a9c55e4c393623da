import { api } from '../../api/client';
import type { Body, Json } from '../../api/schema';
import type { Objection, ObjectionState, Objections } from '../objection/api';

export type { Objection, ObjectionState };
export type Decision = Body<'/api/v1/objections/{id}/decision', 'post'>['decision'];

export const listObjections = (q: { state?: ObjectionState[]; overdue?: boolean; page: number }, signal?: AbortSignal) =>
  api.get<Objections>('/objections', { state: q.state, overdue: q.overdue, page: q.page, pageSize: 20 }, signal);
export const getObjection = (id: number, signal?: AbortSignal) => api.get<Objection>(`/objections/${id}`, undefined, signal);
export const decideObjection = (id: number, body: { decision: Decision; reason: string; fields?: Record<string, string> }) =>
  api.post<Json<'/api/v1/objections/{id}/decision', 'post'>>(`/objections/${id}/decision`, body satisfies Body<'/api/v1/objections/{id}/decision', 'post'>);
export const extendObjection = (id: number, reason: string) => api.post<Json<'/api/v1/objections/{id}/extend', 'post'>>(`/objections/${id}/extend`, { reason });
/** GET /records/:id (view in src/modules/records/routes.ts); fields by catalog code. */
export type RecordView = Json<'/api/v1/records/{id}', 'get'>;
export const getRecord = (id: number, signal?: AbortSignal) => api.get<RecordView>(`/records/${id}`, undefined, signal);
