import type { W } from '../words';

/** A 0..1 rate (4 decimals) as a percentage with two decimals: 0.6667 → 66.67%. */
export const ratePct = (rate: number | null | undefined): string => (rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(2)}%`);

/** A grade as the model names it (优秀, 良好 …), or 未评价. */
export const gradeLabel = (w: W, grade: string | null | undefined): string => grade ?? w('grade.none');

/** The grades of a tier in words. */
export const gradesLabel = (w: W, grades: (string | null)[]): string => grades.map((g) => gradeLabel(w, g)).join('、');

const CST_MS = 8 * 3600_000;

/**
 * The business day of an instant as the server counts it: China Standard Time (UTC+8, no daylight
 * saving), whatever time zone the browser is in.
 */
export const cstDay = (at: number | string): string => new Date((typeof at === 'string' ? Date.parse(at) : at) + CST_MS).toISOString().slice(0, 10);
