import { Pending } from '../../db/pending.js';
import { analyzeStale } from '../../db/statistics.js';
import type { Pool } from '../../db/pool.js';
import { AppError, ConflictError, ValidationError } from '../../errors.js';
import type { Clock } from '../../lib/clock.js';
import type { PersonalData } from '../../lib/personal-data.js';
import type { Category } from '../catalog/types.js';
import type { Actor } from '../records/types.js';
import { BatchState, type WriterContext } from './batch-state.js';
import type { RowShaper } from './columns.js';
import { MAX_ERROR_ROWS } from './limits.js';
import type { RowPreparer } from './prepare.js';
import * as repo from './repo.js';
import { writeRowByRow } from './row-by-row.js';
import type { Source } from './sources.js';
import { SUBMISSION_TRANSITIONS, zeroCounts, type PreparedRow, type SubmissionCounts, type SubmissionStatus } from './types.js';
import { nextTurn, precompute, writeBulk } from './writer.js';

export const DEFAULT_BATCH_SIZE = 2000;

export interface Progress {
  bytes: number;
  rows: number;
  counts: SubmissionCounts;
}

export interface RunOptions {
  batchSize?: number;
  /** Write every row through saveCheckedRow in its own savepoint (slow; for checks). */
  rowByRow?: boolean;
  onProgress?: (p: Progress) => void;
  /**
   * Aborted when whoever sends the file is gone (the HTTP client disconnected): reading stops,
   * the batch being written is rolled back, and the submission is marked failed.
   */
  signal?: AbortSignal;
}

/** What the submission records when its client went away mid-import. */
export const CLIENT_GONE = { code: 'client_disconnected', message: '上传中断：客户端在导入完成前断开了连接，导入已停止。已入库的批次保留，请重新提交同一文件（重复的行按“未变化”计）' };

export interface RunTarget {
  pool: Pool;
  pd: PersonalData;
  clock: Clock;
  category: Category;
  departmentId: number;
  submissionId: number;
  receivedOn: string;
  actor: Actor;
}

/** Rows between two turns of the event loop while a batch is prepared (so the database's answers are read promptly). */
const ROWS_PER_TURN = 16;

/**
 * Rows as batches, validated (and their subject keys and canonical fields worked out) while the
 * previous batch is being written.
 */
async function* batchesOf(source: Source, shaper: RowShaper, preparer: RowPreparer, pd: PersonalData, size: number, columns: string[]): AsyncGenerator<PreparedRow[]> {
  const known = new Set(columns);
  let batch: PreparedRow[] = [];
  let n = 0;
  let rejected = 0;
  for await (const src of source.rows) {
    if (src.record) for (const k of Object.keys(src.record)) if (!known.has(k)) { known.add(k); columns.push(k); }
    const p: PreparedRow = src.unreadable
      ? { type: 'rejected', rowNo: src.rowNo, issues: [src.unreadable], raw: {}, usccGiven: false, usccWrong: false }
      : preparer.prepare(shaper.shape(src, source.columns));
    if (p.type === 'record') p.pre = precompute(pd, p.row);
    if (p.type === 'rejected' && ++rejected > MAX_ERROR_ROWS) throw tooManyErrors(p.rowNo);
    batch.push(p);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
    if (++n % ROWS_PER_TURN === 0) await nextTurn();
  }
  if (batch.length) yield batch;
}

function tooManyErrors(rowNo: number): ValidationError {
  return new ValidationError(
    `未通过校验的行已超过 ${MAX_ERROR_ROWS} 行，导入在第 ${rowNo} 行停止：文件可能选错了信息类别，或列的顺序有误。请下载错误文件，按“错误原因”改正后重新提交`,
    [{ field: 'file', row: rowNo, message: `more than ${MAX_ERROR_ROWS} rows with errors`, limit: MAX_ERROR_ROWS }],
    'too_many_errors',
  );
}

const allowedFrom = (to: SubmissionStatus) => (Object.keys(SUBMISSION_TRANSITIONS) as SubmissionStatus[]).filter((s) => SUBMISSION_TRANSITIONS[s].includes(to));

// Errors that mean "this batch met another writer or a constraint" (e.g. a department key or a
// record version another transaction wrote between our lookup and our COPY): retry it row by row.
const RETRYABLE = /^(23|40)/;

