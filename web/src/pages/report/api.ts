import { api } from '../../api/client';
import type { Body, Json } from '../../api/schema';

/** POST /reports answers 201 with this (IssuedReport in src/modules/reports/schema.ts); issuedAt is an ISO timestamp. */
export type IssuedReport = Json<'/api/v1/reports', 'post', 201>;

export interface ReportRequest {
  subject: string;
  kind: 'public' | 'certificate';
  purpose?: string;
  domains?: string[];
}

export const requestReport = (body: ReportRequest) => api.post<IssuedReport>('/reports', body satisfies Body<'/api/v1/reports', 'post'>);
export type ReportDomains = Json<'/api/v1/reports/domains', 'get'>;
export type ReportDomain = ReportDomains['items'][number];

export const getDomains = (signal?: AbortSignal) => api.get<ReportDomains>('/reports/domains', undefined, signal);
