import { api, apiUrl } from '../../api/client';

/** A fraction 0..1 (4 decimals); null when there was nothing to measure. */
export type Rate = number | null;
interface Named { code: string; name: string }

/** One department × category of GET /quality (Item in src/modules/quality/routes.ts). */
export interface QualityItem {
  department: Named;
  category: Named;
  obliged: boolean;
  reported: boolean;
  submissions: number;
  received: number;
  accepted: number;
  rejected: number;
  created: number;
  updated: number;
  unchanged: number;
  revoked: number;
  warnings: number;
  complianceRate: Rate;
  timeliness: { deadlineWorkingDays: number | null; evaluated: number; late: number; timelyRate: Rate; lateRate: Rate; provisional: boolean };
  completeness: { optionalFields: number; rate: Rate; fields: { code: string; label: string; filled: number; rate: Rate }[] };
  uscc: { rows: number; wrong: number; conflicts: number; errorRate: Rate };
  rejectedByReason: { code: string; rows: number }[];
}

/** One department of GET /quality (DepartmentSummary in src/modules/quality/routes.ts). */
export interface DepartmentQuality {
  department: Named;
  obligedCategories: number;
  reportedCategories: number;
  reportingRate: Rate;
  received: number;
  accepted: number;
  rejected: number;
  complianceRate: Rate;
  evaluated: number;
  late: number;
  timelyRate: Rate;
  lateRate: Rate;
  usccRows: number;
  usccErrorRate: Rate;
}

export interface QualityReport { from: string; to: string; departments: DepartmentQuality[]; items: QualityItem[] }
/** GET /quality/obligations: department and category codes. */
export interface Obligations { items: { department: string; category: string }[]; total: number }

/** The querystring of GET /quality and /quality.csv; the server defaults to this month and, for a clerk, its own department. */
export interface QualityFilters { department?: string; from?: string; to?: string }

export const getQualityReport = (f: QualityFilters, signal?: AbortSignal) => api.get<QualityReport>('/quality', { ...f }, signal);
export const qualityCsvUrl = (f: QualityFilters) => apiUrl('/quality.csv', { ...f });
export const getObligations = (department: string, signal?: AbortSignal) => api.get<Obligations>('/quality/obligations', { department }, signal);
export const setObligations = (department: string, categories: string[]) =>
  api.put<Obligations>(`/quality/obligations/${encodeURIComponent(department)}`, { categories });

export type DayKind = 'holiday' | 'workday';
export interface CalendarDay { date: string; kind: DayKind; name: string }
/** GET /calendar/days?year= (YearView in src/modules/calendar/routes.ts). */
export interface CalendarYear { year: number; published: boolean; source: string | null; items: CalendarDay[]; total: number }

export const getCalendarYear = (year: number, signal?: AbortSignal) => api.get<CalendarYear>('/calendar/days', { year }, signal);
export const setCalendarDay = (date: string, body: { kind: DayKind; name?: string }) => api.put<CalendarDay>(`/calendar/days/${date}`, body);
export const removeCalendarDay = (date: string) => api.del<void>(`/calendar/days/${date}`);
export const setCalendarYear = (year: number, body: { published: boolean; source?: string }) => api.put<CalendarYear>(`/calendar/years/${year}`, body);

/** Every rejection reason code the import path writes (ingest issue codes and prepare.ts issueCode). */
export const REJECT_REASONS = [
  'missing_required', 'invalid_uscc', 'invalid_id_number', 'invalid_date', 'invalid_number', 'invalid_enum', 'invalid_value',
  'future_decision', 'duplicate_key', 'too_long', 'unknown_field', 'subject_kind_not_allowed', 'unknown_subject', 'missing_key',
  'invalid_subject_code', 'invalid_subject', 'identifier_conflict', 'revoke_unknown_key', 'invalid_revoke_flag', 'invalid_encoding',
  'column_count', 'duplicate_columns', 'malformed_csv', 'invalid_json', 'write_failed',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];
export const isRejectReason = (code: string): code is RejectReason => (REJECT_REASONS as readonly string[]).includes(code);
