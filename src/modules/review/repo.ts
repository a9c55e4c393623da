import type { Db } from '../../db/pool.js';

/** A subject as a review shows it. */
export interface FoundSubject {
  ord: number;
  id: number;
  kind: string;
  uscc: string | null;
  idMasked: string | null;
  name: string;
}

const S = `s.id, s.kind, s.uscc, s.id_masked as "idMasked", s.name`;

/**
 * Exact code lookups for a whole batch in one statement: USCCs, ID-number HMACs and legacy codes.
 * `rank` orders several readings of one party (a 15-digit number: registration number first).
 */
export async function subjectsByCode(
  db: Db,
  q: { uscc: [number[], string[]]; hmac: [number[], Buffer[]]; ident: [number[], string[], string[]] },
): Promise<(FoundSubject & { rank: number })[]> {
  const r = await db.query<FoundSubject & { rank: number }>(
    `select t.ord, 1 as rank, x.* from unnest($1::int[], $2::text[]) as t(ord, v)
       cross join lateral (select ${S} from subject s where s.uscc = t.v limit 1) x
     union all
     select t.ord, 3, x.* from unnest($3::int[], $4::bytea[]) as t(ord, v)
       cross join lateral (select ${S} from subject s where s.id_hmac = t.v limit 1) x
     union all
     select t.ord, 2, x.* from unnest($5::int[], $6::text[], $7::text[]) as t(ord, scheme, v)
       cross join lateral (select ${S} from subject_identifier i join subject s on s.id = i.subject_id
         where i.scheme <> 'former_name' and i.scheme = t.scheme and i.value = t.v limit 1) x`,
    [q.uscc[0], q.uscc[1], q.hmac[0], q.hmac[1], q.ident[0], q.ident[1], q.ident[2]],
  );
  return r.rows;
}

/** Exact normalised-name matches (current and former names) of organisations, for a whole batch. */
export async function subjectsByName(db: Db, ords: number[], keys: string[]): Promise<(FoundSubject & { former: boolean })[]> {
  // LATERAL … LIMIT keeps one index probe per name: a hash join over the whole register costs seconds.
  const r = await db.query<FoundSubject & { former: boolean }>(
    `select t.ord, false as former, x.* from unnest($1::int[], $2::text[]) as t(ord, k)
       cross join lateral (select ${S} from subject s where s.name_norm = t.k and s.kind <> 'natural_person' limit 10) x
     union all
     select t.ord, true, x.* from unnest($1::int[], $2::text[]) as t(ord, k)
       cross join lateral (select ${S} from subject_identifier i join subject s on s.id = i.subject_id
         where i.scheme = 'former_name' and i.value_norm = t.k and s.kind <> 'natural_person' limit 10) x`,
    [ords, keys],
  );
  return r.rows;
}

/** Recount in how many organisation names each 3-character gram occurs (the fuzzy phase picks rare ones). */
export async function refreshGramStats(tx: Db): Promise<number> {
  await tx.query('delete from name_gram_stat');
  const r = await tx.query(
    `insert into name_gram_stat (gram, n)
     select g, count(distinct id) from (
       select s.id, substr(s.name_norm, i, 3) as g from subject s, generate_series(1, length(s.name_norm) - 2) as i
       where s.kind <> 'natural_person') x
     where g !~ '[()%_\\\\ ]' group by g`,
  );
  await tx.query(
    `insert into name_gram_state (id, refreshed_at, subjects) values (1, now(), (select count(*) from subject))
     on conflict (id) do update set refreshed_at = excluded.refreshed_at, subjects = excluded.subjects`,
  );
  return r.rowCount ?? 0;
}

export async function gramStatsRefreshedAt(db: Db): Promise<Date | null> {
  return (await db.query<{ at: Date }>('select refreshed_at as at from name_gram_state where id = 1')).rows[0]?.at ?? null;
}

/**
 * Fuzzy candidates for a batch: organisations whose name contains one of the query's rarest
 * 3-character grams (rare per name_gram_stat; unknown grams count as rare), scored by trigram
 * similarity of the whole normalised names. Each gram is one bitmap scan of the trigram index.
 * Runs in the caller's transaction, which scopes the planner setting.
 */
