import { randomBytes } from 'node:crypto';
import type { Db, Pool } from '../../db/pool.js';
import { withTx } from '../../db/pool.js';
import { ConflictError, NotFoundError, ValidationError, type ErrorDetail } from '../../errors.js';
import { cstDate, isIsoDate, type Clock } from '../../lib/clock.js';
import * as access from '../access/service.js';
import type { Viewer } from '../access/viewer.js';
import { resolveModel } from '../evaluation/models.js';
import { auditInspection, INSPECTION_ACTIONS as A } from './audit.js';
import { checkTiers, defaultPolicy, departmentFor, normaliseScope, policyOf, requireDepartmentStaff, type ScopeInput, type TierRatio } from './directory.js';
import {
  directoryHash, drawInspection, inputsHash, sha256Hex, TooFewInspectorsError, verifyDraw,
  type DrawInputs, type Mismatch, type PartyRef, type TierInput,
} from './draw.js';
import * as repo from './repo.js';

export interface PlanInput {
  department?: string;
  name: string;
  items: number[];
  scope?: ScopeInput;
  model?: string;
  tiers?: TierRatio[];
  ungraded?: { tier: string; ratio: number };
  periodFrom: string;
  periodTo: string;
  inspectorsPerTask?: number;
  repeatMonths?: number;
  distinctUnits?: boolean;
}

/** Natural persons appear in published inputs with masked ID and name only. */
function partyRef(p: repo.PartyRow): PartyRef {
  const person = p.kind === 'natural_person';
  return { id: p.id, code: p.uscc ?? p.idMasked ?? String(p.id), name: person ? `${p.name.slice(0, 1)}${'*'.repeat(Math.max(1, p.name.length - 1))}` : p.name, grade: p.grade };
}

async function checkPlanInput(db: Db, departmentId: number, input: PlanInput): Promise<{ items: repo.ItemRow[]; issues: ErrorDetail[] }> {
  const issues: ErrorDetail[] = [];
  if (!input.items.length) issues.push({ field: 'items', message: '须至少选择一个检查事项' });
  const items = await repo.itemsByIds(db, [...new Set(input.items)]);
  for (const id of input.items) {
    const it = items.find((i) => i.id === id);
    if (!it) issues.push({ field: 'items', message: `检查事项 ${id} 不存在` });
    else if (it.departmentId !== departmentId) issues.push({ field: 'items', message: `检查事项“${it.name}”不属于本部门` });
    else if (!it.active) issues.push({ field: 'items', message: `检查事项“${it.name}”已停用` });
  }
  if (!isIsoDate(input.periodFrom)) issues.push({ field: 'periodFrom', message: '须为 YYYY-MM-DD' });
  if (!isIsoDate(input.periodTo)) issues.push({ field: 'periodTo', message: '须为 YYYY-MM-DD' });
  else if (input.periodTo < input.periodFrom) issues.push({ field: 'periodTo', message: '检查期限结束日早于开始日' });
  return { items, issues };
}

/**
 * Create a plan and commit to its draw: snapshot the party directory (by tier), the department's
 * active inspectors and the pairs that may not meet (declared conflicts, inspections of the same
 * party within `repeatMonths`); publish them with sha256 of a fresh secret seed.
 */
export async function createPlan(pool: Pool, viewer: Viewer, clock: Clock, input: PlanInput) {
  return withTx(pool, (db) => commitPlan(db, viewer, clock, input));
}

