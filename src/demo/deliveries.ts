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
import { dayOf, isoOf, yearOf } from './dates.js';
import { DEMO_DEPARTMENTS } from './departments.js';
import * as repo from './repo.js';

/**
 * This month's deliveries (归集) of a few demo departments, made through the real import path so
 * that the data-quality dashboard of a fresh demo city shows what an operator meets in practice:
 * full files sent again (unchanged rows), corrections (new versions), new decisions reported on
 * time and late, and the usual faults (a wrong USCC check character, a missing required item, a
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

/** Rows per delivery: records on file sent again (at most), corrected (at most), and new decisions. */
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

/** The rows of one delivery, in file order, built on records the department has on file. */
export function deliveryRows(category: Category, onFile: Row[], today: string, keyPrefix: string): Row[] {
  const key = category.keyField!;
  const decision = category.decisionField!;
  const sf = category.subjectFields;
  // A small city has few records on file: then fewer are sent again, and new ones repeat models.
  const resent = Math.min(RESENT, Math.ceil(onFile.length / 3));
  const corrected = Math.min(CORRECTED, Math.floor(onFile.length / 3));
  const rows: Row[] = onFile.slice(0, resent).map((r) => ({ ...r }));
  for (const r of onFile.slice(resent, resent + corrected)) rows.push({ ...r, BZ: `更正：${today} 补充说明（原记录备注有误）` });
  const rest = onFile.slice(resent + corrected);
  const models = rest.length ? rest : onFile;
  const fresh: Row[] = [];
  for (let i = 0; i < NEW && models.length; i++) {
    const model = models[i % models.length]!;
    // Decisions of the last five weeks: the older ones reach the platform after the 7 working days.
    const decided = isoOf(dayOf(today) - ((i * 5) % 36));
    const r = shiftDates(category, model, dayOf(decided) - dayOf(model[decision]!));
    r[key] = `${keyPrefix}〔${yearOf(today)}〕${9001 + i}号`;
    delete r.BZ;
    fresh.push(r);
  }
  rows.push(...fresh);
  const bad = (n: number, change: (r: Row) => void) => {
    const base = fresh[n % Math.max(1, fresh.length)];
    if (!base) return;
    const r = { ...base, [key]: `${keyPrefix}〔${yearOf(today)}〕${9101 + n}号` };
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
  return rows;
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
  let submissions = 0;
  let counts: SubmissionCounts | null = null;
  for (const d of DELIVERIES) {
    if (!(await repo.departmentExists(pool, d.department))) continue;
    const dept = await getDepartment(pool, d.department);
    const category = await getCategory(pool, d.category);
    // Stored personal values are masked: records holding one cannot be sent again as they are.
    const personal = category.fields.filter((f) => f.personal).map((f) => f.code);
    const onFile = (await repo.organisationRecordFields(pool, dept.id, category.id, 4 * (RESENT + CORRECTED + NEW), today))
      .filter((r) => personal.every((code) => !r[code])).slice(0, RESENT + CORRECTED + NEW);
    if (!onFile.length) continue;
    const abbr = DEMO_DEPARTMENTS.find((x) => x.code === d.department)?.abbr ?? d.department;
    const rows = deliveryRows(category, onFile, today, `通${abbr}${d.category === 'penalty' ? '罚' : '许'}`);
    const viewer = deliveringSystem(dept.id, dept.name);
    const input = { department: d.department, category: d.category };
    const r = d.via === 'gbk-csv'
      ? await submitFile({ pool, pd, clock }, viewer, { ...input, encoding: 'GBK', fileName: `${d.department}-${d.category}-${today.slice(0, 7)}.csv` }, Readable.from([gbkCsv(category, rows)]))
      : await submitRecords({ pool, pd, clock }, viewer, input, rows);
    submissions += 1;
    counts ??= zeroCounts();
    for (const k of Object.keys(counts) as (keyof SubmissionCounts)[]) counts[k] += r.counts[k];
  }
  return { submissions, counts };
}
