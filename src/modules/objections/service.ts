import { randomBytes } from 'node:crypto';
import { withTx, type Db } from '../../db/pool.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../errors.js';
import { maskIdNumbersInFreeText } from '../../lib/redact.js';
import { auditChange } from '../access/audit.js';
import { requireRole, type Viewer } from '../access/viewer.js';
import { loadCalendar } from '../calendar/service.js';
import { caseContext } from '../cases/context.js';
import { decodeUploads, readCaseWithFiles, storeFiles } from '../cases/evidence.js';
import { entriesFreedBy } from '../cases/facts-repo.js';
import { checkStep, checkTransition } from '../cases/kind.js';
import { appendCaseEvent, caseEventsOf, exitPendingEntries, inboxFilter, mustFind, updateCase } from '../cases/kernel.js';
import { notify } from '../cases/notifications.js';
import type { InboxQuery } from '../cases/schema.js';
import { caseEvent, isUniqueViolation, requireResponsible, trackingNumber, type RightsContext } from '../cases/workflow.js';
import { actorFor, getRecordRow, transitionRecord, updateRecord } from '../records/service.js';
import { currentRule } from '../rules/service.js';
import { OBJECTION_CASE } from './case-kind.js';
import { extendedDeadline, isOverdue, objectionDeadlines } from './deadlines.js';
import * as repo from './repo.js';
import type { DecisionInput, ObjectionInput } from './schema.js';
import { DECISION_STATE, GROUND_LABELS, OBJECTION_STATE_LABELS, type ObjectionRow } from './types.js';

/** A record's state in the words of a refusal: 该记录{words}，不能提出异议. */
const RECORD_STATE_WORDS: Record<string, string> = {
  disputed: '正在异议处理中', repaired: '已信用修复', revoked: '已撤销', expired: '公示期已满',
};

function filer(viewer: Viewer, input: ObjectionInput): { filedBy: 'subject' | 'agent'; agentName: string | null } {
  requireRole(viewer, 'subject', 'operator', 'admin');
  if (viewer.role === 'subject') return { filedBy: 'subject', agentName: null };
  const issues = [];
  if (!input.agentName?.trim()) issues.push({ field: 'agentName', message: '代为提出异议须写明代理人姓名' });
  if (!input.powerOfAttorney) issues.push({ field: 'powerOfAttorney', message: '代为提出异议须上传授权委托书' });
  if (issues.length) throw new ValidationError('代理提出异议的材料不全', issues);
  return { filedBy: 'agent', agentName: maskIdNumbersInFreeText(input.agentName!.trim()) };
}

/**
 * A subject (or its agent) objects to a record: the record is marked 异议处理中 at once, the case is
 * routed to the record's source department with the rule's deadlines, and both sides are notified.
 */
