import { api, type Page } from '../../api/client';
import type { SubjectItem } from '../../api/types';

export const searchSubjects = (q: string, page = 1, pageSize = 10, signal?: AbortSignal) =>
  api.get<Page<SubjectItem>>('/subjects', { q, page, pageSize }, signal);
