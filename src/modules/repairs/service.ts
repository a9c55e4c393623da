import { withTx, type Db } from '../../db/pool.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type ErrorDetail } from '../../errors.js';
import { maskIdNumbersInFreeText } from '../../lib/redact.js';
import { auditChange } from '../access/audit.js';
import { requireRole, type Viewer } from '../access/viewer.js';
import { loadCalendar } from '../calendar/service.js';
import { addWorkingDays } from '../calendar/working-days.js';
import { caseContext } from '../cases/context.js';
import { decodeUploads, filesOf, readCaseWithFiles, storeFiles } from '../cases/evidence.js';
import { entryFact, liveAdverseRecords, liveEntries } from '../cases/facts-repo.js';
import { checkTransition, isOpen } from '../cases/kind.js';
import { appendCaseEvent, inboxFilter, mustFind, requireCaseReader, updateCase } from '../cases/kernel.js';
import { notify } from '../cases/notifications.js';
import type { InboxQuery } from '../cases/schema.js';
import { caseEvent, isUniqueViolation, type RightsContext } from '../cases/workflow.js';
import * as catalog from '../catalog/service.js';
import { openObjectionFor } from '../objections/service.js';
import { actorFor, getRecordRow } from '../records/service.js';
import type { RepairParams } from '../rules/params.js';
import { currentRule, type RuleSnapshot } from '../rules/service.js';
import { REPAIR_CASE } from './case-kind.js';
import { assessEligibility, missingMaterials, requiredMaterials, type Eligibility, type RepairTarget } from './eligibility.js';
import * as repo from './repo.js';
import type { MaterialsInput, RepairInput, TargetRef } from './schema.js';
import type { CaseEligibility, RepairRow, RepairState } from './types.js';

interface ResolvedTarget {
  target: RepairTarget;
  subjectId: number;
  departmentId: number | null;
  recordId: number | null;
  listEntryId: number | null;
}

async function resolveTarget(db: Db, ref: TargetRef): Promise<ResolvedTarget> {
  if ((ref.record === undefined) === (ref.listEntry === undefined)) {
    throw new ValidationError('须指定修复对象：record（记录）或 listEntry（名单条目）之一', [{ field: 'record', message: '请选择一条记录或一个名单条目' }]);
  }
  if (ref.record !== undefined) {
    const r = await getRecordRow(db, ref.record);
    const c = (await catalog.listCategories(db)).find((x) => x.id === r.categoryId)!;
    return {
      subjectId: r.subjectId, departmentId: r.departmentId, recordId: r.id, listEntryId: null,
      target: { kind: 'record', id: r.id, categoryCode: c.code, categoryName: c.name, adverse: c.adverse, repairable: c.repairable, severity: r.severity, decidedOn: r.decidedOn, publishFrom: r.publishFrom, state: r.state },
    };
  }
  const e = await entryFact(db, ref.listEntry!);
  if (!e) throw new NotFoundError('list entry', String(ref.listEntry));
  return {
    subjectId: e.subjectId, departmentId: e.departmentId, recordId: null, listEntryId: e.entryId,
    target: { kind: 'list_entry', id: e.entryId, listCode: e.listCode, listName: e.listName, listKind: e.listKind, listedOn: e.listedOn, state: e.state },
  };
}

/** Assess a target; `ownApplication` is the open application being decided, which does not count against itself. */
async function assess(db: Db, t: ResolvedTarget, rule: RuleSnapshot<RepairParams>, today: string, ownApplication: number | null = null): Promise<Eligibility> {
  const [openObjection, openRepair, blacklist, seriousRecords, bar] = await Promise.all([
    t.recordId ? openObjectionFor(db, t.recordId) : Promise.resolve(null),
    repo.findOpenFor(db, { recordId: t.recordId, listEntryId: t.listEntryId }).then((id) => (id === ownApplication ? null : id)),
    liveEntries(db, t.subjectId, ['blacklist']),
    liveAdverseRecords(db, t.subjectId, { serious: false, categories: ['serious_dishonesty'] }),
    repo.abuseBarUntil(db, t.subjectId),
  ]);
  return assessEligibility({
    today, target: t.target, openObjection, openRepair, abuseBarUntil: bar,
    blacklistEntries: blacklist.filter((e) => e.entryId !== t.listEntryId),
    seriousDishonestyRecords: seriousRecords.filter((r) => r.id !== t.recordId).map((r) => ({ id: r.id, categoryName: r.categoryName })),
  }, rule);
}

