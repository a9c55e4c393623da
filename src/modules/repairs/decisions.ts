import { withTx } from '../../db/pool.js';
import { ConflictError, ValidationError } from '../../errors.js';
import { addMonths } from '../../lib/clock.js';
import { maskIdNumbersInFreeText } from '../../lib/redact.js';
import { auditChange } from '../access/audit.js';
import type { Viewer } from '../access/viewer.js';
import { loadCalendar } from '../calendar/service.js';
import { addWorkingDays } from '../calendar/working-days.js';
import { entriesFreedBy } from '../cases/facts-repo.js';
import { checkStep, checkTransition } from '../cases/kind.js';
import { appendCaseEvent, exitPendingEntries, mustFind, updateCase } from '../cases/kernel.js';
import { notify } from '../cases/notifications.js';
import { caseEvent, requireResponsible, type RightsContext } from '../cases/workflow.js';
import { eventsCommitted } from '../events/bus.js';
import { appendEvents } from '../events/service.js';
import { openObjectionFor } from '../objections/service.js';
import { actorFor, transitionRecord } from '../records/service.js';
import { REPAIR_CASE, ruleTag } from './case-kind.js';
import type { RecheckInput, RepairDecisionInput } from './schema.js';
import type { RepairRow } from './types.js';

const DECIDER = '作出处罚或列入决定的部门';

function exchangePayload(r: RepairRow, extra: Record<string, unknown>): Record<string, unknown> {
  return {
    repairId: r.id, recordId: r.recordId, listEntryId: r.listEntryId, departmentId: r.departmentId, severity: r.severity,
    rule: { code: r.ruleCode, version: r.ruleVersion }, ...extra,
  };
}

/**
 * The credit centre or the penalising department decides. Approval, in one transaction: the record
 * becomes `repaired` (it stops being published and shared; the ledger records it), the list entries
 * it alone supported are queued to exit, and a `repair.approved` event goes to upper platforms.
 * The entries then exit after commit (retried by the sweep if that fails).
 */
export async function decideRepair(ctx: RightsContext, viewer: Viewer, id: number, input: RepairDecisionInput): Promise<RepairRow> {
  const before = await mustFind(ctx.pool, REPAIR_CASE, id);
  requireResponsible(viewer, before.departmentId, DECIDER);
  if (!input.reason.trim()) throw new ValidationError('须写明决定理由', [{ field: 'reason', message: '请填写决定理由' }]);
  const to = input.decision === 'approve' ? 'approved' : 'rejected';
  const actor = actorFor(viewer);
  const cal = await loadCalendar(ctx.pool);
  const today = ctx.clock.today();
  await withTx(ctx.pool, async (tx) => {
    const r = await mustFind(tx, REPAIR_CASE, id, true);
    checkTransition(REPAIR_CASE, r, to);
    const reason = maskIdNumbersInFreeText(input.reason.trim());
    let pending: number[] = [];
    let recordVersion: number | null = null;
    if (to === 'approved') {
      if (r.recordId !== null) {
        const open = await openObjectionFor(tx, r.recordId);
        if (open) throw new ConflictError(`该记录的异议（${open}）尚在处理中，异议办结后再作修复决定`, [{ field: 'record', message: '异议尚在处理中' }], 'objection_open');
        const rec = await transitionRecord({ db: tx, clock: ctx.clock }, r.recordId, 'repaired', actor, `信用修复 #${r.id}（${ruleTag(r)}）：${reason}`);
        recordVersion = rec.version;
        pending = await entriesFreedBy(tx, r.recordId);
      } else {
        pending = [r.listEntryId!];
      }
      const shareBy = addWorkingDays(today, r.ruleParams.shareResultWorkingDays, cal).date;
      await appendEvents(tx, ctx.clock.now(), [{ type: 'repair.approved', subjectId: r.subjectId, payload: exchangePayload(r, { decidedOn: today, shareBy, recordVersion, listEntries: pending }) }]);
    }
    await updateCase(tx, REPAIR_CASE, id, { state: to, decidedOn: today, decidedBy: actor.name, decisionReason: reason, pendingListExits: pending });
    await appendCaseEvent(tx, REPAIR_CASE, id, caseEvent(actor, ctx.clock.now(), 'decided', r.state, to, reason, { recordVersion, listEntries: pending, late: r.decisionDue !== null && r.decisionDue < today }));
    await auditChange(tx, viewer, `repair.${to}`, {
      subjectId: r.subjectId, departmentId: r.departmentId, details: { repairId: id, recordId: r.recordId, listEntryId: r.listEntryId, recordVersion, listEntries: pending, reason },
    });
    await notify(tx, ctx.clock.now(), {
      audience: 'subject', subjectId: r.subjectId, kind: `repair.${to}`, refType: 'repair', refId: id,
      title: to === 'approved' ? `信用修复已完成 #${id}` : `信用修复申请未获批准 #${id}`,
      body: to === 'approved' ? `相关信息已停止公示和共享（${ruleTag(r)}）。${reason}` : `理由：${reason}`,
    });
  });
  if (to === 'approved') {
    eventsCommitted();
    await exitPendingEntries(ctx, REPAIR_CASE, id, actor);
  }
  return mustFind(ctx.pool, REPAIR_CASE, id);
}

