/**
 * Demo-city load speed beside a same-run baseline.
 *
 *   npx tsx bench/demo.ts [subjects=100000]
 *
 * Starts a throw-away embedded PostgreSQL (fsync off), migrates, seeds the catalog and loads the
 * demo city. The baseline then COPYs the same number of record rows of pre-generated text, with
 * the record table's columns, into an unlogged table without indexes or constraints: the floor
 * for moving that many rows through COPY on this machine.
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { ensureEmbedded } from '../src/db/embedded.js';
import { migrate } from '../src/db/migrate.js';
import { createPool } from '../src/db/pool.js';
import { PersonalData } from '../src/lib/personal-data.js';
import { seedNationalCatalog } from '../src/modules/catalog/service.js';
import { loadDemoCity } from '../src/demo/load.js';
import { copyLine } from '../src/demo/copy.js';
import { RECORD_COLUMNS } from '../src/demo/repo.js';

const subjects = Number.parseInt(process.argv[2] ?? '100000', 10);
if (!Number.isInteger(subjects) || subjects <= 0) throw new Error('usage: tsx bench/demo.ts [subjects]');

/** Record-shaped COPY text: a typical penalty row with a varying id, key and hash. */
function* baselineChunks(rows: number): Generator<string> {
  const fields = JSON.stringify({
    CF_XDR_MC: '南通市崇川区华信电子科技有限公司', CF_XDR_LB: '法人及非法人组织', CF_XDR_SHXYM: '9132061321A87F6NXU', CF_FRDB: '王德晓',
    CF_WFXW: '发布虚假广告', CF_SY: '经查，当事人于2024年1月28日通过网络店铺发布含有虚假内容的商品广告，欺骗、误导消费者。以上事实有现场检查笔录、询问笔录及相关证据证实。',
    CF_YJ: '《中华人民共和国广告法》第五十五条第一款', CF_CFLB: '罚款', CF_NR: '1.罚款人民币41000元。', CF_NR_FK: '4.1', CF_JDRQ: '2024-05-08',
    CF_YXQ: '2025-05-08', CF_CFJG: '南通市市场监督管理局', CF_CFJGDM: '113206005DR1N00T73', CF_SJLY: '南通市市场监督管理局', CF_SJLYDM: '113206005DR1N00T73',
  });
  const hash = 'a'.repeat(64);
  let lines: string[] = [];
  for (let i = 1; i <= rows; i++) {
    lines.push(copyLine([i, 1 + (i % 1000), 4, 2, `通市监处罚〔2024〕${i}号`, fields, '2024-05-08', null, null, '2024-05-08', '2025-05-08', 'ordinary', 'active', 1, hash]));
    if (lines.length === 2000) {
      yield lines.join('');
      lines = [];
    }
  }
  if (lines.length) yield lines.join('');
}

function rate(n: number, ms: number): string {
  return Math.round(n / (ms / 1000)).toLocaleString('en-US');
}

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'xinyong-bench-'));
  await chmod(dir, 0o755); // when run as root, the embedded server runs as the unprivileged postgres user
  try {
    await bench(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function bench(dir: string): Promise<void> {
  const server = await ensureEmbedded({ dataDir: dir, database: 'bench', fast: true, sharedBuffersMb: null });
  const pool = createPool(server.url, 4);
  try {
    await migrate(pool);
    await seedNationalCatalog(pool);
    const pd = new PersonalData({ hmacKey: randomBytes(32), encryptionKey: randomBytes(32) });
    let lastPct = -1;
    const load0 = os.loadavg()[0]!;
    const cpu0 = process.cpuUsage();
    const r = await loadDemoCity(pool, pd, {
      subjects, seed: 20261125,
      onProgress: (done, total) => {
        const pct = Math.floor((done / total) * 10);
        if (pct !== lastPct) process.stderr.write(`\rloading demo city … ${pct * 10}%`);
        lastPct = pct;
      },
    });
    process.stderr.write('\n');
    const cpu = process.cpuUsage(cpu0);
    const nodeCpuS = (cpu.user + cpu.system) / 1e6;

    // Same columns, types and defaults as record; no indexes, no constraints beyond NOT NULL, no WAL.
    await pool.query('create unlogged table bench_record (like record including defaults)');
    const client = await pool.connect();
    const t0 = performance.now();
    try {
      await pipeline(Readable.from(baselineChunks(r.records)), client.query(copyFrom(`copy bench_record (${RECORD_COLUMNS.join(', ')}) from stdin`)));
    } finally {
      client.release();
    }
    const baseMs = performance.now() - t0;

    const rows: [string, number, number][] = [
      ['demo load: subjects (with identifiers, links)', r.subjects, r.ms],
      ['demo load: records (validated, hashed, + ledger)', r.records, r.ms],
      ['baseline: raw COPY of record rows, unlogged, no indexes', r.records, baseMs],
    ];
    console.log(`\ndemo city: ${r.subjects.toLocaleString('en-US')} subjects, ${r.records.toLocaleString('en-US')} records, ${r.departments} departments; ${os.cpus().length} CPUs, node ${process.version}\n`);
    console.log(`| ${'measure'.padEnd(56)} | ${'rows'.padStart(10)} | ${'seconds'.padStart(8)} | ${'rows/s'.padStart(10)} |`);
    console.log(`|${'-'.repeat(58)}|${'-'.repeat(12)}|${'-'.repeat(10)}|${'-'.repeat(12)}|`);
    for (const [what, n, ms] of rows) {
      console.log(`| ${what.padEnd(56)} | ${n.toLocaleString('en-US').padStart(10)} | ${(ms / 1000).toFixed(1).padStart(8)} | ${rate(n, ms).padStart(10)} |`);
    }
    console.log(`\nloader process CPU: ${nodeCpuS.toFixed(1)} s (${Math.round((nodeCpuS * 1e6) / r.subjects)} µs per subject); 1-min load average ${load0.toFixed(1)} → ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} CPUs`);
    console.log(`records/s of the demo load are ${((r.records / r.ms) / (r.records / baseMs) * 100).toFixed(0)}% of the raw-COPY baseline (which does no generation, validation, hashing, indexing or ledger).`);
  } finally {
    await pool.end();
    await server.stop();
  }
}

await main();
