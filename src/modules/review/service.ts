import type { Pool } from '../../db/pool.js';
import { withTx } from '../../db/pool.js';
import { PayloadTooLargeError } from '../../errors.js';
import type { Clock } from '../../lib/clock.js';
import type { PersonalData } from '../../lib/personal-data.js';
import { actorOf, appendAudit } from '../access/audit.js';
import * as access from '../access/service.js';
import { requireRole, requireScope, type Viewer } from '../access/viewer.js';
import { activeMeasuresFor } from '../measures/service.js';
import { requireScenario } from '../measures/scenarios.js';
import type { MeasureRow } from '../measures/types.js';
import { actorFor } from '../records/service.js';
import { AUTO_CONFIRM_SCORE, CANDIDATE_MIN_SCORE, FUZZY_GRAMS, FUZZY_MAX_GRAM_FREQUENCY, FUZZY_PER_GRAM, MAX_CANDIDATES, nameGrams, planParty, type PartyInput, type PartyPlan } from './match.js';
import * as repo from './repo.js';

export const MAX_PARTIES = 10_000;

export interface ReviewContext {
  pool: Pool;
  pd: PersonalData;
  clock: Clock;
}

export interface MatchView {
  subjectId: number;
  kind: string;
  uscc: string | null;
  idNumberMasked?: string;
  name: string;
  score: number;
  via: 'code' | 'name' | 'former_name' | 'fuzzy';
}

export interface HitView {
  id: number;
  kind: repo.HitRow['kind'];
  list: { code: string; name: string; kind: string } | null;
  category: string | null;
  entryId: number | null;
  recordId: number | null;
  since: string | null;
  until: string | null;
  decidedBy: string;
  documentNo: string | null;
  reason: string | null;
  measures: string[];
}

export interface PartyResult {
  input: PartyInput;
  matched: MatchView | null;
  candidates: MatchView[];
  hits: HitView[];
  measures: { code: string; name: string; kind: string; legalBasis: string }[];
  errors: { field: string; position?: number; message: string }[];
}

export interface ReviewResult {
  id: number;
  scenario: string;
  department: string | null;
  createdAt: string;
  counts: { parties: number; matched: number; hitParties: number; hits: number };
  thresholds: { autoConfirm: number; candidate: number };
  parties: PartyResult[];
}

/** `n`, the parties sent, is NaN when the body was refused before it was read. */
export const tooManyParties = (n: number) =>
  new PayloadTooLargeError({ field: 'parties', what: '一次审查的主体', limit: MAX_PARTIES, unit: '个', sent: n, code: 'too_many_parties' });

// Two literal shapes rather than a conditional spread: one view per party, so it is on the hot path.
const view = (s: repo.FoundSubject, score: number, via: MatchView['via']): MatchView => {
  const rounded = Math.round(score * 1000) / 1000;
  return s.idMasked
    ? { subjectId: s.id, kind: s.kind, uscc: s.uscc, idNumberMasked: s.idMasked, name: s.name, score: rounded, via }
    : { subjectId: s.id, kind: s.kind, uscc: s.uscc, name: s.name, score: rounded, via };
};

/** Exact codes of the whole batch in one statement. */
async function codeMatches(ctx: ReviewContext, plans: PartyPlan[]): Promise<(repo.FoundSubject & { rank: number })[]> {
  const uscc: [number[], string[]] = [[], []];
  const hmac: [number[], Buffer[]] = [[], []];
  const ident: [number[], string[], string[]] = [[], [], []];
  for (const p of plans) {
    for (const u of p.usccs) {
      uscc[0].push(p.index);
      uscc[1].push(u);
    }
    for (const h of p.hmacs) {
      hmac[0].push(p.index);
      hmac[1].push(h);
    }
    for (const i of p.identifiers) {
      ident[0].push(p.index);
      ident[1].push(i.scheme);
      ident[2].push(i.value);
    }
  }
  if (!uscc[0].length && !hmac[0].length && !ident[0].length) return [];
  return (await repo.subjectsByCode(ctx.pool, { uscc, hmac, ident })).sort((a, b) => a.rank - b.rank);
}

/** Exact normalised names of every party that has a name, in one statement (run beside the code lookup). */
async function nameMatches(ctx: ReviewContext, plans: PartyPlan[]): Promise<(repo.FoundSubject & { former: boolean })[]> {
  const named = plans.filter((p) => p.nameKey);
  return named.length ? repo.subjectsByName(ctx.pool, named.map((p) => p.index), named.map((p) => p.nameKey!)) : [];
}

type ExactRows = [(repo.FoundSubject & { rank: number })[], (repo.FoundSubject & { former: boolean })[]];

/** Parties planned per exact lookup: the next chunk is planned while PostgreSQL looks up the last one. */
const EXACT_CHUNK = 5_000;

/**
 * Phase 0–1: plan the parties chunk by chunk and send each chunk's code and exact-name lookups
 * (side by side) as soon as it is planned, so the database works while the next chunk is planned.
 */
