import type { FastifyError } from 'fastify';
import type { AppDeps } from '../../deps.js';
import { PayloadTooLargeError, ValidationError } from '../../errors.js';
import type { Api } from '../../http/api.js';
import { errorHandler } from '../../http/errors.js';
import { sendFile } from '../../http/file-reply.js';
import { errorResponses } from '../../http/schemas.js';
import { reportAdminRoutes } from './admin-routes.js';
import { issueBatch } from './batch.js';
import { warmUpReportFonts } from './pdf/fonts.js';
import type { ReportContext } from './content.js';
import { BatchBody, CodeQuery, DomainList, IssuedReport, NumberParam, OptionalCodeQuery, ReportRequestBody, VerifyResult } from './schema.js';
import { getReportPdf, issueReport, listReportDomains } from './service.js';
import { verifyFile, verifyReport } from './verify.js';

export const reportContext = (deps: AppDeps): ReportContext & { db: AppDeps['pool'] } => ({ db: deps.pool, pd: deps.pd, clock: deps.clock, config: deps.config });

const MAX_PDF_MB = 20;
const MAX_PDF_BYTES = MAX_PDF_MB * 1024 * 1024;
const pdfTooLarge = () => new PayloadTooLargeError({ field: 'body', what: '核验的报告文件', limit: MAX_PDF_MB, unit: 'MB' }, '平台出具的报告远小于此，请核对所选文件');

/** Credit report routes (mounted under /api/v1). */
export async function reportRoutes(app: Api, deps: AppDeps): Promise<void> {
  const ctx = reportContext(deps);
  const publicLimit = { rateLimit: {} };
  // Parse the CJK fonts once the server is up rather than in the first requester's report.
  app.addHook('onReady', async () => {
    setImmediate(warmUpReportFonts);
  });
  // Own child context: the raw-PDF body parser stays local to these routes.
  await app.register(async (r: Api) => {
    r.addContentTypeParser(['application/pdf', 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: MAX_PDF_BYTES }, (_req, body, done) => done(null, body));

    r.get('/reports/domains', {
      schema: { tags: ['reports'], summary: 'Domains of the certificate report (专用信用报告领域)', response: { 200: DomainList } },
    }, async () => {
      const items = await listReportDomains(ctx);
      return { items, total: items.length };
    });

    r.post('/reports', {
      config: publicLimit,
      schema: {
        tags: ['reports'], summary: 'Issue a credit report (PDF) for a subject',
        description: 'Anonymous: the public report with public data only. The subject (role subject): its own full report. Departments and the credit center: with a purpose, per their disclosure classes. API keys need the reports:write scope. Every request is audited (report_issued).',
        body: ReportRequestBody, response: { 201: IssuedReport, ...errorResponses },
      },
    }, async (req, reply) => {
      return reply.status(201).send(await issueReport(ctx, req.viewer, req.body));
    });

    r.post('/reports/batch', {
      schema: {
        tags: ['reports'], summary: 'Reports for a list of parties as a zip (one PDF each + summary.csv); bad parties become error rows',
        body: BatchBody, response: errorResponses,
      },
    }, async (req, reply) => {
      const { zip, rows } = await issueBatch(ctx, req.viewer, req.body);
      return sendFile(reply, 'application/zip', zip, {
        'content-disposition': `attachment; filename="reports-${ctx.clock.today()}.zip"`,
        'x-report-count': String(rows.filter((x) => x.ok).length),
        'x-error-count': String(rows.filter((x) => !x.ok).length),
      });
    });

    r.post('/reports/verify-file', {
      config: publicLimit,
      errorHandler: (err: FastifyError, req, reply) => errorHandler(err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? pdfTooLarge() : err, req, reply),
      schema: {
        tags: ['reports'], summary: `Verify a report PDF by its SHA-256 (send the file as the body, Content-Type: application/pdf; at most ${MAX_PDF_MB} MB, more is a 413)`,
        response: { 200: VerifyResult, ...errorResponses, 413: errorResponses[400] },
      },
    }, async (req) => {
      if (!Buffer.isBuffer(req.body) || req.body.length === 0) {
        throw new ValidationError('请以 application/pdf 请求体上传报告文件', [{ field: 'body', message: 'send the PDF bytes with Content-Type application/pdf' }]);
      }
      return verifyFile(ctx, req.viewer, req.body);
    });

    r.get('/reports/:number.pdf', {
      config: publicLimit,
      schema: {
        tags: ['reports'], summary: 'The issued PDF: to the requester and the credit center; public reports also to whoever holds the code',
        params: NumberParam, querystring: OptionalCodeQuery, response: errorResponses,
      },
    }, async (req, reply) => {
      const r0 = await getReportPdf(ctx, req.viewer, req.params.number, req.query.code ?? null);
      return sendFile(reply, 'application/pdf', r0.pdf, { 'content-disposition': `inline; filename="${r0.number}.pdf"` });
    });

    r.get('/reports/:number/verify', {
      config: publicLimit,
      schema: {
        tags: ['reports'], summary: 'Verify a report by number and code: genuine, hashes, and whether its facts changed since issue',
        params: NumberParam, querystring: CodeQuery, response: { 200: VerifyResult, ...errorResponses },
      },
    }, async (req) => verifyReport(ctx, req.viewer, req.params.number, req.query.code));

    await reportAdminRoutes(r, deps, ctx);
  });
}
