import { api, ApiError, csrf } from '../../api/client';

/** A genuine report (GenuineReport in src/modules/reports/verify.ts); issuedAt and checkedAt are ISO timestamps. */
export interface GenuineReport {
  genuine: true;
  number: string;
  kind: 'public' | 'certificate';
  kindName: string;
  subjectName: string;
  /** USCC, or a person's masked ID number. */
  subjectCode: string | null;
  issuer: string;
  issuedAt: string;
  validUntil: string;
  expired: boolean;
  pdfSha256: string;
  factsHash: string;
  currentFactsHash: string;
  factsChanged: boolean;
  checkedAt: string;
}

/** Not genuine: a wrong code, or a file we did not issue (or altered after issue). */
export interface NotGenuine {
  genuine: false;
  number: string | null;
  pdfSha256?: string;
  reason: 'wrong_code' | 'hash_mismatch' | 'unknown_file';
  message: string;
}

export type VerifyResult = GenuineReport | NotGenuine;

export const verifyReport = (number: string, code: string, signal?: AbortSignal) =>
  api.get<VerifyResult>(`/reports/${encodeURIComponent(number)}/verify`, { code }, signal);

/**
 * Verify the PDF itself: the server compares its SHA-256 with the issued one. The file goes as the
 * raw body (not JSON), so this bypasses `request`, but a signed-in session still needs its CSRF token.
 */
export async function verifyFile(file: File): Promise<VerifyResult> {
  const token = csrf.get();
  const headers: Record<string, string> = { 'content-type': 'application/pdf', accept: 'application/json', ...(token ? { 'x-csrf-token': token } : {}) };
  const res = await fetch('/api/v1/reports/verify-file', { method: 'POST', headers, body: file });
  const body = (await res.json().catch(() => null)) as (VerifyResult & { error?: { code: string; message: string } }) | null;
  if (!res.ok || !body) throw new ApiError(res.status, body?.error?.code ?? 'http_error', body?.error?.message ?? `HTTP ${res.status}`);
  return body;
}

export const pdfUrl = (number: string, code: string) => `/api/v1/reports/${encodeURIComponent(number)}.pdf?code=${encodeURIComponent(code)}`;
