import { withTx, type Db, type Pool } from '../../db/pool.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type ErrorDetail } from '../../errors.js';
import type { Clock } from '../../lib/clock.js';
import type { PersonalData } from '../../lib/personal-data.js';
import { checkTransition } from '../../lib/transitions.js';
import { actorOf, appendAudit, auditChange, READ_ACTIONS } from '../access/audit.js';
import * as access from '../access/service.js';
import { requireDepartmentWriter, requireRole, requireScope, type Viewer } from '../access/viewer.js';
import * as catalog from '../catalog/service.js';
import type { Category } from '../catalog/types.js';
import { resolveSubject } from '../subjects/service.js';
import { appendVersion, contentHash } from './ledger.js';
import { publicationWindow } from './publication.js';
import * as repo from './repo.js';
import { checkRecordRow, type CheckedRow, type ExplicitSubject } from './row-check.js';
import type { Actor, RecordRow, RecordState, VersionRow } from './types.js';

export interface RecordContext {
  db: Db;
  pd: PersonalData;
  clock: Clock;
}

/** What the HTTP routes hand over: the pool, as each of their changes is its own transaction. */
export interface RecordPoolContext {
  pool: Pool;
  pd: PersonalData;
  clock: Clock;
}

export interface RecordInput {
  category: string;
  department: string;
  sourceKey?: string | null;
  fields: Record<string, unknown>;
  subject?: ExplicitSubject | null;
  reason?: string | null;
}

export type SaveOutcome = 'created' | 'updated' | 'unchanged';

export interface SaveResult {
  record: RecordRow;
  outcome: SaveOutcome;
  warnings: ErrorDetail[];
}

/** Allowed lifecycle moves; every move is one ledger entry. */
export const RECORD_TRANSITIONS: Record<RecordState, RecordState[]> = {
  active: ['disputed', 'repaired', 'revoked', 'expired'],
  disputed: ['active', 'repaired', 'revoked'],
  repaired: ['active', 'revoked'],
  expired: ['active', 'repaired', 'revoked'],
  revoked: ['active'],
};

export function actorFor(viewer: Viewer): Actor {
  if (viewer.apiKey) return { kind: 'department', id: `key:${viewer.apiKey.id}`, name: viewer.username ?? `key ${viewer.apiKey.id}` };
  if (viewer.userId === null) return { kind: 'system', id: null, name: viewer.username ?? 'system' };
  return { kind: 'user', id: String(viewer.userId), name: viewer.username ?? `user ${viewer.userId}` };
}

/**
 * Store one checked row: find or create its subject, compute its publication window and either
 * create it, make a new version when the content changed, or report it unchanged. The caller
 * owns the transaction; `mode: 'create'` refuses a department key that already exists.
 */
export async function saveCheckedRow(
  ctx: RecordContext,
  target: { category: Category; departmentId: number },
  row: CheckedRow,
  actor: Actor,
  opts: { mode: 'create' | 'upsert'; reason?: string | null },
): Promise<SaveResult> {
  const { category, departmentId } = target;
  const subject = await resolveSubject(ctx.db, ctx.pd, row.subject, ctx.clock.today());
  const warnings: ErrorDetail[] = subject.nameMismatch
    ? [{ field: category.subjectFields.name, message: `主体名称与库中不一致：库中为“${subject.nameMismatch.onFile}”，报送为“${subject.nameMismatch.given}”`, onFile: subject.nameMismatch.onFile, given: subject.nameMismatch.given }]
    : [];
  const win = publicationWindow(category, row.values, ctx.clock.today(), row.kind === 'natural_person');
  const existing = await repo.findByKey(ctx.db, departmentId, category.id, row.sourceKey, true);
  if (existing && opts.mode === 'create') {
    throw new ConflictError(`该部门已报送过业务主键为“${row.sourceKey}”的${category.name}记录（#${existing.id}）`, [
      { field: category.keyField ?? 'sourceKey', message: 'duplicate department key', recordId: existing.id },
    ], 'duplicate_source_key');
  }
  const content = {
    subjectId: subject.row.id, categoryId: category.id, departmentId, sourceKey: row.sourceKey, fields: row.values,
    decidedOn: win.decidedOn, validFrom: win.validFrom, validUntil: win.validUntil, publishFrom: win.publishFrom,
    publishUntil: win.publishUntil, severity: win.severity, state: existing?.state ?? ('active' as RecordState),
  };
  let data = { ...content, contentHash: contentHash(content) };
  const at = ctx.clock.now();
  if (!existing) {
    const created = await repo.insertRecord(ctx.db, data, at);
    if (!created) throw new ConflictError(`业务主键“${row.sourceKey}”正被同时报送，请重试`, [{ field: 'sourceKey', message: 'concurrent insert' }]);
    await appendVersion(ctx.db, created, 'create', actor, opts.reason ?? null, at);
    await savePersonal(ctx, created.id, row);
    return { record: created, outcome: 'created', warnings };
  }
  if (existing.contentHash === data.contentHash) return { record: existing, outcome: 'unchanged', warnings };
  if (existing.state === 'revoked') {
    // A corrected re-submission of a revoked record brings it back; an identical one does not.
    const revived = { ...content, state: 'active' as RecordState };
    data = { ...revived, contentHash: contentHash(revived) };
  }
  const updated = await repo.updateRecord(ctx.db, existing.id, data, existing.version + 1, at);
  await appendVersion(ctx.db, updated, 'update', actor, opts.reason ?? null, at);
  await savePersonal(ctx, updated.id, row);
  return { record: updated, outcome: 'updated', warnings };
}

