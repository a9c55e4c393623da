import { api, uploadWithProgress, type Page } from '../../api/client';

export interface Counts { received: number; created: number; updated: number; unchanged: number; revoked: number; rejected: number; warnings: number }
export interface Issue { row: number; field: string | null; code: string; message: string }
export type SubmissionStatus = 'received' | 'processing' | 'completed' | 'failed';
/** POST /submissions answers 201 with this (SubmitResponse in src/modules/ingest/schema.ts); errorsCsv is the download path. */
export interface SubmitResult { id: number; status: SubmissionStatus; counts: Counts; errors: Issue[]; warnings: Issue[]; errorsCsv: string }
/** A row of GET /submissions (SubmissionSummary); department and category are codes, timestamps ISO. */
export interface Submission {
  id: number;
  department: string;
  category: string;
  format: 'json' | 'jsonl' | 'csv' | 'xlsx';
  fileName: string | null;
  fileSha256: string | null;
  fileBytes: number | null;
  encoding: string | null;
  mapping: string | null;
  status: SubmissionStatus;
  counts: Counts;
  uscc: { rows: number; wrong: number; conflicts: number };
  receivedOn: string;
  submittedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  submittedBy: string;
  error: { code: string; message: string } | null;
}

/** Upload a CSV/XLSX/JSONL file; the form fields go first (the server streams the file after them). */
export function uploadSubmission(department: string, category: string, file: File, onProgress: (f: number) => void) {
  const form = new FormData();
  form.append('department', department);
  form.append('category', category);
  form.append('file', file, file.name);
  return uploadWithProgress<SubmitResult>('/submissions', form, onProgress, { department, category });
}

export const listSubmissions = (q: { page: number; department?: string }, signal?: AbortSignal) =>
  api.get<Page<Submission>>('/submissions', { ...q, pageSize: 10 }, signal);

export const errorsCsvUrl = (id: number) => `/api/v1/submissions/${id}/errors.csv`;
