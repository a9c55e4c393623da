import { withTx, type Db, type Pool } from '../../db/pool.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type ErrorDetail } from '../../errors.js';
import type { PersonalData } from '../../lib/personal-data.js';
import * as access from '../access/service.js';
import { requireRole, type Viewer } from '../access/viewer.js';
import { SUBJECT_KINDS } from '../catalog/types.js';
import { resolveModel } from '../evaluation/models.js';
import { getSubjectByCode } from '../subjects/service.js';
import { auditInspection, changeAction, INSPECTION_ACTIONS as A } from './audit.js';
import * as repo from './repo.js';

/** 一单两库: inspection items, the inspector directory, the party directory; department tier policies. */

/** Default sampling ratios from the best grade to the worst (spec/evaluation.md): 3 %, 5 %, 10 %, 100 %. */
export const DEFAULT_RATIOS_BP = [300, 500, 1000, 10000];
export const DEFAULT_UNGRADED = { tier: '未评价', ratioBp: 500 };
const TIER_LETTERS = 'ABCDEFGHIJ';

/** Credit-center staff, or the clerk of that department. */
export function requireDepartmentStaff(viewer: Viewer, departmentId: number): void {
  requireRole(viewer, 'admin', 'operator', 'department');
  if (viewer.role === 'department' && viewer.departmentId !== departmentId) {
    throw new ForbiddenError('部门用户只能管理本部门的检查事项、人员和计划', [{ field: 'department', message: '不是本部门的事项、人员或计划' }]);
  }
}

export async function departmentFor(db: Db, viewer: Viewer, code: string | undefined): Promise<{ id: number; code: string; name: string }> {
  if (!code) {
    if (viewer.role === 'department' && viewer.departmentId) return (await access.getDepartmentById(db, viewer.departmentId))!;
    throw new ValidationError('须指定部门', [{ field: 'department', message: '请选择部门' }]);
  }
  return access.getDepartment(db, code);
}

const pct = (bp: number) => bp / 100;
const toBp = (percent: number, field: string, issues: ErrorDetail[]): number => {
  const bp = Math.round(percent * 100);
  if (!Number.isFinite(percent) || percent < 0 || percent > 100 || Math.abs(bp - percent * 100) > 1e-6) {
    issues.push({ field, message: `抽查比例须为 0–100 之间、最多两位小数的百分数，收到 ${percent}` });
  }
  return bp;
};

export interface PolicyView {
  department: string;
  model: string;
  tiers: { grade: string; tier: string; ratio: number }[];
  ungraded: { tier: string; ratio: number };
  isDefault: boolean;
}

/** The platform default for a model: its grades, best first, at 3 / 5 / 10 / 100 %. */
export async function defaultPolicy(db: Db, departmentId: number, modelCode: string): Promise<repo.PolicyRow> {
  const grades = (await resolveModel(db, modelCode)).definition.grades.map((g) => g.grade);
  const n = grades.length;
  return {
    departmentId, modelCode, ungradedTier: DEFAULT_UNGRADED.tier, ungradedRatioBp: DEFAULT_UNGRADED.ratioBp,
    tiers: grades.map((grade, i) => ({
      grade, tier: `${TIER_LETTERS[i] ?? String(i + 1)}类（${grade}）`,
      ratioBp: DEFAULT_RATIOS_BP[n === 1 ? 0 : Math.round((i * (DEFAULT_RATIOS_BP.length - 1)) / (n - 1))]!,
    })),
  };
}

export async function policyOf(db: Db, departmentId: number, modelCode = 'enterprise'): Promise<repo.PolicyRow & { isDefault: boolean }> {
  const p = await repo.findPolicy(db, departmentId);
  return p ? { ...p, isDefault: false } : { ...(await defaultPolicy(db, departmentId, modelCode)), isDefault: true };
}

