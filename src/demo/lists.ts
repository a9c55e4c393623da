import type { Pool } from '../db/pool.js';
import { addMonths, fixedClock } from '../lib/clock.js';
import type { PersonalData } from '../lib/personal-data.js';
import { decidingDepartment, enterSubject, listLists, type ListContext } from '../modules/lists/service.js';
import type { ListRow } from '../modules/lists/types.js';
import { systemViewer } from '../modules/access/viewer.js';
import type { Actor } from '../modules/records/types.js';
import * as repo from './repo.js';

/** Watch list (重点关注): subjects with at least this many live penalties. */
const WATCH_MIN_PENALTIES = 3;
/** Honour lists: two of every this many clean legal persons (by id). */
const HONOUR_EVERY = 60;
const HONOUR_LISTS = ['tax_a_grade', 'contract_honouring'];
const ACTOR: Actor = { kind: 'system', id: null, name: 'demo' };

export interface DemoListsResult {
  blacklist: number;
  watch: number;
  honour: number;
}

const minusDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

interface Planned { list: ListRow; subjectId: number; basisRecords: number[]; listedOn: string; reason: string; documentNo: string | null }

/**
 * Put the demo city's subjects on lists through the lists service, as departments would: each
 * serious-dishonesty finding on the blacklist of its department, repeat offenders on the watch
 * list, some clean companies on the honour lists. Deterministic for a city and `today`; entries
 * whose period would already be over are left out.
 */
export async function populateDemoLists(pool: Pool, pd: PersonalData, today: string, onProgress?: (done: number, total: number) => void): Promise<DemoListsResult> {
  const ctx: ListContext = { pool, pd, clock: fixedClock(`${today}T00:00:00+08:00`) };
  const lists = new Map((await listLists(pool, systemViewer)).filter((l) => l.active).map((l) => [l.code, l]));
  const live = (list: ListRow, listedOn: string) => listedOn <= today && (!list.defaultMonths || addMonths(listedOn, list.defaultMonths) >= today);
  const planned: Planned[] = [];
  const blacklisted = new Set<number>();

  for (const f of await repo.seriousDishonestyFindings(pool, today)) {
    const list = [...lists.values()].find((l) => l.kind === 'blacklist' && l.departmentCode === f.departmentCode);
    if (!list || !live(list, f.decidedOn)) continue;
    blacklisted.add(f.subjectId);
    planned.push({ list, subjectId: f.subjectId, basisRecords: f.recordIds, listedOn: f.decidedOn, reason: `经认定存在${list.standard}`, documentNo: null });
  }
  const watch = lists.get('focus_watch');
  if (watch) {
    for (const c of await repo.repeatedPenalties(pool, WATCH_MIN_PENALTIES, today)) {
      if (blacklisted.has(c.subjectId) || !live(watch, c.decidedOn)) continue;
      planned.push({ list: watch, subjectId: c.subjectId, basisRecords: c.recordIds, listedOn: c.decidedOn, reason: `近期受到 ${c.recordIds.length} 次行政处罚，列为重点关注对象`, documentNo: null });
    }
  }
  for (const subjectId of await repo.cleanLegalPersons(pool, HONOUR_EVERY)) {
    const list = lists.get(HONOUR_LISTS[subjectId % 2]!);
    if (!list) continue;
    const listedOn = minusDays(today, subjectId % 300);
    if (!live(list, listedOn)) continue;
    planned.push({ list, subjectId, basisRecords: [], listedOn, reason: list.standard, documentNo: `${list.issuer}公告〔${listedOn.slice(0, 4)}〕${subjectId}号` });
  }

  const counts: DemoListsResult = { blacklist: 0, watch: 0, honour: 0 };
  const deciding = new Map<string, { id: number | null; name: string }>();
  for (const [i, p] of planned.entries()) {
    const dept = deciding.get(p.list.code) ?? (await decidingDepartment(pool, null, null, p.list));
    deciding.set(p.list.code, dept);
    const r = await enterSubject(ctx, p.list, {
      subjectId: p.subjectId, basisRecords: p.basisRecords, departmentId: dept.id, decidedBy: dept.name,
      documentNo: p.documentNo, reason: p.reason, listedOn: p.listedOn, plannedExpiry: null,
    }, ACTOR);
    if (r.created) counts[p.list.kind === 'honour' ? 'honour' : p.list.kind === 'watch' ? 'watch' : 'blacklist'] += 1;
    if ((i + 1) % 100 === 0 || i + 1 === planned.length) onProgress?.(i + 1, planned.length);
  }
  return counts;
}
