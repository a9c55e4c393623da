import { api } from '../../api/client';
import type { Json } from '../../api/schema';

export type RecordStats = Json<'/api/v1/dashboard/records', 'get'>;
export type GradeStats = Json<'/api/v1/dashboard/grades', 'get'>;
export type ListStats = Json<'/api/v1/dashboard/list-entries', 'get'>;
export type DistrictStats = Json<'/api/v1/dashboard/districts', 'get'>;
export type QualityReport = Json<'/api/v1/quality', 'get'>;

export const getRecordStats = (s?: AbortSignal) => api.get('/api/v1/dashboard/records', {}, s);
export const getGradeStats = (s?: AbortSignal) => api.get('/api/v1/dashboard/grades', {}, s);
export const getListStats = (s?: AbortSignal) => api.get('/api/v1/dashboard/list-entries', {}, s);
export const getDistrictStats = (s?: AbortSignal) => api.get('/api/v1/dashboard/districts', {}, s);
export const getQuality = (s?: AbortSignal) => api.get('/api/v1/quality', {}, s);
