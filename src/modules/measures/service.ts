import type { Db } from '../../db/pool.js';
import { ConflictError, NotFoundError, ValidationError, type ErrorDetail } from '../../errors.js';
import { requireRole, type Viewer } from '../access/viewer.js';
import { listLists } from '../lists/service.js';
import * as repo from './repo.js';
import { PSEUDO_TARGETS, scenarioCode } from './scenarios.js';
import { MEASURE_KINDS, type MeasureRow, type NewMeasure } from './types.js';

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
  new ConflictError(`措施“${m.name}”没有法律、法规或政策依据，不能启用`, [{ field: 'legalBasis', message: 'a measure needs a legal basis before it can be activated' }], 'legal_basis_required');

async function checkMeasure(db: Db, viewer: Viewer, m: NewMeasure): Promise<{ measure: NewMeasure; issues: ErrorDetail[] }> {
  const issues: ErrorDetail[] = [];
  if (!/^[a-z][a-z0-9_]{1,62}$/.test(m.code)) issues.push({ field: 'code', message: '措施编码应为小写字母开头的字母、数字、下划线' });
  if (!MEASURE_KINDS.includes(m.kind)) issues.push({ field: 'kind', message: 'kind 应为 reward 或 sanction' });
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

/** Operators add a measure to the catalog; it may start active only with its legal basis. */
export async function addMeasure(db: Db, viewer: Viewer, input: NewMeasure): Promise<MeasureRow> {
  requireRole(viewer, 'admin', 'operator');
  const { measure, issues } = await checkMeasure(db, viewer, input);
  if (measure.active && !measure.legalBasis.trim()) issues.push({ field: 'legalBasis', message: '没有法律、法规或政策依据的措施不能启用' });
  if (issues.length) throw new ValidationError('措施定义有误', issues, issues.some((i) => i.field === 'legalBasis') ? 'legal_basis_required' : 'validation_failed');
  const row = await repo.insertMeasure(db, measure);
  if (!row) throw new ConflictError(`措施编码 ${input.code} 已存在`, [{ field: 'code', message: 'duplicate measure code' }]);
  return row;
}

/** Start applying a measure; refused (409) while it has no legal basis. */
export async function activateMeasure(db: Db, viewer: Viewer, code: string): Promise<MeasureRow> {
  requireRole(viewer, 'admin', 'operator');
  const m = await getMeasure(db, code);
  if (!m.legalBasis.trim()) throw noBasis(m);
  return m.active ? m : repo.setActive(db, m.id, true);
}

export async function deactivateMeasure(db: Db, viewer: Viewer, code: string): Promise<MeasureRow> {
  requireRole(viewer, 'admin', 'operator');
  const m = await getMeasure(db, code);
  return m.active ? repo.setActive(db, m.id, false) : m;
}
