import { api } from '../../api/client';
import type { Json } from '../../api/schema';

export type CatalogClasses = Json<'/api/v1/catalog/classes', 'get'>;
export type CatalogClass = CatalogClasses['items'][number];

/** What the category form sends; the server fills the rest with defaults (Body<'/api/v1/catalog/categories', 'post'>). */

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

export const getClasses = (s?: AbortSignal) => api.get<CatalogClasses>('/catalog/classes', undefined, s);
export const addCategory = (body: NewCategory) => api.post<Json<'/api/v1/catalog/categories', 'post', 201>>('/catalog/categories', body);
