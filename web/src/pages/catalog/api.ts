import { api, type Page } from '../../api/client';
import type { Category } from '../../api/types';

export interface CatalogClass { code: string; ordinal: number; name: string; nameEn: string }

export interface NewCategory {
  code: string;
  name: string;
  nameEn?: string;
  classCode: string;
  subjectKinds: string[];
  disclosure: 'public' | 'authorised' | 'shared';
  fields: { code: string; label: string; type: string; required?: boolean }[];
  subjectFields: { name: string; uscc?: string; idNumber?: string };
  publication?: { periodMonths?: number | null };
  deadlineWorkingDays?: number | null;
  repairable?: boolean;
  adverse?: boolean;
  legalBasis?: string;
}

export const getClasses = (s?: AbortSignal) => api.get<Page<CatalogClass>>('/catalog/classes', undefined, s);
export const addCategory = (body: NewCategory) => api.post<Category>('/catalog/categories', body);
