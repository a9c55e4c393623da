import type { Readable } from 'node:stream';
import { withTx, type Db, type Pool } from '../../db/pool.js';
import { AppError, NotFoundError, ValidationError } from '../../errors.js';
import type { Clock } from '../../lib/clock.js';
import type { PersonalData } from '../../lib/personal-data.js';
import { auditChange } from '../access/audit.js';
import * as access from '../access/service.js';
import { requireDepartmentWriter, requireRole, type Viewer } from '../access/viewer.js';
import * as catalog from '../catalog/service.js';
import { actorFor } from '../records/service.js';
import { RowShaper } from './columns.js';
import { parseEncodingName } from './encoding.js';
import { errorsCsv } from './errors-csv.js';
import { mappingFor } from './mappings.js';
import { CLIENT_GONE, runImport, type RunOptions } from './pipeline.js';
import { RowPreparer } from './prepare.js';
import * as repo from './repo.js';
import { jsonSource, openSource, type Source } from './sources.js';
import type { StoredIssue, SubmissionCounts, SubmissionFormat, SubmissionRow } from './types.js';

export interface IngestContext {
  pool: Pool;
  pd: PersonalData;
  clock: Clock;
}

export interface SubmitInput {
  department: string;
  category: string;
  /** Name of an old layout's column mapping, e.g. legacy2016. */
  mapping?: string | null;
  /** Drop columns outside the catalog instead of refusing the file. */
  ignoreUnknown?: boolean;
  fileName?: string | null;
  encoding?: string | null;
  format?: SubmissionFormat | null;
}

export interface SubmissionResult {
  id: number;
  status: 'completed';
  counts: SubmissionCounts;
}

async function resolveTarget(db: Db, viewer: Viewer, input: SubmitInput) {
  requireRole(viewer, 'admin', 'operator', 'department');
  const department = await access.getDepartment(db, input.department);
  requireDepartmentWriter(viewer, department.id);
  const category = await catalog.getCategory(db, input.category);
  if (!category.active) throw new ValidationError(`信息类别“${category.name}”已停用`, [{ field: 'category', message: 'inactive category' }], 'inactive_category');
  const mapping = mappingFor(input.mapping, category.code);
  const encoding = parseEncodingName(input.encoding);
  return { department, category, mapping, encoding };
}

async function run(ctx: IngestContext, viewer: Viewer, input: SubmitInput, open: (encoding: ReturnType<typeof parseEncodingName>) => Promise<Source>, opts: RunOptions): Promise<SubmissionResult> {
  const t = await resolveTarget(ctx.pool, viewer, input);
  const source = await open(t.encoding);
  const excel = source.format === 'xlsx';
  const shaper = new RowShaper(t.category, t.mapping, { department: { name: t.department.name, uscc: t.department.uscc } }, { ignoreUnknown: input.ignoreUnknown ?? false, excel });
  try {
    shaper.checkHeader(source.columns, !source.keyed);
    await requireFirstRow(source);
  } catch (err) {
    source.close();
    throw err;
  }
  const receivedOn = ctx.clock.today();
  const actor = actorFor(viewer);
  // The delivery is audited as it is received (counts follow in the submission itself, batch by batch).
  const id = await withTx(ctx.pool, async (tx) => {
    const newId = await repo.insertSubmission(tx, {
      departmentId: t.department.id, categoryId: t.category.id, format: source.format, fileName: input.fileName ?? null,
      encoding: source.encoding, mapping: input.mapping?.trim() || null, columns: source.columns, receivedOn, submittedAt: ctx.clock.now(), actor,
    });
    await auditChange(tx, viewer, 'submission.received', {
      departmentId: t.department.id, categories: [t.category.code],
      details: { submissionId: newId, department: t.department.code, category: t.category.code, format: source.format, fileName: input.fileName ?? null },
    });
    return newId;
  });
  const counts = await runImport(
    { ...ctx, category: t.category, departmentId: t.department.id, submissionId: id, receivedOn, actor },
    source, shaper, new RowPreparer(t.category, receivedOn), opts,
  ).catch((err: unknown) => {
    if (err instanceof ValidationError) err.details.push({ field: 'submission', message: `submission ${id} failed`, submissionId: id });
    throw err;
  });
  return { id, status: 'completed', counts };
}

