import { api, type Page } from '../../api/client';

export interface IssuedReport {
  number: string;
  verifyCode: string;
  kind: string;
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
export const getDomains = (signal?: AbortSignal) => api.get<Page<{ code: string; name: string }>>('/reports/domains', undefined, signal);
