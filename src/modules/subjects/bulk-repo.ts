import type { Db } from '../../db/pool.js';
import type { SubjectKind } from '../catalog/types.js';

// Set-based statements of the bulk writer (bulk.ts): one round trip per table per batch.

export interface SubjectOnFile {
  id: number;
  uscc: string | null;
  hmac: string | null;
  name: string;
}

export async function subjectsByCode(db: Db, usccs: string[], hmacs: string[]): Promise<SubjectOnFile[]> {
  if (!usccs.length && !hmacs.length) return [];
  const r = await db.query<SubjectOnFile>(
    `select id, uscc, encode(id_hmac, 'hex') as hmac, name from subject
     where uscc = any($1::text[]) or id_hmac = any(array(select decode(h, 'hex') from unnest($2::text[]) h))`,
    [usccs, hmacs],
  );
  return r.rows;
}

export interface NewSubject {
  kind: SubjectKind;
  uscc: string | null;
  hmac: string | null;
  cipher: string | null;
  masked: string | null;
  name: string;
  nameNorm: string;
  legalRep: string | null;
  regionCode: string;
}

/** Insert subjects not on file; the ones another transaction created first come back as null ids. */
export async function insertSubjects(db: Db, s: NewSubject[]): Promise<SubjectOnFile[]> {
  if (!s.length) return [];
  const r = await db.query<SubjectOnFile>(
    `insert into subject as s (kind, uscc, id_hmac, id_cipher, id_masked, name, name_norm, legal_rep_name, region_code)
     select k, u, decode(h, 'hex'), decode(c, 'hex'), m, n, nn, lr, rc
     from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[]) with ordinality
       as v(k, u, h, c, m, n, nn, lr, rc, ord)
     order by ord
     on conflict do nothing returning id, uscc, encode(id_hmac, 'hex') as hmac, name`,
    [s.map((x) => x.kind), s.map((x) => x.uscc), s.map((x) => x.hmac), s.map((x) => x.cipher), s.map((x) => x.masked),
      s.map((x) => x.name), s.map((x) => x.nameNorm), s.map((x) => x.legalRep), s.map((x) => x.regionCode)],
  );
  return r.rows;
}

export async function insertLegalReps(db: Db, links: { subjectId: number; name: string }[]): Promise<void> {
  if (!links.length) return;
  await db.query(
    `insert into subject_link (subject_id, role, person_name) select s, 'legal_rep', n from unnest($1::bigint[], $2::text[]) as v(s, n)`,
    [links.map((l) => l.subjectId), links.map((l) => l.name)],
  );
}

export async function identifierOwners(db: Db, claims: { scheme: string; value: string }[]): Promise<Map<string, number>> {
  if (!claims.length) return new Map();
  const r = await db.query<{ scheme: string; value: string; subjectId: number }>(
    `select i.scheme, i.value, i.subject_id as "subjectId" from subject_identifier i
     join unnest($1::text[], $2::text[]) as v(sc, val) on i.scheme = v.sc and i.value = v.val
     where i.scheme <> 'former_name'`,
    [claims.map((c) => c.scheme), claims.map((c) => c.value)],
  );
  return new Map(r.rows.map((x) => [`${x.scheme}|${x.value}`, x.subjectId]));
}

export async function insertIdentifiers(db: Db, ids: { subjectId: number; scheme: string; value: string }[]): Promise<void> {
  if (!ids.length) return;
  await db.query(
    `insert into subject_identifier (subject_id, scheme, value, value_norm)
     select s, sc, v, v from unnest($1::bigint[], $2::text[], $3::text[]) as x(s, sc, v) on conflict do nothing`,
    [ids.map((i) => i.subjectId), ids.map((i) => i.scheme), ids.map((i) => i.value)],
  );
}
