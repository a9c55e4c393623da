import { api, type Page } from '../../api/client';

/** POST /reports answers 201 with this (IssuedReport in src/modules/reports/schema.ts); issuedAt is an ISO timestamp. */
export interface IssuedReport {
  number: string;
  verifyCode: string;
  kind: ReportRequest['kind'];
  subjectName: string;
  issuedAt: string;
  validUntil: string;
  pdfSha256: string;
  url: string;
  verifyUrl: string;
}

export interface ReportRequest {
  subject: string;
  kind: 'public' | 'certificate';
  purpose?: string;
  domains?: string[];
}

export const requestReport = (body: ReportRequest) => api.post<IssuedReport>('/reports', body);
export interface ReportDomain { code: string; name: string; departmentCodes: string[]; categories: string[] }

export const getDomains = (signal?: AbortSignal) => api.get<Page<ReportDomain>>('/reports/domains', undefined, signal);
