import { api } from '../../api/client';

// POST /reviews answers with ReviewResult of src/modules/review/service.ts (the route's schema is Type.Unknown()).

/** A matched subject: a natural person has no USCC and comes with the masked ID number instead. */
export interface Match { subjectId: number; kind: string; uscc: string | null; idNumberMasked?: string; name: string; score: number; via: 'code' | 'name' | 'former_name' | 'fuzzy' }
export interface Hit {
  id: number;
  kind: 'list_entry' | 'serious_penalty';
  list: { code: string; name: string; kind: string } | null;
  /** serious_penalty: the category's name. */
  category: string | null;
  entryId: number | null;
  recordId: number | null;
  since: string | null;
  until: string | null;
  decidedBy: string;
  documentNo: string | null;
  reason: string | null;
  /** Codes of the measures this hit triggers in the scenario (named in the party's `measures`). */
  measures: string[];
}
export interface PartyResult {
  input: { code?: string; name?: string };
  matched: Match | null;
  candidates: Match[];
  hits: Hit[];
  measures: { code: string; name: string; kind: string; legalBasis: string }[];
  errors: { field: string; position?: number; message: string }[];
}
export interface Review {
  id: number;
  scenario: string;
  /** Code of the department the review is for. */
  department: string | null;
  createdAt: string;
  counts: { parties: number; matched: number; hitParties: number; hits: number };
  thresholds: { autoConfirm: number; candidate: number };
  parties: PartyResult[];
}

/** GET /measures lists the measures and, beside them, the review scenarios. */
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
