import type { Db } from '../../db/pool.js';
import { ValidationError } from '../../errors.js';
import { addMonths, type Clock } from '../../lib/clock.js';
import type { PersonalData } from '../../lib/personal-data.js';
import { requireRole, type Viewer } from '../access/viewer.js';
import { regionName } from '../identity/regions.js';
import { getSubjectForViewer } from '../subjects/service.js';
import * as repo from './repo.js';

const MAX_MONTHS = 60;

/** The period of a chart: the given dates, or the last 12 months up to today; at most five years. */
export function periodOf(q: { from?: string; to?: string }, today: string): repo.Period {
  const to = q.to ?? today;
  const from = q.from ?? `${addMonths(to, -11).slice(0, 7)}-01`;
  if (from > to) throw new ValidationError('起始日期不能晚于截止日期', [{ field: 'from', message: 'from is after to' }]);
  if (addMonths(from, MAX_MONTHS) < to) throw new ValidationError(`统计区间最长 ${MAX_MONTHS} 个月`, [{ field: 'from', message: `at most ${MAX_MONTHS} months` }]);
  return { from, to };
}

const named = (code: string | null) => ({ code, name: code ? (regionName(code) ?? code) : null });

/** Records by category and month; a department clerk sees its own department's records only. */
export async function recordStats(db: Db, viewer: Viewer, clock: Clock, q: { from?: string; to?: string }) {
  requireRole(viewer, 'admin', 'operator', 'department');
  const period = periodOf(q, clock.today());
  const departmentId = viewer.role === 'department' ? viewer.departmentId : null;
  return { ...period, scope: departmentId ? 'department' : 'all', items: await repo.recordsByCategoryMonth(db, { ...period, departmentId }) };
}

/** Grade counts of the latest completed evaluation run of each model, by district and industry. */
export async function gradeStats(db: Db, viewer: Viewer) {
  requireRole(viewer, 'admin', 'operator', 'department');
  const runs = await repo.latestRuns(db);
  const rows = await repo.gradesByRegionIndustry(db, runs.map((r) => r.runId));
  return { runs, items: rows.map((r) => ({ region: named(r.region), industry: r.industry, grade: r.grade, count: r.count })) };
}

/** List entries entered and exited per month and list kind. */
export async function listStats(db: Db, viewer: Viewer, clock: Clock, q: { from?: string; to?: string }) {
  requireRole(viewer, 'admin', 'operator', 'department');
  const period = periodOf(q, clock.today());
  return { ...period, items: await repo.listEntriesByMonth(db, period) };
}

/** Subjects, live records, adverse records and list entries per district, for the map. */
export async function districtStats(db: Db, viewer: Viewer) {
  requireRole(viewer, 'admin', 'operator', 'department');
  const rows = await repo.byDistrict(db);
  return { items: rows.map((r) => ({ ...r, name: regionName(r.region) ?? r.region })) };
}

/** A subject's live list entries: public lists for everyone, every list for the credit center and departments. */
export async function subjectListEntries(db: Db, pd: PersonalData, viewer: Viewer, code: string, now: Date) {
  const subject = await getSubjectForViewer(db, pd, viewer, code, now);
  const staff = viewer.role === 'admin' || viewer.role === 'operator' || viewer.role === 'department';
  const items = await repo.subjectEntries(db, subject.id, staff);
  return { items, total: items.length };
}
