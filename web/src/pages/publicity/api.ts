import { api, type Page } from '../../api/client';

export type PublicityType = 'licence' | 'penalty';

/** A row of GET /publicity (searchPublicity in src/modules/publicity/service.ts); department is the code. */
export interface PublicityItem {
  id: number;
  type: PublicityType;
  department: string;
  departmentName: string;
  subject: { kind: string; name: string; uscc?: string; idNumberMasked?: string };
  fields: Record<string, string>;
  decidedOn: string | null;
  publishFrom: string | null;
  publishUntil: string | null;
  severity: string | null;
  state: string;
}

export interface PublicityQuery {
  type: PublicityType;
  q?: string;
  department?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export const searchPublicity = (q: PublicityQuery, signal?: AbortSignal) =>
  api.get<Page<PublicityItem>>('/publicity', { ...q }, signal);