/** Extend the decision deadline once by the case's rule. */
export async function extendRepair(ctx: RightsContext, viewer: Viewer, id: number, reason: string): Promise<RepairRow> {
  const before = await mustFind(ctx.pool, REPAIR_CASE, id);
  requireResponsible(viewer, before.departmentId, DECIDER);
  if (!reason.trim()) throw new ValidationError('须写明延期理由', [{ field: 'reason', message: '请填写延期理由' }]);
  reason = maskIdNumbersInFreeText(reason);
  const cal = await loadCalendar(ctx.pool);
  const actor = actorFor(viewer);
  await withTx(ctx.pool, async (tx) => {
    const r = await mustFind(tx, REPAIR_CASE, id, true);
    checkTransition(REPAIR_CASE, r, 'extended');
    if (r.ruleParams.extensionWorkingDays === 0) throw new ConflictError(`信用修复规则（第 ${r.ruleVersion} 版）不允许延期`, [{ field: 'extensions', message: '不允许延期' }], 'no_extension_left');
    if (r.decisionDue !== null && r.decisionDue < ctx.clock.today()) throw new ConflictError(`已超过决定期限 ${r.decisionDue}，不能再延期`, [{ field: 'decisionDue', message: '已超过决定期限' }], 'already_overdue');
    const due = addWorkingDays(r.decisionDue ?? ctx.clock.today(), r.ruleParams.extensionWorkingDays, cal);
    await updateCase(tx, REPAIR_CASE, id, { state: 'extended', decisionDue: due.date, dueProvisional: due.provisional, extensions: r.extensions + 1 });
    await appendCaseEvent(tx, REPAIR_CASE, id, caseEvent(actor, ctx.clock.now(), 'extended', r.state, 'extended', reason.trim(), { from: r.decisionDue, to: due.date }));
    await auditChange(tx, viewer, 'repair.extended', {
      subjectId: r.subjectId, departmentId: r.departmentId, details: { repairId: id, recordId: r.recordId, listEntryId: r.listEntryId, from: r.decisionDue, to: due.date, reason: reason.trim() },
    });
    await notify(tx, ctx.clock.now(), { audience: 'subject', subjectId: r.subjectId, kind: 'repair.extended', refType: 'repair', refId: id, title: `信用修复审核延期 #${id}`, body: `决定期限延至 ${due.date}。理由：${reason.trim()}` });
  });
  return mustFind(ctx.pool, REPAIR_CASE, id);
}

/**
 * A later re-check (复查) of a granted repair: confirmed, or revoked — the record is published
 * again and the subject may not apply for repair again for the rule's abuse-bar period.
 */
export async function recheckRepair(ctx: RightsContext, viewer: Viewer, id: number, input: RecheckInput): Promise<RepairRow> {
  const before = await mustFind(ctx.pool, REPAIR_CASE, id);
  requireResponsible(viewer, before.departmentId, DECIDER);
  if (!input.reason.trim()) throw new ValidationError('须写明复查理由', [{ field: 'reason', message: '请填写复查理由' }]);
  const actor = actorFor(viewer);
  const today = ctx.clock.today();
  await withTx(ctx.pool, async (tx) => {
    const r = await mustFind(tx, REPAIR_CASE, id, true);
    const reason = maskIdNumbersInFreeText(input.reason.trim());
    if (input.outcome === 'confirmed') {
      checkStep(REPAIR_CASE, r, 'rechecked');
      await updateCase(tx, REPAIR_CASE, id, { recheckedOn: today, recheckReason: reason });
      await appendCaseEvent(tx, REPAIR_CASE, id, caseEvent(actor, ctx.clock.now(), 'rechecked', r.state, r.state, reason, { outcome: 'confirmed' }));
      await auditChange(tx, viewer, 'repair.confirmed', { subjectId: r.subjectId, departmentId: r.departmentId, details: { repairId: id, recordId: r.recordId, listEntryId: r.listEntryId, reason } });
      return;
    }
    checkTransition(REPAIR_CASE, r, 'revoked');
    const barUntil = addMonths(today, r.ruleParams.abuseBarYears * 12);
    let recordVersion: number | null = null;
    if (r.recordId !== null) {
      recordVersion = (await transitionRecord({ db: tx, clock: ctx.clock }, r.recordId, 'active', actor, `信用修复 #${r.id} 经复查撤销：${reason}`)).version;
    }
    await updateCase(tx, REPAIR_CASE, id, { state: 'revoked', recheckedOn: today, recheckReason: reason, barUntil, pendingListExits: [] });
    await appendCaseEvent(tx, REPAIR_CASE, id, caseEvent(actor, ctx.clock.now(), 'rechecked', r.state, 'revoked', reason, { outcome: 'revoked', recordVersion, barUntil }));
    await auditChange(tx, viewer, 'repair.revoked', {
      subjectId: r.subjectId, departmentId: r.departmentId, details: { repairId: id, recordId: r.recordId, listEntryId: r.listEntryId, recordVersion, barUntil, reason },
    });
    await appendEvents(tx, ctx.clock.now(), [{ type: 'repair.revoked', subjectId: r.subjectId, payload: exchangePayload(r, { revokedOn: today, barUntil, recordVersion }) }]);
    await notify(tx, ctx.clock.now(), { audience: 'subject', subjectId: r.subjectId, kind: 'repair.revoked', refType: 'repair', refId: id, title: `信用修复经复查撤销 #${id}`, body: `${reason}。${barUntil} 前不得再次申请信用修复（${ruleTag(r)}）` });
    if (r.listEntryId !== null) {
      await notify(tx, ctx.clock.now(), { audience: 'centre', kind: 'repair.revoked', refType: 'repair', refId: id, title: `修复撤销：名单条目 #${r.listEntryId} 须重新认定`, body: `信用修复 #${id} 经复查撤销；名单条目不会自动恢复，请按名单认定程序处理` });
    }
  });
  if (input.outcome === 'revoked') eventsCommitted();
  return mustFind(ctx.pool, REPAIR_CASE, id);
}
