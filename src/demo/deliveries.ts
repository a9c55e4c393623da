import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import type { Pool } from '../db/pool.js';
import type { Clock } from '../lib/clock.js';
import type { PersonalData } from '../lib/personal-data.js';
import { getDepartment } from '../modules/access/service.js';
import { systemViewer, type Viewer } from '../modules/access/viewer.js';
import { getCategory } from '../modules/catalog/service.js';
import type { Category } from '../modules/catalog/types.js';
import { USCC_CHARSET } from '../modules/identity/uscc.js';
import { csvLine } from '../modules/ingest/errors-csv.js';
import { submitFile, submitRecords } from '../modules/ingest/service.js';
import { zeroCounts, type SubmissionCounts } from '../modules/ingest/types.js';
import { setObligations } from '../modules/quality/service.js';
import { dayOf, isoOf, monthStart, yearOf } from './dates.js';
import { DEMO_DEPARTMENTS } from './departments.js';
import * as repo from './repo.js';

/**
 * Last month's and this month's deliveries (归集) of a few demo departments, made through the real
 * import path so that the data-quality screens of a fresh demo city show what an operator meets in
 * practice: last month's rows sent again (unchanged) and corrected (new versions), new decisions
 * reported on time and late, and the usual faults (a wrong USCC check character, a missing required item, a
 * decision dated in the future, a value outside the enumeration, a key twice in one file) beside a
 * name that differs from the one on file (a warning). One file goes as a GBK CSV with the
 * catalog's Chinese labels as headers, as many departments' exports do; the others as JSON pushes.
 * The credit centre's reporting obligations are set too, with some left unreported (上报率).
 */

interface Delivery {
  department: string;
  category: 'penalty' | 'licence';
  via: 'gbk-csv' | 'json';
}

const DELIVERIES: Delivery[] = [
  { department: 'SCJGJ', category: 'penalty', via: 'gbk-csv' },
  { department: 'SCJGJ', category: 'licence', via: 'json' },
  { department: 'STHJJ', category: 'penalty', via: 'json' },
  { department: 'ZJJ', category: 'penalty', via: 'json' },
  { department: 'XZSPJ', category: 'licence', via: 'json' },
];

/** What each department must report (双公示): some of it is not delivered this month. */
const OBLIGATIONS: Record<string, string[]> = {
  SCJGJ: ['penalty', 'licence'],
  STHJJ: ['penalty', 'licence'],
  ZJJ: ['penalty', 'licence'],
  XZSPJ: ['licence'],
  SWJ: ['penalty'],
  YJGLJ: ['penalty'],
};

/** Rows per delivery: last month's rows sent again, of those corrected, and new decisions. */
const RESENT = 8;
const CORRECTED = 3;
const NEW = 14;

export interface DemoDeliveriesResult {
  submissions: number;
  counts: SubmissionCounts | null;
}

type Row = Record<string, string>;

/** The demo departments' system, delivering as that department. */
function deliveringSystem(departmentId: number, name: string): Viewer {
  return { ...systemViewer, role: 'department', departmentId, username: `${name}数据交换接口（演示）`, purpose: null };
}

function shiftDates(category: Category, row: Row, days: number): Row {
  const out = { ...row };
  for (const f of category.fields) if (f.type === 'date' && out[f.code]) out[f.code] = isoOf(dayOf(out[f.code]!) + days);
  return out;
}

/** A different, still well-formed character in the USCC's check position. */
function wrongCheckChar(uscc: string): string {
  const last = uscc.charAt(17);
  const i = USCC_CHARSET.indexOf(last);
  return uscc.slice(0, 17) + USCC_CHARSET.charAt((i + 7) % USCC_CHARSET.length);
}

// Calendar days between decision and delivery of the new rows: most within the 7 working days.
const DELAYS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 13, 20, 33];

/** One delivery's rows in file order, and its new decisions (which the next month's may resend). */
export interface DeliveryRows {
  rows: Row[];
  fresh: Row[];
}

/**
 * The rows of a department's monthly delivery: rows of last month's delivery sent again (some of
 * them corrected), new decisions modelled on records on file, and the faulty rows.
 */
