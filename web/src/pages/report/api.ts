import { api } from '../../api/client';
import type { Json } from '../../api/schema';

/** POST /reports answers 201 with this (IssuedReport in src/modules/reports/schema.ts); issuedAt is an ISO timestamp. */
export type IssuedReport = Json<'/api/v1/reports', 'post', 201>;

export interface ReportRequest {
  subject: string;
  kind: 'public' | 'certificate';
  purpose?: string;
  domains?: string[];
}

export const requestReport = (body: ReportRequest) => api.post('/api/v1/reports', body);
export type ReportDomains = Json<'/api/v1/reports/domains', 'get'>;
export type ReportDomain = ReportDomains['items'][number];

export const getDomains = (signal?: AbortSignal) => api.get('/api/v1/reports/domains', {}, signal);
