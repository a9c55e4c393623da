import { api, ApiError } from '../../api/client';

export interface VerifyResult {
  genuine: boolean;
  number: string | null;
  reason?: string;
  message?: string;
  kind?: string;
  kindName?: string;
  subjectName?: string;
  subjectCode?: string | null;
  issuer?: string;
  issuedAt?: string;
  validUntil?: string;
  expired?: boolean;
  pdfSha256?: string;
  factsChanged?: boolean;
  checkedAt?: string;
}

export const verifyReport = (number: string, code: string, signal?: AbortSignal) =>
  api.get<VerifyResult>(`/reports/${encodeURIComponent(number)}/verify`, { code }, signal);

/** Verify the PDF itself: the server compares its SHA-256 with the issued one. */
export async function verifyFile(file: File): Promise<VerifyResult> {
  const res = await fetch('/api/v1/reports/verify-file', { method: 'POST', headers: { 'content-type': 'application/pdf', accept: 'application/json' }, body: file });
  const body = (await res.json().catch(() => null)) as (VerifyResult & { error?: { code: string; message: string } }) | null;
  if (!res.ok || !body) throw new ApiError(res.status, body?.error?.code ?? 'http_error', body?.error?.message ?? `HTTP ${res.status}`);
  return body;
}

export const pdfUrl = (number: string, code: string) => `/api/v1/reports/${encodeURIComponent(number)}.pdf?code=${encodeURIComponent(code)}`;
