import { PassThrough, Readable } from 'node:stream';
import multipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../deps.js';
import { ValidationError } from '../../errors.js';
import type { Api } from '../../http/api.js';
import { errorResponses, IdParam } from '../../http/schemas.js';
import { errorsCsvUrl, issueView, SubmissionDetail, SubmissionsPage, SubmissionsQuery, submissionView, SubmitBody, SubmitQuery, SubmitResponse } from './schema.js';
import * as ingest from './service.js';
import { SUBMISSION_FORMATS, type SubmissionFormat } from './types.js';

const RAW_TYPES = ['text/csv', 'application/csv', 'application/x-ndjson', 'application/jsonl', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/octet-stream'];
const TRUE = new Set(['1', 'true', 'yes', 'on']);

const isFormat = (v: string): v is SubmissionFormat => (SUBMISSION_FORMATS as readonly string[]).includes(v);

function inputFrom(q: Record<string, unknown>, fileName: string | null): ingest.SubmitInput {
  const str = (k: string) => {
    const v = q[k];
    return typeof v === 'string' && v.trim() ? v.trim() : null;
  };
  const department = str('department');
  const category = str('category');
  if (!department || !category) {
    const missing = [...(department ? [] : ['department']), ...(category ? [] : ['category'])];
    throw new ValidationError(`缺少 ${missing.join('、')}（表单字段须放在文件之前，或作为查询参数）`, missing.map((f) => ({ field: f, message: 'required' })));
  }
  const format = str('format');
  if (format !== null && !isFormat(format)) {
    throw new ValidationError(`不支持的文件格式 ${format}（可选：${SUBMISSION_FORMATS.join('、')}）`, [{ field: 'format', message: `one of ${SUBMISSION_FORMATS.join(', ')}` }]);
  }
  return {
    department, category, mapping: str('mapping'), encoding: str('encoding'),
    format, fileName: str('fileName') ?? fileName,
    ignoreUnknown: q.ignoreUnknown === true || TRUE.has(String(q.ignoreUnknown ?? '').toLowerCase()),
  };
}

/**
 * Aborted when the client goes away before its answer is sent: the import stops instead of
 * reading and writing on for nobody.
 */
function untilClientGone(reply: FastifyReply): AbortSignal {
  const ac = new AbortController();
  reply.raw.on('close', () => {
    if (!reply.raw.writableFinished) ac.abort(ingest.clientGoneError());
  });
  return ac.signal;
}

/** Multipart: the form fields (department, category, …) first, then the file, streamed. */
async function fromMultipart(req: FastifyRequest, query: SubmitQuery, deps: AppDeps, signal: AbortSignal): Promise<ingest.SubmissionResult> {
  const fields: Record<string, unknown> = { ...query };
  let result: ingest.SubmissionResult | null = null;
  for await (const part of req.parts()) {
    if (part.type === 'field') {
      fields[part.fieldname] = part.value;
      continue;
    }
    if (part.fieldname !== 'file' || result) {
      part.file.resume();
      continue;
    }
    // The import may stop reading early (a bad header): the rest of the upload is drained, not left hanging.
    const body = new PassThrough();
    part.file.pipe(body);
    // pipe() does not pass errors on: without this a cut-off upload would leave the import waiting for ever.
    part.file.on('error', (err) => body.destroy(err));
    try {
      result = await ingest.submitFile(deps, req.viewer, inputFrom(fields, part.filename || null), body, { signal });
    } catch (err) {
      part.file.unpipe(body);
      part.file.resume();
      throw err;
    }
  }
  if (!result) throw new ValidationError('缺少文件：请以 multipart 字段 file 上传', [{ field: 'file', message: 'required' }], 'missing_file');
  return result;
}

export async function ingestRoutes(app: Api, deps: AppDeps): Promise<void> {
  await app.register(async (scope: Api) => {
    await scope.register(multipart, { limits: { fileSize: Number.MAX_SAFE_INTEGER, files: 1, fields: 20 } });
    scope.addContentTypeParser(RAW_TYPES, (_req, payload, done) => done(null, payload));

    scope.post('/submissions', {
      // A bad text in one record rejects that record (naming row and field), not the batch.
      config: { textCheckedByRoute: ['records'] },
      schema: {
        tags: ['collection'], summary: 'Submit records: JSON batch, multipart file upload (field `file`), or the file as the raw body (text/csv, application/x-ndjson, xlsx) with department/category as query parameters',
        querystring: SubmitQuery,
        body: SubmitBody,
        response: { 201: SubmitResponse, ...errorResponses },
      },
    }, async (req, reply) => {
      let result: ingest.SubmissionResult;
      const signal = untilClientGone(reply);
      if (req.isMultipart()) {
        result = await fromMultipart(req, req.query, deps, signal);
      } else if (req.body instanceof Readable) {
        const payload = req.body;
        try {
          result = await ingest.submitFile(deps, req.viewer, inputFrom(req.query, null), payload, { signal });
        } catch (err) {
          payload.resume();
          throw err;
        }
      } else if (req.body) {
        result = await ingest.submitRecords(deps, req.viewer, req.body, req.body.records);
      } else {
        throw new ValidationError('缺少报送内容：JSON 批量、multipart 文件或原始文件', [{ field: 'body', message: 'required' }], 'missing_body');
      }
      const issues = await ingest.submissionIssues(deps.pool, result.id, 20);
      return reply.status(201).send({ ...result, errors: issues.errors.map(issueView), warnings: issues.warnings.map(issueView), errorsCsv: errorsCsvUrl(result.id) });
    });
  });

  app.get('/submissions', {
    schema: {
      tags: ['collection'], summary: 'Submission history (a clerk: its department; the credit center: any)',
      querystring: SubmissionsQuery,
      response: { 200: SubmissionsPage, ...errorResponses },
    },
  }, async (req) => {
    const r = await ingest.listSubmissions(deps.pool, req.viewer, req.query);
    return { items: r.items.map(submissionView), total: r.total };
  });

  app.get('/submissions/:id', {
    schema: { tags: ['collection'], summary: 'Status, counts, first row errors and warnings of a submission', params: IdParam, response: { 200: SubmissionDetail, ...errorResponses } },
  }, async (req) => {
    const { submission: s, errors, warnings } = await ingest.readSubmission(deps.pool, req.viewer, req.params.id, 100);
    return { ...submissionView(s), errors: errors.map(issueView), warnings: warnings.map(issueView), errorsCsv: errorsCsvUrl(s.id) };
  });

  // The CSV is a stream no response schema describes (the document lists only the errors), so the route names its types.
  app.get<{ Params: IdParam; Reply: Readable }>('/submissions/:id/errors.csv', {
    schema: { tags: ['collection'], summary: 'The rejected rows as CSV (original columns + 错误行号 + 错误原因), to fix and re-submit', params: IdParam, response: errorResponses },
  }, async (req, reply) => {
    const { id, csv } = await ingest.submissionErrorsCsv(deps.pool, req.viewer, req.params.id);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="submission-${id}-errors.csv"`)
      .send(Readable.from(csv));
  });
}
