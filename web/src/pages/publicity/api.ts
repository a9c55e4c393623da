import { api, type Page } from '../../api/client';

export type PublicityType = 'licence' | 'penalty';

export interface PublicityItem {
  id: number;
  type: string;
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
