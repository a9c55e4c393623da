import { api } from '../../api/client';

export const searchSubjects = (q: string, page = 1, pageSize = 10, signal?: AbortSignal) =>
  api.get('/api/v1/subjects', { query: { q, page, pageSize } }, signal);
