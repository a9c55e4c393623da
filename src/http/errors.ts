import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type ErrorDetail } from '../errors.js';

interface AjvIssue {
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
}

function ajvDetails(err: FastifyError): ErrorDetail[] {
  const issues = (err.validation ?? []) as AjvIssue[];
  const context = err.validationContext ?? 'body';
  return issues.map((i) => {
    const path = (i.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
    const missing = typeof i.params?.missingProperty === 'string' ? i.params.missingProperty : null;
    const extra = typeof i.params?.additionalProperty === 'string' ? i.params.additionalProperty : null;
    const field = [context, path, missing ?? extra].filter(Boolean).join('.');
    const message = missing
      ? `缺少必填字段 ${missing}`
      : extra
        ? `不允许的字段 ${extra}`
        : `${path || context} ${i.message ?? 'is invalid'}`;
    return { field, message };
  });
}

/** The one mapping from errors to HTTP: `{ error: { code, message, details } }`. */
export function errorHandler(err: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): void {
  if (err instanceof AppError) {
    void reply.status(err.status).send({ error: { code: err.code, message: err.message, details: err.details } });
    return;
  }
  const fe = err as FastifyError;
  if (fe.validation) {
    const details = ajvDetails(fe);
    void reply.status(400).send({
      error: { code: 'validation_failed', message: details.map((d) => d.message).join('; ') || fe.message, details },
    });
    return;
  }
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    const code = (fe.code ?? 'bad_request').toLowerCase().replace(/^fst_err_/, '');
    void reply.status(fe.statusCode).send({ error: { code, message: fe.message, details: [] } });
    return;
  }
  request.log.error({ err }, 'unhandled error');
  void reply.status(500).send({ error: { code: 'internal_error', message: '服务器内部错误，请稍后重试', details: [] } });
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply): void {
  void reply.status(404).send({
    error: { code: 'route_not_found', message: `no route ${request.method} ${request.url.split('?')[0]}`, details: [] },
  });
}
