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
  checkedAt: Type.Optional(Type.String()),
});

export const NumberParam = Type.Object({ number: Type.String({ maxLength: 40 }) });
export const CodeQuery = Type.Object({ code: Type.String({ minLength: 1, maxLength: 20 }) });
export const OptionalCodeQuery = Type.Object({ code: Type.Optional(Type.String({ maxLength: 20 })) });

export const DomainList = Type.Object({
  items: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), departmentCodes: Type.Array(Type.String()), categories: Type.Array(Type.String()) })),
  total: Type.Integer(),
});