async function planAndLookUp(ctx: ReviewContext, parties: PartyInput[]): Promise<{ plans: PartyPlan[]; lookups: Promise<ExactRows>[] }> {
  const plans: PartyPlan[] = [];
  const lookups: Promise<ExactRows>[] = [];
  for (let start = 0; start < parties.length; start += EXACT_CHUNK) {
    if (start) await new Promise(setImmediate); // let the previous chunk's queries go out
    const chunk = parties.slice(start, start + EXACT_CHUNK).map((p, i) => planParty(ctx.pd, start + i, p));
    plans.push(...chunk);
    const lookup = Promise.all([codeMatches(ctx, chunk), nameMatches(ctx, chunk)]);
    lookup.catch(() => undefined); // awaited in matchExact; a rejection before then must not go unhandled
    lookups.push(lookup);
  }
  return { plans, lookups };
}

/** Phase 2: a code match wins, two equal names leave a choice. */
async function matchExact(lookups: Promise<ExactRows>[], out: PartyResult[]): Promise<void> {
  const chunks = await Promise.all(lookups);
  for (const [codes] of chunks) for (const r of codes) out[r.ord]!.matched ??= view(r, 1, 'code');
  const byOrd = new Map<number, MatchView[]>();
  for (const [, names] of chunks) {
    for (const r of names) {
      if (out[r.ord]!.matched) continue;
      const list = byOrd.get(r.ord) ?? [];
      if (!list.some((x) => x.subjectId === r.id)) list.push(view(r, 1, r.former ? 'former_name' : 'name'));
      byOrd.set(r.ord, list);
    }
  }
  for (const [ord, views] of byOrd) {
    if (views.length === 1) out[ord]!.matched = views[0]!;
    else out[ord]!.candidates = views;
  }
}

/** Connections the fuzzy phase spreads over (each lookup is CPU-bound in PostgreSQL). */
const FUZZY_PARALLEL = 2;

/** Count name grams for fuzzy matching (daily from the sweep; on first use when never counted). */
export async function refreshNameGrams(pool: Pool): Promise<number> {
  return withTx(pool, (tx) => repo.refreshGramStats(tx));
}

/** Phase 3: fuzzy candidates for names still unmatched; auto-confirm only a clear best match above the threshold. */
async function matchFuzzy(ctx: ReviewContext, plans: PartyPlan[], out: PartyResult[]): Promise<void> {
  const fuzzy = plans.filter((p) => p.nameKey && !out[p.index]!.matched && !out[p.index]!.candidates.length);
  if (!fuzzy.length) return;
  if (!(await repo.gramStatsRefreshedAt(ctx.pool))) await refreshNameGrams(ctx.pool);
  const size = Math.ceil(fuzzy.length / FUZZY_PARALLEL);
  const chunks = Array.from({ length: Math.ceil(fuzzy.length / size) }, (_, i) => fuzzy.slice(i * size, (i + 1) * size));
  const rows = (await Promise.all(chunks.map((c) => {
    const gramOrds: number[] = [];
    const grams: string[] = [];
    for (const p of c) {
      for (const g of nameGrams(p.nameKey!)) {
        gramOrds.push(p.index);
        grams.push(g);
      }
    }
    return withTx(ctx.pool, (tx) => repo.fuzzyCandidates(tx, {
      gramOrds, grams, ords: c.map((p) => p.index), keys: c.map((p) => p.nameKey!), gramsPerParty: FUZZY_GRAMS,
      maxGramFrequency: FUZZY_MAX_GRAM_FREQUENCY, perGram: FUZZY_PER_GRAM, minScore: CANDIDATE_MIN_SCORE,
    }));
  }))).flat();
  rows.sort((a, b) => b.score - a.score || a.id - b.id);
  for (const r of rows) {
    const c = out[r.ord]!.candidates;
    if (c.length < MAX_CANDIDATES) c.push(view(r, r.score, 'fuzzy'));
  }
  for (const p of fuzzy) {
    const c = out[p.index]!.candidates;
    if (c[0] && c[0].score >= AUTO_CONFIRM_SCORE && !(c[1] && c[1].score >= AUTO_CONFIRM_SCORE)) out[p.index]!.matched = c.shift()!;
  }
}

const matchedIds = (out: PartyResult[]): number[] => [...new Set(out.flatMap((p) => (p.matched ? [p.matched.subjectId] : [])))];

