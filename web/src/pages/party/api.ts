import { api } from '../../api/client';
import type { Json } from '../../api/schema';

/**
 * GET /subjects/:code/evaluation (ExplanationView in src/modules/evaluation/schema.ts). disclosure:
 * full (score, breakdown and what-if), grade_only (the public grade) or none; grade is null when the
 * model does not publish grades to this viewer; score only with disclosure full.
 */
export type Evaluation = Json<'/api/v1/subjects/{code}/evaluation', 'get'>;

export type SubjectListEntries = Json<'/api/v1/subjects/{code}/list-entries', 'get'>;
/** A live entry of GET /subjects/:code/list-entries (subjectEntries in src/modules/dashboard/repo.ts). */
export type SubjectListEntry = SubjectListEntries['items'][number];

/** With a purpose, staff and lenders read beyond the public view (and the read is audited with it). */
export const getArchive = (code: string, signal?: AbortSignal, purpose?: string | null) =>
  api.get('/api/v1/subjects/{code}/archive', { params: { code }, ...(purpose ? { query: { purpose } } : {}) }, signal);

/**
 * The subject's evaluation as this viewer may see it. A subject nobody has graded yet is answered
 * 200 with `evaluated: false` and `grade: null` (not a 404), so a visit makes no failing call.
 */
export const getEvaluation = (code: string, signal?: AbortSignal): Promise<Evaluation> =>
  api.get('/api/v1/subjects/{code}/evaluation', { params: { code } }, signal);

export const getSubjectLists = (code: string, signal?: AbortSignal) =>
  api.get('/api/v1/subjects/{code}/list-entries', { params: { code } }, signal);
