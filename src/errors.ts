/** Domain errors. Services throw these; src/http/errors.ts is the one place mapping them to HTTP. */
export interface ErrorDetail {
  field?: string;
  row?: number;
  position?: number;
  message: string;
  [key: string]: unknown;
}

export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  constructor(message: string, details: ErrorDetail[] = [], code = 'validation_failed') {
    super(code, message, 400, details);
  }
}

export class NotFoundError extends AppError {
  constructor(what: string, key: string, code = 'not_found') {
    super(code, `${what} not found: ${key}`, 404, [{ field: what, message: `no ${what} "${key}"` }]);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'authentication required') {
    super('unauthenticated', message, 401);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'not allowed', details: ErrorDetail[] = []) {
    super('forbidden', message, 403, details);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, details: ErrorDetail[] = [], code = 'conflict') {
    super(code, message, 409, details);
  }
}

export class InvalidTransitionError extends AppError {
  constructor(entity: string, from: string, to: string) {
    super('invalid_transition', `${entity} cannot go from ${from} to ${to}`, 409, [
      { field: 'state', message: `transition ${from} → ${to} is not allowed` },
    ]);
  }
}

/** What a request may carry at most: a count of rows or parties, or a size in MB. */
export interface PayloadLimit {
  /** The part of the request over the limit: 'parties', 'entries', 'body'. */
  field: string;
  /** What is limited, in words: '一次审查的主体', '报告文件'. */
  what: string;
  limit: number;
  /** '个', '条', 'MB'. */
  unit: string;
  /** How much came, when known. */
  sent?: number;
  /** A more specific error code clients already rely on (default payload_too_large). */
  code?: string;
}

/** More than one request may carry (413); the message names the limit, the detail carries it. */
export class PayloadTooLargeError extends AppError {
  constructor(p: PayloadLimit, advice = '请分批提交') {
    const sent = p.sent !== undefined && Number.isFinite(p.sent) ? `，本次 ${p.sent} ${p.unit}` : '';
    super(p.code ?? 'payload_too_large', `${p.what}最多 ${p.limit} ${p.unit}${sent}；${advice}`, 413, [
      { field: p.field, message: `最多 ${p.limit} ${p.unit}`, limit: p.limit, unit: p.unit },
    ]);
  }
}

export class TooManyRequestsError extends AppError {
  constructor(message: string) {
    super('too_many_requests', message, 429);
  }
}
