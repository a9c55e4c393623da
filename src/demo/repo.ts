import type pg from 'pg';
import type { Db } from '../db/pool.js';
import { validateUscc } from '../modules/identity/uscc.js';
import { CITY_CODE } from './city.js';
import { copyInto } from './copy.js';
import type { DemoDepartment, Department } from './departments.js';

/** All SQL of the demo loader. */

export async function countSubjects(db: Db): Promise<number> {
  const r = await db.query<{ n: number }>('select count(*)::int as n from subject');
  return r.rows[0]!.n;
}

/**
 * Insert the demo departments unless their codes exist (a second run, or an operator was first),
 * and return them as stored. A stored department without a valid USCC keeps the demo one in rows.
 */
export async function ensureDepartments(db: Db, list: DemoDepartment[]): Promise<Department[]> {
  await db.query(
    `insert into department (code, name, uscc, region_code)
     select code, name, uscc, $4 from unnest($1::text[], $2::text[], $3::text[]) with ordinality as t(code, name, uscc, n)
     order by n
     on conflict (code) do nothing`,
    [list.map((d) => d.code), list.map((d) => d.name), list.map((d) => d.uscc), CITY_CODE],
  );
  const r = await db.query<{ id: number; code: string; name: string; uscc: string | null }>(
    'select id, code, name, uscc from department where code = any($1::text[])',
    [list.map((d) => d.code)],
  );
  const stored = new Map(r.rows.map((row) => [row.code, row]));
  return list.map((d) => {
    const row = stored.get(d.code)!;
    const uscc = row.uscc && validateUscc(row.uscc).valid ? row.uscc : d.uscc;
    return { ...d, id: row.id, name: row.name, uscc };
  });
}

/** `n` fresh values of a table's id sequence (not necessarily contiguous when others insert too). */
export async function reserveIds(db: Db, table: 'subject' | 'record', n: number): Promise<number[]> {
  if (n === 0) return [];
  const r = await db.query<{ id: number }>(
    `select nextval(pg_get_serial_sequence($1, 'id'))::int8 as id from generate_series(1, $2::int)`,
    [table, n],
  );
  return r.rows.map((row) => row.id);
}

export const SUBJECT_COLUMNS = ['id', 'kind', 'uscc', 'id_hmac', 'id_cipher', 'id_masked', 'name', 'name_norm', 'legal_rep_name', 'region_code', 'industry_code', 'status', 'registered_on'];
export const IDENTIFIER_COLUMNS = ['subject_id', 'scheme', 'value', 'value_norm'];
export const LINK_COLUMNS = ['subject_id', 'role', 'person_name', 'person_id_hmac', 'person_id_masked', 'person_subject_id', 'since', 'until'];
export const RECORD_COLUMNS = ['id', 'subject_id', 'category_id', 'department_id', 'source_key', 'fields', 'decided_on', 'valid_from', 'valid_until', 'publish_from', 'publish_until', 'severity', 'state', 'version', 'content_hash', 'created_at'];
export const VERSION_COLUMNS = ['record_id', 'subject_id', 'version', 'op', 'snapshot', 'actor_kind', 'actor_id', 'actor_name', 'reason', 'at', 'prev_hash', 'hash'];

export interface BatchCopy {
  subjects: string[];
  identifiers: string[];
  links: string[];
  records: string[];
  versions: string[];
}

/**
 * Write one batch in dependency order. Ledger rows go last and in chain order, so their seq
 * (assigned row by row by the COPY) follows the chain the caller computed.
 */
export async function writeBatch(client: pg.PoolClient, b: BatchCopy): Promise<void> {
  await copyInto(client, 'subject', SUBJECT_COLUMNS, b.subjects);
  await copyInto(client, 'subject_identifier', IDENTIFIER_COLUMNS, b.identifiers);
  await copyInto(client, 'subject_link', LINK_COLUMNS, b.links);
  await copyInto(client, 'record', RECORD_COLUMNS, b.records);
  await copyInto(client, 'record_version', VERSION_COLUMNS, b.versions);
}

/** A subject the demo puts on a list, with the records the listing rests on. */
export interface ListCandidate {
  subjectId: number;
  recordIds: number[];
  departmentCode: string | null;
  decidedOn: string;
}

/** The latest live serious-dishonesty finding of each subject still published on `today` (the basis of a blacklist entry). */
export async function seriousDishonestyFindings(db: Db, today: string): Promise<ListCandidate[]> {
  const r = await db.query<ListCandidate>(
    `select distinct on (r.subject_id) r.subject_id as "subjectId", array[r.id]::int[] as "recordIds", d.code as "departmentCode", r.decided_on as "decidedOn"
     from record r join category c on c.id = r.category_id left join department d on d.id = r.department_id
     where c.code = 'serious_dishonesty' and r.state = 'active' and r.decided_on is not null and (r.publish_until is null or r.publish_until >= $1::date)
     order by r.subject_id, r.decided_on desc, r.id desc`,
    [today],
  );
  return r.rows;
}

/** Subjects with at least `min` penalties still published on `today` (the basis of a watch-list entry). */
export async function repeatedPenalties(db: Db, min: number, today: string): Promise<ListCandidate[]> {
  const r = await db.query<ListCandidate>(
    `select r.subject_id as "subjectId", array_agg(r.id order by r.decided_on, r.id)::int[] as "recordIds", null as "departmentCode", max(r.decided_on) as "decidedOn"
     from record r join category c on c.id = r.category_id
     where c.code = 'penalty' and r.state = 'active' and r.decided_on is not null and (r.publish_until is null or r.publish_until >= $2::date)
     group by r.subject_id having count(*) >= $1 order by r.subject_id`,
    [min, today],
  );
  return r.rows;
}

/** Every `every`-th legal person (by id) with no adverse record: candidates for the honour lists. */
export async function cleanLegalPersons(db: Db, every: number): Promise<number[]> {
  const r = await db.query<{ id: number }>(
    `select s.id from subject s
     where s.kind = 'legal_person' and s.id % $1 < 2
       and not exists (select 1 from record r join category c on c.id = r.category_id where r.subject_id = s.id and c.adverse)
     order by s.id`,
    [every],
  );
  return r.rows.map((x) => x.id);
}

export async function countSubmissions(db: Db): Promise<number> {
  const r = await db.query<{ n: number }>('select count(*)::int as n from submission');
  return r.rows[0]!.n;
}

export async function departmentExists(db: Db, code: string): Promise<boolean> {
  const r = await db.query('select 1 from department where code = $1', [code]);
  return r.rowCount === 1;
}

/**
 * The fields of a department's latest active records of a category about organisations (no
 * personal data to resend), decided by `today`, newest first.
 */
export async function organisationRecordFields(db: Db, departmentId: number, categoryId: number, limit: number, today: string): Promise<Record<string, string>[]> {
  const r = await db.query<{ fields: Record<string, string> }>(
    `select r.fields from record r join subject s on s.id = r.subject_id
     where r.department_id = $1 and r.category_id = $2 and r.state = 'active' and s.uscc is not null and r.decided_on <= $4
     order by r.decided_on desc, r.id desc limit $3`,
    [departmentId, categoryId, limit, today],
  );
  return r.rows.map((x) => x.fields);
}
