import { api } from '../../api/client';
import type { Body, Json } from '../../api/schema';
import type { ExitReason } from '../../api/types';

export const EXIT_REASONS = ['expiry', 'repair', 'court', 'error', 'other'] as const satisfies readonly ExitReason[];

export const initiateEntry = (list: string, body: { subject: string; reason: string; documentNo?: string; department?: string; plannedExpiry?: string }) =>
  api.post<Json<'/api/v1/lists/{code}/entries', 'post', 201>>(`/lists/${encodeURIComponent(list)}/entries`, body satisfies Body<'/api/v1/lists/{code}/entries', 'post'>);
export const exitEntry = (id: number, body: Body<'/api/v1/list-entries/{id}/exit', 'post'>) => api.post<Json<'/api/v1/list-entries/{id}/exit', 'post'>>(`/list-entries/${id}/exit`, body);
