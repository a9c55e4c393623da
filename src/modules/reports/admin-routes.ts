import type { AppDeps } from '../../deps.js';
import type { Api } from '../../http/api.js';
import { sendFile } from '../../http/file-reply.js';
import { errorResponses, IdParam } from '../../http/schemas.js';
import { listIssuedReports, revokeReport, type IssuedRow } from './admin.js';
import { batchJobZip, getBatchJob, listBatchJobs, startBatchJob, type BatchJobRow } from './batch-jobs.js';
import type { ReportContext } from './content.js';
import { BatchJobBody, BatchJobList, BatchJobView, IssuedPage, IssuedQuery, IssuedReportRow, NumberParam, RevokeBody } from './schema.js';
import { KIND_TITLES } from './types.js';

const issuedView = (r: IssuedRow, today: string) => ({
  number: r.number, kind: r.kind, kindName: KIND_TITLES[r.kind], subjectName: r.subjectName, subjectCode: r.subjectCode,
  subjectKind: r.subjectKind, purpose: r.purpose, requesterRole: r.requesterRole,
  requesterName: r.requesterDisplayName ?? r.requesterName, departmentName: r.departmentName,
  issuedAt: r.issuedAt.toISOString(), validUntil: r.validUntil, expired: r.validUntil < today,
  verifiedCount: r.verifiedCount, lastVerifiedAt: r.lastVerifiedAt?.toISOString() ?? null,
  revoked: r.revokedAt !== null, revokedAt: r.revokedAt?.toISOString() ?? null, revokedReason: r.revokedReason, revokedBy: r.revokedBy,
});

const jobView = (j: BatchJobRow) => ({
  id: j.id, status: j.status, kind: j.kind, kindName: KIND_TITLES[j.kind], purpose: j.purpose,
  total: j.total, done: j.done, okCount: j.okCount, errorCount: j.errorCount,
  rows: j.rows.map((r) => ({ row: r.index, input: r.input, ok: r.ok, number: r.number, subjectName: r.subjectName, file: r.file, error: r.error })),
  error: j.error, requesterName: j.requesterName, createdAt: j.createdAt.toISOString(), finishedAt: j.finishedAt?.toISOString() ?? null,
  downloadable: j.status === 'completed' && j.hasZip,
});

/** 报告管理 routes (mounted under /api/v1 with the other report routes). */
export async function reportAdminRoutes(app: Api, deps: AppDeps, ctx: ReportContext & { db: AppDeps['pool'] }): Promise<void> {
  app.get('/reports', {
    schema: {
      tags: ['reports'], summary: 'Issued reports, newest first, with how often each was verified and whether it was revoked (credit center)',
      querystring: IssuedQuery, response: { 200: IssuedPage, ...errorResponses },
    },
  }, async (req) => {
    const r = await listIssuedReports(ctx, req.viewer, req.query);
    const today = ctx.clock.today();
    return { items: r.items.map((x) => issuedView(x, today)), total: r.total };
  });

  app.post('/reports/:number/revoke', {
    schema: {
      tags: ['reports'], summary: 'Revoke an issued report with a reason; verifications then say it was revoked, when and why (credit center; audited report_revoked)',
      params: NumberParam, body: RevokeBody, response: { 200: IssuedReportRow, ...errorResponses },
    },
  }, async (req) => issuedView(await revokeReport(ctx, req.viewer, req.params.number, req.body.reason), ctx.clock.today()));

  app.post('/reports/batches', {
    schema: {
      tags: ['reports'], summary: 'Start a batch of reports for a list of parties (row + code); poll GET /reports/batches/{id} for progress and row errors, then download the zip (audited report_batch_started)',
      body: BatchJobBody, response: { 202: BatchJobView, ...errorResponses },
    },
  }, async (req, reply) => {
    const { job } = await startBatchJob(ctx, req.viewer, req.body);
    return reply.status(202).send(jobView(job));
  });

  app.get('/reports/batches', {
    schema: { tags: ['reports'], summary: 'Recent batch report jobs (the credit center: all; a department clerk: its own)', response: { 200: BatchJobList, ...errorResponses } },
  }, async (req) => ({ items: (await listBatchJobs(ctx, req.viewer)).map(jobView) }));

  app.get('/reports/batches/:id', {
    schema: { tags: ['reports'], summary: 'A batch report job: progress and the result of every row done', params: IdParam, response: { 200: BatchJobView, ...errorResponses } },
  }, async (req) => jobView(await getBatchJob(ctx, req.viewer, req.params.id)));

  app.get('/reports/batches/:id/zip', {
    schema: { tags: ['reports'], summary: 'The zip of a completed batch: one PDF per party and summary.csv', params: IdParam, response: errorResponses },
  }, async (req, reply) => {
    const { job, zip } = await batchJobZip(ctx, req.viewer, req.params.id);
    return sendFile(reply, 'application/zip', zip, {
      'content-disposition': `attachment; filename="reports-batch-${job.id}.zip"`,
      'x-report-count': String(job.okCount), 'x-error-count': String(job.errorCount),
    });
  });
}
