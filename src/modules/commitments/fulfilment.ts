import { withTx } from '../../db/pool.js';
import { ForbiddenError, ValidationError } from '../../errors.js';
import { maskIdNumbersInFreeText } from '../../lib/redact.js';
import { auditChange } from '../access/audit.js';
import { requireRole, type Viewer } from '../access/viewer.js';
import { checkTransition } from '../cases/kind.js';
import { appendCaseEvent, mustFind, updateCase } from '../cases/kernel.js';
import { notify } from '../cases/notifications.js';
import { caseEvent, requireResponsible, type RightsContext } from '../cases/workflow.js';
import { eventsCommitted } from '../events/bus.js';
import { appendEvents } from '../events/service.js';
import { actorFor, transitionRecord } from '../records/service.js';
import { subjectById } from '../subjects/service.js';
import { COMMITMENT_CASE } from './case-kind.js';
import { fileBreachRecord, fileCommitmentRecord, type Party } from './records.js';
import type { FulfilmentInput } from './schema.js';
import { COMMITMENT_STATE_LABELS, type CommitmentRow } from './types.js';

async function partyOf(ctx: RightsContext, c: CommitmentRow): Promise<Party> {
  const s = await subjectById(ctx.pool, c.subjectId);
  return { kind: s.kind, name: s.name, uscc: s.uscc, idNumber: c.subjectCodeCipher ? ctx.pd.decrypt(c.subjectCodeCipher) : null };
}

/**
 * The accepting department (or the credit centre) records fulfilment or breach. A breach files a
 * 违背信用承诺 record in the archive — dishonesty information that feeds evaluation and lists — and
 * announces it to upper platforms, in the same transaction.
 */
export async function recordFulfilment(ctx: RightsContext, viewer: Viewer, id: number, input: FulfilmentInput): Promise<CommitmentRow> {
  const before = await mustFind(ctx.pool, COMMITMENT_CASE, id);
  requireResponsible(viewer, before.departmentId, `承诺受理单位（${before.departmentName}）`);
  const note = maskIdNumbersInFreeText(input.note.trim());
  if (input.outcome === 'breached' && !note) throw new ValidationError('认定未履约须写明违诺情形', [{ field: 'note', message: '请写明违诺情形' }]);
  const party = await partyOf(ctx, before);
  const actor = actorFor(viewer);
  await withTx(ctx.pool, async (tx) => {
    const c = await mustFind(tx, COMMITMENT_CASE, id, true);
    checkTransition(COMMITMENT_CASE, c, input.outcome);
    const rctx = { db: tx, pd: ctx.pd, clock: ctx.clock };
    const next = { ...c, state: input.outcome };
    if (c.publicRecordId !== null) await fileCommitmentRecord(rctx, c.ruleParams.publicationCategory, next, party, actor, 'upsert');
    let breachRecordId: number | undefined;
    if (input.outcome === 'breached') {
      breachRecordId = (await fileBreachRecord(rctx, c.ruleParams.breachCategory, c, party, actor, note, viewer.departmentId ?? c.departmentId)).id;
      await appendEvents(tx, ctx.clock.now(), [{
        type: 'commitment.breached', subjectId: c.subjectId,
        payload: { commitmentId: id, recordId: breachRecordId, item: c.itemCode, departmentId: c.departmentId, on: ctx.clock.today() },
      }]);
    }
    await updateCase(tx, COMMITMENT_CASE, id, { state: input.outcome, outcomeNote: note || undefined, outcomeOn: ctx.clock.today(), outcomeBy: actor.name, breachRecordId });
    await auditChange(tx, viewer, `commitment.${input.outcome}`, {
      subjectId: c.subjectId, departmentId: c.departmentId, details: { commitmentId: id, item: c.itemCode, note: note || null, breachRecord: breachRecordId ?? null },
    });
    await appendCaseEvent(tx, COMMITMENT_CASE, id, caseEvent(actor, ctx.clock.now(), 'fulfilment', c.state, input.outcome, note || null, {
      breachRecord: breachRecordId ?? null, late: c.verificationDue !== null && c.verificationDue < ctx.clock.today(),
    }));
    await notify(tx, ctx.clock.now(), {
      audience: 'subject', subjectId: c.subjectId, kind: `commitment.${input.outcome}`, refType: 'commitment', refId: id,
      title: `信用承诺履约情况：${COMMITMENT_STATE_LABELS[input.outcome]} #${id}`,
      body: input.outcome === 'breached' ? `经核查未履行承诺（${note}），已记入信用记录，可依法申请信用修复` : `承诺“${c.matter}”已履约`,
    });
  });
  if (input.outcome === 'breached') eventsCommitted();
  return mustFind(ctx.pool, COMMITMENT_CASE, id);
}

/** Withdrawal before completion (spec: use is voluntary and may be withdrawn): the public record is revoked. */
export async function withdrawCommitment(ctx: RightsContext, viewer: Viewer, id: number, reason: string): Promise<CommitmentRow> {
  const before = await mustFind(ctx.pool, COMMITMENT_CASE, id);
  if (viewer.role === 'subject') {
    if (viewer.subjectId !== before.subjectId) throw new ForbiddenError('只能撤回本主体的承诺');
  } else {
    requireRole(viewer, 'department', 'admin', 'operator');
    requireResponsible(viewer, before.departmentId, `承诺受理单位（${before.departmentName}）`);
  }
  if (!reason.trim()) throw new ValidationError('须写明撤回理由', [{ field: 'reason', message: '请填写撤回理由' }]);
  reason = maskIdNumbersInFreeText(reason);
  const actor = actorFor(viewer);
  await withTx(ctx.pool, async (tx) => {
    const c = await mustFind(tx, COMMITMENT_CASE, id, true);
    checkTransition(COMMITMENT_CASE, c, 'withdrawn');
    if (c.publicRecordId !== null) await transitionRecord({ db: tx, clock: ctx.clock }, c.publicRecordId, 'revoked', actor, `承诺 #${id} 已撤回：${reason.trim()}`);
    await updateCase(tx, COMMITMENT_CASE, id, { state: 'withdrawn', outcomeNote: reason.trim(), outcomeOn: ctx.clock.today(), outcomeBy: actor.name });
    await appendCaseEvent(tx, COMMITMENT_CASE, id, caseEvent(actor, ctx.clock.now(), 'withdrawn', c.state, 'withdrawn', reason.trim()));
    await auditChange(tx, viewer, 'commitment.withdrawn', { subjectId: c.subjectId, departmentId: c.departmentId, details: { commitmentId: id, item: c.itemCode, reason: reason.trim(), publicRecord: c.publicRecordId } });
    await notify(tx, ctx.clock.now(), { audience: 'department', departmentId: c.departmentId, kind: 'commitment.withdrawn', refType: 'commitment', refId: id, title: `信用承诺已撤回 #${id}`, body: reason.trim() });
  });
  return mustFind(ctx.pool, COMMITMENT_CASE, id);
}