async function writeBatch(ctx: WriterContext, rows: PreparedRow[], rowByRow: boolean, signal: AbortSignal | undefined): Promise<BatchState> {
  if (!rowByRow) {
    const st = new BatchState();
    const q = new Pending();
    try {
      q.add(() => ctx.db.query('begin'));
      await writeBulk(ctx, rows, st, q);
      q.add(() => st.persist(ctx));
      q.add(async () => {
        signal?.throwIfAborted();
        await ctx.db.query('commit');
      });
      await q.flush();
      return st;
    } catch (err) {
      await q.flush().catch(() => undefined);
      await ctx.db.query('rollback');
      const code = (err as { code?: unknown }).code;
      if (!(typeof code === 'string' && RETRYABLE.test(code))) throw err;
    }
  }
  const st = new BatchState();
  await ctx.db.query('begin');
  try {
    await writeRowByRow(ctx, rows, st);
    await st.persist(ctx);
    signal?.throwIfAborted();
    await ctx.db.query('commit');
    return st;
  } catch (err) {
    await ctx.db.query('rollback');
    throw err;
  }
}

const IMPORT_TABLES = ['subject', 'subject_identifier', 'subject_link', 'record', 'record_version', 'record_receipt', 'record_personal'] as const;

/**
 * Read a source to its end in transactions of one batch each: a killed import leaves whole
 * batches behind, and running the same file again upserts them as unchanged. The import holds
 * its submission's lock while it runs (see repo.lockImport).
 */
export async function runImport(t: RunTarget, source: Source, shaper: RowShaper, preparer: RowPreparer, opts: RunOptions): Promise<SubmissionCounts> {
  const columns = [...source.columns];
  const client = await t.pool.connect();
  const ctx: WriterContext = { db: client, pd: t.pd, clock: t.clock, category: t.category, departmentId: t.departmentId, submissionId: t.submissionId, receivedOn: t.receivedOn, actor: t.actor };
  const it = batchesOf(source, shaper, preparer, t.pd, opts.batchSize ?? DEFAULT_BATCH_SIZE, columns)[Symbol.asyncIterator]();
  const { signal } = opts;
  const stopReading = () => source.close();
  signal?.addEventListener('abort', stopReading, { once: true });
  let locked = false;
  try {
    await repo.lockImport(client, t.submissionId);
    locked = true;
    if (!(await repo.setStatus(client, t.submissionId, allowedFrom('processing'), 'processing', t.clock.now()))) {
      throw new ConflictError(`报送批次 #${t.submissionId} 已不在待处理状态（可能已被标记为中断），请重新提交`, [{ field: 'submission', message: 'not received', submissionId: t.submissionId }], 'submission_not_received');
    }
    const counts = await writeAll(ctx, it, source, opts);
    await repo.setStatus(client, t.submissionId, allowedFrom('completed'), 'completed', t.clock.now(), { fileSha256: source.sha256() || null, fileBytes: source.bytes() || null, columns });
    // A large delivery can grow the record tables many times over: analyse before anyone plans on them.
    const versions = counts.created + counts.updated + counts.revoked;
    await analyzeStale(client, IMPORT_TABLES, { record: counts.created, record_version: versions, record_receipt: counts.received, record_personal: versions });
    return counts;
  } catch (err) {
    source.close();
    void it.return(undefined).catch(() => undefined);
    const error = signal?.aborted ? CLIENT_GONE
      : err instanceof AppError ? { code: err.code, message: err.message, details: err.details } : { code: 'import_failed', message: (err as Error).message ?? String(err) };
    await repo.setStatus(client, t.submissionId, allowedFrom('failed'), 'failed', t.clock.now(), { fileBytes: source.bytes() || null, columns, error }).catch(() => undefined);
    throw err;
  } finally {
    signal?.removeEventListener('abort', stopReading);
    const unlocked = locked ? await repo.unlockImport(client, t.submissionId).then(() => undefined, (e: Error) => e) : undefined;
    client.release(unlocked);
  }
}

/** The batches written one after another (the next one prepared meanwhile), stopping when the client is gone. */
async function writeAll(ctx: WriterContext, it: AsyncIterator<PreparedRow[]>, source: Source, opts: RunOptions): Promise<SubmissionCounts> {
  const counts = zeroCounts();
  const { signal } = opts;
  // A reader whose input was torn down may never answer: the abort itself ends the wait.
  const gone = signal && new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true }));
  gone?.catch(() => undefined);
  let next = it.next();
  for (;;) {
    const r = await (gone ? Promise.race([next, gone]) : next);
    if (r.done) return counts;
    signal?.throwIfAborted();
    next = it.next();
    next.catch(() => undefined);
    const st = await writeBatch(ctx, r.value, opts.rowByRow ?? false, signal);
    for (const k of Object.keys(counts) as (keyof SubmissionCounts)[]) counts[k] += st.tally[k];
    opts.onProgress?.({ bytes: source.bytes(), rows: counts.received, counts: { ...counts } });
  }
}