/** Phase 4: hits of every matched subject and the measures they trigger in the scenario (hits fetched by the caller). */
function collectHits(out: PartyResult[], hits: repo.HitRow[], measures: MeasureRow[]): (repo.NewHit & { view: HitView })[] {
  const bySubject = new Map<number, repo.HitRow[]>();
  for (const h of hits) {
    const list = bySubject.get(h.subjectId);
    if (list) list.push(h);
    else bySubject.set(h.subjectId, [h]);
  }
  const applicable = (target: string): MeasureRow[] => measures.filter((m) => m.targetLists.includes(target));
  const pending: (repo.NewHit & { view: HitView })[] = [];
  out.forEach((party, index) => {
    if (!party.matched) return;
    const seen = new Map<string, MeasureRow>();
    for (const h of bySubject.get(party.matched.subjectId) ?? []) {
      const ms = applicable(h.kind === 'list_entry' ? h.listCode! : 'serious_penalty');
      for (const m of ms) seen.set(m.code, m);
      const hv: HitView = {
        id: 0, kind: h.kind, list: h.listCode ? { code: h.listCode, name: h.listName!, kind: h.listKind! } : null,
        category: h.kind === 'serious_penalty' ? h.listName : null, entryId: h.entryId, recordId: h.recordId, since: h.since, until: h.until,
        decidedBy: h.decidedBy, documentNo: h.documentNo, reason: h.reason, measures: ms.map((m) => m.code),
      };
      party.hits.push(hv);
      pending.push({ partyIndex: index, subjectId: h.subjectId, kind: h.kind, entryId: h.entryId, recordId: h.recordId, listCode: h.listCode, measures: hv.measures, view: hv });
    }
    party.measures = [...seen.values()].map((m) => ({ code: m.code, name: m.name, kind: m.kind, legalBasis: m.legalBasis }));
  });
  return pending;
}

async function reviewDepartment(ctx: ReviewContext, viewer: Viewer, named: string | null): Promise<{ id: number | null; code: string | null }> {
  if (viewer.role === 'department' || viewer.apiKey) {
    const d = viewer.departmentId === null ? null : await access.getDepartmentById(ctx.pool, viewer.departmentId);
    return { id: d?.id ?? null, code: d?.code ?? null };
  }
  if (!named) return { id: null, code: null };
  const d = await access.getDepartment(ctx.pool, named);
  return { id: d.id, code: d.code };
}

/**
 * Credit review (信用审查) of up to 10,000 parties in a scenario: match every party (codes exactly,
 * names exactly after normalisation or fuzzily as candidates), then its live list entries and
 * serious penalties and the active measures for the scenario. A bad party is reported in its own
 * `errors`, never failing the batch. The review and its hits are stored for feedback, and the
 * request is audit-logged with the scenario as purpose. Each phase is one statement for the batch.
 */
export async function runReview(ctx: ReviewContext, viewer: Viewer, input: { scenario: string; parties: PartyInput[]; department?: string }): Promise<ReviewResult> {
  requireRole(viewer, 'admin', 'operator', 'department');
  requireScope(viewer, 'reviews:write');
  if (input.parties.length > MAX_PARTIES) throw tooManyParties(input.parties.length);
  const scenario = requireScenario(input.scenario);
  const dept = await reviewDepartment(ctx, viewer, input.department ?? null);
  const { plans, lookups } = await planAndLookUp(ctx, input.parties);
  const out: PartyResult[] = plans.map((p) => ({ input: p.echo, matched: null, candidates: [], hits: [], measures: [], errors: p.errors }));
  await matchExact(lookups, out);
  // Hits of the exactly matched subjects and the scenario's measures are read while the fuzzy phase runs.
  const today = ctx.clock.today();
  const exactIds = matchedIds(out);
  const early = Promise.all([repo.hitsOf(ctx.pool, exactIds, today), activeMeasuresFor(ctx.pool, scenario)]);
  early.catch(() => undefined); // awaited below; a rejection while the fuzzy phase runs must not go unhandled
  await matchFuzzy(ctx, plans, out);
  const known = new Set(exactIds);
  const fuzzyIds = matchedIds(out).filter((id) => !known.has(id));
  const [[exactHits, measures], fuzzyHits] = await Promise.all([early, fuzzyIds.length ? repo.hitsOf(ctx.pool, fuzzyIds, today) : []]);
  const pending = collectHits(out, [...exactHits, ...fuzzyHits], measures);
  const counts = {
    parties: out.length, matched: out.filter((p) => p.matched).length, hitParties: out.filter((p) => p.hits.length).length, hits: pending.length,
  };
  const actor = actorFor(viewer);
  const stored = await withTx(ctx.pool, async (tx) => {
    const review = await repo.insertReview(tx, { scenario, departmentId: dept.id, actor, ...counts, createdAt: ctx.clock.now() });
    const ids = await repo.insertHits(tx, review.id, pending);
    ids.forEach((id, i) => (pending[i]!.view.id = id));
    await appendAudit(tx, {
      actor: actorOf(viewer), departmentId: dept.id, action: 'credit_review', purpose: scenario, ip: viewer.ip,
      details: { reviewId: review.id, ...counts, hitSubjects: [...new Set(pending.map((h) => h.subjectId))].slice(0, 1000) },
    });
    return review;
  });
  return {
    id: stored.id, scenario, department: dept.code, createdAt: stored.createdAt.toISOString(), counts,
    thresholds: { autoConfirm: AUTO_CONFIRM_SCORE, candidate: CANDIDATE_MIN_SCORE }, parties: out,
  };
}
