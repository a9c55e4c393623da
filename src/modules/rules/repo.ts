import type { Db } from '../../db/pool.js';

export interface RuleRow {
  code: string;
  version: number;
  name: string;
  params: Record<string, unknown>;
  basis: string;
  note: string | null;
  createdBy: string;
  createdAt: Date;
}

const COLS = `code, version, name, params, basis, note, created_by as "createdBy", created_at as "createdAt"`;

export async function latestRule(db: Db, code: string): Promise<RuleRow | null> {
  const r = await db.query<RuleRow>(`select ${COLS} from rule_set where code = $1 order by version desc limit 1`, [code]);
  return r.rows[0] ?? null;
}

export async function ruleVersion(db: Db, code: string, version: number): Promise<RuleRow | null> {
  const r = await db.query<RuleRow>(`select ${COLS} from rule_set where code = $1 and version = $2`, [code, version]);
  return r.rows[0] ?? null;
}

export async function ruleVersions(db: Db, code: string): Promise<RuleRow[]> {
  return (await db.query<RuleRow>(`select ${COLS} from rule_set where code = $1 order by version desc`, [code])).rows;
}

export async function latestRules(db: Db): Promise<RuleRow[]> {
  const r = await db.query<RuleRow>(`select distinct on (code) ${COLS} from rule_set order by code, version desc`);
  return r.rows;
}

/** Append the next version; null when another writer took that number first. */
export async function insertNextVersion(db: Db, r: Omit<RuleRow, 'version' | 'createdAt'>, after: number): Promise<RuleRow | null> {
  const res = await db.query<RuleRow>(
    `insert into rule_set (code, version, name, params, basis, note, created_by) values ($1, $2, $3, $4, $5, $6, $7)
     on conflict (code, version) do nothing returning ${COLS}`,
    [r.code, after + 1, r.name, JSON.stringify(r.params), r.basis, r.note, r.createdBy],
  );
  return res.rows[0] ?? null;
}