export async function submitObjection(ctx: RightsContext, viewer: Viewer, input: ObjectionInput): Promise<ObjectionRow> {
  const who = filer(viewer, input);
  if (!input.reason.trim()) throw new ValidationError('须写明异议理由', [{ field: 'reason', message: '请填写异议理由' }]);
  // Free text is stored and shown to the department: an ID number typed into it is masked first.
  const reason = maskIdNumbersInFreeText(input.reason.trim());
  const files = decodeUploads([
    ...(input.evidence ?? []).map((file, i) => ({ role: 'evidence', file, field: `evidence[${i}]` })),
    ...(input.powerOfAttorney ? [{ role: 'power_of_attorney', file: input.powerOfAttorney, field: 'powerOfAttorney' }] : []),
  ]);
  const record = await getRecordRow(ctx.pool, input.record);
  if (viewer.role === 'subject' && viewer.subjectId !== record.subjectId) {
    throw new ForbiddenError('只能对本主体的信用记录提出异议', [{ field: 'record', message: '该记录不属于当前登录的主体' }]);
  }
  const open = await repo.findOpenForRecord(ctx.pool, record.id);
  if (open) throw duplicate(open);
  if (record.state !== 'active') {
    throw new ConflictError(`该记录${RECORD_STATE_WORDS[record.state] ?? '当前状态'}，不能提出异议`, [{ field: 'record', message: `记录${RECORD_STATE_WORDS[record.state] ?? '当前状态不可异议'}`, state: record.state }], 'record_not_objectable');
  }
  const rule = await currentRule(ctx.pool, 'objection');
  const today = ctx.clock.today();
  const deadlines = objectionDeadlines(today, rule.params, await loadCalendar(ctx.pool));
  const actor = actorFor(viewer);
  try {
    const id = await withTx(ctx.pool, async (tx) => {
      let trackingNo = '';
      let newId: number | null = null;
      while (newId === null) {
        trackingNo = trackingNumber('YY', randomBytes);
        newId = await repo.insertObjection(tx, {
          trackingNo, recordId: record.id, subjectId: record.subjectId, departmentId: record.departmentId, grounds: input.grounds,
          reason, ...who, filerUserId: viewer.userId, receivedOn: today, checkDue: deadlines.checkDue,
          dueOn: deadlines.dueOn, dueProvisional: deadlines.provisional, rule, createdAt: ctx.clock.now(),
        });
      }
      const marked = await transitionRecord({ db: tx, clock: ctx.clock }, record.id, 'disputed', actor, `异议标注（${trackingNo}）：${GROUND_LABELS[input.grounds]}`);
      const stored = await storeFiles(tx, { kind: 'objection', id: newId }, files, actor.name, ctx.clock.now());
      await auditChange(tx, viewer, 'objection.filed', {
        subjectId: record.subjectId, departmentId: record.departmentId,
        details: { objectionId: newId, trackingNo, recordId: record.id, grounds: input.grounds, filedBy: who.filedBy, agentName: who.agentName },
      });
      await appendCaseEvent(tx, OBJECTION_CASE, newId, caseEvent(actor, ctx.clock.now(), 'received', null, 'received', reason, {
        grounds: input.grounds, recordVersion: marked.version, files: stored.map((f) => f.id), ...who,
        rule: { code: rule.code, version: rule.version }, checkDue: deadlines.checkDue, dueOn: deadlines.dueOn,
      }));
      await notify(tx, ctx.clock.now(), {
        audience: 'department', departmentId: record.departmentId, kind: 'objection.received', refType: 'objection', refId: newId,
        title: `收到异议 ${trackingNo}`, body: `记录 #${record.id}（${GROUND_LABELS[input.grounds]}）已标注异议处理中，请于 ${deadlines.dueOn} 前作出决定（异议处理规则第 ${rule.version} 版）`,
      });
      await notify(tx, ctx.clock.now(), {
        audience: 'subject', subjectId: record.subjectId, kind: 'objection.received', refType: 'objection', refId: newId,
        title: `异议已受理：${trackingNo}`, body: `您对记录 #${record.id} 的异议已受理，记录已标注“异议处理中”，答复期限 ${deadlines.dueOn}`,
      });
      return newId;
    });
    return mustFind(ctx.pool, OBJECTION_CASE, id);
  } catch (err) {
    if (isUniqueViolation(err, 'objection_open_uq')) {
      const existing = await repo.findOpenForRecord(ctx.pool, record.id);
      if (existing) throw duplicate(existing);
    }
    throw err;
  }
}

function duplicate(open: ObjectionRow): ConflictError {
  return new ConflictError(`该记录已有正在处理的异议（${open.trackingNo}），请勿重复提交`, [
    { field: 'record', message: '该记录已有正在处理的异议', objectionId: open.id, trackingNo: open.trackingNo },
  ], 'duplicate_objection');
}

/**
 * The source department (or the credit centre) answers: correct (a new version of the record),
 * revoke the record, or maintain it with reasons. The record leaves 异议处理中 in the same transaction.
 */
