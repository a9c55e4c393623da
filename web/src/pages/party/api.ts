import { api, ApiError, type Page } from '../../api/client';
import type { Archive, ListEntry } from '../../api/types';

export interface Evaluation {
  grade: string;
  score: number;
  model?: string | { code?: string; name?: string };
  breakdown?: { indicator?: string; name?: string; score?: number; weight?: number }[];
  evaluatedOn?: string;
}

export interface SubjectListEntry extends ListEntry {
  listName: string;
  listKind: 'honour' | 'blacklist' | 'watch';
  issuer: string;
}

export const getArchive = (code: string, signal?: AbortSignal) => api.get<Archive>(`/subjects/${encodeURIComponent(code)}/archive`, undefined, signal);

/** The public grade; null when the evaluation is not public for this subject or not available yet. */
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
