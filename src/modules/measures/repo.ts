import type { Db } from '../../db/pool.js';
import type { MeasureChange, MeasureRow, NewMeasure } from './types.js';

const COLS = `m.id, m.code, m.name, m.name_en as "nameEn", m.kind, m.target_lists as "targetLists", m.scenarios, m.departments,
  m.legal_basis as "legalBasis", m.description, m.active`;

export async function allMeasures(db: Db, q: { scenario?: string | null; activeOnly?: boolean } = {}): Promise<MeasureRow[]> {
  const r = await db.query<MeasureRow>(
    `select ${COLS} from measure m where ($1::text is null or $1 = any(m.scenarios)) and (not $2::boolean or m.active) order by m.kind desc, m.id`,
    [q.scenario ?? null, q.activeOnly ?? false],
  );
  return r.rows;
}

export async function findMeasure(db: Db, code: string, forUpdate = false): Promise<MeasureRow | null> {
  return (await db.query<MeasureRow>(`select ${COLS} from measure m where m.code = $1${forUpdate ? ' for update' : ''}`, [code])).rows[0] ?? null;
}

export async function insertMeasure(db: Db, m: NewMeasure): Promise<MeasureRow | null> {
  const r = await db.query<MeasureRow>(
    `insert into measure as m (code, name, kind, target_lists, scenarios, departments, legal_basis, description, active, name_en)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) on conflict (code) do nothing returning ${COLS}`,
    [m.code, m.name, m.kind, m.targetLists, m.scenarios, m.departments, m.legalBasis, m.description, m.active, m.nameEn],
  );
  return r.rows[0] ?? null;
}

/** Replace a measure's definition (everything but its code and active state). */
export async function updateMeasure(db: Db, id: number, m: MeasureChange): Promise<MeasureRow> {
  const r = await db.query<MeasureRow>(
    `update measure as m set name = $2, kind = $3, target_lists = $4, scenarios = $5, departments = $6, legal_basis = $7, description = $8, name_en = $9,
     updated_at = now() where m.id = $1 returning ${COLS}`,
    [id, m.name, m.kind, m.targetLists, m.scenarios, m.departments, m.legalBasis, m.description, m.nameEn],
  );
  return r.rows[0]!;
}

export async function setActive(db: Db, id: number, active: boolean): Promise<MeasureRow> {
  const r = await db.query<MeasureRow>(`update measure as m set active = $2, updated_at = now() where m.id = $1 returning ${COLS}`, [id, active]);
  return r.rows[0]!;
}
