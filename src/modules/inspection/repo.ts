import type { Db } from '../../db/pool.js';
import type { DrawInputs, DrawnTask } from './draw.js';

/** All SQL of tiered supervision and random inspections. */

export interface ItemRow {
  id: number;
  departmentId: number;
  code: string;
  name: string;
  basis: string;
  method: string;
  subjectKinds: string[];
  active: boolean;
}

const ITEM_COLS = `id, department_id as "departmentId", code, name, basis, method, subject_kinds as "subjectKinds", active`;

export async function listItems(db: Db, departmentId: number | null): Promise<ItemRow[]> {
  const r = await db.query<ItemRow>(`select ${ITEM_COLS} from inspection_item where ($1::int is null or department_id = $1) order by department_id, code`, [departmentId]);
  return r.rows;
}

export async function findItem(db: Db, id: number): Promise<ItemRow | null> {
  const r = await db.query<ItemRow>(`select ${ITEM_COLS} from inspection_item where id = $1`, [id]);
  return r.rows[0] ?? null;
}

export async function itemsByIds(db: Db, ids: number[]): Promise<ItemRow[]> {
  const r = await db.query<ItemRow>(`select ${ITEM_COLS} from inspection_item where id = any($1::int[]) order by id`, [ids]);
  return r.rows;
}

/** Insert; null when the department already has that code. */
export async function insertItem(db: Db, i: Omit<ItemRow, 'id' | 'active'>): Promise<ItemRow | null> {
  const r = await db.query<ItemRow>(
    `insert into inspection_item (department_id, code, name, basis, method, subject_kinds) values ($1, $2, $3, $4, $5, $6)
     on conflict (department_id, code) do nothing returning ${ITEM_COLS}`,
    [i.departmentId, i.code, i.name, i.basis, i.method, i.subjectKinds],
  );
  return r.rows[0] ?? null;
}

export async function updateItem(db: Db, id: number, i: Pick<ItemRow, 'name' | 'basis' | 'method' | 'subjectKinds' | 'active'>): Promise<ItemRow> {
  const r = await db.query<ItemRow>(
    `update inspection_item set name = $2, basis = $3, method = $4, subject_kinds = $5, active = $6, updated_at = now() where id = $1 returning ${ITEM_COLS}`,
    [id, i.name, i.basis, i.method, i.subjectKinds, i.active],
  );
  return r.rows[0]!;
}

export interface InspectorRow {
  id: number;
  departmentId: number;
  name: string;
  unit: string;
  certificateNo: string;
  active: boolean;
  /** Declared conflicts of interest (回避), with the party's USCC (or masked ID number) and name. */
  conflicts: { subjectId: number; code: string; name: string; reason: string; declaredAt: string }[];
}

const INSPECTOR_COLS = `i.id, i.department_id as "departmentId", i.name, i.unit, i.certificate_no as "certificateNo", i.active,
  coalesce((select jsonb_agg(jsonb_build_object('subjectId', c.subject_id, 'code', coalesce(s.uscc, s.id_masked, s.id::text), 'name', s.name,
              'reason', c.reason, 'declaredAt', c.declared_at) order by c.subject_id)
            from inspector_conflict c join subject s on s.id = c.subject_id where c.inspector_id = i.id), '[]') as conflicts`;

export async function listInspectors(db: Db, departmentId: number | null, activeOnly = false): Promise<InspectorRow[]> {
  const r = await db.query<InspectorRow>(
    `select ${INSPECTOR_COLS} from inspector i where ($1::int is null or i.department_id = $1) and (not $2 or i.active) order by i.id`,
    [departmentId, activeOnly],
  );
  return r.rows;
}

export async function findInspector(db: Db, id: number): Promise<InspectorRow | null> {
  const r = await db.query<InspectorRow>(`select ${INSPECTOR_COLS} from inspector i where i.id = $1`, [id]);
  return r.rows[0] ?? null;
}

export async function insertInspector(db: Db, i: Pick<InspectorRow, 'departmentId' | 'name' | 'unit' | 'certificateNo'>): Promise<number | null> {
  const r = await db.query<{ id: number }>(
    `insert into inspector (department_id, name, unit, certificate_no) values ($1, $2, $3, $4)
     on conflict (certificate_no) do nothing returning id`,
    [i.departmentId, i.name, i.unit, i.certificateNo],
  );
  return r.rows[0]?.id ?? null;
}

export async function updateInspector(db: Db, id: number, i: Pick<InspectorRow, 'name' | 'unit' | 'active'>): Promise<void> {
  await db.query('update inspector set name = $2, unit = $3, active = $4, updated_at = now() where id = $1', [id, i.name, i.unit, i.active]);
}

export async function upsertConflict(db: Db, inspectorId: number, subjectId: number, reason: string, at: Date): Promise<void> {
  await db.query(
    `insert into inspector_conflict (inspector_id, subject_id, reason, declared_at) values ($1, $2, $3, $4)
     on conflict (inspector_id, subject_id) do update set reason = excluded.reason, declared_at = excluded.declared_at`,
    [inspectorId, subjectId, reason, at],
  );
}