/** A department's tier policy, to its own staff and the credit center: the default when none is set or when asked for another model than the one set. */
export async function departmentPolicy(db: Db, viewer: Viewer, departmentCode: string, modelCode: string | undefined): Promise<PolicyView> {
  const dept = await access.getDepartment(db, departmentCode);
  requireDepartmentStaff(viewer, dept.id);
  const p = await policyOf(db, dept.id, modelCode);
  // Asked for another model than the one the department set: that model's default, to start from.
  const other = modelCode && p.modelCode !== modelCode;
  return policyView(other ? { ...(await defaultPolicy(db, dept.id, modelCode)), isDefault: true } : p, dept.code);
}

export function policyView(p: repo.PolicyRow & { isDefault: boolean }, department: string): PolicyView {
  return {
    department, model: p.modelCode, isDefault: p.isDefault,
    tiers: p.tiers.map((t) => ({ grade: t.grade, tier: t.tier, ratio: pct(t.ratioBp) })),
    ungraded: { tier: p.ungradedTier, ratio: pct(p.ungradedRatioBp) },
  };
}

export interface TierRatio {
  grade: string;
  tier: string;
  ratio: number;
}

/** Every grade of the model mapped once to a named tier at a ratio (percent, two decimals at most). */
export function checkTiers(grades: string[], model: string, input: TierRatio[], ungradedIn: { tier: string; ratio: number } | undefined): Pick<repo.PolicyRow, 'tiers' | 'ungradedTier' | 'ungradedRatioBp'> {
  const issues: ErrorDetail[] = [];
  const tiers = input.map((t, i) => ({ grade: t.grade, tier: t.tier.trim(), ratioBp: toBp(t.ratio, `tiers[${i}].ratio`, issues) }));
  tiers.forEach((t, i) => {
    if (!grades.includes(t.grade)) issues.push({ field: `tiers[${i}].grade`, message: `模型 ${model} 没有等级“${t.grade}”（可用：${grades.join('、')}）` });
    if (!t.tier) issues.push({ field: `tiers[${i}].tier`, message: '缺少监管类别名称' });
  });
  for (const g of grades) if (!tiers.some((t) => t.grade === g)) issues.push({ field: 'tiers', message: `等级“${g}”没有对应的监管类别` });
  if (new Set(tiers.map((t) => t.grade)).size !== tiers.length) issues.push({ field: 'tiers', message: '同一等级只能对应一个监管类别' });
  const ungraded = ungradedIn ?? { tier: DEFAULT_UNGRADED.tier, ratio: pct(DEFAULT_UNGRADED.ratioBp) };
  const ungradedRatioBp = toBp(ungraded.ratio, 'ungraded.ratio', issues);
  if (issues.length) throw new ValidationError('分级分类监管规则有误', issues);
  return { tiers: grades.map((g) => tiers.find((t) => t.grade === g)!), ungradedTier: ungraded.tier.trim() || DEFAULT_UNGRADED.tier, ungradedRatioBp };
}

/** A department maps every grade of a model to a supervision tier and sampling ratio (percent). */
export async function setPolicy(
  pool: Pool, viewer: Viewer, departmentCode: string,
  input: { model: string; tiers: TierRatio[]; ungraded?: { tier: string; ratio: number } },
): Promise<PolicyView> {
  return withTx(pool, async (db) => {
    const dept = await access.getDepartment(db, departmentCode);
    requireDepartmentStaff(viewer, dept.id);
    const grades = (await resolveModel(db, input.model)).definition.grades.map((g) => g.grade);
    const t = checkTiers(grades, input.model, input.tiers, input.ungraded);
    const row = { departmentId: dept.id, modelCode: input.model, ...t };
    await repo.savePolicy(db, row, viewer.username ?? 'system');
    const view = policyView({ ...row, isDefault: false }, dept.code);
    await auditInspection(db, viewer, A.policySet, dept.id, { department: dept.code, departmentName: dept.name, model: view.model, tiers: view.tiers, ungraded: view.ungraded });
    return view;
  });
}

/** The fields a change names, as they were or are (for the audit entry). */
function pick(row: object, input: object): Record<string, unknown> {
  const r = row as Record<string, unknown>;
  return Object.fromEntries(Object.keys(input).filter((k) => k !== 'active').map((k) => [k, r[k]]));
}

