import { api } from '../../api/client';
import type { ExitReason, ListEntry } from '../../api/types';

export const EXIT_REASONS = ['expiry', 'repair', 'court', 'error', 'other'] as const satisfies readonly ExitReason[];

export const initiateEntry = (list: string, body: { subject: string; reason: string; documentNo?: string; department?: string; plannedExpiry?: string }) =>
  api.post<ListEntry & { list: string }>(`/lists/${encodeURIComponent(list)}/entries`, body);
export const exitEntry = (id: number, body: { reason: ExitReason; note?: string }) => api.post<ListEntry>(`/list-entries/${id}/exit`, body);
