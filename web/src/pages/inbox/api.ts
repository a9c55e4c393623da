import { api } from '../../api/client';
import type { Body } from '../../api/schema';
import type { Objection, ObjectionState } from '../objection/api';

export type { Objection, ObjectionState };
export type Decision = Body<'/api/v1/objections/{id}/decision', 'post'>['decision'];
/** What staff see a case is about (CaseContextView in src/modules/cases/schema.ts): only on GET /objections/:id and /repairs/:id. */
export type CaseContext = NonNullable<Objection['context']>;

export const listObjections = (q: { state?: ObjectionState[]; overdue?: boolean; page: number }, signal?: AbortSignal) =>
  api.get('/api/v1/objections', { query: { state: q.state, overdue: q.overdue, page: q.page, pageSize: 20 } }, signal);
export const getObjection = (id: number, signal?: AbortSignal) => api.get('/api/v1/objections/{id}', { params: { id } }, signal);
export const decideObjection = (id: number, body: { decision: Decision; reason: string; fields?: Record<string, string> }) =>
  api.post('/api/v1/objections/{id}/decision', body, { params: { id } });
export const extendObjection = (id: number, reason: string) => api.post('/api/v1/objections/{id}/extend', { reason }, { params: { id } });
