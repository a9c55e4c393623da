import { api, type Page } from '../../api/client';
import type { ListInfo, PublicListEntry } from '../../api/types';

export const getLists = (signal?: AbortSignal) => api.get<Page<ListInfo>>('/lists', undefined, signal);

export const getEntries = (code: string, q: { page: number; pageSize: number; state?: 'listed' | 'exited' | 'all' }, signal?: AbortSignal) =>
  api.get<Page<PublicListEntry>>(`/lists/${encodeURIComponent(code)}/entries`, { ...q }, signal);
