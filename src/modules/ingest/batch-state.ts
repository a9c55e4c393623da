import type { PoolClient } from '../../db/pool.js';
import type { Clock } from '../../lib/clock.js';
import type { PersonalData } from '../../lib/personal-data.js';
import type { Category } from '../catalog/types.js';
import type { Actor } from '../records/types.js';
import type { BatchTally } from './repo.js';
import * as repo from './repo.js';
import type { RowIssue, StoredIssue } from './types.js';
import { storableCopy } from '../../lib/text.js';

/** Everything a batch writer needs: the import's own connection and what it writes for whom. */
export interface WriterContext {
  db: PoolClient;
  pd: PersonalData;
  clock: Clock;
  category: Category;
  departmentId: number;
  submissionId: number;
  receivedOn: string;
  actor: Actor;
}

/** The ledger reason of every change a submission makes. */
export const submissionReason = (id: number) => `报送批次 #${id}`;

/** Counts, issues and field fill of one batch, written with it in the same transaction. */
export class BatchState {
  readonly tally: BatchTally = { received: 0, created: 0, updated: 0, unchanged: 0, revoked: 0, rejected: 0, warnings: 0, usccRows: 0, usccWrong: 0, usccConflicts: 0 };
  readonly issues: StoredIssue[] = [];
  readonly fill = new Map<string, number>();
  /** Department keys accepted in this batch → their row (duplicates within one file). */
  readonly acceptedKeys = new Map<string, number>();
  /** Legacy codes claimed in this batch → the subject key that claimed them. */
  readonly claims = new Map<string, string>();

  reject(rowNo: number, issues: RowIssue[], raw: Record<string, string> | null): void {
    this.tally.rejected += 1;
    // The rejected row is kept for the clerk as a storable copy (NUL, lone surrogates → U+FFFD).
    const kept = raw ? (storableCopy(raw) as Record<string, string>) : null;
    for (const i of issues) this.issues.push({ rowNo, severity: 'error', field: i.field ?? null, code: i.code, message: i.message, raw: kept });
  }

  warn(rowNo: number, warnings: { field?: string | null; message: string }[], code: string): void {
    if (!warnings.length) return;
    this.tally.warnings += 1;
    for (const w of warnings) this.issues.push({ rowNo, severity: 'warning', field: w.field ?? null, code, message: w.message, raw: null });
  }

  filled(values: Record<string, string>): void {
    for (const k of Object.keys(values)) this.fill.set(k, (this.fill.get(k) ?? 0) + 1);
  }

  async persist(ctx: WriterContext): Promise<void> {
    await repo.insertIssues(ctx.db, ctx.submissionId, this.issues);
    await repo.addFieldFill(ctx.db, ctx.submissionId, this.fill);
    await repo.addCounts(ctx.db, ctx.submissionId, this.tally);
  }
}

export function duplicateIssue(field: string | null, key: string, earlierRow: number): RowIssue {
  return { field, code: 'duplicate_key', message: `业务主键“${key}”与本文件第 ${earlierRow} 行重复，已按第 ${earlierRow} 行入库`, earlierRow };
}