/** A header without data rows is refused before anything is recorded; the first row is put back. */
async function requireFirstRow(source: Source): Promise<void> {
  const it = source.rows[Symbol.asyncIterator]();
  const first = await it.next();
  if (first.done) throw new ValidationError('文件只有表头，没有数据行', [{ field: 'file', message: 'no data rows' }], 'empty_file');
  source.rows = (async function* () {
    yield first.value;
    for (let r = await it.next(); !r.done; r = await it.next()) yield r.value;
  })();
}

/** A department delivers a file (CSV in UTF-8 or GBK, XLSX, JSON Lines), streamed in batches. */
export async function submitFile(ctx: IngestContext, viewer: Viewer, input: SubmitInput, file: Readable, opts: RunOptions = {}): Promise<SubmissionResult> {
  return run(ctx, viewer, input, (encoding) => openSource(file, { format: input.format ?? null, encoding, fileName: input.fileName ?? null }), opts);
}

/** A department system pushes a batch of JSON records. */
export async function submitRecords(ctx: IngestContext, viewer: Viewer, input: SubmitInput, records: unknown[], opts: RunOptions = {}): Promise<SubmissionResult> {
  if (!records.length) throw new ValidationError('records 为空：没有要报送的记录', [{ field: 'records', message: 'empty' }], 'empty_file');
  return run(ctx, viewer, input, async () => jsonSource(records), opts);
}

/** The reason an import is aborted with when its client has gone (499: nobody is left to read the answer). */
export const clientGoneError = (): AppError => new AppError(CLIENT_GONE.code, CLIENT_GONE.message, 499);

/** What an interrupted submission records: the console shows it to the department, who re-submits. */
export const SERVER_RESTART = { code: 'server_restart', message: '已中断（服务重启）：导入进行中服务停止了，请重新提交同一文件（已入库的行按“未变化”计，不会重复）' };

/**
 * At start-up: submissions whose import was cut off by the server stopping (kill -9, crash) and
 * that no running process holds become 'interrupted'; returns their ids.
 */
export async function markInterruptedSubmissions(pool: Pool, clock: Clock): Promise<number[]> {
  return withTx(pool, (tx) => repo.markInterrupted(tx, clock.now(), SERVER_RESTART));
}

/** Read access to a submission: its department's clerk, or the credit center. */
export async function getSubmission(db: Db, viewer: Viewer, id: number): Promise<SubmissionRow> {
  const s = await repo.findSubmission(db, id);
  if (!s) throw new NotFoundError('submission', String(id));
  requireDepartmentWriter(viewer, s.departmentId);
  return s;
}

/** A submission with its first `issueLimit` row errors and warnings, for whoever may read it. */
export async function readSubmission(db: Db, viewer: Viewer, id: number, issueLimit: number): Promise<{ submission: SubmissionRow; errors: StoredIssue[]; warnings: StoredIssue[] }> {
  const submission = await getSubmission(db, viewer, id);
  return { submission, ...(await submissionIssues(db, submission.id, issueLimit)) };
}

/** The rejected rows of a submission as CSV text, streamed, for whoever may read the submission. */
export async function submissionErrorsCsv(db: Db, viewer: Viewer, id: number): Promise<{ id: number; csv: AsyncGenerator<string> }> {
  const s = await getSubmission(db, viewer, id);
  return { id: s.id, csv: errorsCsv(db, s) };
}

export async function submissionIssues(db: Db, id: number, limit: number): Promise<{ errors: StoredIssue[]; warnings: StoredIssue[] }> {
  const [errors, warnings] = await Promise.all([repo.issuesOf(db, id, 'error', limit), repo.issuesOf(db, id, 'warning', limit)]);
  return { errors, warnings };
}

/** Submission history: a clerk sees its own department's, the credit center any department's. */
export async function listSubmissions(db: Db, viewer: Viewer, q: { department?: string | null; page: number; pageSize: number }) {
  requireRole(viewer, 'admin', 'operator', 'department');
  let departmentId: number | null = null;
  if (q.department) {
    departmentId = (await access.getDepartment(db, q.department)).id;
    requireDepartmentWriter(viewer, departmentId);
  } else if (viewer.role === 'department') {
    departmentId = viewer.departmentId;
  }
  return repo.listSubmissions(db, { departmentId, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
}
