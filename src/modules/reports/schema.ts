import { Type } from '@sinclair/typebox';
import { REPORT_KINDS } from './types.js';

const Kind = Type.Union(REPORT_KINDS.map((k) => Type.Literal(k)), { default: 'public', description: 'public 公共信用信息报告 · certificate 专用信用报告（无违法违规记录证明版）' });
const DateStr = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Domains = Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 60, description: 'certificate: domain codes or names (GET /reports/domains); all when omitted' });

export const ReportRequestBody = Type.Object({
  subject: Type.String({ minLength: 1, maxLength: 64, description: 'USCC, or ID number (own report / official requests)' }),
  kind: Kind,
  purpose: Type.Optional(Type.String({ maxLength: 200, description: 'required for departments and the credit center; printed and audited' })),
  domains: Type.Optional(Domains),
  from: Type.Optional(DateStr),
  to: Type.Optional(DateStr),
}, { additionalProperties: false });

export const BatchBody = Type.Object({
  parties: Type.Array(Type.String({ maxLength: 64 }), { minItems: 1, maxItems: 200, description: 'USCCs (or ID numbers) of the parties' }),
  kind: Kind,
  purpose: Type.Optional(Type.String({ maxLength: 200 })),
  domains: Type.Optional(Domains),
  from: Type.Optional(DateStr),
  to: Type.Optional(DateStr),
}, { additionalProperties: false });

export const IssuedReport = Type.Object({
  number: Type.String(), verifyCode: Type.String(), kind: Type.String(), subjectName: Type.String(),
  issuedAt: Type.String(), validUntil: Type.String(), pdfSha256: Type.String(),
  url: Type.String({ description: 'PDF download (public reports: with the code, for anyone holding it)' }),
  verifyUrl: Type.String({ description: 'the verification page the QR code points to' }),
});

export const VerifyResult = Type.Object({
  genuine: Type.Boolean(),
  number: Type.Union([Type.String(), Type.Null()]),
  reason: Type.Optional(Type.String()),
  message: Type.Optional(Type.String()),
  kind: Type.Optional(Type.String()),
  kindName: Type.Optional(Type.String()),
  subjectName: Type.Optional(Type.String()),
  subjectCode: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  issuer: Type.Optional(Type.String()),
  issuedAt: Type.Optional(Type.String()),
  validUntil: Type.Optional(Type.String()),
  expired: Type.Optional(Type.Boolean()),
  pdfSha256: Type.Optional(Type.String()),
  factsHash: Type.Optional(Type.String()),
  currentFactsHash: Type.Optional(Type.String()),
  factsChanged: Type.Optional(Type.Boolean()),
  revoked: Type.Optional(Type.Boolean({ description: 'genuine, but revoked by the credit center: no longer valid' })),
  revokedAt: Type.Optional(Type.Union([Type.String(), Type.Null()], { description: 'when it was revoked (ISO timestamp)' })),
  revokedReason: Type.Optional(Type.Union([Type.String(), Type.Null()], { description: 'why it was revoked, as the credit center wrote it' })),
  checkedAt: Type.Optional(Type.String()),
});

export const NumberParam = Type.Object({ number: Type.String({ maxLength: 40 }) });
export const CodeQuery = Type.Object({ code: Type.String({ minLength: 1, maxLength: 20 }) });
export const OptionalCodeQuery = Type.Object({ code: Type.Optional(Type.String({ maxLength: 20 })) });

export const DomainList = Type.Object({
  items: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), departmentCodes: Type.Array(Type.String()), categories: Type.Array(Type.String()) })),
  total: Type.Integer(),
});

// 报告管理 (credit center): the register, revocation, batch jobs.

const NullableStr = Type.Union([Type.String(), Type.Null()]);

export const IssuedQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100, description: 'report number (or its start), subject code, or part of the subject name' })),
  kind: Type.Optional(Type.Union(REPORT_KINDS.map((k) => Type.Literal(k)))),
  state: Type.Optional(Type.Union([Type.Literal('valid'), Type.Literal('expired'), Type.Literal('revoked')], { description: 'valid 有效 · expired 已过期 · revoked 已撤销' })),
  requester: Type.Optional(Type.Union((['public', 'subject', 'department', 'center', 'lender'] as const).map((k) => Type.Literal(k)), { description: 'who asked: the public, the subject itself, a department, the credit center, a lender' })),
  from: Type.Optional(Type.String({ format: 'date', description: 'issued on or after (YYYY-MM-DD, China time)' })),
  to: Type.Optional(Type.String({ format: 'date', description: 'issued on or before (YYYY-MM-DD, China time)' })),
  page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
});

export const IssuedReportRow = Type.Object({
  number: Type.String(), kind: Type.String(), kindName: Type.String(),
  subjectName: Type.String(), subjectCode: NullableStr, subjectKind: NullableStr,
  purpose: NullableStr,
  requesterRole: Type.String({ description: 'public, subject, department, admin, operator, lender' }),
  requesterName: NullableStr, departmentName: NullableStr,
  issuedAt: Type.String(), validUntil: Type.String(), expired: Type.Boolean(),
  verifiedCount: Type.Integer({ description: 'genuine verifications since issue (verify page, API, file check)' }),
  lastVerifiedAt: NullableStr,
  revoked: Type.Boolean(), revokedAt: NullableStr, revokedReason: NullableStr, revokedBy: NullableStr,
});

export const IssuedPage = Type.Object({ items: Type.Array(IssuedReportRow), total: Type.Integer() });

export const RevokeBody = Type.Object({
  reason: Type.String({ minLength: 1, maxLength: 500, description: 'why; shown on the public verification page' }),
}, { additionalProperties: false });

export const BatchJobBody = Type.Object({
  parties: Type.Array(Type.Object({
    row: Type.Integer({ minimum: 1, maximum: 1_048_576, description: 'the row in the list as given (line of the text, row of the sheet)' }),
    code: Type.String({ maxLength: 64 }),
  }, { additionalProperties: false }), { minItems: 1, maxItems: 200 }),
  kind: Kind,
  purpose: Type.Optional(Type.String({ maxLength: 200 })),
  domains: Type.Optional(Domains),
  from: Type.Optional(DateStr),
  to: Type.Optional(DateStr),
}, { additionalProperties: false });

const BatchResultRow = Type.Object({
  row: Type.Integer(), input: Type.String({ description: 'the code as given (ID numbers masked)' }), ok: Type.Boolean(),
  number: NullableStr, subjectName: NullableStr, file: NullableStr, error: NullableStr,
});

export const BatchJobView = Type.Object({
  id: Type.Integer(),
  status: Type.String({ description: 'running 生成中 · completed 已完成 · failed 失败 · interrupted 已中断' }),
  kind: Type.String(), kindName: Type.String(), purpose: Type.String(),
  total: Type.Integer(), done: Type.Integer(), okCount: Type.Integer(), errorCount: Type.Integer(),
  rows: Type.Array(BatchResultRow, { description: 'one per row done, in list order (empty in lists)' }),
  error: NullableStr, requesterName: NullableStr, createdAt: Type.String(), finishedAt: NullableStr,
  downloadable: Type.Boolean(),
});

export const BatchJobList = Type.Object({ items: Type.Array(BatchJobView) });
