import { inTx, type Db } from '../../db/pool.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../errors.js';
import { auditChange } from '../access/audit.js';
import * as access from '../access/service.js';
import { requireRole, requireScope, type Viewer } from '../access/viewer.js';
import { listMeasures } from '../measures/service.js';
import { actorFor } from '../records/service.js';
import * as repo from './feedback-repo.js';

/** Only the reviewing department answers for its review; reviews run without a department belong to the credit center. */
function requireReviewOwner(viewer: Viewer, review: repo.ReviewRow): void {
  requireRole(viewer, 'admin', 'operator', 'department');
  const mine = review.departmentId === null ? viewer.role === 'admin' || viewer.role === 'operator' : viewer.departmentId === review.departmentId;
  if (!mine) throw new ForbiddenError('只有发起审查的部门可以查看和反馈该审查', [{ field: 'review', message: 'review of another department' }]);
}

async function reviewOf(db: Db, id: number): Promise<repo.ReviewRow> {
  const r = await repo.findReview(db, id);
  if (!r) throw new NotFoundError('review', String(id));
  return r;
}

/** A stored review with its hits and the feedback given so far. */
export async function getReview(db: Db, viewer: Viewer, id: number) {
  const review = await reviewOf(db, id);
  if (!(viewer.role === 'admin' || viewer.role === 'operator')) requireReviewOwner(viewer, review);
  const [hits, feedback] = await Promise.all([repo.hitsOfReview(db, id), repo.feedbackOfReview(db, id)]);
  return {
    ...review, createdAt: review.createdAt.toISOString(),
    hits: hits.map((h) => ({ ...h, feedback: feedback.filter((f) => f.hitId === h.id).map((f) => ({ ...f, createdAt: f.createdAt.toISOString() })) })),
  };
}

/**
 * The implementing department reports whether it applied a measure to a hit (反馈), closing
 * 发起-响应-反馈. One answer per hit and measure; only the review's department may answer.
 */
export async function giveFeedback(db: Db, viewer: Viewer, reviewId: number, hitId: number, input: { applied: boolean; measure?: string; reason: string }, now: Date) {
  const review = await reviewOf(db, reviewId);
  requireScope(viewer, 'reviews:write');
  requireReviewOwner(viewer, review);
  const hit = await repo.findHit(db, reviewId, hitId);
  if (!hit) throw new NotFoundError('review hit', String(hitId));
  if (!input.reason.trim()) throw new ValidationError('须说明实施或不实施的理由', [{ field: 'reason', message: 'required' }]);
  const measure = input.measure?.trim() || null;
  if (measure && !hit.measures.includes(measure)) {
    throw new ValidationError(`措施“${measure}”不适用于该命中（适用：${hit.measures.join('、') || '无'}）`, [{ field: 'measure', message: 'not a measure of this hit' }], 'measure_not_applicable');
  }
  if (input.applied && !measure && hit.measures.length) {
    throw new ValidationError('已实施时须写明实施的措施', [{ field: 'measure', message: `one of ${hit.measures.join(', ')}` }]);
  }
  const row = await inTx(db, async (tx) => {
    const saved = await repo.insertFeedback(tx, { reviewId, hitId, departmentId: review.departmentId, applied: input.applied, measure, reason: input.reason.trim(), actor: actorFor(viewer), at: now });
    if (!saved) throw new ConflictError('该命中的这项措施已反馈过', [{ field: 'measure', message: 'feedback already given' }], 'feedback_exists');
    await auditChange(tx, viewer, 'review.feedback', {
      subjectId: hit.subjectId, departmentId: review.departmentId, details: { reviewId, hitId, applied: input.applied, measure, reason: input.reason.trim() },
    });
    return saved;
  });
  return { ...row, createdAt: row.createdAt.toISOString() };
}

const rate = (n: number, d: number): number | null => (d ? Math.round((n / d) * 10000) / 10000 : null);

type Counts = Omit<repo.MonthStats, 'month'>;
const COUNT_KEYS = ['initiations', 'reviews', 'parties', 'hits', 'hitsWithFeedback', 'hitsApplied', 'feedbacks'] as const satisfies readonly (keyof Counts)[];
const withRates = <T extends Counts>(c: T) => ({ ...c, feedbackRate: rate(c.hitsWithFeedback, c.hits), applicationRate: rate(c.hitsApplied, c.hitsWithFeedback) });

function sumCounts(rows: Counts[]): Counts {
  const total = Object.fromEntries(COUNT_KEYS.map((k) => [k, 0])) as Counts;
  for (const r of rows) for (const k of COUNT_KEYS) total[k] += r[k];
  return total;
}

/** The department a viewer may see figures of: a clerk only their own, the credit centre any or all. */
async function statsDepartment(db: Db, viewer: Viewer, department: string | undefined): Promise<number | null> {
  requireRole(viewer, 'admin', 'operator', 'department');
  if (viewer.role !== 'department') return department ? (await access.getDepartment(db, department)).id : null;
  if (department) {
    const d = await access.getDepartment(db, department);
    if (d.id !== viewer.departmentId) throw new ForbiddenError('部门用户只能查看本部门的统计', [{ field: 'department', message: '只能查看本部门' }]);
  }
  return viewer.departmentId;
}

/** 跟踪问效: initiations, reviews, hits, applications and feedback rates in total, per department, per month and per measure. */
export async function measureStats(db: Db, viewer: Viewer, q: { department?: string; from?: string; to?: string }) {
  const departmentId = await statsDepartment(db, viewer, q.department);
  if (q.from && q.to && q.from > q.to) throw new ValidationError('统计期间的结束日期早于开始日期', [{ field: 'to', message: '结束日期不能早于开始日期' }]);
  const range = { departmentId, from: q.from ?? null, to: q.to ?? null };
  const [deps, months, ms, catalog] = await Promise.all([repo.statsByDepartment(db, range), repo.statsByMonth(db, range), repo.statsByMeasure(db, range), listMeasures(db)]);
  const names = new Map(catalog.map((m) => [m.code, m.name]));
  return {
    from: range.from, to: range.to,
    totals: withRates(sumCounts(deps)),
    departments: deps.map(withRates),
    months: months.map(withRates),
    measures: ms.map((m) => ({ ...m, name: names.get(m.measure) ?? m.measure, feedbackRate: rate(m.withFeedback, m.applicable), applicationRate: rate(m.applied, m.withFeedback) })),
  };
}
