/**
 * Credit report generation time beside same-run baselines.
 *
 *   npx tsx bench/report.ts [reports=200] [subjects=2000]
 *
 * Starts a throw-away embedded PostgreSQL (fsync off), loads the demo city and issues public and
 * certificate reports for subjects that have records, end to end (archive read with disclosure,
 * facts, PDF with the embedded CJK font and QR code, storage, audit). Baselines in the same run:
 * reading and serialising the same archives as JSON, and a one-page PDF with only the cover.
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseConfig } from '../src/config.js';
import { ensureEmbedded } from '../src/db/embedded.js';
import { migrate } from '../src/db/migrate.js';
import { createPool } from '../src/db/pool.js';
import { loadDemoCity } from '../src/demo/load.js';
import { canonicalJson } from '../src/lib/canonical-json.js';
import { fixedClock } from '../src/lib/clock.js';
import { PersonalData } from '../src/lib/personal-data.js';
import { anonymousViewer, systemViewer } from '../src/modules/access/viewer.js';
import { seedNationalCatalog } from '../src/modules/catalog/service.js';
import { readArchive } from '../src/modules/records/archive.js';
import { drawCover } from '../src/modules/reports/pdf/cover.js';
import { ReportDocument } from '../src/modules/reports/pdf/layout.js';
import { issueReportWithPdf } from '../src/modules/reports/service.js';

const reports = Number.parseInt(process.argv[2] ?? '200', 10);
const subjects = Number.parseInt(process.argv[3] ?? '2000', 10);
const TODAY = '2026-11-25';
const WARMUP = 10;

function pct(ms: number[], p: number): number {
  const s = [...ms].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

interface Timing {
  wall: number[];
  /** CPU of this process (user + system) per item: robust to a busy machine; excludes PostgreSQL's own CPU. */
  cpuMean: number;
}

async function timed(n: number, fn: (i: number) => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < WARMUP; i++) await fn(i);
  const wall: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn(i);
    wall.push(performance.now() - t0);
  }
  const cpu = process.cpuUsage(cpu0);
  return { wall, cpuMean: (cpu.user + cpu.system) / 1000 / n };
}

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'xinyong-bench-'));
  await chmod(dir, 0o755); // when run as root, the embedded server runs as the unprivileged postgres user
  const server = await ensureEmbedded({ dataDir: dir, database: 'bench', fast: true, sharedBuffersMb: null });
  const pool = createPool(server.url, 4);
  try {
    await migrate(pool);
    await seedNationalCatalog(pool);
    const pd = new PersonalData({ hmacKey: randomBytes(32), encryptionKey: randomBytes(32) });
    const city = await loadDemoCity(pool, pd, { subjects, seed: 20261125, today: TODAY });
    const codes = (await pool.query<{ uscc: string; n: number }>(
      `select s.uscc, count(*)::int as n from subject s join record r on r.subject_id = s.id
       where s.uscc is not null group by s.uscc order by md5(s.uscc) limit $1`, [reports],
    )).rows;
    const typical = [...codes.map((c) => c.n)].sort((a, b) => a - b)[Math.floor(codes.length / 2)];
    const code = (i: number) => codes[i % codes.length]!.uscc;
    const ctx = { db: pool, pd, clock: fixedClock(`${TODAY}T10:00:00+08:00`), config: parseConfig({ DATA_DIR: dir }) };
    const staff = { ...systemViewer, purpose: '基准测试' };

    let pages = 0;
    let bytes = 0;
    const publicMs = await timed(reports, async (i) => {
      const { pdf } = await issueReportWithPdf(ctx, anonymousViewer(), { subject: code(i), kind: 'public' });
      bytes += pdf.length;
      pages += (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
    });
    const ownMs = await timed(reports, (i) => issueReportWithPdf(ctx, staff, { subject: code(i), kind: 'public' }));
    const certMs = await timed(reports, (i) => issueReportWithPdf(ctx, staff, { subject: code(i), kind: 'certificate' }));
    const archiveMs = await timed(reports, async (i) => canonicalJson(await readArchive(pool, pd, ctx.clock, anonymousViewer(), code(i))));
    const coverMs = await timed(reports, async (i) => {
      const iss = { number: `XY-20261125-${String(i).padStart(6, '0')}`, verifyCode: 'K7QF2M9X', issuedAt: new Date(), validUntil: '2026-12-25', platformName: '信用示范市公共信用信息平台', verifyUrl: 'http://localhost:3000/verify/XY?code=K7QF2M9X', purpose: null, viewLabel: '社会公众（社会公开信息）' };
      const rd = new ReportDocument(iss, '公共信用信息报告', '南通市某某有限公司');
      drawCover(rd, { title: '公共信用信息报告', subtitle: '（法人和非法人组织版）', subject: { kind: 'legal_person', name: '南通市某某有限公司', uscc: code(i), legalRepName: null, regionName: null, registeredOn: null, status: 'active', formerNames: [] }, iss });
      await rd.finish();
    });

    console.log(`\ndemo city: ${city.subjects} subjects, ${city.records} records; ${codes.length} subjects with records used, median ${typical} records each;`);
    console.log(`${reports} reports per row after ${WARMUP} warm-up ones; ${os.cpus().length} CPUs, node ${process.version}`);
    console.log(`anonymous public reports: ${(pages / (reports + WARMUP)).toFixed(1)} pages and ${Math.round(bytes / (reports + WARMUP) / 1024)} KiB on average\n`);
    console.log(`load average at start ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}\n`);
    console.log(`| ${'measure (ms per report)'.padEnd(62)} | ${'p50'.padStart(6)} | ${'p99'.padStart(6)} | ${'cpu'.padStart(6)} |`);
    console.log(`|${'-'.repeat(64)}|${'-'.repeat(8)}|${'-'.repeat(8)}|${'-'.repeat(8)}|`);
    const rows: [string, Timing][] = [
      ['public report, anonymous: archive → PDF → stored + audited', publicMs],
      ['public report, credit center (all classes, audited read)', ownMs],
      ['certificate report, 16 domains, 3-year period', certMs],
      ['baseline: read the archive + serialise it as canonical JSON', archiveMs],
      ['baseline: one-page PDF with only the cover (font + QR)', coverMs],
    ];
    for (const [what, t] of rows) {
      console.log(`| ${what.padEnd(62)} | ${pct(t.wall, 50).toFixed(1).padStart(6)} | ${pct(t.wall, 99).toFixed(1).padStart(6)} | ${t.cpuMean.toFixed(1).padStart(6)} |`);
    }
    console.log('\np50/p99: wall time per report; cpu: mean CPU time of the Node process per report (PostgreSQL not included).');
    console.log(`target: < 300 ms per report — p99 of the anonymous public report is ${pct(publicMs.wall, 99) < 300 ? 'within' : 'OVER'} it.`);
  } finally {
    await pool.end();
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
