import { api } from '../../api/client';
import type { Json } from '../../api/schema';

export const searchSubjects = (q: string, page = 1, pageSize = 10, signal?: AbortSignal) =>
  api.get<Json<'/api/v1/subjects', 'get'>>('/subjects', { q, page, pageSize }, signal);
