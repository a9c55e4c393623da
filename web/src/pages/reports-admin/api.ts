import { api, apiUrl } from '../../api/client';
import type { Body, Json } from '../../api/schema';

/** GET /reports (credit center): issued reports, newest first (IssuedReportRow in src/modules/reports/schema.ts); times are ISO. */
export type IssuedPage = Json<'/api/v1/reports', 'get'>;
export type IssuedRow = IssuedPage['items'][number];

/** The filters of GET /reports: `q` is a report number, a subject's code or part of its name; dates YYYY-MM-DD. */
export interface IssuedFilters {
  q?: string;
  kind?: 'public' | 'certificate';
  state?: 'valid' | 'expired' | 'revoked';
  requester?: 'public' | 'subject' | 'department' | 'center' | 'lender';
  from?: string;
  to?: string;
  page: number;
}

export const PAGE_SIZE = 20;
export const loadIssued = (f: IssuedFilters, signal: AbortSignal) => api.get('/api/v1/reports', { query: { ...f, pageSize: PAGE_SIZE } }, signal);
export const revokeReport = (number: string, reason: string) => api.post('/api/v1/reports/{number}/revoke', { reason }, { params: { number } });
/** The PDF as issued (the credit center may open any report; opening one with non-public data is audited). */
export const reportPdfUrl = (number: string) => apiUrl(`/reports/${encodeURIComponent(number)}.pdf`);

/** A batch job (BatchJobView): status running · completed · failed · interrupted; rows are the rows done so far. */
export type BatchJob = Json<'/api/v1/reports/batches/{id}', 'get'>;
export type BatchRequest = Body<'/api/v1/reports/batches', 'post'>;

export const startBatch = (body: BatchRequest) => api.post('/api/v1/reports/batches', body);
export const loadBatch = (id: number, signal?: AbortSignal) => api.get('/api/v1/reports/batches/{id}', { params: { id } }, signal);
export const loadBatches = (signal: AbortSignal) => api.get('/api/v1/reports/batches', {}, signal);
export const batchZipUrl = (id: number) => apiUrl(`/reports/batches/${id}/zip`);
export const loadDomains = (signal: AbortSignal) => api.get('/api/v1/reports/domains', {}, signal);
