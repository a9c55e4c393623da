import type { Db } from '../../db/pool.js';
import type { SubjectKind } from '../catalog/types.js';
import type { SubjectIdentifier, SubjectLink, SubjectRow } from './types.js';

const COLS = `s.id, s.kind, s.uscc, s.id_masked as "idMasked", s.name, s.legal_rep_name as "legalRepName",
  s.region_code as "regionCode", s.industry_code as "industryCode", s.status, s.registered_on as "registeredOn"`;

export async function findByUscc(db: Db, uscc: string): Promise<SubjectRow | null> {
  // Named (prepared once per connection): the lookup behind every archive, search and review by code.
  return (await db.query<SubjectRow>({ name: 'subjects.by-uscc', text: `select ${COLS} from subject s where s.uscc = $1`, values: [uscc] })).rows[0] ?? null;
}

export async function findByIdHmac(db: Db, hmac: Buffer): Promise<SubjectRow | null> {
  return (await db.query<SubjectRow>({ name: 'subjects.by-id-hmac', text: `select ${COLS} from subject s where s.id_hmac = $1`, values: [hmac] })).rows[0] ?? null;
}

export async function findById(db: Db, id: number): Promise<SubjectRow | null> {
  return (await db.query<SubjectRow>(`select ${COLS} from subject s where s.id = $1`, [id])).rows[0] ?? null;
}

export async function findByIdentifier(db: Db, scheme: string, value: string): Promise<SubjectRow | null> {
  const r = await db.query<SubjectRow>(
    `select ${COLS} from subject_identifier i join subject s on s.id = i.subject_id where i.scheme = $1 and i.value = $2`,
    [scheme, value],
  );
  return r.rows[0] ?? null;
}

export interface NewSubjectRow {
  kind: SubjectKind;
  uscc: string | null;
  idHmac: Buffer | null;
  idCipher: Buffer | null;
  idMasked: string | null;
  name: string;
  nameNorm: string;
  legalRepName: string | null;
  regionCode: string | null;
  industryCode: string | null;
  registeredOn: string | null;
}

/** Insert, or return the existing row when another transaction created it first. */
export async function insertSubject(db: Db, s: NewSubjectRow): Promise<{ row: SubjectRow; created: boolean }> {
  const r = await db.query<SubjectRow>(
    `insert into subject as s (kind, uscc, id_hmac, id_cipher, id_masked, name, name_norm, legal_rep_name, region_code,
       industry_code, registered_on)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) on conflict do nothing returning ${COLS}`,
    [s.kind, s.uscc, s.idHmac, s.idCipher, s.idMasked, s.name, s.nameNorm, s.legalRepName, s.regionCode, s.industryCode, s.registeredOn],
  );
  if (r.rows[0]) return { row: r.rows[0], created: true };
  const existing = s.uscc ? await findByUscc(db, s.uscc) : await findByIdHmac(db, s.idHmac!);
  return { row: existing!, created: false };
}

export async function addIdentifier(db: Db, subjectId: number, scheme: string, value: string, valueNorm: string): Promise<boolean> {
  const existing = await db.query(
    'select 1 from subject_identifier where subject_id = $1 and scheme = $2 and value = $3',
    [subjectId, scheme, value],
  );
  if ((existing.rowCount ?? 0) > 0) return false;
  const r = await db.query(
    `insert into subject_identifier (subject_id, scheme, value, value_norm) values ($1, $2, $3, $4) on conflict do nothing`,
    [subjectId, scheme, value, valueNorm],
  );
  return (r.rowCount ?? 0) > 0;
}

export async function identifierOwner(db: Db, scheme: string, value: string): Promise<number | null> {
  const r = await db.query<{ subjectId: number }>(
    'select subject_id as "subjectId" from subject_identifier where scheme = $1 and value = $2',
    [scheme, value],
  );
  return r.rows[0]?.subjectId ?? null;
}

export async function renameSubject(db: Db, id: number, name: string, nameNorm: string): Promise<void> {
  await db.query('update subject set name = $2, name_norm = $3, updated_at = now() where id = $1', [id, name, nameNorm]);
}

export async function setLegalRep(
  db: Db,
  subjectId: number,
  link: { personName: string; personIdHmac: Buffer | null; personIdMasked: string | null; since: string | null },
  today: string,
): Promise<void> {
  await db.query(`update subject_link set until = coalesce($2::date, $3::date) where subject_id = $1 and role = 'legal_rep' and until is null`, [subjectId, link.since, today]);
  await db.query(
    `insert into subject_link (subject_id, role, person_name, person_id_hmac, person_id_masked, person_subject_id, since)
     values ($1, 'legal_rep', $2, $3, $4, (select id from subject where id_hmac = $3), $5)`,
    [subjectId, link.personName, link.personIdHmac, link.personIdMasked, link.since],
  );
  await db.query('update subject set legal_rep_name = $2, updated_at = now() where id = $1', [subjectId, link.personName]);
}

/** A subject's identifiers and links in one round trip (the archive and subject pages show both). */
export async function identifiersAndLinks(db: Db, subjectId: number): Promise<{ identifiers: SubjectIdentifier[]; links: SubjectLink[] }> {
  const r = await db.query<{ identifiers: SubjectIdentifier[]; links: SubjectLink[] }>({
    name: 'subjects.identifiers-and-links',
    text: `select coalesce((select json_agg(json_build_object('scheme', scheme, 'value', value) order by scheme, id)
                        from subject_identifier where subject_id = $1), '[]') as identifiers,
            coalesce((select json_agg(json_build_object('role', role, 'personName', person_name, 'personIdMasked', person_id_masked,
                                                        'since', since, 'until', until)
                                      order by until nulls first, since desc nulls last, id desc)
                        from subject_link where subject_id = $1), '[]') as links`,
    values: [subjectId],
  });
  return r.rows[0]!;
}

/** Name-fragment search on the trigram index (current and former names). */
export async function searchByName(
  db: Db,
  q: { fragment: string; kinds: SubjectKind[]; limit: number; offset: number },
): Promise<{ items: SubjectRow[]; total: number }> {
  // Current and former names matched as two index scans (trigram indexes on both), then united:
  // an OR across the two tables would read every subject.
  const hits = `with hit as (
      select id from subject where name_norm like $1
      union
      select subject_id from subject_identifier where scheme = 'former_name' and value_norm like $1)`;
  const pattern = `%${q.fragment.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  // One pass: the hits are all read to rank them anyway, so the page carries their count.
  const r = await db.query<SubjectRow & { total: number }>(
    `${hits} select ${COLS}, count(*) over ()::int as total from hit join subject s on s.id = hit.id where s.kind = any($2)
     order by (s.name_norm = $5) desc, (s.name_norm like $5 || '%') desc, length(s.name_norm), s.id limit $3 offset $4`,
    [pattern, q.kinds, q.limit, q.offset, q.fragment],
  );
  if (r.rows.length === 0 && q.offset > 0) {
    // A page past the end still tells how many there are.
    const n = await db.query<{ n: number }>(`${hits} select count(*)::int as n from hit join subject s on s.id = hit.id where s.kind = any($2)`, [pattern, q.kinds]);
    return { items: [], total: n.rows[0]!.n };
  }
  return { items: r.rows.map(({ total: _total, ...row }) => row as SubjectRow), total: r.rows[0]?.total ?? 0 };
}
