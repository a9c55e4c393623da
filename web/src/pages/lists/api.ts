import { api } from '../../api/client';
import type { Json } from '../../api/schema';

export const getLists = (signal?: AbortSignal) => api.get<Json<'/api/v1/lists', 'get'>>('/lists', undefined, signal);

export const getEntries = (code: string, q: { page: number; pageSize: number; state?: 'listed' | 'exited' | 'all' }, signal?: AbortSignal) =>
  api.get<Json<'/api/v1/lists/{code}/entries', 'get'>>(`/lists/${encodeURIComponent(code)}/entries`, { ...q }, signal);
