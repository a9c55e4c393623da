import type { Db } from '../../db/pool.js';
import { requireRole, type Viewer } from '../access/viewer.js';
import { recordsPerDepartment } from '../cases/facts-repo.js';
import * as repo from './repo.js';

/** The plans' target: valid objections below 1 per 100,000 records. */
export const VALID_OBJECTION_TARGET_PER_100K = 1;

const per100k = (n: number, records: number): number | null => (records > 0 ? Math.round((n / records) * 100_000 * 100) / 100 : null);
const rate = (n: number, d: number): number | null => (d > 0 ? Math.round((n / d) * 10_000) / 10_000 : null);

/**
 * Objection figures per source department: objections per 100,000 records, valid objections
 * (corrected + revoked) per 100,000 records and the valid-objection rate among decided cases.
 */
export async function objectionStats(db: Db, viewer: Viewer, today: string) {
  requireRole(viewer, 'admin', 'operator', 'department');
  const [rows, records] = await Promise.all([repo.figuresByDepartment(db, today), recordsPerDepartment(db)]);
  const items = rows
    .map((r) => {
      const n = records.get(r.departmentId) ?? 0;
      const valid = r.corrected + r.revoked;
      return {
        department: r.departmentCode, departmentName: r.departmentName, records: n, objections: r.objections, open: r.open, overdue: r.overdue,
        decided: r.decided, corrected: r.corrected, revoked: r.revoked, maintained: r.maintained, valid,
        objectionsPer100k: per100k(r.objections, n), validPer100k: per100k(valid, n), validRate: rate(valid, r.decided),
        meetsTarget: n > 0 ? (valid / n) * 100_000 < VALID_OBJECTION_TARGET_PER_100K : null,
      };
    })
    .filter((r) => r.records > 0 || r.objections > 0);
  const sum = (k: 'records' | 'objections' | 'decided' | 'valid' | 'open' | 'overdue') => items.reduce((a, r) => a + r[k], 0);
  const total = { records: sum('records'), objections: sum('objections'), open: sum('open'), overdue: sum('overdue'), decided: sum('decided'), valid: sum('valid') };
  return {
    items,
    overall: {
      ...total, objectionsPer100k: per100k(total.objections, total.records), validPer100k: per100k(total.valid, total.records),
      validRate: rate(total.valid, total.decided), targetValidPer100k: VALID_OBJECTION_TARGET_PER_100K,
    },
  };
}