/** Is this record (or list entry) repairable now, and if not why and from when — each reason naming its rule. */
export async function checkEligibility(db: Db, viewer: Viewer, today: string, ref: TargetRef): Promise<Eligibility & { materials: { key: string; required: { code: string; name: string }[] } }> {
  const t = await resolveTarget(db, ref);
  requireCaseReader(viewer, REPAIR_CASE, { subjectId: t.subjectId, departmentId: t.departmentId });
  const rule = await currentRule(db, 'repair');
  const e = await assess(db, t, rule, today);
  const m = requiredMaterials(rule.params, t.target, e.severity);
  return { ...e, materials: { key: m.key, required: m.codes.map((code) => ({ code, name: rule.params.materials.find((x) => x.code === code)?.name ?? code })) } };
}

function decodeMaterials(p: RepairParams, input: Pick<RepairInput, 'materials' | 'powerOfAttorney'>) {
  const known = new Set(p.materials.map((m) => m.code));
  const bad: ErrorDetail[] = input.materials.flatMap((m, i) => (known.has(m.code) ? [] : [{ field: `materials[${i}].code`, message: `未知材料 ${m.code}（可选：${[...known].join(', ')}）` }]));
  if (bad.length) throw new ValidationError('材料类别有误', bad);
  return decodeUploads([
    ...input.materials.map((m, i) => ({ role: m.code, file: m.file, field: `materials[${i}]` })),
    ...(input.powerOfAttorney ? [{ role: 'power_of_attorney', file: input.powerOfAttorney, field: 'powerOfAttorney' }] : []),
  ]);
}

async function acceptance(ctx: RightsContext, p: RepairParams, today: string) {
  const cal = await loadCalendar(ctx.pool);
  const acceptedOn = p.sameDayAcceptance ? today : addWorkingDays(today, 1, cal).date;
  const due = addWorkingDays(acceptedOn, p.decisionWorkingDays, cal);
  return { acceptedOn, decisionDue: due.date, dueProvisional: due.provisional };
}

function applicant(viewer: Viewer, input: RepairInput, subjectId: number): { filedBy: 'subject' | 'agent'; agentName: string | null } {
  requireRole(viewer, 'subject', 'operator', 'admin');
  if (viewer.role === 'subject') {
    if (viewer.subjectId !== subjectId) throw new ForbiddenError('只能为本主体申请信用修复', [{ field: 'record', message: '该记录不属于当前登录的主体' }]);
    return { filedBy: 'subject', agentName: null };
  }
  if (!input.agentName?.trim() || !input.powerOfAttorney) {
    throw new ValidationError('代为申请须写明代理人并上传授权委托书', [{ field: 'agentName', message: '请填写代理人姓名并上传授权委托书' }]);
  }
  return { filedBy: 'agent', agentName: maskIdNumbersInFreeText(input.agentName.trim()) };
}

const duplicate = (id: number) => new ConflictError(`该对象已有正在办理的修复申请 #${id}，请勿重复提交`, [{ field: 'record', message: '已有正在办理的修复申请', repairId: id }], 'duplicate_application');

/**
 * A subject applies to repair a record or a list entry. Ineligible applications are refused with
 * the reasons; complete ones are accepted (decision due in working days), incomplete ones returned
 * with the list of missing materials.
 */