async function commitPlan(db: Db, viewer: Viewer, clock: Clock, input: PlanInput) {
  const dept = await departmentFor(db, viewer, input.department);
  requireDepartmentStaff(viewer, dept.id);
  const { items, issues } = await checkPlanInput(db, dept.id, input);
  const scope = normaliseScope(input.scope, issues);
  if (issues.length) throw new ValidationError('抽查计划有误', issues);
  const stored = await policyOf(db, dept.id, input.model);
  const modelCode = input.model ?? stored.modelCode;
  const grades = (await resolveModel(db, modelCode)).definition.grades.map((g) => g.grade);
  const policy = stored.modelCode === modelCode ? stored : await defaultPolicy(db, dept.id, modelCode);
  const t = input.tiers ? checkTiers(grades, modelCode, input.tiers, input.ungraded) : policy;
  const parties = (await repo.partyDirectory(db, scope, modelCode, null)).items.map(partyRef);
  const tiers: TierInput[] = [
    ...t.tiers.map((x) => ({ tier: x.tier, grade: x.grade as string | null, ratioBp: x.ratioBp, parties: parties.filter((p) => p.grade === x.grade) })),
    { tier: t.ungradedTier, grade: null, ratioBp: t.ungradedRatioBp, parties: parties.filter((p) => p.grade === null || !grades.includes(p.grade)) },
  ];
  const inspectors = (await repo.listInspectors(db, dept.id, true)).map((i) => ({ id: i.id, name: i.name, unit: i.unit, certificateNo: i.certificateNo }));
  const repeatMonths = input.repeatMonths ?? 12;
  const since = new Date(clock.now().getTime() - repeatMonths * 30.4375 * 86400_000);
  const partyIds = new Set(parties.map((p) => p.id));
  const pairs = [...await repo.conflictPairs(db, inspectors.map((i) => i.id)), ...await repo.recentPairs(db, inspectors.map((i) => i.id), [...partyIds], since)]
    .filter(([, s]) => partyIds.has(s));
  const excluded = [...new Map(pairs.map((p) => [`${p[0]}:${p[1]}`, p])).values()].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const inputs: DrawInputs = {
    version: 1, department: dept.code, name: input.name.trim(), period: { from: input.periodFrom, to: input.periodTo },
    items: items.map((i) => ({ id: i.id, code: i.code, name: i.name })), scope: { ...scope }, model: modelCode,
    inspectorsPerTask: input.inspectorsPerTask ?? 2, distinctUnits: input.distinctUnits ?? false,
    tiers, inspectors, excluded, directoryHash: directoryHash(tiers),
  };
  const seed = randomBytes(32);
  const plan = await repo.insertPlan(db, {
    departmentId: dept.id, name: inputs.name, itemIds: items.map((i) => i.id), scope: inputs.scope, modelCode,
    periodFrom: input.periodFrom, periodTo: input.periodTo, inspectorsPerTask: inputs.inspectorsPerTask, repeatMonths,
    distinctUnits: inputs.distinctUnits, seed, seedHash: sha256Hex(seed), inputs, inputsHash: inputsHash(inputs), createdBy: viewer.username ?? 'system', createdAt: clock.now(),
  });
  await auditInspection(db, viewer, A.planCreated, dept.id, {
    planId: plan.id, name: plan.name, period: inputs.period, items: inputs.items.map((i) => i.name), parties: parties.length, inspectors: inspectors.length,
    seedHash: plan.seedHash, inputsHash: plan.inputsHash,
  });
  const warnings = inspectors.length < inputs.inspectorsPerTask
    ? [{ field: 'inspectors', message: `本部门在册执法检查人员 ${inspectors.length} 名，少于每个检查对象所需的 ${inputs.inspectorsPerTask} 名，抽取将失败` }]
    : [];
  return { plan: await planView(db, plan), warnings };
}

/**
 * Draw a committed plan: recompute the draw from its published inputs and seed, store every task
 * in one transaction and reveal the seed. Too few eligible inspectors for any party → nothing stored.
 */
export async function drawPlan(pool: Pool, viewer: Viewer, clock: Clock, id: number) {
  return withTx(pool, async (db) => {
    const plan = await repo.findPlan(db, id, true);
    if (!plan) throw new NotFoundError('inspection plan', String(id));
    requireDepartmentStaff(viewer, plan.departmentId);
    if (plan.status !== 'committed') throw new ConflictError(`抽查计划“${plan.name}”已于 ${plan.drawnAt ? cstDate(plan.drawnAt) : ''} 抽取，不能再次抽取`, [{ field: 'status', message: '每个计划只抽取一次' }], 'already_drawn');
    let tasks;
    try {
      tasks = drawInspection(plan.inputs, plan.seed);
    } catch (err) {
      if (!(err instanceof TooFewInspectorsError)) throw err;
      throw new ConflictError(err.message, [{ field: 'inspectors', message: err.message, party: err.party.code, eligible: err.eligible, needed: err.needed }], 'too_few_inspectors');
    }
    await repo.insertTasks(db, plan.id, tasks);
    await repo.markDrawn(db, plan.id, clock.now());
    await auditInspection(db, viewer, A.planDrawn, plan.departmentId, { planId: plan.id, name: plan.name, tasks: tasks.length, seedHash: plan.seedHash });
    return planView(db, (await repo.findPlan(db, id))!);
  });
}

