import { api, apiUrl } from '../../api/client';
import type { Body, Json } from '../../api/schema';

/** GET /quality (Item and DepartmentSummary in src/modules/quality/routes.ts). */
export type QualityReport = Json<'/api/v1/quality', 'get'>;
/** One department × category. */
export type QualityItem = QualityReport['items'][number];
/** One department. */
export type DepartmentQuality = QualityReport['departments'][number];
/** A fraction 0..1 (4 decimals); null when there was nothing to measure. */
export type Rate = DepartmentQuality['reportingRate'];
/** GET /quality/obligations: department and category codes. */
export type Obligations = Json<'/api/v1/quality/obligations', 'get'>;

/** The querystring of GET /quality and /quality.csv; the server defaults to this month and, for a clerk, its own department. */
export interface QualityFilters { department?: string; from?: string; to?: string }

export const getQualityReport = (f: QualityFilters, signal?: AbortSignal) => api.get('/api/v1/quality', { query: f }, signal);
export const qualityCsvUrl = (f: QualityFilters) => apiUrl('/quality.csv', { ...f });
export const getObligations = (department: string, signal?: AbortSignal) => api.get('/api/v1/quality/obligations', { query: { department } }, signal);
export const setObligations = (department: string, categories: string[]) =>
  api.put('/api/v1/quality/obligations/{department}', { categories }, { params: { department } });

/** GET /calendar/days?year= (YearView in src/modules/calendar/routes.ts). */
export type CalendarYear = Json<'/api/v1/calendar/days', 'get'>;
export type CalendarDay = CalendarYear['items'][number];
export type DayKind = CalendarDay['kind'];

export const getCalendarYear = (year: number, signal?: AbortSignal) => api.get('/api/v1/calendar/days', { query: { year } }, signal);
export const setCalendarDay = (date: string, body: Body<'/api/v1/calendar/days/{date}', 'put'>) => api.put('/api/v1/calendar/days/{date}', body, { params: { date } });
export const removeCalendarDay = (date: string) => api.del('/api/v1/calendar/days/{date}', { params: { date } });
export const setCalendarYear = (year: number, body: Body<'/api/v1/calendar/years/{year}', 'put'>) => api.put('/api/v1/calendar/years/{year}', body, { params: { year } });

/** Every rejection reason code the import path writes (ingest issue codes and prepare.ts issueCode). */
export const REJECT_REASONS = [
  'missing_required', 'invalid_uscc', 'invalid_id_number', 'invalid_date', 'invalid_number', 'invalid_enum', 'invalid_value',
  'future_decision', 'duplicate_key', 'too_long', 'unknown_field', 'subject_kind_not_allowed', 'unknown_subject', 'missing_key',
  'invalid_subject_code', 'invalid_subject', 'identifier_conflict', 'revoke_unknown_key', 'invalid_revoke_flag', 'invalid_encoding',
  'column_count', 'duplicate_columns', 'malformed_csv', 'invalid_json', 'write_failed',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];
export const isRejectReason = (code: string): code is RejectReason => (REJECT_REASONS as readonly string[]).includes(code);