export async function applyForRepair(ctx: RightsContext, viewer: Viewer, input: RepairInput): Promise<RepairRow> {
  const t = await resolveTarget(ctx.pool, input);
  const who = applicant(viewer, input, t.subjectId);
  const rule = await currentRule(ctx.pool, 'repair');
  const files = decodeMaterials(rule.params, input);
  const today = ctx.clock.today();
  const e = await assess(ctx.pool, t, rule, today);
  const openId = await repo.findOpenFor(ctx.pool, { recordId: t.recordId, listEntryId: t.listEntryId });
  if (openId) throw duplicate(openId);
  if (!e.eligible) {
    const failing = e.reasons.filter((r) => !r.ok);
    throw new ConflictError(`不符合信用修复条件：${failing.map((r) => r.message).join('；')}`, failing.map((r) => ({ field: r.check, message: r.message, rule: r.rule, ...(r.until ? { until: r.until } : {}) })), 'repair_not_eligible');
  }
  const required = requiredMaterials(rule.params, t.target, e.severity).codes;
  const missing = missingMaterials(required, files.map((f) => f.role));
  const state: RepairState = missing.length ? 'returned' : 'accepted';
  const acc = state === 'accepted' ? await acceptance(ctx, rule.params, today) : null;
  const actor = actorFor(viewer);
  // Free text is stored and shown to the department: an ID number typed into it is masked first.
  const statement = input.statement?.trim() ? maskIdNumbersInFreeText(input.statement.trim()) : null;
  try {
    const id = await withTx(ctx.pool, async (tx) => {
      const newId = await repo.insertRepair(tx, {
        subjectId: t.subjectId, recordId: t.recordId, listEntryId: t.listEntryId, departmentId: t.departmentId, severity: e.severity, state, ...who,
        applicantUserId: viewer.userId, statement, appliedOn: today, acceptedOn: acc?.acceptedOn ?? null,
        decisionDue: acc?.decisionDue ?? null, dueProvisional: acc?.dueProvisional ?? false, materialsRequired: required, materialsMissing: missing,
        eligibility: e, rule, createdAt: ctx.clock.now(),
      });
      const stored = await storeFiles(tx, { kind: REPAIR_CASE.name, id: newId }, files, actor.name, ctx.clock.now());
      await auditChange(tx, viewer, 'repair.applied', {
        subjectId: t.subjectId, departmentId: t.departmentId,
        details: { repairId: newId, recordId: t.recordId, listEntryId: t.listEntryId, state, missing, filedBy: who.filedBy, agentName: who.agentName },
      });
      const names = (codes: string[]) => codes.map((c) => rule.params.materials.find((m) => m.code === c)?.name ?? c).join('、');
      await appendCaseEvent(tx, REPAIR_CASE, newId, caseEvent(actor, ctx.clock.now(), 'applied', null, state, statement, {
        files: stored.map((f) => f.id), required, missing, rule: { code: rule.code, version: rule.version }, decisionDue: acc?.decisionDue ?? null,
      }));
      await notify(tx, ctx.clock.now(), state === 'accepted'
        ? { audience: 'subject', subjectId: t.subjectId, kind: 'repair.accepted', refType: 'repair', refId: newId, title: `信用修复申请已受理 #${newId}`, body: `将于 ${acc!.decisionDue} 前作出决定（信用修复规则第 ${rule.version} 版）` }
        : { audience: 'subject', subjectId: t.subjectId, kind: 'repair.returned', refType: 'repair', refId: newId, title: `信用修复申请材料不全 #${newId}`, body: `请补正：${names(missing)}` });
      if (state === 'accepted' && t.departmentId !== null) {
        await notify(tx, ctx.clock.now(), { audience: 'department', departmentId: t.departmentId, kind: 'repair.accepted', refType: 'repair', refId: newId, title: `待审核信用修复申请 #${newId}`, body: `请于 ${acc!.decisionDue} 前作出决定` });
      }
      return newId;
    });
    return mustFind(ctx.pool, REPAIR_CASE, id);
  } catch (err) {
    if (isUniqueViolation(err, 'repair_open_record_uq') || isUniqueViolation(err, 'repair_open_entry_uq')) {
      throw duplicate((await repo.findOpenFor(ctx.pool, { recordId: t.recordId, listEntryId: t.listEntryId })) ?? 0);
    }
    throw err;
  }
}

