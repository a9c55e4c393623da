import { withTx, type Db, type Pool } from '../../db/pool.js';
import { ValidationError } from '../../errors.js';
import { isIsoDate, type Clock } from '../../lib/clock.js';
import * as access from '../access/service.js';
import { actorOf, appendAudit } from '../access/audit.js';
import { requireDepartmentWriter, requireRole, type Viewer } from '../access/viewer.js';
import { loadCalendar } from '../calendar/service.js';
import { addWorkingDays } from '../calendar/working-days.js';
import * as catalog from '../catalog/service.js';
import type { Category } from '../catalog/types.js';
import * as repo from './repo.js';
import type { DepartmentQuality, QualityItem, QualityReport } from './types.js';

const rate = (num: number, den: number): number | null => (den > 0 ? Math.round((num / den) * 10000) / 10000 : null);

/** Optional data items: neither required nor required for some subject kinds. */
const optionalFields = (c: Category) => c.fields.filter((f) => !f.required && !f.requiredFor?.length);

export interface QualityQuery {
  department?: string | null;
  from?: string | null;
  to?: string | null;
}

async function period(db: Db, viewer: Viewer, clock: Clock, q: QualityQuery): Promise<repo.Period> {
  requireRole(viewer, 'admin', 'operator', 'department');
  const today = clock.today();
  const from = q.from ?? `${today.slice(0, 7)}-01`;
  const to = q.to ?? today;
  for (const [field, v] of [['from', from], ['to', to]] as const) {
    if (!isIsoDate(v)) throw new ValidationError(`${field} 不是有效日期（应为 YYYY-MM-DD）`, [{ field, message: 'expected YYYY-MM-DD' }]);
  }
  if (from > to) throw new ValidationError('from 晚于 to', [{ field: 'from', message: 'from must not be after to' }]);
  let departmentId: number | null = null;
  if (q.department) {
    departmentId = (await access.getDepartment(db, q.department)).id;
    requireDepartmentWriter(viewer, departmentId);
  } else if (viewer.role === 'department') {
    departmentId = viewer.departmentId;
  }
  return { from, to, departmentId };
}

async function deadlinesFor(db: Db, p: repo.Period, categories: Category[]) {
  const withDeadline = new Map(categories.filter((c) => c.deadlineWorkingDays !== null).map((c) => [c.id, c.deadlineWorkingDays!]));
  const dates = await repo.decisionDates(db, p, [...withDeadline.keys()]);
  if (!dates.length) return [];
  const cal = await loadCalendar(db);
  return dates.map((d) => ({ ...d, ...renameDeadline(addWorkingDays(d.decidedOn, withDeadline.get(d.categoryId)!, cal)) }));
}

const renameDeadline = (d: { date: string; provisional: boolean }) => ({ deadline: d.date, provisional: d.provisional });

/**
 * The plans' data-quality indicators per department and category for a period: 上报率, 合规率,
 * 及时率/迟报率 (working days from the calendar), completeness of optional items, USCC 重错码率,
 * and rejected rows by reason. Aggregated in SQL; a clerk sees only its own department.
 */
