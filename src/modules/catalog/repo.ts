import type { Db } from '../../db/pool.js';
import type { Category, NewCategory } from './types.js';

const COLS = `id, code, name, name_en as "nameEn", class_code as "classCode", subject_kinds as "subjectKinds",
  disclosure, natural_person_public as "naturalPersonPublic", fields, key_field as "keyField",
  subject_fields as "subjectFields", decision_field as "decisionField", publication,
  deadline_working_days as "deadlineWorkingDays", repairable, adverse, legal_basis as "legalBasis",
  retention_years as "retentionYears", update_frequency as "updateFrequency", active, version`;

export async function listCategories(db: Db): Promise<Category[]> {
  const r = await db.query<Category>(
    `select ${COLS} from category c order by (select ordinal from catalog_class k where k.code = c.class_code), id`,
  );
  return r.rows;
}

export async function findCategory(db: Db, code: string): Promise<Category | null> {
  const r = await db.query<Category>(`select ${COLS} from category where code = $1`, [code]);
  return r.rows[0] ?? null;
}

export async function classExists(db: Db, code: string): Promise<boolean> {
  const r = await db.query('select 1 from catalog_class where code = $1', [code]);
  return (r.rowCount ?? 0) > 0;
}

export async function listClasses(db: Db): Promise<{ code: string; ordinal: number; name: string; nameEn: string }[]> {
  const r = await db.query('select code, ordinal, name, name_en as "nameEn" from catalog_class order by ordinal');
  return r.rows;
}

/** Insert; returns null when the code already exists. */
export async function insertCategory(db: Db, c: NewCategory): Promise<Category | null> {
  const r = await db.query<Category>(
    `insert into category (code, name, name_en, class_code, subject_kinds, disclosure, natural_person_public, fields,
       key_field, subject_fields, decision_field, publication, deadline_working_days, repairable, adverse,
       legal_basis, retention_years, update_frequency, active)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
     on conflict (code) do nothing returning ${COLS}`,
    [c.code, c.name, c.nameEn, c.classCode, c.subjectKinds, c.disclosure, c.naturalPersonPublic, JSON.stringify(c.fields),
      c.keyField, JSON.stringify(c.subjectFields), c.decisionField, JSON.stringify(c.publication), c.deadlineWorkingDays,
      c.repairable, c.adverse, c.legalBasis, c.retentionYears, c.updateFrequency, c.active ?? true],
  );
  return r.rows[0] ?? null;
}

/** Fill in English names a category lacks (labels by field code, the name only where it is empty). */
export async function fillEnglishNames(db: Db, code: string, nameEn: string, fields: Category['fields']): Promise<void> {
  await db.query(
    `update category set fields = $2, name_en = case when name_en = '' then $3 else name_en end where code = $1`,
    [code, JSON.stringify(fields), nameEn],
  );
}
