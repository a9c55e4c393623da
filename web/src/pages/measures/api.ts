import { api } from '../../api/client';
import type { Body, Json } from '../../api/schema';

/** GET /measures: the catalogue, and beside it the review scenarios (code + Chinese name). */
export type MeasureList = Json<'/api/v1/measures', 'get'>;
/** One measure: `departments` holds implementing departments as names (a department code, where one was stored, is shown by its name). */
export type Measure = MeasureList['items'][number];
export type NewMeasure = Body<'/api/v1/measures', 'post'>;
export type MeasurePatch = Body<'/api/v1/measures/{code}', 'patch'>;
/** GET /measures/stats (measureStats in src/modules/review/feedback.ts): totals, per department, per month (YYYY-MM) and per measure. */
export type MeasureStats = Json<'/api/v1/measures/stats', 'get'>;
export interface StatsFilter { from?: string; to?: string; department?: string }

export const loadMeasures = (signal?: AbortSignal) => api.get('/api/v1/measures', {}, signal);
export const loadLists = (signal?: AbortSignal) => api.get('/api/v1/lists', {}, signal);
export const createMeasure = (body: NewMeasure) => api.post('/api/v1/measures', body);
export const updateMeasure = (code: string, body: MeasurePatch) => api.patch('/api/v1/measures/{code}', body, { params: { code } });
export const activateMeasure = (code: string) => api.post('/api/v1/measures/{code}/activate', undefined, { params: { code } });
export const deactivateMeasure = (code: string) => api.post('/api/v1/measures/{code}/deactivate', undefined, { params: { code } });
export const loadStats = (f: StatsFilter, signal?: AbortSignal) => api.get('/api/v1/measures/stats', { query: f }, signal);
