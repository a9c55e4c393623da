import { api, type Page } from '../../api/client';
import type { ListEntry, ListInfo } from '../../api/types';

export const getLists = (signal?: AbortSignal) => api.get<Page<ListInfo>>('/lists', undefined, signal);

export const getEntries = (code: string, q: { page: number; pageSize: number; state?: 'listed' | 'exited' | 'all' }, signal?: AbortSignal) =>
  api.get<Page<ListEntry>>(`/lists/${encodeURIComponent(code)}/entries`, { ...q }, signal);
