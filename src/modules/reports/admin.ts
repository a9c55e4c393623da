import { withTx, type Db, type Pool } from '../../db/pool.js';
import { AppError, ConflictError, ForbiddenError, UnauthenticatedError, ValidationError } from '../../errors.js';
import type { PersonalData } from '../../lib/personal-data.js';
import { cstDate, type Clock } from '../../lib/clock.js';
import { maskIdNumbersInFreeText } from '../../lib/redact.js';
import { actorOf, appendAudit } from '../access/audit.js';
import type { Viewer } from '../access/viewer.js';
import { validateCode } from '../identity/validate.js';
import { normalizeName } from '../subjects/name.js';
import { findSubjectByCode } from '../subjects/service.js';
import * as repo from './admin-repo.js';
import { addDays } from './service.js';
import type { ReportKind } from './types.js';

// 报告管理 (credit center): the register of issued reports and their revocation.

export type { IssuedRow, ReportState, RequesterGroup } from './admin-repo.js';

/** The audit action of a revocation (labelled 撤销信用报告 on the audit screen). */
export const REPORT_REVOKED = 'report_revoked';

/** Credit-center staff only; refused in words (the generic role check names roles in English). */
export function requireCenter(viewer: Viewer): void {
  if (viewer.role === 'public') throw new UnauthenticatedError('请先登录');
  if (viewer.role !== 'admin' && viewer.role !== 'operator') {
    throw new ForbiddenError('报告管理仅限信用中心工作人员使用', [{ field: 'role', message: '请以信用中心账户登录' }]);
  }
}

export interface IssuedQuery {
  q?: string;
  kind?: ReportKind;
  state?: repo.ReportState;
  requester?: repo.RequesterGroup;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

interface Ctx { db: Db; pd: PersonalData; clock: Clock }

/** The start of a China Standard Time day as an instant. */
const cstMidnight = (date: string): Date => new Date(`${date}T00:00:00+08:00`);

/**
 * What the search box means: a report number (or its start), a subject's code (USCC, ID number,
 * legacy codes: resolved to the subject), or else part of the subject's name.
 */
async function searchFilter(ctx: Ctx, q: string | undefined): Promise<Partial<repo.IssuedFilter>> {
  const text = q?.trim();
  if (!text) return {};
  if (/^XY-/i.test(text)) return { numberPrefix: text.toUpperCase() };
  if (validateCode(text).scheme !== 'unknown') {
    const s = await findSubjectByCode(ctx.db, ctx.pd, text);
    if (s) return { subjectId: s.id };
  }
  const fragment = normalizeName(text);
  return fragment ? { nameFragment: fragment } : {};
}

/** The register of issued reports, newest first, filtered; for the credit center. */
export async function listIssuedReports(ctx: Ctx, viewer: Viewer, q: IssuedQuery): Promise<{ items: repo.IssuedRow[]; total: number }> {
  requireCenter(viewer);
  if (q.from && q.to && q.from > q.to) {
    throw new ValidationError('出具日期范围有误', [{ field: 'from', message: '开始日期不能晚于结束日期' }]);
  }
  return repo.listIssued(ctx.db, {
    ...(await searchFilter(ctx, q.q)),
    kind: q.kind, state: q.state, requester: q.requester,
    issuedFrom: q.from ? cstMidnight(q.from) : undefined,
    issuedBefore: q.to ? cstMidnight(addDays(q.to, 1)) : undefined,
    today: ctx.clock.today(), limit: q.pageSize, offset: (q.page - 1) * q.pageSize,
  });
}

/**
 * Revoke an issued report (e.g. issued on wrong data, or at the subject's request): it stays on
 * file, and every later verification says it was revoked, when and why. One transaction with its
 * audit entry; a report is revoked once.
 */
export async function revokeReport(ctx: Ctx & { db: Pool }, viewer: Viewer, number: string, reason0: string): Promise<repo.IssuedRow> {
  requireCenter(viewer);
  const reason = maskIdNumbersInFreeText(reason0.trim());
  if (reason.length < 2) {
    throw new ValidationError('请写明撤销原因', [{ field: 'reason', message: '撤销原因至少 2 个字' }]);
  }
  const id = await withTx(ctx.db, async (tx) => {
    const r = await repo.lockReport(tx, number.trim().toUpperCase());
    if (!r) throw new AppError('unknown_report', `未找到报告 ${number}`, 404, [{ field: 'number', message: '平台未出具过该编号的报告' }]);
    if (r.revokedAt) {
      throw new ConflictError(`报告 ${r.number} 已于 ${cstDate(r.revokedAt)} 撤销，无需重复撤销`, [{ field: 'number', message: '该报告已撤销' }], 'already_revoked');
    }
    const at = ctx.clock.now();
    await repo.setRevoked(tx, r.id, at, reason, viewer.username);
    await appendAudit(tx, {
      actor: actorOf(viewer), departmentId: viewer.departmentId, action: REPORT_REVOKED, subjectId: r.subjectId, ip: viewer.ip,
      details: { number: r.number, kind: r.kind, issuedAt: r.issuedAt.toISOString(), reason },
    });
    return r.id;
  });
  return (await repo.issuedRowById(ctx.db, id, ctx.clock.today()))!;
}
