import type { Db, Pool } from '../../db/pool.js';
import { inTx, withTx } from '../../db/pool.js';
import { ConflictError, ForbiddenError, InvalidTransitionError, NotFoundError, ValidationError, type ErrorDetail } from '../../errors.js';
import { addMonths, isIsoDate, type Clock } from '../../lib/clock.js';
import type { PersonalData } from '../../lib/personal-data.js';
import { checkTransition } from '../../lib/transitions.js';
import { auditChange, auditChangeBy } from '../access/audit.js';
import * as access from '../access/service.js';
import { requireRole, requireScope, type Viewer } from '../access/viewer.js';
import { eventsCommitted } from '../events/bus.js';
import { appendEvents, lockEvents } from '../events/service.js';
import { getRecordRow } from '../records/service.js';
import { getSubjectByCode } from '../subjects/service.js';
import type { Actor } from '../records/types.js';
import { appendEntryVersion } from './ledger.js';
import * as repo from './repo.js';
import { ENTRY_TRANSITIONS, EXIT_REASON_LABELS, LIST_KINDS, type EntryRow, type EntryView, type ExitReason, type ListRow, type NewList } from './types.js';

export interface ListContext {
  pool: Pool;
  pd: PersonalData;
  clock: Clock;
}

/** All lists; the public sees the active public ones. */
export async function listLists(db: Db, viewer: Viewer): Promise<ListRow[]> {
  const all = await repo.allLists(db);
  const staff = viewer.role === 'admin' || viewer.role === 'operator' || viewer.role === 'department';
  return staff ? all : all.filter((l) => l.active && l.public);
}

export async function getList(db: Db, code: string): Promise<ListRow> {
  const l = await repo.findList(db, code);
  if (!l) throw new NotFoundError('list', code, 'unknown_list');
  return l;
}

function checkList(l: NewList): ErrorDetail[] {
  const issues: ErrorDetail[] = [];
  if (!/^[a-z][a-z0-9_]{1,62}$/.test(l.code)) issues.push({ field: 'code', message: '名单编码应为小写字母开头的字母、数字、下划线' });
  if (!LIST_KINDS.includes(l.kind)) issues.push({ field: 'kind', message: `名单类型应为 ${LIST_KINDS.join(', ')}` });
  if (!l.name.trim()) issues.push({ field: 'name', message: '名单名称不能为空' });
  if (!l.issuer.trim()) issues.push({ field: 'issuer', message: '须写明认定单位' });
  if (l.kind === 'blacklist' && !l.legalBasis.trim()) {
    issues.push({ field: 'legalBasis', message: '严重失信主体名单须以法律、法规或党中央、国务院政策文件为依据（国办发〔2020〕49号）' });
  }
  return issues;
}

/** Operators declare a list with its basis, standard, procedure and remedies. */
export async function createList(db: Db, viewer: Viewer, input: Omit<NewList, 'active' | 'public'> & { active?: boolean; public?: boolean }): Promise<ListRow> {
  requireRole(viewer, 'admin', 'operator');
  const l: NewList = { ...input, active: input.active ?? true, public: input.public ?? true };
  const issues = checkList(l);
  if (l.departmentCode && !(await access.getDepartment(db, l.departmentCode).catch(() => null))) issues.push({ field: 'departmentCode', message: `未登记的部门 ${l.departmentCode}` });
  if (issues.length) throw new ValidationError('名单定义有误', issues);
  return inTx(db, async (tx) => {
    const row = await repo.insertList(tx, l);
    if (!row) throw new ConflictError(`名单编码 ${l.code} 已存在`, [{ field: 'code', message: 'duplicate list code' }]);
    await auditChange(tx, viewer, 'list.created', { departmentId: null, details: { list: row.code, name: row.name, kind: row.kind } });
    return row;
  });
}

