import { api } from '../../api/client';
import type { Body, Json } from '../../api/schema';

/** POST /reviews (ReviewResult of src/modules/review/service.ts): one party result per input party, in input order. */
export type Review = Json<'/api/v1/reviews', 'post'>;
export type PartyResult = Review['parties'][number];
/** A matched subject: a natural person has no USCC and comes with the masked ID number instead; via: code, name, former_name or fuzzy. */
export type Match = NonNullable<PartyResult['matched']>;
/** kind: list_entry or serious_penalty (then `category` is the category's name); `measures`: codes of the measures it triggers. */
export type Hit = PartyResult['hits'][number];

/** GET /measures lists the measures and, beside them, the review scenarios. */
export const getScenarios = (s?: AbortSignal) => api.get('/api/v1/measures', {}, s);
export const runReview = (body: Body<'/api/v1/reviews', 'post'>) => api.post('/api/v1/reviews', body);
export const giveFeedback = (reviewId: number, hitId: number, body: Body<'/api/v1/reviews/{id}/hits/{hitId}/feedback', 'post'>) =>
  api.post('/api/v1/reviews/{id}/hits/{hitId}/feedback', body, { params: { id: reviewId, hitId } });

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