async function savePersonal(ctx: RecordContext, recordId: number, row: CheckedRow): Promise<void> {
  const entries = Object.entries(row.personal);
  if (!entries.length) return;
  await repo.savePersonal(ctx.db, recordId, entries.map(([field, v]) => ({ field, hmac: ctx.pd.hmac(v), cipher: ctx.pd.encrypt(v) })));
}

async function target(ctx: RecordContext, viewer: Viewer, categoryCode: string, departmentCode: string) {
  const category = await catalog.getCategory(ctx.db, categoryCode);
  if (!category.active) throw new ValidationError(`信息类别“${category.name}”已停用`, [{ field: 'category', message: 'inactive category' }]);
  const department = await access.getDepartment(ctx.db, departmentCode);
  requireDepartmentWriter(viewer, department.id);
  return { category, departmentId: department.id };
}

function checkOrThrow(category: Category, input: RecordInput, today: string): CheckedRow {
  const r = checkRecordRow(category, input.fields, input.subject ?? null, input.sourceKey ?? null, today);
  if (!r.ok) throw new ValidationError(`记录不符合信息类别“${category.name}”的要求：${r.issues.map((i) => i.message).join('；')}`, r.issues, 'invalid_record');
  return r.row;
}

/** A department files a new record (API); its key must be new for that department and category. */
export async function createRecord(ctx: RecordContext, viewer: Viewer, input: RecordInput): Promise<SaveResult> {
  const t = await target(ctx, viewer, input.category, input.department);
  const row = checkOrThrow(t.category, input, ctx.clock.today());
  return saveCheckedRow(ctx, t, row, actorFor(viewer), { mode: 'create', reason: input.reason ?? null });
}

/** A department files a new record over the API, in one transaction. */
export async function fileRecord(ctx: RecordPoolContext, viewer: Viewer, input: RecordInput): Promise<SaveResult> {
  return withTx(ctx.pool, async (db) => {
    const saved = await createRecord({ db, pd: ctx.pd, clock: ctx.clock }, viewer, input);
    await auditRecordChange(db, viewer, 'record.created', saved.record, { category: input.category });
    return saved;
  });
}

/** The audit entry of a change to one record, in its transaction: no field values (they may be personal). */
async function auditRecordChange(db: Db, viewer: Viewer, action: string, r: RecordRow, details: Record<string, unknown>): Promise<void> {
  await auditChange(db, viewer, action, {
    subjectId: r.subjectId, departmentId: r.departmentId, details: { recordId: r.id, version: r.version, state: r.state, ...details },
  });
}

/** An existing record for its writer: the credit center or the clerk of its source department. */
async function recordForWriter(db: Db, viewer: Viewer, id: number): Promise<RecordRow> {
  const existing = await getRecordRow(db, id);
  requireDepartmentWriter(viewer, existing.departmentId);
  return existing;
}

/** Replace a record's content: a new version in the ledger, or nothing when identical. */
export async function updateRecord(ctx: RecordContext, viewer: Viewer, id: number, input: Omit<RecordInput, 'category' | 'department'>): Promise<SaveResult> {
  const existing = await recordForWriter(ctx.db, viewer, id);
  const category = (await catalog.listCategories(ctx.db)).find((c) => c.id === existing.categoryId)!;
  const department = (await access.getDepartmentById(ctx.db, existing.departmentId))!;
  const row = checkOrThrow(category, { ...input, category: category.code, department: department.code, sourceKey: category.keyField ? null : existing.sourceKey }, ctx.clock.today());
  if (row.sourceKey !== existing.sourceKey) {
    throw new ValidationError('不能修改记录的业务主键；请撤销原记录后重新报送', [{ field: category.keyField ?? 'sourceKey', message: `key is ${existing.sourceKey}` }]);
  }
  return saveCheckedRow(ctx, { category, departmentId: department.id }, row, actorFor(viewer), { mode: 'upsert', reason: input.reason ?? null });
}

