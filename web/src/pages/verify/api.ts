import { api, ApiError, csrf } from '../../api/client';
import type { ErrorBody, Json } from '../../api/schema';

/** What GET /reports/:number/verify and POST /reports/verify-file answer: both outcomes in one object, their fields optional. */
type VerifyAnswer = Json<'/api/v1/reports/{number}/verify', 'get'>;

/** What a genuine report always carries (GenuineReport in src/modules/reports/verify.ts). */
const GENUINE_FIELDS = ['kind', 'kindName', 'subjectName', 'subjectCode', 'issuer', 'issuedAt', 'validUntil', 'expired', 'pdfSha256', 'factsHash', 'currentFactsHash', 'factsChanged', 'revoked', 'revokedAt', 'revokedReason', 'checkedAt'] as const;

/**
 * A genuine report; issuedAt, checkedAt and revokedAt are ISO timestamps, subjectCode a USCC or a
 * person's masked ID number. `revoked`: issued here but revoked since (with when and why): not valid.
 */
export type GenuineReport = VerifyAnswer & Required<Pick<VerifyAnswer, (typeof GENUINE_FIELDS)[number]>> & { genuine: true; number: string };

/** Not genuine: a wrong code, or a file we did not issue (or altered after issue); `reason` and `message` say which. */
export type NotGenuine = VerifyAnswer & { genuine: false };

export type VerifyResult = GenuineReport | NotGenuine;

const isGenuine = (r: VerifyAnswer): r is GenuineReport =>
  r.genuine && r.number !== null && GENUINE_FIELDS.every((k) => r[k] !== undefined);

/** Split the flat answer into its two outcomes; a "genuine" answer missing a field is the server's fault, not a verdict. */
function toVerifyResult(r: VerifyAnswer): VerifyResult {
  if (!r.genuine) return { ...r, genuine: false };
  if (isGenuine(r)) return r;
  throw new ApiError(500, 'server_error', 'incomplete verification answer');
}

export const verifyReport = async (number: string, code: string, signal?: AbortSignal): Promise<VerifyResult> =>
  toVerifyResult(await api.get('/api/v1/reports/{number}/verify', { params: { number }, query: { code } }, signal));

/**
 * Verify the PDF itself: the server compares its SHA-256 with the issued one. The file goes as the
 * raw body (not JSON), so this bypasses `request`, but a signed-in session still needs its CSRF token.
 */
export async function verifyFile(file: File): Promise<VerifyResult> {
  const token = csrf.get();
  const headers: Record<string, string> = { 'content-type': 'application/pdf', accept: 'application/json', ...(token ? { 'x-csrf-token': token } : {}) };
  const res = await fetch('/api/v1/reports/verify-file', { method: 'POST', headers, body: file });
  const body = (await res.json().catch(() => null)) as Json<'/api/v1/reports/verify-file', 'post'> | Partial<ErrorBody> | null;
  if (!res.ok || !body || !('genuine' in body)) {
    const error = body && 'error' in body ? body.error : undefined;
    throw new ApiError(res.status, error?.code ?? 'http_error', error?.message ?? `HTTP ${res.status}`);
  }
  return toVerifyResult(body);
}

export const pdfUrl = (number: string, code: string) => `/api/v1/reports/${encodeURIComponent(number)}.pdf?code=${encodeURIComponent(code)}`;
