import { api } from '../../api/client';
import type { Body, Json } from '../../api/schema';

export type CatalogClasses = Json<'/api/v1/catalog/classes', 'get'>;
export type CatalogClass = CatalogClasses['items'][number];

/** What the category form sends; the server fills the fields left out with their defaults. */
export type NewCategory = Pick<Body<'/api/v1/catalog/categories', 'post'>,
  'code' | 'name' | 'nameEn' | 'classCode' | 'subjectKinds' | 'disclosure' | 'fields' | 'subjectFields' | 'publication' | 'deadlineWorkingDays' | 'repairable' | 'adverse' | 'legalBasis'>;

export const getClasses = (s?: AbortSignal) => api.get('/api/v1/catalog/classes', {}, s);
export const addCategory = (body: NewCategory) => api.post('/api/v1/catalog/categories', body);