async function loadDrawn(db: Db, id: number) {
  const plan = await repo.findPlan(db, id);
  if (!plan) throw new NotFoundError('inspection plan', String(id));
  if (plan.status !== 'drawn') throw new ConflictError(`抽查计划 ${id} 尚未抽取，随机种子尚未公开`, [{ field: 'status', message: '抽取后才能核验' }], 'not_drawn');
  return plan;
}

/** Anyone: recompute the draw from the published inputs and the revealed seed and compare with what is stored. */
export async function verifyPlan(db: Db, id: number): Promise<{ planId: number; verified: boolean; seedHash: string; seed: string; inputsHash: string; tasks: number; mismatches: Mismatch[] }> {
  const plan = await loadDrawn(db, id);
  const tasks = await repo.tasksOf(db, id);
  const r = verifyDraw({ inputs: plan.inputs, inputsHash: plan.inputsHash, seedHash: plan.seedHash, seed: plan.seed.toString('hex'), tasks });
  return { planId: id, ...r, seedHash: plan.seedHash, seed: plan.seed.toString('hex'), inputsHash: plan.inputsHash, tasks: tasks.length };
}

/** The public face of a plan: commitments, published inputs, then the seed and tasks once drawn. */
export async function planView(db: Db, plan: repo.PlanRow) {
  const dept = (await access.getDepartmentById(db, plan.departmentId))!;
  const tasks = plan.status === 'drawn' ? await repo.tasksOf(db, plan.id) : [];
  const parties = new Map(plan.inputs.tiers.flatMap((t) => t.parties).map((p) => [p.id, p]));
  const inspectors = new Map(plan.inputs.inspectors.map((i) => [i.id, i]));
  return {
    id: plan.id, department: { code: dept.code, name: dept.name }, name: plan.name, status: plan.status,
    model: plan.modelCode, period: { from: plan.periodFrom, to: plan.periodTo }, items: plan.inputs.items,
    inspectorsPerTask: plan.inspectorsPerTask, repeatMonths: plan.repeatMonths, distinctUnits: plan.distinctUnits,
    tiers: plan.inputs.tiers.map((t) => ({ tier: t.tier, grade: t.grade, ratio: t.ratioBp / 100, parties: t.parties.length })),
    seedHash: plan.seedHash, inputsHash: plan.inputsHash, seed: plan.status === 'drawn' ? plan.seed.toString('hex') : null,
    createdAt: plan.createdAt.toISOString(), drawnAt: plan.drawnAt?.toISOString() ?? null,
    tasks: tasks.map((t) => ({
      id: t.id, ordinal: t.ordinal, tier: t.tier, grade: t.grade, party: parties.get(t.subjectId) ?? { id: t.subjectId, code: '', name: '', grade: t.grade },
      inspectors: t.inspectorIds.map((i) => ({ id: i, name: inspectors.get(i)?.name ?? '', unit: inspectors.get(i)?.unit ?? '' })),
      status: t.status, outcome: t.outcome, inspectedOn: t.inspectedOn, recordId: t.recordId,
    })),
  };
}

export async function getPlan(db: Db, id: number, withInputs: boolean) {
  const plan = await repo.findPlan(db, id);
  if (!plan) throw new NotFoundError('inspection plan', String(id));
  return { ...(await planView(db, plan)), ...(withInputs ? { inputs: plan.inputs } : {}) };
}

export async function listPlans(db: Db, departmentCode: string | undefined) {
  const dept = departmentCode ? await access.getDepartment(db, departmentCode) : null;
  return (await repo.listPlans(db, dept?.id ?? null)).map((p) => ({
    id: p.id, departmentId: p.departmentId, name: p.name, status: p.status, model: p.modelCode, period: { from: p.periodFrom, to: p.periodTo },
    seedHash: p.seedHash, inputsHash: p.inputsHash, seed: p.status === 'drawn' ? p.seed.toString('hex') : null,
    createdAt: p.createdAt.toISOString(), drawnAt: p.drawnAt?.toISOString() ?? null,
  }));
}
