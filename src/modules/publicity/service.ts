import type { Db, Pool } from '../../db/pool.js';
import { withTx } from '../../db/pool.js';
import { InvalidTransitionError, ValidationError } from '../../errors.js';
import type { Clock } from '../../lib/clock.js';
import * as access from '../access/service.js';
import * as catalog from '../catalog/service.js';
import type { Category } from '../catalog/types.js';
import { eventsCommitted } from '../events/bus.js';
import { appendEvents, lockEvents } from '../events/service.js';
import { validateUscc } from '../identity/uscc.js';
import { expireEntries } from '../lists/service.js';
import { transitionRecord } from '../records/service.js';
import type { Actor } from '../records/types.js';
import { matchKey } from '../review/match.js';
import * as repo from './repo.js';

export const PUBLICITY_TYPES = ['licence', 'penalty'] as const;
export type PublicityType = (typeof PUBLICITY_TYPES)[number];

export const SWEEP_ACTOR: Actor = { kind: 'system', id: null, name: '公示期满自动清理（publication sweep）' };

export interface PublicityItem {
  id: number;
  type: string;
  department: string;
  departmentName: string;
  subject: { kind: string; name: string; uscc?: string; idNumberMasked?: string };
  fields: Record<string, string>;
  decidedOn: string | null;
  publishFrom: string | null;
  publishUntil: string | null;
  severity: string | null;
  state: string;
}

/** The filters of a 双公示 question, as the page and the CSV export take them. */
export interface PublicityFilters {
  type?: PublicityType;
  q?: string;
  department?: string;
  from?: string;
  to?: string;
  /** `desc` (default): newest decision first; `asc`: oldest first. */
  order?: repo.PublicityOrder;
}

/** The repository query of the filters (departments by code, `q` as name fragment, USCC or document number). */
export async function publicityQuery(db: Db, clock: Clock, q: PublicityFilters, page: { limit: number; offset: number; after: string | null }): Promise<repo.PublicityQuery> {
  const cats = await catalog.categoriesForReading(db);
  const types = q.type ? [q.type] : [...PUBLICITY_TYPES];
  const categoryIds = cats.filter((c) => (types as string[]).includes(c.code)).map((c) => c.id);
  const departmentId = q.department ? (await access.getDepartment(db, q.department)).id : null;
  const text = q.q?.trim() || null;
  const uscc = text && validateUscc(text).valid ? validateUscc(text).normalized : null;
  const fragment = text ? matchKey(text).replace(/[\\%_]/g, (c) => `\\${c}`) : null;
  return {
    categoryIds, today: clock.today(), departmentId, from: q.from ?? null, to: q.to ?? null,
    pattern: fragment ? `%${fragment}%` : null, code: uscc ?? text,
    limit: page.limit, offset: page.offset, after: page.after ? parseCursor(page.after) : null, order: q.order ?? 'desc',
  };
}

/** The `next` of a page ending at this row (`after` of the following page). */
export const cursorOf = (row: { decidedOn: string | null; id: number }): string => `${row.decidedOn ?? ''}.${row.id}`;

/** A repository row as the portal shows it. */
export function publicityItem(x: repo.PublicityRow): PublicityItem {
  return {
    id: x.id, type: x.type, department: x.department, departmentName: x.departmentName,
    subject: { kind: x.subjectKind, name: x.subjectName, ...(x.uscc ? { uscc: x.uscc } : {}), ...(x.idMasked ? { idNumberMasked: x.idMasked } : {}) },
    fields: x.fields, decidedOn: x.decidedOn, publishFrom: x.publishFrom, publishUntil: x.publishUntil, severity: x.severity, state: x.state,
  };
}

/**
 * 双公示 portal: licences and penalties inside their publication window, newest decision first
 * (or oldest, `order=asc`). `q` is a name fragment (normalised, traditional → simplified), a USCC
 * or a document number.
 */
export async function searchPublicity(
  db: Db,
  clock: Clock,
  q: PublicityFilters & { page: number; pageSize: number; after?: string },
): Promise<{ items: PublicityItem[]; total: number; totalEstimated: boolean; next: string | null }> {
  const query = await publicityQuery(db, clock, q, { limit: q.pageSize + 1, offset: (q.page - 1) * q.pageSize, after: q.after ?? null });
  const [rows, count] = await Promise.all([repo.publicityPage(db, query), countOf(db, query)]);
  const items = rows.slice(0, q.pageSize);
  const last = items[items.length - 1];
  return {
    total: count.total,
    totalEstimated: count.estimated,
    next: rows.length > q.pageSize && last ? cursorOf(last) : null,
    items: items.map(publicityItem),
  };
}

/** Counts of 双公示 pages are exact up to this many rows, estimated beyond (and labelled so). */
export const EXACT_COUNT_UP_TO = 10_000;