/** Replace a record's content over the API, in one transaction. */
export async function replaceRecord(ctx: RecordPoolContext, viewer: Viewer, id: number, input: Omit<RecordInput, 'category' | 'department'>): Promise<SaveResult> {
  return withTx(ctx.pool, async (db) => {
    const saved = await updateRecord({ db, pd: ctx.pd, clock: ctx.clock }, viewer, id, input);
    if (saved.outcome !== 'unchanged') await auditRecordChange(db, viewer, 'record.updated', saved.record, { reason: input.reason ?? null });
    return saved;
  });
}

/** Move a record through its lifecycle (revoke, dispute, repair…), versioned and attributed. */
export async function transitionRecord(ctx: Pick<RecordContext, 'db' | 'clock'>, id: number, to: RecordState, actor: Actor, reason: string): Promise<RecordRow> {
  const existing = await repo.findRecord(ctx.db, id, true);
  if (!existing) throw new NotFoundError('record', String(id));
  checkTransition('record', RECORD_TRANSITIONS, existing.state, to);
  if (!reason.trim()) throw new ValidationError('状态变更必须说明理由', [{ field: 'reason', message: 'required' }]);
  const { id: _id, version, contentHash: _h, ...rest } = existing;
  const content = { ...rest, state: to };
  const at = ctx.clock.now();
  const updated = await repo.updateRecord(ctx.db, id, { ...content, contentHash: contentHash(content) }, version + 1, at);
  await appendVersion(ctx.db, updated, to === 'revoked' ? 'revoke' : 'state', actor, reason.trim(), at);
  return updated;
}

/** The source department (or the credit center) revokes a record (撤销), in one transaction. */
export async function revokeRecord(ctx: Pick<RecordPoolContext, 'pool' | 'clock'>, viewer: Viewer, id: number, reason: string): Promise<RecordRow> {
  return withTx(ctx.pool, async (db) => {
    await recordForWriter(db, viewer, id);
    const revoked = await transitionRecord({ db, clock: ctx.clock }, id, 'revoked', actorFor(viewer), reason);
    await auditRecordChange(db, viewer, 'record.revoked', revoked, { reason: reason.trim() });
    return revoked;
  });
}

export async function getRecordRow(db: Db, id: number): Promise<RecordRow> {
  const r = await repo.findRecord(db, id);
  if (!r) throw new NotFoundError('record', String(id));
  return r;
}

/**
 * A record as staff may open it: the credit center, or the clerk of its source department. Like
 * the archive, a non-public class needs a declared purpose (and an API key the archive:read scope).
 */
async function openRecord(db: Db, viewer: Viewer, id: number): Promise<repo.ClassedRecordRow> {
  // The role first: a 401/403 must not depend on whether the id exists.
  requireRole(viewer, 'admin', 'operator', 'department');
  const r = await repo.findRecordWithClass(db, id);
  if (!r) throw new NotFoundError('record', String(id));
  if (viewer.role === 'department' && viewer.departmentId !== r.departmentId) throw new ForbiddenError('只能查看本部门报送的记录');
  if (r.disclosure !== 'public') {
    requireScope(viewer, 'archive:read');
    if (!viewer.purpose) {
      throw new ValidationError('查阅非社会公开类信息须说明用途（X-Purpose）', [{ field: 'purpose', message: 'a purpose is required to read records of a non-public class' }]);
    }
  }
  return r;
}

/** One audit entry per read of a non-public record, as the caller, with purpose and IP. */
async function auditRecordRead(db: Db, viewer: Viewer, r: repo.ClassedRecordRow, details: Record<string, unknown>): Promise<void> {
  if (r.disclosure === 'public') return;
  await appendAudit(db, {
    actor: actorOf(viewer), departmentId: viewer.departmentId, action: READ_ACTIONS.record, subjectId: r.subjectId,
    categories: [r.categoryCode], purpose: viewer.purpose, ip: viewer.ip,
    details: { recordId: r.id, version: r.version, classes: [r.disclosure], ...details },
  });
}

/** One record for staff; reads of non-public classes need a purpose and are audited. */
export async function readRecord(db: Db, viewer: Viewer, id: number): Promise<RecordRow> {
  const r = await openRecord(db, viewer, id);
  await auditRecordRead(db, viewer, r, { view: 'record' });
  return r;
}

/** A record's ledger versions for staff; as readRecord, audited when its class is not public. */
export async function readRecordVersions(db: Db, viewer: Viewer, id: number): Promise<VersionRow[]> {
  const r = await openRecord(db, viewer, id);
  const items = await repo.versionsOf(db, r.id);
  await auditRecordRead(db, viewer, r, { view: 'versions', versions: items.length });
  return items;
}
