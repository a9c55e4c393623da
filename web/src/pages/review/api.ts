import { api } from '../../api/client';

export interface Match { subjectId: number; uscc: string | null; idNumberMasked?: string; name: string; score: number; via: string }
export interface Hit {
  id: number;
  kind: string;
  list: { code: string; name: string; kind: string } | null;
  category: string | null;
  since: string | null;
  until: string | null;
  decidedBy: string;
  documentNo: string | null;
  reason: string | null;
  measures: string[];
}
export interface PartyResult {
  input: { code?: string; name?: string };
  matched: Match | null;
  candidates: Match[];
  hits: Hit[];
  measures: { code: string; name: string; kind: string; legalBasis: string }[];
  errors: { field: string; message: string }[];
}
export interface Review { id: number; scenario: string; counts: { parties: number; matched: number; hitParties: number; hits: number }; parties: PartyResult[] }

export const getScenarios = (s?: AbortSignal) => api.get<{ scenarios: { code: string; name: string }[] }>('/measures', undefined, s);
export const runReview = (body: { scenario: string; parties: { code?: string; name?: string }[] }) => api.post<Review>('/reviews', body);
export const giveFeedback = (reviewId: number, hitId: number, body: { applied: boolean; measure?: string; reason: string }) =>
  api.post(`/reviews/${reviewId}/hits/${hitId}/feedback`, body);

/** One party a line: a USCC, a name, or "code,name" / "code<TAB>name" (as pasted from a spreadsheet). */
export function parseParties(text: string): { code?: string; name?: string }[] {
  return text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).map((line) => {
    const [a = '', b = ''] = line.split(/[,\t，]/).map((s) => s.trim());
    const isCode = (s: string) => /^[0-9A-Z]{15,18}X?$/i.test(s);
    if (isCode(a)) return b ? { code: a.toUpperCase(), name: b } : { code: a.toUpperCase() };
    if (isCode(b)) return { code: b.toUpperCase(), name: a };
    return { name: a };
  });
}
