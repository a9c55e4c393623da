import type { Pool } from '../../db/pool.js';
import { withTx } from '../../db/pool.js';
import { ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from '../../errors.js';
import { actorOf, appendAudit, READ_ACTIONS } from '../access/audit.js';
import { requireScope, type Viewer } from '../access/viewer.js';
import { validateCode } from '../identity/validate.js';
import { factsHash, formatReportNumber, hashVerifyCode, newVerifyCode, REPORT_NUMBER_RE, sha256Hex, verifyCodeMatches } from './codes.js';
import { buildContent, viewLabel, type ReportContext, type ReportParams } from './content.js';
import { renderCertificateReport } from './pdf/certificate-report.js';
import { renderPublicReport } from './pdf/public-report.js';
import * as repo from './repo.js';
import type { Issuance, ReportFacts, ReportKind, ReportRow, RequesterRecord } from './types.js';

/** Days a report is valid from its issue date. */
export const VALIDITY_DAYS: Record<ReportKind, number> = { public: 30, certificate: 90 };
const STAFF = new Set(['admin', 'operator', 'department', 'lender']);

export interface ReportRequest extends ReportParams {
  subject: string;
  kind: ReportKind;
  purpose?: string | null;
}

export interface IssuedReport {
  number: string;
  verifyCode: string;
  kind: ReportKind;
  subjectName: string;
  issuedAt: string;
  validUntil: string;
  pdfSha256: string;
  url: string;
  verifyUrl: string;
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function baseUrl(ctx: ReportContext): string {
  return (ctx.config.publicBaseUrl ?? `http://localhost:${ctx.config.port}`).replace(/\/+$/, '');
}

export const verifyUrlOf = (ctx: ReportContext, number: string, code: string): string =>
  `${baseUrl(ctx)}/verify/${number}?code=${code}`;

/** Who may ask for which report; staff must say why (the purpose is audited and printed). */
function checkRequest(viewer: Viewer, req: ReportRequest): void {
  requireScope(viewer, 'reports:write');
  if (STAFF.has(viewer.role) && !viewer.purpose) {
    throw new ValidationError('部门、机构查询信用报告须说明查询用途', [{ field: 'purpose', message: 'purpose is required for staff requests' }]);
  }
  if (req.kind === 'certificate' && viewer.role === 'public') {
    throw new UnauthenticatedError('专用信用报告须由主体本人登录申请，或由部门依职责查询');
  }
  if (viewer.role === 'public' && validateCode(req.subject).scheme.startsWith('citizen_id')) {
    throw new ForbiddenError('自然人信用报告须由本人登录申请，或由部门依法定职责查询', [{ field: 'subject', message: 'natural persons: own or official requests only' }]);
  }
}

function requesterOf(viewer: Viewer): RequesterRecord {
  const a = actorOf(viewer);
  return { kind: a.kind, id: a.id, name: a.name, role: viewer.role, userId: viewer.userId, departmentId: viewer.departmentId, purpose: viewer.purpose };
}

function auditedCategories(facts: ReportFacts): string[] {
  const records = facts.kind === 'public' ? facts.categories.flatMap((c) => c.records) : facts.domains.flatMap((d) => d.records);
  return [...new Set(records.map((r) => r.category))].sort();
}

async function render(facts: ReportFacts, catalog: Parameters<typeof renderPublicReport>[1], iss: Issuance): Promise<Buffer> {
  return facts.kind === 'public' ? renderPublicReport(facts, catalog, iss) : renderCertificateReport(facts, catalog, iss);
}

/**
 * Issue a report: read the archive as the requester may see it, render the PDF, store it with the
 * hash of its facts and of its bytes, and audit the request — one transaction for row and audit.
 */
export async function issueReportWithPdf(
  ctx: ReportContext & { db: Pool }, viewer0: Viewer, req: ReportRequest, extra: Record<string, unknown> = {},
): Promise<{ issued: IssuedReport; pdf: Buffer }> {
  const viewer: Viewer = { ...viewer0, purpose: req.purpose?.trim() || viewer0.purpose };
  checkRequest(viewer, req);
  const content = await buildContent(ctx, viewer, req.subject, req.kind, req);
  const { facts, archive } = content;
  const own = viewer.role === 'subject' && viewer.subjectId === archive.subject.id;
  if (archive.subject.kind === 'natural_person' && archive.scope.publicOnly && !own) {
    throw new ForbiddenError('自然人信用报告须由本人登录申请，或由部门依法定职责查询', [{ field: 'subject', message: 'natural persons: own or official requests only' }]);
  }
  if (req.kind === 'certificate' && archive.scope.publicOnly && !own) {
    throw new ForbiddenError('专用信用报告须由主体本人申请，或由部门说明用途后依职责查询', [{ field: 'subject', message: 'not your subject' }]);
  }
  const today = ctx.clock.today();
  const number = formatReportNumber(today, await repo.nextNumber(ctx.db, today));
  const verifyCode = newVerifyCode();
  const iss: Issuance = {
    number, verifyCode, issuedAt: ctx.clock.now(), validUntil: addDays(today, VALIDITY_DAYS[req.kind]),
    platformName: ctx.config.platformName, verifyUrl: verifyUrlOf(ctx, number, verifyCode), purpose: viewer.purpose,
    viewLabel: viewLabel(viewer, archive.scope.classes, own),
  };
  const pdf = await render(facts, content.catalog, iss);
  const pdfSha256 = sha256Hex(pdf);
  const requester = requesterOf(viewer);
  await withTx(ctx.db, async (tx) => {
    await repo.insertReport(tx, {
      number, subjectId: archive.subject.id, kind: req.kind, requester, viewerClasses: [...archive.scope.classes],
      subjectCodeCipher: archive.subject.uscc ? null : ctx.pd.encrypt(req.subject.trim().toUpperCase()),
      params: content.params, facts, factsHash: factsHash(facts), pdf, pdfSha256,
      verifyCodeHash: hashVerifyCode(number, verifyCode), issuedAt: iss.issuedAt, validUntil: iss.validUntil,
    });
    await appendAudit(tx, {
      actor: actorOf(viewer), departmentId: viewer.departmentId, action: 'report_issued', subjectId: archive.subject.id,
      categories: auditedCategories(facts), purpose: viewer.purpose, ip: viewer.ip,
      details: { number, kind: req.kind, classes: archive.scope.classes, ...content.params, ...extra },
    });
  });
  const issued: IssuedReport = {
    number, verifyCode, kind: req.kind, subjectName: archive.subject.name, issuedAt: iss.issuedAt.toISOString(),
    validUntil: iss.validUntil, pdfSha256,
    url: `${baseUrl(ctx)}/api/v1/reports/${number}.pdf${req.kind === 'public' ? `?code=${verifyCode}` : ''}`,
    verifyUrl: iss.verifyUrl,
  };
  return { issued, pdf };
}

/** Issue one report (see issueReportWithPdf); the PDF is fetched separately. */
export async function issueReport(ctx: ReportContext & { db: Pool }, viewer: Viewer, req: ReportRequest): Promise<IssuedReport> {
  return (await issueReportWithPdf(ctx, viewer, req)).issued;
}

export async function getReport(ctx: Pick<ReportContext, 'db'>, number: string): Promise<ReportRow> {
  const row = REPORT_NUMBER_RE.test(number) ? await repo.findByNumber(ctx.db, number) : null;
  if (!row) throw new NotFoundError('report', number, 'unknown_report');
  return row;
}

/** The credit center, the requesting user or department — or, for public reports, whoever holds the code. */
export function mayDownload(viewer: Viewer, row: ReportRow, code: string | null): boolean {
  if (viewer.role === 'admin' || viewer.role === 'operator') return true;
  const q = row.requester;
  if (viewer.role === 'subject' && q.role === 'subject' && viewer.subjectId === row.subjectId) return true;
  if (viewer.userId !== null && viewer.userId === q.userId) return true;
  if (viewer.role === 'department' && viewer.departmentId !== null && viewer.departmentId === q.departmentId) return true;
  return row.kind === 'public' && code !== null && verifyCodeMatches(row.number, code, row.verifyCodeHash);
}

/**
 * Whether opening this report (its PDF, or its verification) is a read of the subject's non-public
 * data: the report was issued on more than the public view, and the caller is not the subject.
 */
export function readsNonPublic(viewer: Viewer, row: Pick<ReportRow, 'viewerClasses' | 'subjectId'>): boolean {
  const own = viewer.role === 'subject' && viewer.subjectId === row.subjectId;
  return !own && row.viewerClasses.some((c) => c !== 'public');
}

/**
 * The stored PDF of a report, for those entitled to it. Fetching one that holds non-public data
 * is audited once, as the caller (an anonymous code holder too), with purpose and IP; a caller
 * who declares no purpose is taken to use the report for the purpose it was issued for.
 */
export async function getReportPdf(ctx: Pick<ReportContext, 'db'>, viewer: Viewer, number: string, code: string | null): Promise<{ number: string; pdf: Buffer }> {
  const row = await getReport(ctx, number);
  if (!mayDownload(viewer, row, code)) {
    if (viewer.role === 'public' && code === null) throw new UnauthenticatedError('下载报告须提供核验码，或以申请人身份登录');
    throw new ForbiddenError('无权下载该报告：请提供正确的核验码，或以申请人身份登录', [{ field: 'code', message: 'not the requester and no valid code' }]);
  }
  const pdf = await repo.pdfOf(ctx.db, row.id);
  if (readsNonPublic(viewer, row)) {
    await appendAudit(ctx.db, {
      actor: actorOf(viewer), departmentId: viewer.departmentId, action: READ_ACTIONS.report, subjectId: row.subjectId,
      categories: auditedCategories(row.facts), purpose: viewer.purpose ?? row.requester.purpose, ip: viewer.ip,
      details: { number: row.number, kind: row.kind, classes: row.viewerClasses, reportPurpose: row.requester.purpose },
    });
  }
  return { number: row.number, pdf };
}

/** The certificate domains a requester may name. */
export async function listReportDomains(ctx: Pick<ReportContext, 'db'>) {
  return (await repo.listDomains(ctx.db)).filter((d) => d.active);
}
