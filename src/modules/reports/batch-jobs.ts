import { randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from '../../db/pool.js';
import { withTx } from '../../db/pool.js';
import { AppError, ConflictError, ForbiddenError, UnauthenticatedError, ValidationError } from '../../errors.js';
import { actorOf, appendAudit } from '../access/audit.js';
import type { Viewer } from '../access/viewer.js';
import { batchZip, issueBatchRow, type BatchRow } from './batch.js';
import * as repo from './batch-repo.js';
import { resolveDomains, resolvePeriod, type ReportContext, type ReportParams } from './content.js';
import type { ReportKind } from './types.js';

// 批量出具 as a job: the request is checked at once (who, purpose, domains, period), the job row
// is written, and the reports are issued one by one in the background, each row's result stored
// as it finishes, so the console can show progress and the per-row errors; the zip is kept with
// the job until downloaded. Whoever started a job (and the credit center) may read it.

export type { BatchJobRow, BatchStatus } from './batch-repo.js';

/** Audit actions of a batch job (labelled 批量出具信用报告 / 批量报告完成). */
export const BATCH_STARTED = 'report_batch_started';
export const BATCH_FINISHED = 'report_batch_finished';

export const MAX_BATCH_PARTIES = 200;
const INTERRUPTED = '服务在生成过程中停止，本批未完成：请重新提交同一名单（已生成的报告仍可在“已出具报告”中查到）';

export interface BatchJobRequest extends ReportParams {
  kind: ReportKind;
  purpose?: string | null;
  /** The parties in list order: row number in the requester's list (line or sheet row) and code. */
  parties: { row: number; code: string }[];
}

type Ctx = ReportContext & { db: Pool };

function requireBatchRole(viewer: Viewer): void {
  if (viewer.role === 'public') throw new UnauthenticatedError('请先登录');
  if (!['admin', 'operator', 'department'].includes(viewer.role) || viewer.userId === null) {
    throw new ForbiddenError('批量出具信用报告仅限信用中心和部门工作人员使用', [{ field: 'role', message: '请以工作人员账户登录' }]);
  }
}

const isCenter = (viewer: Viewer) => viewer.role === 'admin' || viewer.role === 'operator';

/** Check everything that would fail every row alike, before any report is issued. */
async function checkJob(ctx: Ctx, viewer: Viewer, req: BatchJobRequest): Promise<{ purpose: string; params: ReportParams }> {
  requireBatchRole(viewer);
  const purpose = req.purpose?.trim() || viewer.purpose?.trim() || '';
  if (!purpose) throw new ValidationError('请写明查询用途：工作人员出具信用报告须说明用途', [{ field: 'purpose', message: '查询用途必填，将打印在报告上' }]);
  if (!req.parties.some((p) => p.code.trim())) {
    throw new ValidationError('名单为空：请至少填写一个统一社会信用代码', [{ field: 'parties', message: '没有可出具报告的代码' }]);
  }
  if (req.parties.length > MAX_BATCH_PARTIES) {
    throw new ValidationError(`一批最多 ${MAX_BATCH_PARTIES} 个主体，本次 ${req.parties.length} 个：请分批提交`, [{ field: 'parties', message: `最多 ${MAX_BATCH_PARTIES} 个` }]);
  }
  if (req.kind !== 'certificate') return { purpose, params: {} };
  const period = resolvePeriod(req, ctx.clock.today());
  const domains = await resolveDomains(ctx.db, req.domains);
  return { purpose, params: { domains: domains.map((d) => d.code), ...period } };
}

/** Settle jobs whose process died, so nobody waits on them for ever. */
async function settleOrphans(ctx: Ctx): Promise<void> {
  await withTx(ctx.db, (tx) => repo.markOrphanedBatchJobs(tx, INTERRUPTED, ctx.clock.now()));
}

/**
 * Start a batch: checked, stored and audited (report_batch_started) before this returns; the
 * reports are then issued in the background (runBatchJob). One running batch per person.
 */
export async function startBatchJob(ctx: Ctx, viewer: Viewer, req: BatchJobRequest): Promise<{ job: repo.BatchJobRow; done: Promise<void> }> {
  const { purpose, params } = await checkJob(ctx, viewer, req);
  await settleOrphans(ctx);
  if (await repo.runningJobsOf(ctx.db, viewer.userId!)) {
    throw new ConflictError('您已有一批报告正在生成，请等其完成后再提交', [{ field: 'parties', message: '上一批尚未完成' }], 'batch_running');
  }
  const parties = req.parties.filter((p) => p.code.trim());
  // The lock is taken on the job's own connection inside the transaction that creates the job, so
  // no one ever sees the job running without its lock.
  const pool: Pool = ctx.db;
  const lock = await pool.connect();
  let id: number;
  try {
    await lock.query('begin');
    id = await repo.insertBatchJob(lock, {
      kind: req.kind, purpose, params: { ...params }, total: parties.length, requesterUserId: viewer.userId,
      requesterName: viewer.username, departmentId: viewer.departmentId, createdAt: ctx.clock.now(),
    });
    await repo.lockBatchJob(lock, id);
    await appendAudit(lock, {
      actor: actorOf(viewer), departmentId: viewer.departmentId, action: BATCH_STARTED, purpose, ip: viewer.ip,
      details: { batchId: id, kind: req.kind, parties: parties.length, ...params },
    });
    await lock.query('commit');
  } catch (err) {
    await lock.query('rollback').catch(() => undefined);
    lock.release();
    throw err;
  }
  const job = (await repo.findBatchJob(ctx.db, id))!;
  const done = runBatchJob(ctx, { ...viewer, purpose }, id, { ...req, ...params, purpose }, parties, lock);
  return { job, done };
}

/** Issue the batch's reports one by one, storing each row's result; then the zip. Never throws. */
async function runBatchJob(ctx: Ctx, viewer: Viewer, id: number, req: BatchJobRequest, parties: BatchJobRequest['parties'], lock: PoolClient): Promise<void> {
  const batchKey = randomUUID();
  const pdfs = new Map<string, Buffer>();
  const rows: BatchRow[] = [];
  // The job's end and its audit entry (report_batch_finished) in one transaction.
  const finish = (end: (tx: PoolClient) => Promise<void>, failure: string | null) => withTx(ctx.db, async (tx) => {
    await end(tx);
    const ok = rows.filter((r) => r.ok).length;
    await appendAudit(tx, {
      actor: actorOf(viewer), departmentId: viewer.departmentId, action: BATCH_FINISHED, purpose: viewer.purpose, ip: viewer.ip,
      details: { batchId: id, reports: ok, errors: rows.length - ok, numbers: rows.flatMap((r) => (r.number ? [r.number] : [])), ...(failure ? { failure } : {}) },
    });
  });
  try {
    for (const p of parties) {
      const r = await issueBatchRow(ctx, viewer, req, p.row, p.code.trim(), batchKey);
      if (r.pdf && r.row.file) pdfs.set(r.row.file, r.pdf);
      rows.push(r.row);
      await repo.appendBatchRow(ctx.db, id, { ...r.row, verifyCode: null });
    }
    const zip = batchZip(rows, pdfs);
    await finish((tx) => repo.completeBatchJob(tx, id, zip, ctx.clock.now()), null);
  } catch (err) {
    const message = err instanceof AppError ? err.message : '生成过程中发生系统错误，本批未完成，请稍后重新提交';
    await finish((tx) => repo.failBatchJob(tx, id, message, ctx.clock.now()), message).catch(() => undefined);
  } finally {
    await repo.unlockBatchJob(lock, id).catch(() => undefined);
    lock.release();
  }
}

/** A job for whoever started it, or the credit center; anyone else gets 404, as if there were none. */
export async function getBatchJob(ctx: Ctx, viewer: Viewer, id: number): Promise<repo.BatchJobRow> {
  requireBatchRole(viewer);
  await settleOrphans(ctx);
  const job = await repo.findBatchJob(ctx.db, id);
  if (!job || (!isCenter(viewer) && job.requesterUserId !== viewer.userId)) {
    throw new AppError('not_found', `未找到批量任务 ${id}`, 404, [{ field: 'id', message: '没有这个批量任务，或它不是您提交的' }]);
  }
  return job;
}

/** Recent jobs: the credit center sees all, a department clerk its own. */
export async function listBatchJobs(ctx: Ctx, viewer: Viewer): Promise<repo.BatchJobRow[]> {
  requireBatchRole(viewer);
  await settleOrphans(ctx);
  return repo.listBatchJobs(ctx.db, isCenter(viewer) ? null : viewer.userId, 20);
}

/** The zip of a completed job. */
export async function batchJobZip(ctx: Ctx, viewer: Viewer, id: number): Promise<{ job: repo.BatchJobRow; zip: Buffer }> {
  const job = await getBatchJob(ctx, viewer, id);
  const zip = job.status === 'completed' ? await repo.batchZipOf(ctx.db, id) : null;
  if (!zip) throw new ConflictError('该批报告尚未生成完毕，暂无可下载的文件', [{ field: 'id', message: job.status === 'running' ? '仍在生成中' : '本批未完成' }], 'batch_not_ready');
  return { job, zip };
}
