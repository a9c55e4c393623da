import { api, ApiError, apiUrl, csrf } from '../../api/client';
import type { Body, ErrorBody, Json } from '../../api/schema';

/** GET /evaluation/models: every version of every model, newest version first within a code (ModelView in src/modules/evaluation/schema.ts). */
export type ModelRow = Json<'/api/v1/evaluation/models', 'get'>['items'][number];
/** GET /evaluation/runs/{id} and the rows of GET /evaluation/runs (RunView): progress only while running. */
export type Run = Json<'/api/v1/evaluation/runs/{id}', 'get'>;
export type RunRequest = Body<'/api/v1/evaluation/runs', 'post'>;
/** GET /subjects/{code}/evaluation: evaluated false (model and run null) when no run has graded the subject yet. */
export type Explanation = Json<'/api/v1/subjects/{code}/evaluation', 'get'>;
export type SubjectHit = Json<'/api/v1/subjects', 'get'>['items'][number];

/**
 * The stored definition (`definition` is typed unknown in the API: the indicator tree of
 * src/modules/evaluation/model-types.ts, validated by model-check.ts before it is stored).
 */
export interface ModelDefinition {
  code: string;
  name: string;
  description?: string;
  totalPoints: number;
  subjectKinds: string[];
  gradesPublic: boolean;
  grades: { grade: string; minScore: number; meaning?: string }[];
  dimensions: { code: string; name: string; points: number; indicators: Indicator[] }[];
}

export interface RecordFilter {
  category: string;
  field?: string;
  severity?: string[];
  withinMonths?: number;
  states?: string[];
  live?: boolean;
  where?: Record<string, string | string[]>;
}

export type Rule =
  | { count: RecordFilter } | { exists: RecordFilter } | { sum: RecordFilter } | { fieldValue: RecordFilter }
  | { yearsSince: string } | { onList: { kind?: string; list?: string } } | { combine: { op: 'sum' | 'max' | 'min'; of: string[] } };

export type Scoring =
  | { step: { steps: { atLeast: number; points: number }[]; otherwise: number } }
  | { linear: { base: number; per: number } }
  | { cap: { per: number; max: number } }
  | { map: { values: Record<string, number>; otherwise: number } };

export interface Indicator {
  code: string;
  name: string;
  points: number;
  rule: Rule;
  score: Scoring;
  ifMissing?: number;
  vetoGrade?: string;
  description?: string;
}

export const definitionOf = (m: { definition?: unknown }): ModelDefinition => m.definition as ModelDefinition;

export const loadModels = (signal: AbortSignal) => api.get('/api/v1/evaluation/models', {}, signal);
export const loadModel = (ref: string, signal: AbortSignal) => api.get('/api/v1/evaluation/models/{ref}', { params: { ref } }, signal);

/**
 * Publish a model from its text (YAML, or JSON, which YAML reads too) as POST /evaluation/models
 * takes it with Content-Type application/yaml; the typed client sends JSON only. An invalid model
 * rejects with an ApiError whose details name each problem's path and reason.
 */
export async function publishModel(text: string): Promise<ModelRow> {
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': 'application/yaml' };
  const token = csrf.get();
  if (token) headers['x-csrf-token'] = token;
  let res: Response;
  try {
    res = await fetch(apiUrl('/api/v1/evaluation/models'), { method: 'POST', headers, credentials: 'same-origin', body: text });
  } catch {
    throw new ApiError(0, 'network_error', '无法连接服务器');
  }
  const body = (await res.json().catch(() => null)) as unknown;
  if (res.ok) return body as ModelRow;
  const e = (body as ErrorBody | null)?.error;
  throw new ApiError(res.status, e?.code ?? 'http_error', e?.message ?? (res.statusText || `HTTP ${res.status}`), e?.details ?? []);
}

export const RUN_PAGE_SIZE = 10;
export const loadRuns = (page: number, signal: AbortSignal) => api.get('/api/v1/evaluation/runs', { query: { page, pageSize: RUN_PAGE_SIZE } }, signal);
/** The latest completed run (of any model), for the grade-distribution chart. */
export async function latestCompletedRun(signal: AbortSignal): Promise<Run | null> {
  const r = await api.get('/api/v1/evaluation/runs', { query: { page: 1, pageSize: 20 } }, signal);
  return r.items.find((x) => x.status === 'completed') ?? null;
}
/** Start a run and answer at once (202, status running); its progress is polled with getRun. */
export const startRun = (body: Omit<RunRequest, 'wait'>) => api.post('/api/v1/evaluation/runs', { ...body, wait: false });
export const getRun = (id: number, signal?: AbortSignal) => api.get('/api/v1/evaluation/runs/{id}', { params: { id } }, signal);

export const findSubjects = (q: string, signal?: AbortSignal) => api.get('/api/v1/subjects', { query: { q, pageSize: 20 } }, signal);
/** A staff member's read of the score and breakdown: the purpose is written to the audit log. */
export const getExplanation = (code: string, purpose: string, model: string | undefined, signal?: AbortSignal) =>
  api.get('/api/v1/subjects/{code}/evaluation', { params: { code }, query: { purpose, model } }, signal);
