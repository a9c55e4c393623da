import { api } from '../../api/client';
import type { Json } from '../../api/schema';

export type PublicityType = 'licence' | 'penalty';

export type PublicityPage = Json<'/api/v1/publicity', 'get'>;
/** A row of GET /publicity (searchPublicity in src/modules/publicity/service.ts); department is the code. */
export type PublicityItem = PublicityPage['items'][number];

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
  api.get('/api/v1/publicity', { query: q }, signal);
