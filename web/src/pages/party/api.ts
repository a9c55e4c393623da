import { api, ApiError, type Page } from '../../api/client';
import type { Archive, ListEntry, ListInfo } from '../../api/types';

/** GET /subjects/:code/evaluation (ExplanationView in src/modules/evaluation/schema.ts). */
export interface Evaluation {
  subject: { kind: string; name: string };
  model: { code: string; version: number; name: string; totalPoints: number; gradesPublic: boolean };
  run: { id: number; asOf: string };
  /** full: score, breakdown and what-if · grade_only: the public grade · none: the grade is not public. */
  disclosure: 'full' | 'grade_only' | 'none';
  /** null when the model does not publish grades to this viewer. */
  grade: string | null;
  /** Only with disclosure full (the subject itself, entitled staff). */
  score: number | null;
  breakdown: {
    dimension: string; dimensionName: string; indicator: string; name: string; maxPoints: number;
    points: number | null; delta: number | null; value: string | null; withheld: boolean;
  }[];
  moved: { indicator: string; name: string; delta: number }[];
  whatIf: {
    action: 'repair' | 'fulfil'; recordId: number; category: string; categoryName: string; sourceKey: string;
    decidedOn: string | null; description: string; score: number; grade: string; scoreDelta: number;
  }[];
  whatIfBaseline: { score: number; grade: string; asOf: string } | null;
  notice: string | null;
}

/** A live entry of GET /subjects/:code/list-entries (subjectEntries in src/modules/dashboard/repo.ts). */
export interface SubjectListEntry {
  id: number;
  list: string;
  listName: string;
  listKind: ListInfo['kind'];
  issuer: string;
  subjectId: number;
  decidedBy: string;
  documentNo: string | null;
  reason: string;
  listedOn: string;
  plannedExpiry: string | null;
  state: ListEntry['state'];
  exitReason: ListEntry['exitReason'];
  exitedOn: string | null;
}

export const getArchive = (code: string, signal?: AbortSignal) => api.get<Archive>(`/subjects/${encodeURIComponent(code)}/archive`, undefined, signal);

/** The subject's evaluation as this viewer may see it; null when it has not been evaluated (404) or may not be read (403). */
export async function getEvaluation(code: string, signal?: AbortSignal): Promise<Evaluation | null> {
  try {
    return await api.get<Evaluation>(`/subjects/${encodeURIComponent(code)}/evaluation`, undefined, signal);
  } catch (err) {
    if (err instanceof ApiError && [403, 404].includes(err.status)) return null;
    throw err;
  }
}

export const getSubjectLists = (code: string, signal?: AbortSignal) =>
  api.get<Page<SubjectListEntry>>(`/subjects/${encodeURIComponent(code)}/list-entries`, undefined, signal);
