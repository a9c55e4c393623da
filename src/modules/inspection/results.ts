import { withTx, type Db, type Pool } from '../../db/pool.js';
import { InvalidTransitionError, NotFoundError, ValidationError } from '../../errors.js';
import { cstDate, type Clock } from '../../lib/clock.js';
import type { PersonalData } from '../../lib/personal-data.js';
import * as access from '../access/service.js';
import type { Viewer } from '../access/viewer.js';
import * as catalog from '../catalog/service.js';
import { createRecord } from '../records/service.js';
import { auditInspection, INSPECTION_ACTIONS as A } from './audit.js';
import { requireDepartmentStaff } from './directory.js';
import * as repo from './repo.js';

export const OUTCOMES = ['passed', 'problems_found', 'not_found'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** The category the platform files results under, and its 检查结果 labels. */
export const RESULT_CATEGORY = 'inspection_result';
const OUTCOME_LABELS: Record<Outcome, string> = {
  passed: '未发现问题',
  problems_found: '发现问题',
  not_found: '通过登记的住所（经营场所）无法联系',
};

export interface ResultInput {
  outcome: Outcome;
  inspectedOn: string;
  findings?: string | null;
}

/**
 * Record the result (检查结果) of a drawn task: it enters the archive as a record of the
 * inspection-result category (published when that category is public, and read by evaluation
 * models), and the task is closed — in one transaction.
 */
export async function recordTaskResult(ctx: { pool: Pool; pd: PersonalData; clock: Clock }, viewer: Viewer, taskId: number, input: ResultInput) {
  return withTx(ctx.pool, (db) => closeTask({ db, pd: ctx.pd, clock: ctx.clock }, viewer, taskId, input));
}

async function closeTask(ctx: { db: Db; pd: PersonalData; clock: Clock }, viewer: Viewer, taskId: number, input: ResultInput) {
  const task = await repo.findTask(ctx.db, taskId, true);
  if (!task) throw new NotFoundError('inspection task', String(taskId));
  const plan = (await repo.findPlan(ctx.db, task.planId))!;
  requireDepartmentStaff(viewer, plan.departmentId);
  if (task.status === 'done') throw new InvalidTransitionError('inspection task', 'done', 'done');
  const findings = input.findings?.trim() || null;
  if (input.outcome === 'problems_found' && !findings) throw new ValidationError('发现问题的须填写问题描述', [{ field: 'findings', message: '请填写发现的问题' }]);
  if (input.inspectedOn < cstDate(plan.createdAt)) {
    throw new ValidationError(`检查日期 ${input.inspectedOn} 早于抽查计划的制定日期`, [{ field: 'inspectedOn', message: '检查日期不能早于计划制定之日' }]);
  }
  const dept = (await access.getDepartmentById(ctx.db, plan.departmentId))!;
  const [subject] = await repo.subjectsByIds(ctx.db, [task.subjectId]);
  const names = new Map(plan.inputs.inspectors.map((i) => [i.id, i.name]));
  const idNumber = subject!.kind === 'natural_person' && subject!.idCipher ? ctx.pd.decrypt(subject!.idCipher) : null;
  const fields: Record<string, string> = {
    ZTMC: subject!.name, ...(subject!.uscc ? { TYSHXYDM: subject!.uscc } : {}), ...(idNumber ? { ZJHM: idNumber } : {}),
    XXBH: `SJ${plan.id}-${task.ordinal + 1}`, JHMC: plan.name, JCSX: plan.inputs.items.map((i) => i.name).join('；'),
    JCRQ: input.inspectedOn, JCJG: OUTCOME_LABELS[input.outcome], ...(findings ? { WTMS: findings } : {}),
    JCJGMC: dept.name, JCRY: task.inspectorIds.map((i) => names.get(i) ?? String(i)).join('、'),
  };
  const saved = await createRecord(ctx, viewer, { category: RESULT_CATEGORY, department: dept.code, fields, reason: `双随机抽查计划 ${plan.id} 检查结果` });
  await repo.recordTaskResult(ctx.db, task.id, { outcome: input.outcome, findings, inspectedOn: input.inspectedOn, recordId: saved.record.id, by: viewer.username ?? 'system', at: ctx.clock.now() });
  await auditInspection(ctx.db, viewer, A.resultRecorded, plan.departmentId, {
    planId: plan.id, planName: plan.name, taskId: task.id, task: task.ordinal + 1, party: subject!.name, outcome: OUTCOME_LABELS[input.outcome], inspectedOn: input.inspectedOn, recordId: saved.record.id,
  }, task.subjectId);
  const category = await catalog.getCategory(ctx.db, RESULT_CATEGORY);
  return {
    taskId: task.id, planId: plan.id, ordinal: task.ordinal, status: 'done', outcome: input.outcome, inspectedOn: input.inspectedOn,
    record: { id: saved.record.id, category: RESULT_CATEGORY, published: category.disclosure === 'public', publishFrom: saved.record.publishFrom, publishUntil: saved.record.publishUntil },
  };
}
