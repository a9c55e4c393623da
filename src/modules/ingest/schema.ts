import type { Readable } from 'node:stream';
import { Type, type Static } from '@sinclair/typebox';
import { PageQuery } from '../../http/schemas.js';
import { SUBMISSION_FORMATS, SUBMISSION_STATUSES, type StoredIssue, type SubmissionRow } from './types.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

export const Counts = Type.Object({
  received: Type.Integer(), created: Type.Integer(), updated: Type.Integer(), unchanged: Type.Integer(),
  revoked: Type.Integer(), rejected: Type.Integer(), warnings: Type.Integer(),
});

export const Issue = Type.Object({
  row: Type.Integer({ description: '1-based data row (header excluded); the sheet row for XLSX; the line for JSON Lines' }),
  field: Type.Union([Type.String(), Type.Null()]),
  code: Type.String(),
  message: Type.String(),
});

export const SubmissionSummary = Type.Object({
  id: Type.Integer(),
  department: Type.String(),
  category: Type.String(),
  format: Type.Union(SUBMISSION_FORMATS.map((f) => Type.Literal(f))),
  fileName: Nullable(Type.String()),
  fileSha256: Nullable(Type.String()),
  fileBytes: Type.Union([Type.Integer(), Type.Null()]),
  encoding: Nullable(Type.String()),
  mapping: Nullable(Type.String()),
  status: Type.Union(SUBMISSION_STATUSES.map((s) => Type.Literal(s))),
  counts: Counts,
  uscc: Type.Object({ rows: Type.Integer(), wrong: Type.Integer(), conflicts: Type.Integer() }),
  receivedOn: Type.String(),
  submittedAt: Type.String(),
  startedAt: Nullable(Type.String()),
  finishedAt: Nullable(Type.String()),
  submittedBy: Type.String(),
  error: Type.Union([Type.Object({ code: Type.String(), message: Type.String() }, { additionalProperties: true }), Type.Null()]),
});

export const SubmissionsQuery = Type.Object({ department: Type.Optional(Type.String()), ...PageQuery });

export const SubmissionsPage = Type.Object({ items: Type.Array(SubmissionSummary), total: Type.Integer() });

export const SubmissionDetail = Type.Composite([
  SubmissionSummary,
  Type.Object({ errors: Type.Array(Issue), warnings: Type.Array(Issue), errorsCsv: Type.String() }),
]);

export const SubmitJsonBody = Type.Object({
  department: Type.String({ minLength: 1, description: 'department code' }),
  category: Type.String({ minLength: 1, description: 'category code, e.g. penalty' }),
  records: Type.Array(Type.Record(Type.String(), Type.Unknown()), { minItems: 1, maxItems: 50_000, description: 'flat objects: field codes, aliases or Chinese labels → values; `_revoked: true` (or 撤销标志 = 1/是) revokes the record' }),
  mapping: Type.Optional(Type.String({ description: 'column mapping of an old layout, e.g. legacy2016' })),
  ignoreUnknown: Type.Optional(Type.Boolean({ description: 'drop keys outside the catalog instead of refusing the batch' })),
}, { additionalProperties: false });
export type SubmitJsonBody = Static<typeof SubmitJsonBody>;

/**
 * The body of POST /submissions: a JSON batch (the only kind the schema validates), the file as a
 * raw stream (text/csv, xlsx, …), or nothing when the file comes as multipart parts or not at all.
 */
export const SubmitBody = Type.Unsafe<SubmitJsonBody | Readable | undefined>({ content: { 'application/json': { schema: SubmitJsonBody } } });

export const SubmitQuery = Type.Object({
  department: Type.Optional(Type.String()),
  category: Type.Optional(Type.String()),
  encoding: Type.Optional(Type.String({ description: 'utf-8 | gbk | gb18030; detected when absent' })),
  mapping: Type.Optional(Type.String()),
  format: Type.Optional(Type.Union(['csv', 'xlsx', 'jsonl'].map((f) => Type.Literal(f)))),
  fileName: Type.Optional(Type.String()),
  ignoreUnknown: Type.Optional(Type.Boolean()),
});
export type SubmitQuery = Static<typeof SubmitQuery>;

export const SubmitResponse = Type.Object({
  id: Type.Integer(), status: Type.String(), counts: Counts, errors: Type.Array(Issue), warnings: Type.Array(Issue), errorsCsv: Type.String(),
});

export const issueView = (i: StoredIssue) => ({ row: i.rowNo, field: i.field, code: i.code, message: i.message });
export const errorsCsvUrl = (id: number) => `/api/v1/submissions/${id}/errors.csv`;

export function submissionView(s: SubmissionRow) {
  return {
    id: s.id, department: s.departmentCode, category: s.categoryCode, format: s.format, fileName: s.fileName, fileSha256: s.fileSha256,
    fileBytes: s.fileBytes, encoding: s.encoding, mapping: s.mapping, status: s.status,
    counts: { received: s.received, created: s.created, updated: s.updated, unchanged: s.unchanged, revoked: s.revoked, rejected: s.rejected, warnings: s.warnings },
    uscc: { rows: s.usccRows, wrong: s.usccWrong, conflicts: s.usccConflicts },
    receivedOn: s.receivedOn, submittedAt: s.submittedAt.toISOString(), startedAt: s.startedAt?.toISOString() ?? null,
    finishedAt: s.finishedAt?.toISOString() ?? null, submittedBy: s.actorName, error: s.error,
  };
}