export async function decideObjection(ctx: RightsContext, viewer: Viewer, id: number, input: DecisionInput): Promise<ObjectionRow> {
  const before = await mustFind(ctx.pool, OBJECTION_CASE, id);
  requireResponsible(viewer, before.departmentId, `数据提供单位（${before.departmentName}）`);
  if (!input.reason.trim()) throw new ValidationError('须写明处理理由', [{ field: 'reason', message: '请填写处理理由' }]);
  if (input.decision === 'correct' && !Object.keys(input.fields ?? {}).length) {
    throw new ValidationError('更正须提交更正后的数据项', [{ field: 'fields', message: '请填写更正后的数据项' }]);
  }
  const reason = maskIdNumbersInFreeText(input.reason.trim());
  const to = DECISION_STATE[input.decision];
  const actor = actorFor(viewer);
  await withTx(ctx.pool, async (tx) => {
    const o = await mustFind(tx, OBJECTION_CASE, id, true);
    checkTransition(OBJECTION_CASE, o, to);
    const rctx = { db: tx, pd: ctx.pd, clock: ctx.clock };
    const note = `异议 ${o.trackingNo}：${reason}`;
    let changed: string[] = [];
    if (input.decision === 'correct') {
      const current = await getRecordRow(tx, o.recordId);
      const saved = await updateRecord(rctx, viewer, o.recordId, { fields: { ...current.fields, ...input.fields }, reason: note });
      if (saved.outcome === 'unchanged') throw new ValidationError('更正后的内容与原记录相同', [{ field: 'fields', message: '更正后的内容与原记录相同' }]);
      changed = Object.keys(input.fields ?? {}).filter((k) => current.fields[k] !== saved.record.fields[k]);
    }
    const recordTo = input.decision === 'revoke' ? 'revoked' : 'active';
    const after = await transitionRecord(rctx, o.recordId, recordTo, actor, `${OBJECTION_STATE_LABELS[to]}（${note}）`);
    // A revoked record takes off the lists the entries that rested on it alone (移出名单, reason error).
    const pending = input.decision === 'revoke' ? await entriesFreedBy(tx, o.recordId) : [];
    await updateCase(tx, OBJECTION_CASE, id, {
      state: to, outcomeReason: reason, decidedOn: ctx.clock.today(), decidedBy: actor.name,
      decidedDepartmentId: viewer.role === 'department' ? viewer.departmentId : null, recordVersionAfter: after.version, pendingListExits: pending,
    });
    await auditChange(tx, viewer, `objection.${to}`, {
      subjectId: o.subjectId, departmentId: o.departmentId, categories: [o.categoryCode],
      details: { objectionId: id, trackingNo: o.trackingNo, recordId: o.recordId, recordState: after.state, recordVersion: after.version, changedFields: changed, listEntries: pending, reason },
    });
    await appendCaseEvent(tx, OBJECTION_CASE, id, caseEvent(actor, ctx.clock.now(), 'decided', o.state, to, reason, {
      decision: input.decision, recordState: after.state, recordVersion: after.version, changedFields: changed, listEntries: pending,
      late: isOverdue(o.dueOn, ctx.clock.today()),
    }));
    await notify(tx, ctx.clock.now(), {
      audience: 'subject', subjectId: o.subjectId, kind: 'objection.decided', refType: 'objection', refId: id,
      title: `异议处理结果：${o.trackingNo}`, body: `${OBJECTION_STATE_LABELS[to]}。理由：${reason}`,
    });
  });
  if (input.decision === 'revoke') await exitPendingEntries(ctx, OBJECTION_CASE, id, actor);
  return mustFind(ctx.pool, OBJECTION_CASE, id);
}