export interface PolicyRow {
  departmentId: number;
  modelCode: string;
  tiers: { grade: string; tier: string; ratioBp: number }[];
  ungradedTier: string;
  ungradedRatioBp: number;
}

export async function findPolicy(db: Db, departmentId: number): Promise<PolicyRow | null> {
  const r = await db.query<PolicyRow>(
    `select department_id as "departmentId", model_code as "modelCode", tiers, ungraded_tier as "ungradedTier", ungraded_ratio_bp as "ungradedRatioBp"
     from supervision_policy where department_id = $1`,
    [departmentId],
  );
  return r.rows[0] ?? null;
}

export async function savePolicy(db: Db, p: PolicyRow, by: string): Promise<void> {
  await db.query(
    `insert into supervision_policy (department_id, model_code, tiers, ungraded_tier, ungraded_ratio_bp, updated_by) values ($1, $2, $3, $4, $5, $6)
     on conflict (department_id) do update set model_code = excluded.model_code, tiers = excluded.tiers, ungraded_tier = excluded.ungraded_tier,
       ungraded_ratio_bp = excluded.ungraded_ratio_bp, updated_by = excluded.updated_by, updated_at = now()`,
    [p.departmentId, p.modelCode, JSON.stringify(p.tiers), p.ungradedTier, p.ungradedRatioBp, by],
  );
}

export interface PartyScope {
  kinds: string[];
  regionPrefix: string | null;
  industries: string[];
}

export interface PartyRow {
  id: number;
  kind: string;
  uscc: string | null;
  idMasked: string | null;
  name: string;
  regionCode: string | null;
  industryCode: string | null;
  grade: string | null;
}

/**
 * 检查对象名录库: active subjects in scope with their latest grade under a model code (any
 * version), in id order. `limit`/`offset` page it; the plan snapshot takes all.
 */
export async function partyDirectory(db: Db, scope: PartyScope, modelCode: string, page: { limit: number; offset: number } | null): Promise<{ items: PartyRow[]; total: number }> {
  const where = `s.status = 'active' and s.kind = any($1::text[])
    and ($2::text is null or s.region_code like $2 || '%')
    and (cardinality($3::text[]) = 0 or s.industry_code = any($3::text[]) or left(s.industry_code, 1) = any($3::text[]))`;
  const params: unknown[] = [scope.kinds, scope.regionPrefix, scope.industries, modelCode];
  const r = await db.query<PartyRow>(
    `with runs as (select ru.id from evaluation_run ru join evaluation_model m on m.id = ru.model_id where m.code = $4 and ru.status = 'completed')
     select s.id, s.kind, s.uscc, s.id_masked as "idMasked", s.name, s.region_code as "regionCode", s.industry_code as "industryCode",
       (select er.grade from evaluation_result er where er.subject_id = s.id and er.run_id in (select id from runs) order by er.run_id desc limit 1) as grade
     from subject s where ${where} order by s.id ${page ? 'limit $5 offset $6' : ''}`,
    page ? [...params, page.limit, page.offset] : params,
  );
  const total = page ? (await db.query<{ n: number }>(`select count(*)::int as n from subject s where ${where}`, params.slice(0, 3))).rows[0]!.n : r.rows.length;
  return { items: r.rows, total };
}

/** Pairs (inspector, party) inspected together in plans drawn since `since`. */
export async function recentPairs(db: Db, inspectorIds: number[], subjectIds: number[], since: Date): Promise<[number, number][]> {
  if (!inspectorIds.length || !subjectIds.length) return [];
  const r = await db.query<{ i: number; s: number }>(
    `select distinct x.i, t.subject_id as s from inspection_task t join inspection_plan p on p.id = t.plan_id
       cross join lateral unnest(t.inspector_ids) as x(i)
     where p.drawn_at >= $3 and t.subject_id = any($2::bigint[]) and x.i = any($1::int[])`,
    [inspectorIds, subjectIds, since],
  );
  return r.rows.map((x) => [x.i, x.s]);
}

export async function conflictPairs(db: Db, inspectorIds: number[]): Promise<[number, number][]> {
  const r = await db.query<{ i: number; s: number }>('select inspector_id as i, subject_id as s from inspector_conflict where inspector_id = any($1::int[])', [inspectorIds]);
  return r.rows.map((x) => [x.i, x.s]);
}

export interface PlanRow {
  id: number;
  departmentId: number;
  name: string;
  itemIds: number[];
  scope: Record<string, unknown>;
  modelCode: string;
  periodFrom: string;
  periodTo: string;
  inspectorsPerTask: number;
  repeatMonths: number;
  distinctUnits: boolean;
  seed: Buffer;
  seedHash: string;
  inputs: DrawInputs;
  inputsHash: string;
  status: 'committed' | 'drawn';
  createdBy: string;
  createdAt: Date;
  drawnAt: Date | null;
}

