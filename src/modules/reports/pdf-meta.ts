import { REPORT_NUMBER_RE } from './codes.js';

const KEYWORDS_RE = /xinyong-report:(XY-\d{8}-\d{6}) verify-code:([2-9A-HJ-NP-Z]{8})/;

/**
 * The report number and verification code a report PDF carries in its metadata (Keywords). Our
 * PDFs store them as an uncompressed ASCII string, so no PDF parser is needed; a file whose
 * metadata was stripped yields nulls and is then checked by its hash alone.
 */
export function readReportMeta(pdf: Uint8Array): { number: string | null; verifyCode: string | null } {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const m = KEYWORDS_RE.exec(text);
  if (!m || !REPORT_NUMBER_RE.test(m[1]!)) return { number: null, verifyCode: null };
  return { number: m[1]!, verifyCode: m[2]! };
}