/** One extension per the case's rule: the deadline moves to the rule's total period from receipt. */
export async function extendObjection(ctx: RightsContext, viewer: Viewer, id: number, reason: string): Promise<ObjectionRow> {
  const before = await mustFind(ctx.pool, OBJECTION_CASE, id);
  requireResponsible(viewer, before.departmentId, `数据提供单位（${before.departmentName}）`);
  if (!reason.trim()) throw new ValidationError('须写明延期理由', [{ field: 'reason', message: '请填写延期理由' }]);
  reason = maskIdNumbersInFreeText(reason);
  const cal = await loadCalendar(ctx.pool);
  const actor = actorFor(viewer);
  await withTx(ctx.pool, async (tx) => {
    const o = await mustFind(tx, OBJECTION_CASE, id, true);
    checkTransition(OBJECTION_CASE, o, 'extended');
    if (o.extensions >= o.ruleParams.maxExtensions) {
      throw new ConflictError(`已延期 ${o.extensions} 次，异议处理规则（第 ${o.ruleVersion} 版）最多允许延期 ${o.ruleParams.maxExtensions} 次`, [{ field: 'extensions', message: '延期次数已用完' }], 'no_extension_left');
    }
    if (isOverdue(o.dueOn, ctx.clock.today())) {
      throw new ConflictError(`已超过答复期限 ${o.dueOn}，不能再延期`, [{ field: 'dueOn', message: '已超过答复期限' }], 'already_overdue');
    }
    const due = extendedDeadline(o.receivedOn, o.ruleParams, cal);
    await updateCase(tx, OBJECTION_CASE, id, { state: 'extended', dueOn: due.date, dueProvisional: due.provisional, extensions: o.extensions + 1 });
    await appendCaseEvent(tx, OBJECTION_CASE, id, caseEvent(actor, ctx.clock.now(), 'extended', o.state, 'extended', reason.trim(), { from: o.dueOn, to: due.date }));
    await auditChange(tx, viewer, 'objection.extended', {
      subjectId: o.subjectId, departmentId: o.departmentId, categories: [o.categoryCode], details: { objectionId: id, trackingNo: o.trackingNo, recordId: o.recordId, from: o.dueOn, to: due.date, reason: reason.trim() },
    });
    await notify(tx, ctx.clock.now(), {
      audience: 'subject', subjectId: o.subjectId, kind: 'objection.extended', refType: 'objection', refId: id,
      title: `异议处理延期：${o.trackingNo}`, body: `答复期限延至 ${due.date}。理由：${reason.trim()}`,
    });
  });
  return mustFind(ctx.pool, OBJECTION_CASE, id);
}

/** The credit centre records its check of the record against the source (核查), once. */
export async function checkObjection(ctx: RightsContext, viewer: Viewer, id: number, note: string): Promise<ObjectionRow> {
  requireRole(viewer, 'admin', 'operator');
  note = maskIdNumbersInFreeText(note);
  const actor = actorFor(viewer);
  await withTx(ctx.pool, async (tx) => {
    const o = await mustFind(tx, OBJECTION_CASE, id, true);
    if (o.checkedAt) throw new ConflictError('信用中心已核查过该异议', [{ field: 'checkedAt', message: '信用中心已核查过该异议' }], 'already_checked');
    checkStep(OBJECTION_CASE, o, 'checked');
    await updateCase(tx, OBJECTION_CASE, id, { checkedAt: ctx.clock.now() });
    await appendCaseEvent(tx, OBJECTION_CASE, id, caseEvent(actor, ctx.clock.now(), 'centre_checked', o.state, o.state, note.trim() || null, { late: isOverdue(o.checkDue, ctx.clock.today()) }));
    await auditChange(tx, viewer, 'objection.checked', {
      subjectId: o.subjectId, departmentId: o.departmentId, categories: [o.categoryCode], details: { objectionId: id, trackingNo: o.trackingNo, recordId: o.recordId, note: note.trim() || null },
    });
  });
  return mustFind(ctx.pool, OBJECTION_CASE, id);
}


/**
 * One objection with its case file and evidence: the subject, the source department, staff; staff
 * also get what they decide on (the party, the record's fields, category and publication window).
 */
export async function getObjection(db: Db, viewer: Viewer, id: number, today: string) {
  const r = await readCaseWithFiles(db, viewer, OBJECTION_CASE, id);
  const context = await caseContext(db, viewer, { kind: 'objection', caseId: id, recordId: r.row.recordId, listEntryId: null }, today);
  return { objection: r.row, events: r.events, files: r.files, context };
}

/** The inbox: a department sees its own, the credit centre all (or one department's), a subject its own. */
export async function listObjections(db: Db, viewer: Viewer, today: string, q: InboxQuery) {
  return repo.inbox(db, { ...(await inboxFilter(db, viewer, q)), today });
}

/** Public progress by tracking number: states and dates only, no names or record content. */
export async function trackObjection(db: Db, trackingNo: string) {
  const o = await repo.findByTracking(db, trackingNo.trim().toUpperCase());
  if (!o) throw new NotFoundError('objection', trackingNo);
  return { objection: o, events: await caseEventsOf(db, OBJECTION_CASE, o.id) };
}

/** The tracking number of the open objection to a record, if any (repairs wait for it). */
export async function openObjectionFor(db: Db, recordId: number): Promise<string | null> {
  return (await repo.findOpenForRecord(db, recordId))?.trackingNo ?? null;
}
