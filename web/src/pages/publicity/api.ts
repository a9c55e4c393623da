import { api } from '../../api/client';
import type { Json } from '../../api/schema';

export type PublicityType = 'licence' | 'penalty';

export type PublicityPage = Json<'/api/v1/publicity', 'get'>;
/** A row of GET /publicity (searchPublicity in src/modules/publicity/service.ts); department is the code. */
export type PublicityItem = PublicityPage['items'][number];

export interface PublicityFilters {
  type: PublicityType;
  q?: string;
  department?: string;
  from?: string;
  to?: string;
  /** By decision date: newest first (default) or oldest first. */
  order?: 'desc' | 'asc';
}

export interface PublicityQuery extends PublicityFilters {
  page: number;
  pageSize: number;
}

export const searchPublicity = (q: PublicityQuery, signal?: AbortSignal) =>
  api.get('/api/v1/publicity', { query: q }, signal);

/** The CSV export's maximum (EXPORT_MAX_ROWS in src/modules/publicity/export.ts). */
export const EXPORT_MAX_ROWS = 50_000;

/** The address of the CSV export of what these filters select (a plain download link). */
export function exportUrl(f: PublicityFilters): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v) q.set(k, String(v));
  return `/api/v1/publicity/export.csv?${q.toString()}`;
}
