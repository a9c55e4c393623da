import { api } from '../../api/client';

export const getLists = (signal?: AbortSignal) => api.get('/api/v1/lists', {}, signal);

export const getEntries = (code: string, q: { page: number; pageSize: number; state?: 'listed' | 'exited' | 'all' }, signal?: AbortSignal) =>
  api.get('/api/v1/lists/{code}/entries', { params: { code }, query: q }, signal);
