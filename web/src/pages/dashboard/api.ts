import { api } from '../../api/client';

export interface RecordStats { from: string; to: string; scope: string; items: { month: string; category: string; categoryName: string; count: number }[] }
export interface GradeStats { runs: { runId: number; model: string; modelName: string; asOf: string }[]; items: { region: { code: string | null; name: string | null }; industry: string | null; grade: string; count: number }[] }
export interface ListStats { from: string; to: string; items: { month: string; kind: string; entered: number; exited: number }[] }
export interface DistrictStats { items: { region: string; name: string; subjects: number; records: number; adverse: number; listed: number }[] }
export interface QualityReport {
  from: string;
  to: string;
  departments: { department: { code: string; name: string }; received: number; accepted: number; rejected: number; complianceRate: number | null; timelyRate: number | null; reportingRate: number | null; usccErrorRate: number | null }[];
}

export const getRecordStats = (s?: AbortSignal) => api.get<RecordStats>('/dashboard/records', undefined, s);
export const getGradeStats = (s?: AbortSignal) => api.get<GradeStats>('/dashboard/grades', undefined, s);
export const getListStats = (s?: AbortSignal) => api.get<ListStats>('/dashboard/list-entries', undefined, s);
export const getDistrictStats = (s?: AbortSignal) => api.get<DistrictStats>('/dashboard/districts', undefined, s);
export const getQuality = (s?: AbortSignal) => api.get<QualityReport>('/quality', undefined, s);