/** A returned application gets the missing materials; once complete it is accepted. */
export async function supplementRepair(ctx: RightsContext, viewer: Viewer, id: number, input: MaterialsInput): Promise<RepairRow> {
  const before = await mustFind(ctx.pool, REPAIR_CASE, id);
  requireRole(viewer, 'subject', 'operator', 'admin');
  if (viewer.role === 'subject' && viewer.subjectId !== before.subjectId) throw new ForbiddenError('只能补正本主体的申请');
  const files = decodeMaterials(before.ruleParams, { materials: input.materials });
  const actor = actorFor(viewer);
  const acc = await acceptance(ctx, before.ruleParams, ctx.clock.today());
  await withTx(ctx.pool, async (tx) => {
    const r = await mustFind(tx, REPAIR_CASE, id, true);
    checkTransition(REPAIR_CASE, r, 'accepted');
    const stored = await storeFiles(tx, { kind: REPAIR_CASE.name, id }, files, actor.name, ctx.clock.now());
    const missing = missingMaterials(r.materialsRequired, (await filesOf(tx, REPAIR_CASE.name, id)).map((f) => f.role));
    await auditChange(tx, viewer, 'repair.supplemented', {
      subjectId: r.subjectId, departmentId: r.departmentId, details: { repairId: id, recordId: r.recordId, listEntryId: r.listEntryId, files: stored.length, missing },
    });
    if (missing.length) {
      await updateCase(tx, REPAIR_CASE, id, { materialsMissing: missing });
      await appendCaseEvent(tx, REPAIR_CASE, id, caseEvent(actor, ctx.clock.now(), 'supplemented', r.state, r.state, null, { files: stored.map((f) => f.id), missing }));
      return;
    }
    await updateCase(tx, REPAIR_CASE, id, { state: 'accepted', materialsMissing: [], ...acc });
    await appendCaseEvent(tx, REPAIR_CASE, id, caseEvent(actor, ctx.clock.now(), 'accepted', r.state, 'accepted', null, { files: stored.map((f) => f.id), decisionDue: acc.decisionDue }));
    await notify(tx, ctx.clock.now(), { audience: 'subject', subjectId: r.subjectId, kind: 'repair.accepted', refType: 'repair', refId: id, title: `信用修复申请已受理 #${id}`, body: `将于 ${acc.decisionDue} 前作出决定` });
    if (r.departmentId !== null) await notify(tx, ctx.clock.now(), { audience: 'department', departmentId: r.departmentId, kind: 'repair.accepted', refType: 'repair', refId: id, title: `待审核信用修复申请 #${id}`, body: `请于 ${acc.decisionDue} 前作出决定` });
  });
  return mustFind(ctx.pool, REPAIR_CASE, id);
}

async function caseEligibility(db: Db, r: RepairRow, today: string): Promise<CaseEligibility> {
  // The rule parameter each reason applied stays in the stored assessment; the reviewer reads the words.
  const words = (e: Pick<Eligibility, 'eligible' | 'earliestDate' | 'reasons'>) => ({
    eligible: e.eligible, ...(e.earliestDate ? { earliestDate: e.earliestDate } : {}),
    reasons: (e.reasons ?? []).map(({ check, ok, message, until }) => ({ check, ok, message, ...(until ? { until } : {}) })),
  });
  if (!isOpen(REPAIR_CASE, r.state)) return { at: 'application', on: r.appliedOn, ...words(r.eligibility as unknown as Eligibility) };
  const t = await resolveTarget(db, { record: r.recordId ?? undefined, listEntry: r.listEntryId ?? undefined });
  const rule: RuleSnapshot<RepairParams> = { code: r.ruleCode, version: r.ruleVersion, params: r.ruleParams };
  return { at: 'now', on: today, ...words(await assess(db, t, rule, today, r.id)) };
}

/**
 * One repair application with its case file and materials; staff also get what they decide on: the
 * party, the record (or list entry) with its category and publication window, and the eligibility.
 */
export async function getRepair(db: Db, viewer: Viewer, id: number, today: string) {
  const r = await readCaseWithFiles(db, viewer, REPAIR_CASE, id);
  const context = await caseContext(db, viewer, { kind: 'repair', caseId: id, recordId: r.row.recordId, listEntryId: r.row.listEntryId }, today);
  const check = context ? await caseEligibility(db, r.row, today) : null;
  return { repair: r.row, events: r.events, files: r.files, context, check };
}

/** The inbox of repair applications: a department its own, the credit centre all (or one department's), a subject its own. */
export async function listRepairs(db: Db, viewer: Viewer, today: string, q: InboxQuery) {
  return repo.inbox(db, { ...(await inboxFilter(db, viewer, q)), today });
}
