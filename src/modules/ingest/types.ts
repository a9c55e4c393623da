import type { CheckedRow } from '../records/row-check.js';
import type { RenderedFields } from '../records/ledger-bulk.js';
import type { SubjectKey } from '../subjects/bulk.js';

export const SUBMISSION_FORMATS = ['json', 'jsonl', 'csv', 'xlsx'] as const;
export type SubmissionFormat = (typeof SUBMISSION_FORMATS)[number];
/** `interrupted`: the server stopped (killed, restarted) while the import ran; found at the next start-up. */
export const SUBMISSION_STATUSES = ['received', 'processing', 'completed', 'failed', 'interrupted'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

/** Allowed status moves of a submission; each move is one submission_event row. */
export const SUBMISSION_TRANSITIONS: Record<SubmissionStatus, SubmissionStatus[]> = {
  received: ['processing', 'failed', 'interrupted'],
  processing: ['completed', 'failed', 'interrupted'],
  completed: [],
  failed: [],
  interrupted: [],
};

/** One problem with one row (or, with row 0, with the file). */
export interface RowIssue {
  field: string | null;
  code: string;
  message: string;
  position?: number;
  [extra: string]: unknown;
}

/** A row as read from the source: cells aligned with the header, or a keyed JSON object. */
export interface SourceRow {
  rowNo: number;
  cells?: unknown[];
  record?: Record<string, unknown>;
  /** The reader could not parse this row at all (e.g. malformed CSV quoting, invalid JSON). */
  unreadable?: RowIssue;
}

/** A row turned into field codes → values, with its revoke flag and the raw row for errors.csv. */
export interface ShapedRow {
  rowNo: number;
  input: Record<string, unknown>;
  revoke: boolean;
  raw: Record<string, string>;
  issues: RowIssue[];
}

/**
 * What the bulk writer needs of a record row that does not depend on the database, worked out
 * while the previous batch is being written: its subject key (HMAC of an ID number), the legacy
 * codes it claims and its fields rendered for the records' bulk writer.
 */
export interface RowPre {
  sk: SubjectKey | RowIssue;
  claims: { scheme: 'org_code' | 'reg_no'; value: string }[];
  fields: RenderedFields;
}

export type PreparedRow =
  | { type: 'record'; rowNo: number; row: CheckedRow; raw: Record<string, string>; usccGiven: boolean; pre?: RowPre }
  | { type: 'revoke'; rowNo: number; key: string; raw: Record<string, string> }
  | { type: 'rejected'; rowNo: number; issues: RowIssue[]; raw: Record<string, string>; usccGiven: boolean; usccWrong: boolean };

export interface SubmissionCounts {
  received: number;
  created: number;
  updated: number;
  unchanged: number;
  revoked: number;
  rejected: number;
  warnings: number;
}

export const zeroCounts = (): SubmissionCounts => ({ received: 0, created: 0, updated: 0, unchanged: 0, revoked: 0, rejected: 0, warnings: 0 });

export interface SubmissionRow extends SubmissionCounts {
  id: number;
  departmentId: number;
  departmentCode: string;
  categoryId: number;
  categoryCode: string;
  format: SubmissionFormat;
  fileName: string | null;
  fileSha256: string | null;
  fileBytes: number | null;
  encoding: string | null;
  mapping: string | null;
  columns: string[];
  status: SubmissionStatus;
  usccRows: number;
  usccWrong: number;
  usccConflicts: number;
  receivedOn: string;
  submittedAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  actorName: string;
  error: { code: string; message: string; details?: unknown[] } | null;
}

export interface StoredIssue {
  rowNo: number;
  severity: 'error' | 'warning';
  field: string | null;
  code: string;
  message: string;
  raw: Record<string, string> | null;
}
