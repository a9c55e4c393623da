import { ConflictError } from '../../errors.js';
import { actorOf, appendAudit, READ_ACTIONS } from '../access/audit.js';
import type { Viewer } from '../access/viewer.js';
import { subjectById } from '../subjects/service.js';
import { factsHash, sha256Hex, verifyCodeMatches } from './codes.js';
import { buildContent, equivalentViewer, type ReportContext } from './content.js';
import { insertVerification } from './admin-repo.js';
import { readReportMeta } from './pdf-meta.js';
import * as repo from './repo.js';
import { getReport, readsNonPublic } from './service.js';
import { KIND_TITLES, type ReportKind, type ReportRow } from './types.js';

export interface GenuineReport {
  genuine: true;
  number: string;
  kind: ReportKind;
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
  /** Whether the facts, as the same class of viewer would see them today, differ from the report's. */
  factsChanged: boolean;
  /** The credit center revoked the report: it was issued here, but is no longer valid. */
  revoked: boolean;
  revokedAt: string | null;
  revokedReason: string | null;
  checkedAt: string;
}

export interface NotGenuine {
  genuine: false;
  number: string | null;
  pdfSha256?: string;
  reason: 'wrong_code' | 'hash_mismatch' | 'unknown_file';
  message: string;
}

export type VerifyResult = GenuineReport | NotGenuine;

/**
 * Rebuild the report's facts today, as the same class of viewer would see them. This is the
 * platform's own recomputation, not a read by the requester: it is not audited as one (the
 * verification that needs it is audited as its real caller, see genuine()).
 */
export async function currentFactsHash(ctx: ReportContext, row: ReportRow): Promise<string> {
  const subject = await subjectById(ctx.db, row.subjectId);
  const code = subject.uscc ?? (row.subjectCodeCipher ? ctx.pd.decrypt(row.subjectCodeCipher) : null);
  // Only a subject whose code was removed after issue gets here: the report stands, its facts cannot be rechecked.
  if (!code) {
    throw new ConflictError(`报告 ${row.number} 的信用主体已无统一社会信用代码或身份证号，无法重算其当前事实`, [
      { field: 'number', message: `report ${row.number}: no code to read subject ${row.subjectId} by` },
    ], 'report_subject_unreadable');
  }
  const content = await buildContent(ctx, equivalentViewer(row, row.requester), code, row.kind, row.params, { audit: false });
  return factsHash(content.facts);
}

/**
 * A genuine report's verification, counted for the register (报告管理 shows how often each report
 * was verified). For a report holding non-public data, whether its facts changed tells something
 * about that data: audited once as the caller (report_verified, not an archive read: the subject's
 * access log does not list it).
 */
async function genuine(ctx: ReportContext, viewer: Viewer, row: ReportRow, via: 'code' | 'file'): Promise<GenuineReport> {
  const now = await currentFactsHash(ctx, row);
  const checkedAt = ctx.clock.now();
  await insertVerification(ctx.db, row.id, checkedAt, via);
  if (readsNonPublic(viewer, row)) {
    await appendAudit(ctx.db, {
      actor: actorOf(viewer), departmentId: viewer.departmentId, action: READ_ACTIONS.reportVerified, subjectId: row.subjectId,
      purpose: viewer.purpose, ip: viewer.ip, details: { number: row.number, kind: row.kind, via, factsChanged: now !== row.factsHash },
    });
  }
  const s = row.facts.subject;
  return {
    genuine: true, number: row.number, kind: row.kind, kindName: KIND_TITLES[row.kind], subjectName: s.name,
    subjectCode: s.uscc ?? s.idNumberMasked ?? null, issuer: ctx.config.platformName,
    issuedAt: row.issuedAt.toISOString(), validUntil: row.validUntil, expired: ctx.clock.today() > row.validUntil,
    pdfSha256: row.pdfSha256, factsHash: row.factsHash, currentFactsHash: now, factsChanged: now !== row.factsHash,
    revoked: row.revokedAt !== null, revokedAt: row.revokedAt?.toISOString() ?? null, revokedReason: row.revokedReason,
    checkedAt: checkedAt.toISOString(),
  };
}

/**
 * Check a report by number and verification code. An unknown number is a 404; a wrong code says
 * only that it is not genuine, never what the report holds.
 */
export async function verifyReport(ctx: ReportContext, viewer: Viewer, number: string, code: string): Promise<VerifyResult> {
  const row = await getReport(ctx, number);
  if (!verifyCodeMatches(row.number, code, row.verifyCodeHash)) {
    return { genuine: false, number: row.number, reason: 'wrong_code', message: '核验码与报告编号不匹配，报告未通过核验' };
  }
  return genuine(ctx, viewer, row, 'code');
}

/**
 * Check a PDF file: genuine only when its SHA-256 is that of a report we issued. A file naming
 * one of our report numbers with other bytes was altered (or forged) after issue.
 */
export async function verifyFile(ctx: ReportContext, viewer: Viewer, pdf: Uint8Array): Promise<VerifyResult> {
  const sha = sha256Hex(pdf);
  const row = await repo.findByPdfHash(ctx.db, sha);
  if (row) return genuine(ctx, viewer, row, 'file');
  const meta = readReportMeta(pdf);
  const claimed = meta.number ? await repo.findByNumber(ctx.db, meta.number) : null;
  if (claimed) {
    return {
      genuine: false, number: claimed.number, pdfSha256: sha, reason: 'hash_mismatch',
      message: `文件自称报告 ${claimed.number}，但其哈希值与平台出具的文件不一致：文件已被修改或系伪造`,
    };
  }
  return { genuine: false, number: meta.number, pdfSha256: sha, reason: 'unknown_file', message: '平台未出具过该文件：报告编号不存在或文件不是本平台出具的报告' };
}
