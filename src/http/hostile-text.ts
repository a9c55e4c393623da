import type { FastifyReply, FastifyRequest } from 'fastify';
import { ValidationError, type ErrorDetail } from '../errors.js';
import { printable, textProblem, textProblemMessage } from '../lib/text.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Body properties whose texts the route checks row by row itself (a collection batch rejects
     * the bad row and keeps the others); the rest of the request is still checked here.
     */
    textCheckedByRoute?: string[];
  }
}

const MAX_DETAILS = 20;
const HUGE_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)[eE][+-]?\d+$/;

/** Walk a parsed JSON value; report every key or string PostgreSQL would not store as sent. */
function walk(value: unknown, path: string, out: ErrorDetail[], skip: ReadonlySet<string> | null, inUrl = false): void {
  if (out.length >= MAX_DETAILS) return;
  if (typeof value === 'string') {
    const problem = textProblem(value);
    if (problem) out.push({ field: path, message: `${path} ${textProblemMessage(problem)}` });
    // A parameter such as "1e309" would be coerced to Infinity by the schema validator.
    else if (inUrl && HUGE_NUMBER.test(value) && !Number.isFinite(Number(value))) out.push({ field: path, message: `${path} 数值超出范围` });
    return;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) out.push({ field: path, message: `${path} 数值超出范围` });
    return;
  }
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return;
  if (Array.isArray(value)) {
    value.forEach((v, i) => walk(v, `${path}.${i}`, out, null, inUrl));
    return;
  }
  if (typeof (value as { pipe?: unknown }).pipe === 'function') return; // a raw upload stream: read by its route
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const problem = textProblem(k);
    if (problem) {
      out.push({ field: `${path}.${printable(k)}`, message: `字段名 ${printable(k)} ${textProblemMessage(problem)}` });
      continue;
    }
    if (skip?.has(k)) continue;
    walk(v, `${path}.${k}`, out, null, inUrl);
  }
}

/**
 * Refuse, before validation, any request whose parameters, query or JSON body carry NUL, a lone
 * UTF-16 surrogate or a number JSON cannot hold: nothing such reaches a hashed document, the
 * database or a log, and the caller learns which field to fix.
 */
export function hostileTextHook(req: FastifyRequest, _reply: FastifyReply, done: (err?: Error) => void): void {
  const details: ErrorDetail[] = [];
  walk(req.params, 'params', details, null, true);
  walk(req.query, 'querystring', details, null, true);
  const skip = req.routeOptions.config?.textCheckedByRoute;
  walk(req.body, 'body', details, skip ? new Set(skip) : null);
  if (details.length) {
    done(new ValidationError(details.map((d) => d.message).join('; '), details, 'invalid_text'));
    return;
  }
  done();
}