/** Operators change a list's texts, issuing department or status (the kind and code stay). */
export async function updateList(db: Db, viewer: Viewer, code: string, patch: Partial<Omit<NewList, 'code' | 'kind'>>): Promise<ListRow> {
  requireRole(viewer, 'admin', 'operator');
  const current = await getList(db, code);
  const next: ListRow = { ...current, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
  const issues = checkList(next);
  if (patch.departmentCode && !(await access.getDepartment(db, patch.departmentCode).catch(() => null))) issues.push({ field: 'departmentCode', message: `未登记的部门 ${patch.departmentCode}` });
  if (issues.length) throw new ValidationError('名单定义有误', issues);
  return inTx(db, async (tx) => {
    const row = await repo.updateList(tx, next);
    const changed = Object.keys(patch).filter((k) => patch[k as keyof typeof patch] !== undefined);
    await auditChange(tx, viewer, 'list.updated', { departmentId: null, details: { list: row.code, name: row.name, changed } });
    return row;
  });
}

/** Credit-center staff, or the clerk of the list's issuing department (发起部门). */
export async function requireInitiator(db: Db, viewer: Viewer, list: ListRow): Promise<number | null> {
  requireRole(viewer, 'admin', 'operator', 'department');
  requireScope(viewer, 'records:write');
  if (viewer.role !== 'department') return null;
  const own = viewer.departmentId === null ? null : await access.getDepartmentById(db, viewer.departmentId);
  if (!own || own.code !== list.departmentCode) {
    throw new ForbiddenError(`只有认定单位（${list.issuer}）可以向“${list.name}”列入主体`, [{ field: 'list', message: 'not the issuing department of this list' }]);
  }
  return own.id;
}

export interface EntryInput {
  subjectId: number;
  basisRecords: number[];
  departmentId: number | null;
  decidedBy: string;
  documentNo: string | null;
  reason: string;
  listedOn: string | null;
  plannedExpiry: string | null;
}

function entryDates(list: ListRow, input: Pick<EntryInput, 'listedOn' | 'plannedExpiry'>, today: string): { listedOn: string; plannedExpiry: string | null; issues: ErrorDetail[] } {
  const issues: ErrorDetail[] = [];
  const listedOn = input.listedOn ?? today;
  if (!isIsoDate(listedOn)) issues.push({ field: 'listedOn', message: '列入日期应为 YYYY-MM-DD' });
  else if (listedOn > today) issues.push({ field: 'listedOn', message: '列入日期不能晚于今天' });
  const plannedExpiry = input.plannedExpiry ?? (list.defaultMonths && isIsoDate(listedOn) ? addMonths(listedOn, list.defaultMonths) : null);
  if (plannedExpiry !== null) {
    if (!isIsoDate(plannedExpiry)) issues.push({ field: 'plannedExpiry', message: '计划移出日期应为 YYYY-MM-DD' });
    else if (plannedExpiry < today) issues.push({ field: 'plannedExpiry', message: `计划移出日期 ${plannedExpiry} 已过，不能列入` });
    else if (plannedExpiry < listedOn) issues.push({ field: 'plannedExpiry', message: '计划移出日期不能早于列入日期' });
  }
  return { listedOn, plannedExpiry, issues };
}

/**
 * Put a subject on a list: the entry, its first ledger row and a list.entered event in one
 * transaction. A subject is on a list at most once at a time (409 otherwise).
 */
export async function enterSubject(ctx: ListContext, list: ListRow, input: EntryInput, actor: Actor): Promise<{ entry: EntryRow; created: boolean }> {
  if (!list.active) throw new ConflictError(`名单“${list.name}”已停用`, [{ field: 'list', message: 'inactive list' }], 'inactive_list');
  if (!input.reason.trim()) throw new ValidationError('须写明列入原因', [{ field: 'reason', message: 'required' }]);
  const dates = entryDates(list, input, ctx.clock.today());
  const issues = [...dates.issues];
  for (const [i, id] of input.basisRecords.entries()) {
    const r = await getRecordRow(ctx.pool, id).catch(() => null);
    if (!r) issues.push({ field: `basisRecords[${i}]`, message: `记录 #${id} 不存在` });
    else if (r.subjectId !== input.subjectId) issues.push({ field: `basisRecords[${i}]`, message: `记录 #${id} 不属于该主体` });
  }
  if (list.kind === 'blacklist' && !input.basisRecords.length && !input.documentNo?.trim()) {
    issues.push({ field: 'basisRecords', message: '列入严重失信主体名单须有依据：认定所依据的记录或认定文书号' });
  }
  if (issues.length) throw new ValidationError('列入信息有误', issues, 'invalid_entry');
  const result = await withTx(ctx.pool, async (tx) => {
    await lockEvents(tx);
    const live = await repo.findLiveEntry(tx, list.id, input.subjectId);
    if (live) return { entry: live, created: false };
    const entry = await repo.insertEntry(tx, {
      listId: list.id, subjectId: input.subjectId, basisRecordIds: input.basisRecords, departmentId: input.departmentId,
      decidedBy: input.decidedBy, documentNo: input.documentNo?.trim() || null, reason: input.reason.trim(),
      listedOn: dates.listedOn, plannedExpiry: dates.plannedExpiry, createdAt: ctx.clock.now(),
    });
    await appendEntryVersion(tx, entry, 'enter', actor, entry.reason, ctx.clock.now());
    await appendEvents(tx, ctx.clock.now(), [{ type: 'list.entered', subjectId: entry.subjectId, payload: eventPayload(list, entry) }]);
    await auditEntry(tx, actor, 'list_entry.entered', list, entry, { reason: entry.reason, basisRecords: entry.basisRecordIds, documentNo: entry.documentNo });
    return { entry, created: true };
  });
  if (result.created) eventsCommitted();
  return result;
}

/** The audit entry of a move on a list, in its transaction, as the person (or the system) who made it. */
async function auditEntry(db: Db, actor: Actor, action: string, list: ListRow, e: EntryRow, details: Record<string, unknown>): Promise<void> {
  await auditChangeBy(db, actor, action, { subjectId: e.subjectId, departmentId: e.departmentId, details: { entryId: e.id, list: list.code, listName: list.name, ...details } });
}

function eventPayload(list: ListRow, e: EntryRow): Record<string, unknown> {
  return {
    entryId: e.id, list: list.code, listKind: list.kind, listedOn: e.listedOn, plannedExpiry: e.plannedExpiry,
    departmentId: e.departmentId, basisRecordIds: e.basisRecordIds, ...(e.state === 'exited' ? { exitReason: e.exitReason, exitedOn: e.exitedOn } : {}),
  };
}

/** The deciding department: a clerk's own; for the credit center the one named, else the list's issuer if registered. */
export async function decidingDepartment(db: Db, own: number | null, named: string | null, list: ListRow): Promise<{ id: number | null; name: string }> {
  if (own !== null) return { id: own, name: (await access.getDepartmentById(db, own))?.name ?? list.issuer };
  if (named) {
    const d = await access.getDepartment(db, named);
    return { id: d.id, name: d.name };
  }
  const d = list.departmentCode ? await access.getDepartment(db, list.departmentCode).catch(() => null) : null;
  return { id: d?.id ?? null, name: d?.name ?? list.issuer };
}

/** A department (or the credit center) lists a subject it decided on (发起). */
export async function initiateEntry(
  ctx: ListContext,
  viewer: Viewer,
  code: string,
  input: { subject: string; basisRecords?: number[]; department?: string; documentNo?: string; reason: string; listedOn?: string; plannedExpiry?: string },
  actor: Actor,
): Promise<EntryRow> {
  const list = await getList(ctx.pool, code);
  const own = await requireInitiator(ctx.pool, viewer, list);
  const dept = await decidingDepartment(ctx.pool, own, input.department ?? null, list);
  const subject = await getSubjectByCode(ctx.pool, ctx.pd, input.subject);
  const r = await enterSubject(ctx, list, {
    subjectId: subject.id, basisRecords: input.basisRecords ?? [], departmentId: dept.id, decidedBy: dept.name, documentNo: input.documentNo ?? null,
    reason: input.reason, listedOn: input.listedOn ?? null, plannedExpiry: input.plannedExpiry ?? null,
  }, actor);
  if (!r.created) throw new ConflictError(`该主体已在“${list.name}”中（条目 #${r.entry.id}）`, [{ field: 'subject', message: 'already listed', entryId: r.entry.id }], 'already_listed');
  return r.entry;
}

async function exitInTx(ctx: Pick<ListContext, 'pool' | 'clock'>, id: number, reason: ExitReason, note: string | null, actor: Actor, check: (e: EntryRow, l: ListRow) => void): Promise<EntryRow> {
  const exited = await withTx(ctx.pool, async (tx) => {
    await lockEvents(tx);
    const entry = await repo.findEntry(tx, id, true);
    if (!entry) throw new NotFoundError('list entry', String(id));
    const list = (await repo.findListById(tx, entry.listId))!;
    check(entry, list);
    checkTransition('list entry', ENTRY_TRANSITIONS, entry.state, 'exited');
    const row = await repo.exitEntry(tx, id, { reason, note, exitedOn: ctx.clock.today(), version: entry.version + 1 });
    const why = `${EXIT_REASON_LABELS[reason]}${note ? `：${note}` : ''}`;
    await appendEntryVersion(tx, row, 'exit', actor, why, ctx.clock.now());
    await auditEntry(tx, actor, 'list_entry.exited', list, row, { reason, note });
    await appendEvents(tx, ctx.clock.now(), [{ type: 'list.exited', subjectId: row.subjectId, payload: eventPayload(list, row) }]);
    return row;
  });
  eventsCommitted();
  return exited;
}

/** Take a subject off a list (移出) with its reason; expiry only once the planned period is over. */
export async function exitEntry(ctx: ListContext, viewer: Viewer, id: number, input: { reason: ExitReason; note?: string }, actor: Actor): Promise<EntryRow> {
  requireRole(viewer, 'admin', 'operator', 'department');
  requireScope(viewer, 'records:write');
  const note = input.note?.trim() || null;
  if ((input.reason === 'other' || input.reason === 'error') && !note) {
    throw new ValidationError('须说明移出原因', [{ field: 'note', message: `reason ${input.reason} needs a note` }]);
  }
  const own = viewer.role === 'department' && viewer.departmentId !== null ? await access.getDepartmentById(ctx.pool, viewer.departmentId) : null;
  const today = ctx.clock.today();
  return exitInTx(ctx, id, input.reason, note, actor, (entry, list) => {
    if (viewer.role === 'department' && entry.departmentId !== viewer.departmentId && own?.code !== list.departmentCode) {
      throw new ForbiddenError('只有作出列入决定的部门或名单认定单位可以移出', [{ field: 'entry', message: 'not your entry' }]);
    }
    if (input.reason === 'expiry' && entry.state === 'listed' && (entry.plannedExpiry === null || entry.plannedExpiry >= today)) {
      throw new ConflictError(`条目尚未到期（计划移出日期 ${entry.plannedExpiry ?? '未设定'}）`, [{ field: 'reason', message: 'not yet expired' }], 'not_expired');
    }
  });
}

/** The sweep: every live entry whose planned period ended leaves its list, attributed to the system. */
export async function expireEntries(ctx: Pick<ListContext, 'pool' | 'clock'>, actor: Actor): Promise<number> {
  let done = 0;
  for (;;) {
    const due = await repo.dueEntries(ctx.pool, ctx.clock.today(), 200);
    let moved = 0;
    for (const id of due) {
      try {
        await exitInTx(ctx, id, 'expiry', null, actor, (e, l) => {
          if (e.state === 'listed' && !(e.plannedExpiry !== null && e.plannedExpiry < ctx.clock.today())) throw new ConflictError('not due', [], 'not_expired');
          void l;
        });
        moved += 1;
      } catch (err) {
        // Another sweep (or a clerk) got there first: nothing to do for this entry.
        if (!(err instanceof InvalidTransitionError) && !(err instanceof ConflictError)) throw err;
      }
    }
    done += moved;
    if (due.length < 200 || moved === 0) return done;
  }
}

/** Entries of a list: live ones for everyone (natural persons masked for the public); exited ones for staff. */
export async function listEntries(db: Db, viewer: Viewer, code: string, q: { state: 'listed' | 'exited' | 'all'; page: number; pageSize: number }): Promise<{ items: EntryView[]; total: number; list: ListRow }> {
  const list = await getList(db, code);
  const staff = viewer.role === 'admin' || viewer.role === 'operator' || viewer.role === 'department';
  if (!staff && (!list.public || !list.active)) throw new NotFoundError('list', code, 'unknown_list');
  if (!staff && q.state !== 'listed') throw new ForbiddenError('公众只能查看名单中现有的主体', [{ field: 'state', message: 'public sees live entries only' }]);
  const states = q.state === 'all' ? (['listed', 'exited'] as const) : ([q.state] as const);
  const r = await repo.entriesOf(db, { listId: list.id, states: [...states], limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  const items = staff ? r.items : r.items.map(maskPerson);
  return { ...r, items, list };
}

function maskPerson(e: EntryView): EntryView {
  if (e.subjectKind !== 'natural_person') return e;
  const name = [...e.subjectName];
  const masked = name.length <= 1 ? '*' : name.length === 2 ? `${name[0]}*` : `${name[0]}${'*'.repeat(name.length - 2)}${name[name.length - 1]}`;
  return { ...e, subjectName: masked, basisRecordIds: [] };
}

/** The ledger rows of one list entry, for staff. */
export async function readEntryVersions(db: Db, viewer: Viewer, id: number) {
  // The role first: a 401/403 must not depend on whether the id exists.
  requireRole(viewer, 'admin', 'operator', 'department');
  if (!(await repo.findEntry(db, id))) throw new NotFoundError('list entry', String(id));
  return repo.entryVersions(db, id);
}
