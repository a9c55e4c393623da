import { api, uploadWithProgress } from '../../api/client';
import type { Json } from '../../api/schema';

/** POST /submissions answers 201 with this (SubmitResponse in src/modules/ingest/schema.ts); errorsCsv is the download path. */
export type SubmitResult = Json<'/api/v1/submissions', 'post', 201>;
export type Counts = SubmitResult['counts'];
export type Issue = SubmitResult['errors'][number];

export type Submissions = Json<'/api/v1/submissions', 'get'>;
/** A row of GET /submissions (SubmissionSummary); department and category are codes, timestamps ISO. */
export type Submission = Submissions['items'][number];
export type SubmissionStatus = Submission['status'];

/** Upload a CSV/XLSX/JSONL file; the form fields go first (the server streams the file after them). */
export function uploadSubmission(department: string, category: string, file: File, onProgress: (f: number) => void) {
  const form = new FormData();
  form.append('department', department);
  form.append('category', category);
  form.append('file', file, file.name);
  return uploadWithProgress('/api/v1/submissions', form, onProgress, { department, category });
}

export const listSubmissions = (q: { page: number; department?: string }, signal?: AbortSignal) =>
  api.get('/api/v1/submissions', { query: { ...q, pageSize: 10 } }, signal);

export const errorsCsvUrl = (id: number) => `/api/v1/submissions/${id}/errors.csv`;