const PLAN_COLS = `id, department_id as "departmentId", name, item_ids as "itemIds", scope, model_code as "modelCode",
  period_from as "periodFrom", period_to as "periodTo", inspectors_per_task as "inspectorsPerTask", repeat_months as "repeatMonths",
  distinct_units as "distinctUnits", seed, seed_hash as "seedHash", inputs, inputs_hash as "inputsHash", status,
  created_by as "createdBy", created_at as "createdAt", drawn_at as "drawnAt"`;

export async function insertPlan(db: Db, p: Omit<PlanRow, 'id' | 'status' | 'drawnAt'>): Promise<PlanRow> {
  const r = await db.query<PlanRow>(
    `insert into inspection_plan (department_id, name, item_ids, scope, model_code, period_from, period_to, inspectors_per_task,
       repeat_months, distinct_units, seed, seed_hash, inputs, inputs_hash, status, created_by, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 'committed', $15, $16) returning ${PLAN_COLS}`,
    [p.departmentId, p.name, p.itemIds, JSON.stringify(p.scope), p.modelCode, p.periodFrom, p.periodTo, p.inspectorsPerTask,
      p.repeatMonths, p.distinctUnits, p.seed, p.seedHash, JSON.stringify(p.inputs), p.inputsHash, p.createdBy, p.createdAt],
  );
  return r.rows[0]!;
}

export async function findPlan(db: Db, id: number, forUpdate = false): Promise<PlanRow | null> {
  const r = await db.query<PlanRow>(`select ${PLAN_COLS} from inspection_plan where id = $1 ${forUpdate ? 'for update' : ''}`, [id]);
  return r.rows[0] ?? null;
}

export async function listPlans(db: Db, departmentId: number | null): Promise<PlanRow[]> {
  const r = await db.query<PlanRow>(`select ${PLAN_COLS} from inspection_plan where ($1::int is null or department_id = $1) order by id desc`, [departmentId]);
  return r.rows;
}

export async function markDrawn(db: Db, id: number, at: Date): Promise<void> {
  await db.query(`update inspection_plan set status = 'drawn', drawn_at = $2 where id = $1`, [id, at]);
}

/** Insert every task of a draw with one statement. */
export async function insertTasks(db: Db, planId: number, tasks: DrawnTask[]): Promise<void> {
  if (!tasks.length) return;
  await db.query(
    `insert into inspection_task (plan_id, ordinal, subject_id, tier, grade, inspector_ids, status)
     select $1, t.ordinal, t.subject_id, t.tier, t.grade, array(select jsonb_array_elements_text(t.inspectors)::int), 'assigned'
     from jsonb_to_recordset($2::jsonb) as t(ordinal int, subject_id bigint, tier text, grade text, inspectors jsonb)`,
    [planId, JSON.stringify(tasks.map((t) => ({ ordinal: t.ordinal, subject_id: t.subjectId, tier: t.tier, grade: t.grade, inspectors: t.inspectorIds })))],
  );
}

export interface TaskRow {
  id: number;
  planId: number;
  ordinal: number;
  subjectId: number;
  tier: string;
  grade: string | null;
  inspectorIds: number[];
  status: 'assigned' | 'done';
  outcome: 'passed' | 'problems_found' | 'not_found' | null;
  findings: string | null;
  inspectedOn: string | null;
  recordId: number | null;
}

const TASK_COLS = `id, plan_id as "planId", ordinal, subject_id as "subjectId", tier, grade, inspector_ids as "inspectorIds", status, outcome,
  findings, inspected_on as "inspectedOn", record_id as "recordId"`;

export async function tasksOf(db: Db, planId: number): Promise<TaskRow[]> {
  const r = await db.query<TaskRow>(`select ${TASK_COLS} from inspection_task where plan_id = $1 order by ordinal`, [planId]);
  return r.rows;
}

export async function findTask(db: Db, id: number, forUpdate = false): Promise<TaskRow | null> {
  const r = await db.query<TaskRow>(`select ${TASK_COLS} from inspection_task where id = $1 ${forUpdate ? 'for update' : ''}`, [id]);
  return r.rows[0] ?? null;
}

export async function recordTaskResult(db: Db, id: number, r: { outcome: string; findings: string | null; inspectedOn: string; recordId: number; by: string; at: Date }): Promise<void> {
  await db.query(
    `update inspection_task set status = 'done', outcome = $2, findings = $3, inspected_on = $4, record_id = $5, result_by = $6, result_at = $7 where id = $1`,
    [id, r.outcome, r.findings, r.inspectedOn, r.recordId, r.by, r.at],
  );
}

export async function subjectsByIds(db: Db, ids: number[]): Promise<{ id: number; kind: string; uscc: string | null; idMasked: string | null; idCipher: Buffer | null; name: string }[]> {
  const r = await db.query(
    'select id, kind, uscc, id_masked as "idMasked", id_cipher as "idCipher", name from subject where id = any($1::bigint[])',
    [ids],
  );
  return r.rows;
}
