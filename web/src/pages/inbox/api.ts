import { api } from '../../api/client';
import type { Body, Json } from '../../api/schema';
import type { Objection, ObjectionState } from '../objection/api';

export type { Objection, ObjectionState };
export type Decision = Body<'/api/v1/objections/{id}/decision', 'post'>['decision'];

export const listObjections = (q: { state?: ObjectionState[]; overdue?: boolean; page: number }, signal?: AbortSignal) =>
  api.get('/api/v1/objections', { query: { state: q.state, overdue: q.overdue, page: q.page, pageSize: 20 } }, signal);
export const getObjection = (id: number, signal?: AbortSignal) => api.get('/api/v1/objections/{id}', { params: { id } }, signal);
export const decideObjection = (id: number, body: { decision: Decision; reason: string; fields?: Record<string, string> }) =>
  api.post('/api/v1/objections/{id}/decision', body, { params: { id } });
export const extendObjection = (id: number, reason: string) => api.post('/api/v1/objections/{id}/extend', { reason }, { params: { id } });
/** GET /records/:id (view in src/modules/records/routes.ts); fields by catalog code. */
export type RecordView = Json<'/api/v1/records/{id}', 'get'>;
// The clerk reads the record a case concerns to decide the case: that is the purpose the audit log keeps.
export const getRecord = (id: number, signal?: AbortSignal) => api.get('/api/v1/records/{id}', { params: { id }, query: { purpose: '办理异议、修复等申请' } }, signal);