function checkKinds(kinds: string[], field: string, issues: ErrorDetail[]): void {
  kinds.forEach((k, i) => {
    if (!(SUBJECT_KINDS as readonly string[]).includes(k)) issues.push({ field: `${field}[${i}]`, message: `未知主体类型“${k}”` });
  });
}

/** 检查事项清单: add an item to a department's list. */
export async function addItem(pool: Pool, viewer: Viewer, input: { department?: string; code: string; name: string; basis?: string; method?: string; subjectKinds?: string[] }): Promise<repo.ItemRow> {
  return withTx(pool, async (db) => {
    const dept = await departmentFor(db, viewer, input.department);
    requireDepartmentStaff(viewer, dept.id);
    const issues: ErrorDetail[] = [];
    const kinds = input.subjectKinds ?? ['legal_person', 'unincorporated', 'sole_trader'];
    checkKinds(kinds, 'subjectKinds', issues);
    if (issues.length) throw new ValidationError('检查事项有误', issues);
    const row = await repo.insertItem(db, { departmentId: dept.id, code: input.code, name: input.name.trim(), basis: input.basis ?? '', method: input.method ?? '', subjectKinds: kinds });
    if (!row) throw new ConflictError(`本部门已有编码为 ${input.code} 的检查事项`, [{ field: 'code', message: '请换一个编码，或修改已有的同编码事项' }]);
    await auditInspection(db, viewer, A.itemAdded, dept.id, { itemId: row.id, code: row.code, name: row.name });
    return row;
  });
}

export async function updateItem(pool: Pool, viewer: Viewer, id: number, input: { name?: string; basis?: string; method?: string; subjectKinds?: string[]; active?: boolean }): Promise<repo.ItemRow> {
  return withTx(pool, async (db) => {
    const item = await repo.findItem(db, id);
    if (!item) throw new NotFoundError('inspection item', String(id));
    requireDepartmentStaff(viewer, item.departmentId);
    const issues: ErrorDetail[] = [];
    if (input.subjectKinds) checkKinds(input.subjectKinds, 'subjectKinds', issues);
    if (issues.length) throw new ValidationError('检查事项有误', issues);
    const row = await repo.updateItem(db, id, { name: input.name ?? item.name, basis: input.basis ?? item.basis, method: input.method ?? item.method, subjectKinds: input.subjectKinds ?? item.subjectKinds, active: input.active ?? item.active });
    const action = changeAction(item.active, input.active, { changed: A.itemChanged, off: A.itemWithdrawn, on: A.itemRestored });
    await auditInspection(db, viewer, action, item.departmentId, { itemId: id, code: item.code, name: row.name, ...(action === A.itemChanged ? { before: pick(item, input), after: pick(row, input) } : {}) });
    return row;
  });
}

export async function listItems(db: Db, departmentCode: string | undefined): Promise<repo.ItemRow[]> {
  const dept = departmentCode ? await access.getDepartment(db, departmentCode) : null;
  return repo.listItems(db, dept?.id ?? null);
}

/** 执法检查人员名录库: register an inspector with a unique law-enforcement certificate number. */
export async function addInspector(pool: Pool, viewer: Viewer, input: { department?: string; name: string; unit: string; certificateNo: string }): Promise<repo.InspectorRow> {
  return withTx(pool, async (db) => {
    const dept = await departmentFor(db, viewer, input.department);
    requireDepartmentStaff(viewer, dept.id);
    const id = await repo.insertInspector(db, { departmentId: dept.id, name: input.name.trim(), unit: input.unit.trim(), certificateNo: input.certificateNo.trim() });
    if (id === null) throw new ConflictError(`执法证号 ${input.certificateNo} 已登记`, [{ field: 'certificateNo', message: '同一执法证号只能登记一次' }]);
    const row = (await repo.findInspector(db, id))!;
    await auditInspection(db, viewer, A.inspectorAdded, dept.id, { inspectorId: id, name: row.name, unit: row.unit, certificateNo: row.certificateNo });
    return row;
  });
}