/**
 * Large counts (≥ 1,000 rows) are kept for 30 seconds per filter: every visitor's first page asks
 * the same question, and a total that is half a minute old is as good as new on a list that size.
 * Small counts are cheap and always fresh.
 */
const COUNT_CACHE_MS = 30_000;
const COUNT_CACHE_FROM = 1_000;
const countCaches = new WeakMap<Db, Map<string, { at: number; count: { total: number; estimated: boolean } }>>();

async function countOf(db: Db, query: repo.PublicityQuery): Promise<{ total: number; estimated: boolean }> {
  let countCache = countCaches.get(db);
  if (!countCache) countCaches.set(db, (countCache = new Map()));
  const key = JSON.stringify([query.categoryIds, query.today, query.departmentId, query.from, query.to, query.pattern, query.code]);
  const hit = countCache.get(key);
  if (hit && Date.now() - hit.at < COUNT_CACHE_MS) return hit.count;
  const count = await repo.publicityCount(db, query, EXACT_COUNT_UP_TO);
  if (count.total >= COUNT_CACHE_FROM) {
    if (countCache.size >= 1000) countCache.delete(countCache.keys().next().value!);
    countCache.set(key, { at: Date.now(), count });
  }
  return count;
}

/** `after` as the `next` of the previous page wrote it: `<decision date or empty>.<id>`. */
function parseCursor(after: string): repo.PublicityCursor {
  const m = /^(\d{4}-\d{2}-\d{2})?\.(\d{1,15})$/.exec(after);
  if (!m) throw new ValidationError('翻页位置无效：请使用上一页返回的 next', [{ field: 'after', message: 'use the next of the previous page' }]);
  return { decidedOn: m[1] ?? null, id: Number(m[2]) };
}

const SEVERITY = { minor: '轻微', ordinary: '一般', serious: '严重' } as const;

/** The rule a record's window came from, in words, for the ledger entry of its expiry. */
export function expiryReason(category: Pick<Category, 'name' | 'publication' | 'legalBasis'>, severity: string | null, publishUntil: string): string {
  const rule = category.publication;
  const sev = severity && severity in SEVERITY ? (severity as keyof typeof SEVERITY) : null;
  const months = sev && rule.bySeverity?.[sev] !== undefined ? rule.bySeverity[sev] : rule.periodMonths;
  const period = sev ? `${SEVERITY[sev]}失信信息最长公示 ${months ?? '—'} 个月` : months ? `公示 ${months} 个月` : '按报送的公示截止期';
  return `公示期满，自动停止公示：${category.name}，${period}，公示截止 ${publishUntil}${category.legalBasis ? `（依据：${category.legalBasis}）` : ''}`;
}

/** Move one due record to expired with its ledger version and event; false when it is no longer due. */
async function expireRecord(pool: Pool, clock: Clock, due: repo.DueRecord, category: Category): Promise<boolean> {
  try {
    return await withTx(pool, async (tx) => {
      await lockEvents(tx);
      if (!(await repo.lockIfDue(tx, due.id, clock.today()))) return false;
      const row = await transitionRecord({ db: tx, clock }, due.id, 'expired', SWEEP_ACTOR, expiryReason(category, due.severity, due.publishUntil));
      await appendEvents(tx, clock.now(), [{
        type: 'record.expired', subjectId: row.subjectId,
        payload: { recordId: row.id, category: category.code, departmentId: row.departmentId, severity: row.severity, publishUntil: row.publishUntil, version: row.version },
      }]);
      return true;
    });
  } catch (err) {
    if (err instanceof InvalidTransitionError) return false;
    throw err;
  }
}

export interface SweepResult {
  records: number;
  entries: number;
  ms: number;
}

/**
 * The daily sweep: live records whose publication window ended become `expired` (one ledger
 * version each, attributed to the system, naming the rule) and list entries past their planned
 * expiry leave their list. Idempotent: a second run finds nothing to do.
 */
export async function sweepPublication(ctx: { pool: Pool; clock: Clock }): Promise<SweepResult> {
  const started = performance.now();
  const cats = new Map((await catalog.listCategories(ctx.pool)).map((c) => [c.id, c]));
  let records = 0;
  for (;;) {
    const due = await repo.dueRecords(ctx.pool, ctx.clock.today(), 200);
    let moved = 0;
    for (const d of due) if (await expireRecord(ctx.pool, ctx.clock, d, cats.get(d.categoryId)!)) moved += 1;
    records += moved;
    if (moved) eventsCommitted();
    if (due.length < 200 || moved === 0) break;
  }
  const entries = await expireEntries(ctx, SWEEP_ACTOR);
  return { records, entries, ms: Math.round(performance.now() - started) };
}