export function deliveryRows(category: Category, models: Row[], previous: Row[], today: string, keyPrefix: string, month: number): DeliveryRows {
  const key = category.keyField!;
  const decision = category.decisionField!;
  const sf = category.subjectFields;
  const number = (n: number) => `${keyPrefix}〔${yearOf(today)}〕${9000 + month * 100 + n}号`;
  const rows: Row[] = previous.slice(0, RESENT).map((r) => ({ ...r }));
  for (const r of previous.slice(RESENT, RESENT + CORRECTED)) rows.push({ ...r, BZ: `更正：${today} 补充说明（原记录备注有误）` });
  const fresh: Row[] = [];
  for (let i = 0; i < NEW && models.length; i++) {
    const model = models[i % models.length]!;
    const decided = isoOf(dayOf(today) - DELAYS[i % DELAYS.length]!);
    const r = shiftDates(category, model, dayOf(decided) - dayOf(model[decision]!));
    r[key] = number(i + 1);
    delete r.BZ;
    fresh.push(r);
  }
  rows.push(...fresh);
  const bad = (n: number, change: (r: Row) => void) => {
    const base = fresh[n % Math.max(1, fresh.length)];
    if (!base) return;
    const r = { ...base, [key]: number(51 + n) };
    change(r);
    rows.push(r);
  };
  if (sf.uscc) bad(0, (r) => { if (r[sf.uscc!]) r[sf.uscc!] = wrongCheckChar(r[sf.uscc!]!); });
  const requiredItem = category.fields.find((f) => f.required && f.type !== 'date' && ![key, ...Object.values(sf)].includes(f.code));
  if (requiredItem) bad(1, (r) => { delete r[requiredItem.code]; });
  bad(2, (r) => Object.assign(r, shiftDates(category, r, dayOf(today) + 9 - dayOf(r[decision]!))));
  const enumItem = category.fields.find((f) => f.type === 'enum' && f.required && f.code !== sf.kindLabel);
  if (enumItem) bad(3, (r) => { r[enumItem.code] = '其他处理'; });
  // The same decision number twice in one file: the later row is refused, naming the earlier one.
  if (fresh[0]) rows.push({ ...fresh[0], BZ: '重复报送' });
  // A name unlike the one on file for the same code: accepted, with a warning giving both names.
  bad(4, (r) => { r[sf.name] = `${r[sf.name]}（曾用名）`; });
  return { rows, fresh };
}

function gbkCsv(category: Category, rows: Row[]): Buffer {
  const codes = category.fields.map((f) => f.code).filter((c) => rows.some((r) => r[c] !== undefined));
  const label = new Map(category.fields.map((f) => [f.code, f.label]));
  const text = csvLine(codes.map((c) => label.get(c)!)) + rows.map((r) => csvLine(codes.map((c) => r[c] ?? ''))).join('');
  return iconv.encode(text, 'gb18030');
}

/**
 * Make the demo deliveries once (nothing happens when the platform already holds submissions).
 * Returns how many submissions were made and their summed counts.
 */
export async function submitDemoDeliveries(pool: Pool, pd: PersonalData, clock: Clock): Promise<DemoDeliveriesResult> {
  if ((await repo.countSubmissions(pool)) > 0) return { submissions: 0, counts: null };
  for (const [department, categories] of Object.entries(OBLIGATIONS)) {
    if (await repo.departmentExists(pool, department)) await setObligations(pool, systemViewer, department, categories);
  }
  const today = clock.today();
  // Last month's delivery is dated on a day of that month (its ledger entries carry the real
  // time they are written): this month's resends and corrections then count as received before.
  const lastMonth: Clock = { now: () => clock.now(), today: () => isoOf(dayOf(monthStart(today)) - 6) };
  let submissions = 0;
  const counts = zeroCounts();
  for (const d of DELIVERIES) {
    if (!(await repo.departmentExists(pool, d.department))) continue;
    const dept = await getDepartment(pool, d.department);
    const category = await getCategory(pool, d.category);
    // Stored personal values are masked: records holding one cannot serve as models.
    const personal = category.fields.filter((f) => f.personal).map((f) => f.code);
    const models = (await repo.organisationRecordFields(pool, dept.id, category.id, 4 * NEW, today))
      .filter((r) => personal.every((code) => !r[code])).slice(0, NEW);
    if (!models.length) continue;
    const abbr = DEMO_DEPARTMENTS.find((x) => x.code === d.department)?.abbr ?? d.department;
    const prefix = `通${abbr}${d.category === 'penalty' ? '罚' : '许'}`;
    const viewer = deliveringSystem(dept.id, dept.name);
    let previous: Row[] = [];
    for (const [month, c] of [[1, lastMonth], [2, clock]] as const) {
      const { rows, fresh } = deliveryRows(category, models, previous, c.today(), prefix, month);
      const input = { department: d.department, category: d.category };
      const r = d.via === 'gbk-csv'
        ? await submitFile({ pool, pd, clock: c }, viewer, { ...input, encoding: 'GBK', fileName: `${d.department}-${d.category}-${c.today().slice(0, 7)}.csv` }, Readable.from([gbkCsv(category, rows)]))
        : await submitRecords({ pool, pd, clock: c }, viewer, input, rows);
      submissions += 1;
      for (const k of Object.keys(counts) as (keyof SubmissionCounts)[]) counts[k] += r.counts[k];
      previous = fresh;
    }
  }
  return { submissions, counts: submissions ? counts : null };
}
