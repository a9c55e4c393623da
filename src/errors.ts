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

/** What a NotFoundError or InvalidTransitionError is about, in the words its message uses. */
const ENTITY_WORDS: Record<string, string> = {
  subject: '信用主体', record: '信用记录', category: '信息类别', department: '部门', list: '名单', 'list entry': '名单条目',
  objection: '异议', repair: '信用修复申请', commitment: '信用承诺', 'commitment item': '承诺事项', report: '信用报告',
  review: '信用审查', 'review hit': '审查命中记录', measure: '措施', rule: '规则', 'rule version': '规则版本', user: '用户',
  submission: '报送批次', notification: '通知', file: '文件', grant: '授权', grantee: '被授权方', 'api key': 'API 密钥',
  'calendar day': '日历日期', evaluation: '评价结果', 'evaluation model': '评价模型', 'evaluation run': '评价批次',
  'inspection plan': '抽查计划', 'inspection task': '检查任务', 'inspection item': '检查事项', inspector: '检查人员',
  'exchange target': '交换对象',
};
const entityWord = (what: string): string => ENTITY_WORDS[what] ?? what;

export class NotFoundError extends AppError {
  constructor(what: string, key: string, code = 'not_found') {
    super(code, `未找到${entityWord(what)}：${key}`, 404, [{ field: what, message: `没有“${key}”对应的${entityWord(what)}` }]);
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
    super('invalid_transition', `该${entityWord(entity)}当前的办理状态不允许此操作，请刷新后查看最新状态`, 409, [
      { field: 'state', message: '当前状态不允许此操作', from, to },
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
  constructor(message: string, details: ErrorDetail[] = []) {
    super('too_many_requests', message, 429, details);
  }
}