export async function fuzzyCandidates(
  tx: Db,
  q: { gramOrds: number[]; grams: string[]; ords: number[]; keys: string[]; gramsPerParty: number; maxGramFrequency: number; perGram: number; minScore: number },
): Promise<(FoundSubject & { score: number })[]> {
  // A rare gram is found through the index; a sequential scan of the whole register never pays.
  await tx.query('set local enable_seqscan = off');
  // Every step is an index probe per row: a gram's count by primary key (a hash of the whole
  // statistics table costs more than the lookups), candidates by the trigram index with their
  // columns in hand (a join back to subject would be planned as a scan of the whole register).
  // The score is compared as similarity()'s real: a candidate at exactly the threshold stays one.
  const r = await tx.query<FoundSubject & { score: number }>(
    `with g as (
       select t.ord, t.gram, coalesce(st.n, 0) as n from unnest($1::int[], $2::text[]) as t(ord, gram)
         left join lateral (select st.n from name_gram_stat st where st.gram = t.gram limit 1) st on true),
     r as (select ord, gram, row_number() over (partition by ord order by n, gram) as rn from g where n <= $3),
     c as (select distinct on (r.ord, x.id) r.ord, x.* from r cross join lateral (
       select ${S}, s.name_norm from subject s where s.name_norm like '%' || r.gram || '%' limit $4) x where r.rn <= $5)
     select c.ord, c.id, c.kind, c.uscc, c."idMasked", c.name, m.sim::float8 as score
     from c join unnest($6::int[], $7::text[]) as k(ord, k) on k.ord = c.ord
       cross join lateral (select similarity(c.name_norm, k.k) as sim offset 0) m
     where c.kind <> 'natural_person' and m.sim >= $8::real`,
    [q.gramOrds, q.grams, q.maxGramFrequency, q.perGram, q.gramsPerParty, q.ords, q.keys, q.minScore],
  );
  return r.rows;
}

export interface HitRow {
  subjectId: number;
  kind: 'list_entry' | 'serious_penalty';
  entryId: number | null;
  recordId: number | null;
  listCode: string | null;
  listName: string | null;
  listKind: string | null;
  since: string | null;
  until: string | null;
  decidedBy: string;
  documentNo: string | null;
  reason: string | null;
}

/** Live list entries and live serious penalties of a set of (distinct) subjects, in one statement; joined to the ids (`= any` of thousands of ids costs more to plan than to run). */
export async function hitsOf(db: Db, subjectIds: number[], today: string): Promise<HitRow[]> {
  if (!subjectIds.length) return [];
  const r = await db.query<HitRow>(
    `select e.subject_id as "subjectId", 'list_entry' as kind, e.id as "entryId", null::bigint as "recordId", l.code as "listCode",
            l.name as "listName", l.kind as "listKind", e.listed_on as since, e.planned_expiry as until, e.decided_by as "decidedBy",
            e.document_no as "documentNo", e.reason
     from unnest($1::bigint[]) as x(id) join list_entry e on e.subject_id = x.id join list l on l.id = e.list_id
     where e.state = 'listed' and l.active
       and e.listed_on <= $2::date and (e.planned_expiry is null or e.planned_expiry >= $2::date)
     union all
     select r.subject_id, 'serious_penalty', null, r.id, null, c.name, null, r.decided_on, r.publish_until, d.name,
            r.source_key, coalesce(r.fields->>'CF_WFXW', r.fields->>'CF_NR')
     from unnest($1::bigint[]) as x(id) join record r on r.subject_id = x.id
       join category c on c.id = r.category_id join department d on d.id = r.department_id
     where r.severity = 'serious' and r.state in ('active', 'disputed')
       and r.publish_from <= $2::date and (r.publish_until is null or r.publish_until >= $2::date)
     order by 1, 2, 8 desc nulls last`,
    [subjectIds, today],
  );
  return r.rows;
}

export interface NewReview {
  scenario: string;
  departmentId: number | null;
  actor: { kind: string; id: string | null; name: string };
  parties: number;
  matched: number;
  hitParties: number;
  hits: number;
  createdAt: Date;
}

export async function insertReview(db: Db, r: NewReview): Promise<{ id: number; createdAt: Date }> {
  const x = await db.query<{ id: number; createdAt: Date }>(
    `insert into review (scenario, department_id, actor_kind, actor_id, actor_name, parties, matched, hit_parties, hits, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id, created_at as "createdAt"`,
    [r.scenario, r.departmentId, r.actor.kind, r.actor.id, r.actor.name, r.parties, r.matched, r.hitParties, r.hits, r.createdAt],
  );
  return x.rows[0]!;
}

export interface NewHit {
  partyIndex: number;
  subjectId: number;
  kind: HitRow['kind'];
  entryId: number | null;
  recordId: number | null;
  listCode: string | null;
  measures: string[];
}

/** Store a review's hits in one statement; returns their ids in input order. */
export async function insertHits(db: Db, reviewId: number, hits: NewHit[]): Promise<number[]> {
  if (!hits.length) return [];
  const r = await db.query<{ id: number; n: number }>(
    `insert into review_hit (review_id, party_index, subject_id, kind, list_entry_id, record_id, list_code, measures)
     select $1, t.p, t.s, t.k, t.e, t.r, t.l, string_to_array(t.m, ',')
     from unnest($2::int[], $3::bigint[], $4::text[], $5::bigint[], $6::bigint[], $7::text[], $8::text[]) with ordinality as t(p, s, k, e, r, l, m, n)
     order by t.n
     returning id, party_index as n`,
    [reviewId, hits.map((h) => h.partyIndex), hits.map((h) => h.subjectId), hits.map((h) => h.kind), hits.map((h) => h.entryId),
      hits.map((h) => h.recordId), hits.map((h) => h.listCode), hits.map((h) => h.measures.join(','))],
  );
  // RETURNING order follows the insert's; ids ascend with it, so sorting restores input order.
  return r.rows.map((x) => x.id).sort((a, b) => a - b);
}
