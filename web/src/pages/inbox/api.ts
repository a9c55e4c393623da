import { api, type Page } from '../../api/client';
import type { Objection } from '../objection/api';

export type { Objection };
export type Decision = 'correct' | 'revoke' | 'maintain';

export const listObjections = (q: { state?: string[]; overdue?: boolean; page: number }, signal?: AbortSignal) =>
  api.get<Page<Objection>>('/objections', { state: q.state, overdue: q.overdue, page: q.page, pageSize: 20 }, signal);
export const getObjection = (id: number, signal?: AbortSignal) => api.get<Objection>(`/objections/${id}`, undefined, signal);
export const decideObjection = (id: number, body: { decision: Decision; reason: string; fields?: Record<string, string> }) =>
  api.post<Objection>(`/objections/${id}/decision`, body);
export const extendObjection = (id: number, reason: string) => api.post<Objection>(`/objections/${id}/extend`, { reason });
export const getRecord = (id: number, signal?: AbortSignal) => api.get<{ id: number; fields: Record<string, unknown> }>(`/records/${id}`, undefined, signal);
