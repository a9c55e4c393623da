import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type ErrorDetail } from '../errors.js';

interface AjvIssue {
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** The validator's complaint in words a clerk reads (its English for anything not listed). */
function explain(i: AjvIssue & { keyword?: string }): string {
  const p = i.params ?? {};
  switch (i.keyword) {
    case 'format': return p.format === 'date' ? '应为存在的日期，格式 YYYY-MM-DD' : p.format === 'date-time' ? '应为日期时间（ISO 8601）' : `格式不正确（${String(p.format)}）`;
    case 'maximum': return `不能大于 ${String(p.limit)}`;
    case 'minimum': return `不能小于 ${String(p.limit)}`;
    case 'maxLength': return `不能超过 ${String(p.limit)} 个字符`;
    case 'minLength': return p.limit === 1 ? '不能为空' : `至少 ${String(p.limit)} 个字符`;
    case 'maxItems': return `最多 ${String(p.limit)} 项`;
    case 'minItems': return `至少 ${String(p.limit)} 项`;
    case 'type': return `应为${TYPE_WORDS[String(p.type)] ?? String(p.type)}`;
    case 'enum': return `应为以下之一：${Array.isArray(p.allowedValues) ? p.allowedValues.join('、') : ''}`;
    case 'pattern': return '格式不正确';
    default: return i.message ?? 'is invalid';
  }
}

const TYPE_WORDS: Record<string, string> = { integer: '整数', number: '数字', string: '文本', boolean: '是/否（true 或 false）', object: '对象', array: '数组', null: '空值' };

/**
 * A union of literals (Type.Union of Type.Literal) fails as one `const` complaint per literal and an
 * `anyOf`: said once, as the values allowed.
 */
function mergeLiteralChoices(issues: (AjvIssue & { keyword?: string })[]): (AjvIssue & { keyword?: string })[] {
  const anyOf = new Set(issues.filter((i) => i.keyword === 'anyOf').map((i) => i.instancePath ?? ''));
  const allowed = new Map<string, unknown[]>();
  for (const i of issues) {
    const at = i.instancePath ?? '';
    if (i.keyword === 'const' && anyOf.has(at)) allowed.set(at, [...(allowed.get(at) ?? []), i.params?.allowedValue]);
  }
  return issues.flatMap((i) => {
    const at = i.instancePath ?? '';
    if (!allowed.has(at) || (i.keyword !== 'const' && i.keyword !== 'anyOf')) return [i];
    return i.keyword === 'anyOf' ? [{ instancePath: at, keyword: 'enum', params: { allowedValues: allowed.get(at) } }] : [];
  });
}

function ajvDetails(err: FastifyError): ErrorDetail[] {
  const issues = mergeLiteralChoices((err.validation ?? []) as (AjvIssue & { keyword?: string })[]);
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
        : `${path || context} ${explain(i)}`;
    return { field, message };
  });
}

/**
 * A value the database refused (out of range, impossible date, invalid text): bad input that the
 * route's schema did not catch. A 400 rather than a 500; the warning in the log shows which route
 * still lacks the schema that would name the field.
 */
function databaseRefusal(err: Error): { code: string; message: string } | null {
  const code = (err as { code?: unknown }).code;
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code) || !('severity' in err)) return null;
  if (code === '22003') return { code: 'value_out_of_range', message: '数值超出允许范围' };
  if (code === '22007' || code === '22008') return { code: 'invalid_date', message: '日期或时间无效' };
  if (code === '22021' || code === '22P05' || code === '22P02' && /unicode|surrogate/i.test(err.message)) return { code: 'invalid_text', message: '文字中含有无法保存的字符' };
  if (code.startsWith('22')) return { code: 'invalid_value', message: '参数值无效' };
  if (code === '54000') return { code: 'value_too_large', message: '输入的值过长' };
  return null;
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
  const refused = databaseRefusal(err);
  if (refused) {
    request.log.warn({ err }, 'database refused a value the schema let through');
    void reply.status(400).send({ error: { code: refused.code, message: refused.message, details: [] } });
    return;
  }
  if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    void reply.status(415).send({ error: { code: 'unsupported_media_type', message: `不支持的内容类型 ${String(request.headers['content-type'] ?? '')}：请以 application/json 提交（文件上传见接口说明）`, details: [{ field: 'header.content-type', message: fe.message }] } });
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