export async function updateInspector(pool: Pool, viewer: Viewer, id: number, input: { name?: string; unit?: string; active?: boolean }): Promise<repo.InspectorRow> {
  return withTx(pool, async (db) => {
    const ins = await repo.findInspector(db, id);
    if (!ins) throw new NotFoundError('inspector', String(id));
    requireDepartmentStaff(viewer, ins.departmentId);
    await repo.updateInspector(db, id, { name: input.name ?? ins.name, unit: input.unit ?? ins.unit, active: input.active ?? ins.active });
    const row = (await repo.findInspector(db, id))!;
    const action = changeAction(ins.active, input.active, { changed: A.inspectorChanged, off: A.inspectorRemoved, on: A.inspectorRestored });
    await auditInspection(db, viewer, action, ins.departmentId, { inspectorId: id, name: row.name, certificateNo: row.certificateNo, ...(action === A.inspectorChanged ? { before: pick(ins, input), after: pick(row, input) } : {}) });
    return row;
  });
}

/** An inspector declares a conflict of interest with a party (回避); later draws never pair them. */
export async function declareConflict(pool: Pool, pd: PersonalData, viewer: Viewer, id: number, input: { subject: string; reason: string }, now: Date): Promise<repo.InspectorRow> {
  return withTx(pool, async (db) => {
    const ins = await repo.findInspector(db, id);
    if (!ins) throw new NotFoundError('inspector', String(id));
    requireDepartmentStaff(viewer, ins.departmentId);
    if (!input.reason.trim()) throw new ValidationError('须说明回避理由', [{ field: 'reason', message: '请填写回避理由' }]);
    const subject = await getSubjectByCode(db, pd, input.subject);
    await repo.upsertConflict(db, id, subject.id, input.reason.trim(), now);
    await auditInspection(db, viewer, A.conflictDeclared, ins.departmentId, { inspectorId: id, inspectorName: ins.name, party: subject.name, reason: input.reason.trim() }, subject.id);
    return (await repo.findInspector(db, id))!;
  });
}

export async function listInspectors(db: Db, viewer: Viewer, departmentCode: string | undefined): Promise<repo.InspectorRow[]> {
  requireRole(viewer, 'admin', 'operator', 'department');
  const dept = departmentCode ? await access.getDepartment(db, departmentCode) : null;
  const departmentId = viewer.role === 'department' ? viewer.departmentId : (dept?.id ?? null);
  if (viewer.role === 'department' && dept && dept.id !== viewer.departmentId) throw new ForbiddenError('只能查看本部门的执法检查人员');
  return repo.listInspectors(db, departmentId);
}

export interface ScopeInput {
  kinds?: string[];
  regionPrefix?: string | null;
  industries?: string[];
}

export function normaliseScope(s: ScopeInput | undefined, issues: ErrorDetail[]): repo.PartyScope {
  const kinds = s?.kinds?.length ? s.kinds : ['legal_person', 'unincorporated', 'sole_trader'];
  checkKinds(kinds, 'scope.kinds', issues);
  const regionPrefix = s?.regionPrefix?.trim() || null;
  if (regionPrefix && !/^\d{2,6}$/.test(regionPrefix)) issues.push({ field: 'scope.regionPrefix', message: '行政区划前缀须为 2–6 位数字' });
  return { kinds: [...kinds].sort(), regionPrefix, industries: [...(s?.industries ?? [])].sort() };
}

/** 检查对象名录库: subjects in scope with their latest grade (staff). */
export async function partyDirectory(db: Db, viewer: Viewer, q: ScopeInput & { model?: string; page: number; pageSize: number }) {
  requireRole(viewer, 'admin', 'operator', 'department');
  const issues: ErrorDetail[] = [];
  const scope = normaliseScope(q, issues);
  if (issues.length) throw new ValidationError('检查对象范围有误', issues);
  const model = (await resolveModel(db, q.model ?? 'enterprise')).code;
  return repo.partyDirectory(db, scope, model, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
}
