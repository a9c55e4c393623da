import type { Db } from './pool.js';

/**
 * Planner statistics after bulk writes. A bulk path (demo loader, collection import, list import,
 * evaluation results) can grow a table many times over inside one transaction; until autovacuum
 * comes round (a minute or more) the planner still believes the table is empty and picks plans
 * that take minutes instead of milliseconds. So the paths that grow tables analyse them before the
 * next statement depends on them, and a full evaluation analyses its inputs when they are stale.
 */

/** A table is stale when it was never analysed or changed by more than this share since. */
export const STALE_FRACTION = 0.1;
/** Changes below this many rows never make a non-empty table stale (small changes are cheap to misplan). */
export const STALE_MIN_ROWS = 1000;

export interface TableStatistics {
  table: string;
  /** Rows the planner believes the table holds (pg_class.reltuples); -1 when never analysed. */
  plannerRows: number;
  /** Pages the planner's estimate was taken over (pg_class.relpages). */
  plannerPages: number;
  /** Pages the table has now: grows at once, while the statistics collector reports with a delay. */
  pages: number;
  /** Rows inserted, updated or deleted since the last analyse (pg_stat_user_tables; reported late). */
  changedSinceAnalyse: number;
  lastAnalysed: Date | null;
}

export async function tableStatistics(db: Db, tables: readonly string[]): Promise<TableStatistics[]> {
  const r = await db.query<TableStatistics>(
    `select c.relname as "table", c.reltuples::float8 as "plannerRows", c.relpages::float8 as "plannerPages",
       (pg_relation_size(c.oid) / current_setting('block_size')::int)::float8 as pages,
       coalesce(s.n_mod_since_analyze, 0)::float8 as "changedSinceAnalyse",
       greatest(s.last_analyze, s.last_autoanalyze) as "lastAnalysed"
     from pg_class c
     left join pg_stat_user_tables s on s.relid = c.oid
     where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p') and c.relname = any($1::text[])
     order by c.relname`,
    [tables],
  );
  return r.rows;
}

/** Whether a table's statistics lag its rows, given the rows a caller knows it just wrote. */
export function isStale(s: TableStatistics, written = 0): boolean {
  if (s.plannerRows < 0) return true;
  // Rows the table gained since the estimate, judged by its pages at the estimate's density.
  const grown = s.plannerPages > 0 ? ((s.pages - s.plannerPages) * s.plannerRows) / s.plannerPages : 0;
  const changed = Math.max(s.changedSinceAnalyse, written, grown);
  // Grown from empty: the planner has no column statistics at all (and analysing is cheap).
  if (s.plannerRows === 0) return changed > 0 || s.pages > s.plannerPages;
  return changed >= STALE_MIN_ROWS && changed > STALE_FRACTION * s.plannerRows;
}

/**
 * Analyse those of `tables` whose statistics are stale; `written` names rows the caller just
 * wrote (the statistics collector reports them with a delay). Returns the tables analysed.
 */
export async function analyzeStale(db: Db, tables: readonly string[], written: Record<string, number> = {}): Promise<string[]> {
  const stale = (await tableStatistics(db, tables)).filter((s) => isStale(s, written[s.table] ?? 0)).map((s) => s.table);
  // Names come from pg_class (matched against our own list), quoted all the same.
  if (stale.length) await db.query(`analyze ${stale.map((t) => `"${t.replaceAll('"', '""')}"`).join(', ')}`);
  return stale;
}
