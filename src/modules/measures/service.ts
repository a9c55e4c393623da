import { withTx, type Db, type Pool, type PoolClient } from '../../db/pool.js';
import { ConflictError, NotFoundError, ValidationError, type ErrorDetail } from '../../errors.js';
import { actorOf, appendAudit } from '../access/audit.js';
import { requireRole, type Viewer } from '../access/viewer.js';
import { listLists } from '../lists/service.js';
import * as repo from './repo.js';
import { PSEUDO_TARGETS, scenarioCode } from './scenarios.js';
import { MEASURE_ACTIONS, MEASURE_KINDS, type MeasureAction, type MeasureChange, type MeasureRow, type NewMeasure } from './types.js';

export async function listMeasures(db: Db, q: { scenario?: string | null; activeOnly?: boolean } = {}): Promise<MeasureRow[]> {
  return repo.allMeasures(db, q);
}

export async function getMeasure(db: Db, code: string): Promise<MeasureRow> {
  const m = await repo.findMeasure(db, code);
  if (!m) throw new NotFoundError('measure', code, 'unknown_measure');
  return m;
}

/** Active measures applicable in a scenario (for reviews). */
export const activeMeasuresFor = (db: Db, scenario: string): Promise<MeasureRow[]> => repo.allMeasures(db, { scenario, activeOnly: true });

const noBasis = (m: Pick<MeasureRow, 'code' | 'name'>) =>
  new ConflictError(`措施“${m.name}”没有法律、法规或政策依据，不能启用`, [{ field: 'legalBasis', message: '须先补充法律、法规或政策依据，才能启用' }], 'legal_basis_required');

async function checkMeasure(db: Db, viewer: Viewer, m: NewMeasure): Promise<{ measure: NewMeasure; issues: ErrorDetail[] }> {
  const issues: ErrorDetail[] = [];
  if (!/^[a-z][a-z0-9_]{1,62}$/.test(m.code)) issues.push({ field: 'code', message: '措施编码应为小写字母开头的字母、数字、下划线' });
  if (!MEASURE_KINDS.includes(m.kind)) issues.push({ field: 'kind', message: '措施类别应为激励或惩戒' });
  if (!m.name.trim()) issues.push({ field: 'name', message: '措施名称不能为空' });
  const known = new Set<string>([...(await listLists(db, viewer)).map((l) => l.code), ...PSEUDO_TARGETS]);
  m.targetLists.forEach((t, i) => {
    if (!known.has(t)) issues.push({ field: `targetLists[${i}]`, message: `未知名单“${t}”` });
  });
  if (!m.targetLists.length) issues.push({ field: 'targetLists', message: '须指明措施适用的名单' });
  const scenarios = m.scenarios.map((s, i) => {
    const code = scenarioCode(s);
    if (!code) issues.push({ field: `scenarios[${i}]`, message: `未知的应用场景“${s}”` });
    return code ?? s;
  });
  if (!scenarios.length) issues.push({ field: 'scenarios', message: '须指明措施的应用场景' });
  return { measure: { ...m, scenarios: [...new Set(scenarios)] }, issues };
}

/** The audit entry of a change to the catalog, written in the change's transaction. */
const audit = (tx: PoolClient, viewer: Viewer, action: MeasureAction, m: Pick<MeasureRow, 'code' | 'name'>, details: Record<string, unknown> = {}) =>
  appendAudit(tx, { actor: actorOf(viewer), departmentId: viewer.departmentId, action, ip: viewer.ip, details: { measure: m.code, name: m.name, ...details } });

/** Lock a measure for a change by the credit centre; 404 when unknown. */
async function lockMeasure(tx: PoolClient, viewer: Viewer, code: string): Promise<MeasureRow> {
  requireRole(viewer, 'admin', 'operator');
  const m = await repo.findMeasure(tx, code, true);
  if (!m) throw new NotFoundError('measure', code, 'unknown_measure');
  return m;
}

const basisRequired = (issues: ErrorDetail[]) =>
  new ValidationError('措施定义有误', issues, issues.some((i) => i.field === 'legalBasis') ? 'legal_basis_required' : 'validation_failed');

/** Operators add a measure to the catalog; it may start active only with its legal basis. */
export async function addMeasure(pool: Pool, viewer: Viewer, input: NewMeasure): Promise<MeasureRow> {
  requireRole(viewer, 'admin', 'operator');
  const { measure, issues } = await checkMeasure(pool, viewer, input);
  if (measure.active && !measure.legalBasis.trim()) issues.push({ field: 'legalBasis', message: '没有法律、法规或政策依据的措施不能启用' });
  if (issues.length) throw basisRequired(issues);
  return withTx(pool, async (tx) => {
    const row = await repo.insertMeasure(tx, measure);
    if (!row) throw new ConflictError(`措施编码 ${input.code} 已存在`, [{ field: 'code', message: '已有相同编码的措施' }], 'measure_exists');
    await audit(tx, viewer, MEASURE_ACTIONS.created, row, { kind: row.kind, active: row.active });
    return row;
  });
}

/** Correct a measure's definition (e.g. add its legal basis); an active measure keeps a legal basis. */
export async function updateMeasure(pool: Pool, viewer: Viewer, code: string, change: Partial<MeasureChange>): Promise<MeasureRow> {
  return withTx(pool, async (tx) => {
    const m = await lockMeasure(tx, viewer, code);
    const merged: NewMeasure = { ...m, ...definedOnly(change) };
    const { measure, issues } = await checkMeasure(tx, viewer, merged);
    if (m.active && !measure.legalBasis.trim()) issues.push({ field: 'legalBasis', message: '启用中的措施不能没有法律、法规或政策依据；请先停用' });
    if (issues.length) throw basisRequired(issues);
    const row = await repo.updateMeasure(tx, m.id, measure);
    const changed = CHANGEABLE.filter((k) => JSON.stringify(m[k]) !== JSON.stringify(row[k]));
    if (changed.length) await audit(tx, viewer, MEASURE_ACTIONS.updated, row, { changed });
    return row;
  });
}

/** Start applying a measure; refused (409 legal_basis_required) while it has no legal basis. */
export async function activateMeasure(pool: Pool, viewer: Viewer, code: string): Promise<MeasureRow> {
  return withTx(pool, async (tx) => {
    const m = await lockMeasure(tx, viewer, code);
    if (!m.legalBasis.trim()) throw noBasis(m);
    if (m.active) return m;
    const row = await repo.setActive(tx, m.id, true);
    await audit(tx, viewer, MEASURE_ACTIONS.activated, row);
    return row;
  });
}

/** Stop applying a measure: reviews no longer name it. */
export async function deactivateMeasure(pool: Pool, viewer: Viewer, code: string): Promise<MeasureRow> {
  return withTx(pool, async (tx) => {
    const m = await lockMeasure(tx, viewer, code);
    if (!m.active) return m;
    const row = await repo.setActive(tx, m.id, false);
    await audit(tx, viewer, MEASURE_ACTIONS.deactivated, row);
    return row;
  });
}

const CHANGEABLE = ['name', 'nameEn', 'kind', 'targetLists', 'scenarios', 'departments', 'legalBasis', 'description'] as const satisfies readonly (keyof MeasureChange)[];

function definedOnly(change: Partial<MeasureChange>): Partial<MeasureChange> {
  return Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) as Partial<MeasureChange>;
}