export async function qualityReport(db: Db, viewer: Viewer, clock: Clock, q: QualityQuery): Promise<QualityReport> {
  const p = await period(db, viewer, clock, q);
  const categories = await catalog.listCategories(db);
  const catById = new Map(categories.map((c) => [c.id, c]));
  const [totals, obliged, fills, reasons, deadlines] = await Promise.all([
    repo.submissionTotals(db, p), repo.obligations(db, p.departmentId), repo.fieldFill(db, p), repo.rejectionsByReason(db, p), deadlinesFor(db, p, categories),
  ]);
  const timely = await repo.timeliness(db, p, deadlines);
  const key = (x: repo.PairRef) => `${x.departmentId}:${x.categoryId}`;
  const pairs = new Map<string, repo.PairRef>();
  for (const x of [...obliged, ...totals]) pairs.set(key(x), { departmentId: x.departmentId, categoryId: x.categoryId });
  const departments = await repo.departmentsById(db, [...new Set([...pairs.values()].map((x) => x.departmentId))]);
  const obligedSet = new Set(obliged.map(key));
  const totalsBy = new Map(totals.map((t) => [key(t), t]));
  const timelyBy = new Map(timely.map((t) => [key(t), t]));
  const items = [...pairs.values()]
    .sort((a, b) => departments.get(a.departmentId)!.code.localeCompare(departments.get(b.departmentId)!.code) || a.categoryId - b.categoryId)
    .map((pair): QualityItem => {
      const k = key(pair);
      const c = catById.get(pair.categoryId)!;
      const t = totalsBy.get(k);
      const accepted = t ? t.created + t.updated + t.unchanged + t.revoked : 0;
      const stored = t ? t.created + t.updated + t.unchanged : 0;
      const opt = optionalFields(c);
      const fill = new Map(fills.filter((f) => key(f) === k).map((f) => [f.field, f.filled]));
      const optFilled = opt.reduce((n, f) => n + (fill.get(f.code) ?? 0), 0);
      const tl = timelyBy.get(k);
      return {
        department: departments.get(pair.departmentId)!, category: { code: c.code, name: c.name },
        obliged: obligedSet.has(k), reported: Boolean(t && t.received > 0),
        submissions: t?.submissions ?? 0, received: t?.received ?? 0, accepted, rejected: t?.rejected ?? 0,
        created: t?.created ?? 0, updated: t?.updated ?? 0, unchanged: t?.unchanged ?? 0, revoked: t?.revoked ?? 0, warnings: t?.warnings ?? 0,
        complianceRate: rate(accepted, t?.received ?? 0),
        timeliness: {
          deadlineWorkingDays: c.deadlineWorkingDays, evaluated: tl?.evaluated ?? 0, late: tl?.late ?? 0,
          timelyRate: rate((tl?.evaluated ?? 0) - (tl?.late ?? 0), tl?.evaluated ?? 0), lateRate: rate(tl?.late ?? 0, tl?.evaluated ?? 0),
          provisional: tl?.provisional ?? false,
        },
        completeness: {
          optionalFields: opt.length, rate: rate(optFilled, stored * opt.length),
          fields: opt.map((f) => ({ code: f.code, label: f.label, filled: fill.get(f.code) ?? 0, rate: rate(fill.get(f.code) ?? 0, stored) })),
        },
        uscc: { rows: t?.usccRows ?? 0, wrong: t?.usccWrong ?? 0, conflicts: t?.usccConflicts ?? 0, errorRate: rate((t?.usccWrong ?? 0) + (t?.usccConflicts ?? 0), t?.usccRows ?? 0) },
        rejectedByReason: reasons.filter((r) => key(r) === k).map((r) => ({ code: r.code, rows: r.rows })),
      };
    });
  return { from: p.from, to: p.to, departments: summarise(items), items };
}

type Item = QualityItem;

function summarise(items: Item[]): DepartmentQuality[] {
  const byDept = new Map<string, Item[]>();
  for (const i of items) byDept.set(i.department.code, [...(byDept.get(i.department.code) ?? []), i]);
  return [...byDept.values()].map((list) => {
    const sum = (f: (i: Item) => number) => list.reduce((n, i) => n + f(i), 0);
    const obliged = list.filter((i) => i.obliged).length;
    const reported = list.filter((i) => i.obliged && i.reported).length;
    const [received, accepted] = [sum((i) => i.received), sum((i) => i.accepted)];
    const [evaluated, late] = [sum((i) => i.timeliness.evaluated), sum((i) => i.timeliness.late)];
    const [usccRows, usccBad] = [sum((i) => i.uscc.rows), sum((i) => i.uscc.wrong + i.uscc.conflicts)];
    return {
      department: list[0]!.department, obligedCategories: obliged, reportedCategories: reported, reportingRate: rate(reported, obliged),
      received, accepted, rejected: sum((i) => i.rejected), complianceRate: rate(accepted, received),
      evaluated, late, timelyRate: rate(evaluated - late, evaluated), lateRate: rate(late, evaluated),
      usccRows, usccErrorRate: rate(usccBad, usccRows),
    };
  });
}

/** The categories each department must report (for 上报率). */
export async function listObligations(db: Db, viewer: Viewer, department?: string | null) {
  requireRole(viewer, 'admin', 'operator', 'department');
  let departmentId: number | null = null;
  if (department) {
    departmentId = (await access.getDepartment(db, department)).id;
    requireDepartmentWriter(viewer, departmentId);
  } else if (viewer.role === 'department') departmentId = viewer.departmentId;
  const rows = await repo.obligations(db, departmentId);
  const cats = new Map((await catalog.listCategories(db)).map((c) => [c.id, c.code]));
  const depts = await repo.departmentsById(db, [...new Set(rows.map((r) => r.departmentId))]);
  const items = rows.map((r) => ({ department: depts.get(r.departmentId)!.code, category: cats.get(r.categoryId)! }));
  return { items, total: items.length };
}

/** The credit center sets which categories a department is obliged to report; audited. */
export async function setObligations(pool: Pool, viewer: Viewer, department: string, categoryCodes: string[]) {
  requireRole(viewer, 'admin', 'operator');
  const dept = await access.getDepartment(pool, department);
  const ids: number[] = [];
  for (const code of new Set(categoryCodes)) ids.push((await catalog.getCategory(pool, code)).id);
  await withTx(pool, async (tx) => {
    await repo.setObligations(tx, dept.id, ids);
    await appendAudit(tx, { actor: actorOf(viewer), action: 'quality.obligations.set', departmentId: dept.id, ip: viewer.ip, categories: [...new Set(categoryCodes)], details: { department } });
  });
  return listObligations(pool, viewer, department);
}
