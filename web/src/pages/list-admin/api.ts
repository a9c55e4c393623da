import { api } from '../../api/client';
import type { Body } from '../../api/schema';
import type { ExitReason } from '../../api/types';

export const EXIT_REASONS = ['expiry', 'repair', 'court', 'error', 'other'] as const satisfies readonly ExitReason[];

export const initiateEntry = (list: string, body: { subject: string; reason: string; documentNo?: string; department?: string; plannedExpiry?: string }) =>
  api.post('/api/v1/lists/{code}/entries', body, { params: { code: list } });
export const exitEntry = (id: number, body: Body<'/api/v1/list-entries/{id}/exit', 'post'>) => api.post('/api/v1/list-entries/{id}/exit', body, { params: { id } });
