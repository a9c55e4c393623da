import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PENALTY_HEADERS, penaltyDataset } from '../../../test/fixtures/ingest/dataset.js';
import { toCsv } from '../../../test/fixtures/ingest/files.js';
import { TEST_NOW, yearOf } from '../../../test/helpers/clock.js';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/db.js';
import { fixedClock } from '../../lib/clock.js';
import { addDepartment } from '../access/service.js';
import { systemViewer } from '../access/viewer.js';
import { verifyLedger } from '../records/ledger.js';
import { submitFile, type SubmissionResult } from './service.js';

// The bulk path must leave exactly what the per-row path (saveCheckedRow) leaves: same subjects,
// records, content hashes, ledger chain, personal data and row errors.
vi.setConfig({ testTimeout: 180_000 });
const clock = fixedClock(TEST_NOW);
let bulkDb: TestDatabase;
let rowDb: TestDatabase;

const rows = penaltyDataset(2000, 7, clock.today());
// A wrong check digit, a later duplicate of row 10 (another batch), a name on file differing,
// an org code claimed by another subject, and a revocation of row 5's record mid-file.
const orgWithCode = rows.findIndex((r) => r.CF_XDR_ZZJG);
const other = rows.findIndex((r, i) => i > orgWithCode && r.CF_XDR_SHXYM && r.CF_XDR_SHXYM !== rows[orgWithCode]!.CF_XDR_SHXYM);
rows[100] = { ...rows[100]!, CF_XDR_LB: '法人及非法人组织', CF_XDR_SHXYM: `${rows[100]!.CF_XDR_SHXYM?.slice(0, 17) || '91320602MA1XXXXX'}${rows[100]!.CF_XDR_SHXYM?.endsWith('0') ? '1' : '0'}`, CF_XDR_ZJHM: '' };
rows[1700] = { ...rows[1700]!, CF_WSH: rows[9]!.CF_WSH! };
rows[1800] = { ...rows[1800]!, CF_XDR_MC: `${rows[1800]!.CF_XDR_MC}（更名）` };
rows[1900] = { ...rows[other]!, CF_WSH: `冲突罚〔${yearOf(clock.today())}〕1号`, CF_XDR_ZZJG: rows[orgWithCode]!.CF_XDR_ZZJG! };
rows[1200] = { CF_WSH: rows[4]!.CF_WSH!, CF_XDR_MC: '', 撤销标志: '1' } as Record<string, string>;
const csv = toCsv(rows, [...PENALTY_HEADERS, '撤销标志']);

async function load(db: TestDatabase, rowByRow: boolean, batchSize: number): Promise<SubmissionResult> {
  return submitFile({ pool: db.pool, pd: db.pd, clock }, systemViewer, { department: 'SCJGJ', category: 'penalty', fileName: 'p.csv' }, Readable.from([Buffer.from(csv)]), { rowByRow, batchSize });
}

const dump = async (db: TestDatabase) => {
  const q = async (sql: string) => (await db.pool.query(sql)).rows;
  return {
    subjects: await q(`select id, kind, uscc, encode(id_hmac, 'hex') as h, id_masked, name, name_norm, legal_rep_name, region_code from subject order by id`),
    links: await q('select subject_id, role, person_name, person_id_hmac, since, until from subject_link order by subject_id, id'),
    identifiers: await q('select subject_id, scheme, value, value_norm from subject_identifier order by scheme, value'),
    records: await q(`select id, subject_id, source_key, fields, decided_on, valid_from, valid_until, publish_from, publish_until, severity, state, version, content_hash from record order by id`),
    ledger: await q('select seq, record_id, subject_id, version, op, snapshot, actor_kind, actor_name, reason, at, prev_hash, hash from record_version order by seq'),
    personal: await q(`select record_id, field, encode(value_hmac, 'hex') as h from record_personal order by record_id, field`),
    receipts: await q('select * from record_receipt order by record_id'),
    errors: await q('select row_no, severity, field, code, message, raw from submission_error order by row_no, id'),
    fill: await q('select field, filled from submission_field order by field'),
  };
};

beforeAll(async () => {
  [bulkDb, rowDb] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  for (const db of [bulkDb, rowDb]) await addDepartment(db.pool, systemViewer, { code: 'SCJGJ', name: '南通市市场监督管理局' });
});
afterAll(async () => Promise.all([bulkDb.drop(), rowDb.drop()]));

describe('bulk import', () => {
  let bulk: SubmissionResult;
  let perRow: SubmissionResult;

  it('loads a few thousand rows in batches with a ledger that verifies', async () => {
    bulk = await load(bulkDb, false, 400);
    expect(bulk.counts).toMatchObject({ received: 2000, revoked: 1, rejected: 3, warnings: 1 });
    expect(bulk.counts.created).toBe(1996);
    const ledger = await verifyLedger(bulkDb.pool);
    expect(ledger).toEqual({ checked: 1997, broken: null, outOfLedger: [] });
  });

  it('leaves exactly what the per-row path leaves', async () => {
    perRow = await load(rowDb, true, 400);
    expect(perRow.counts).toEqual(bulk.counts);
    const [a, b] = await Promise.all([dump(bulkDb), dump(rowDb)]);
    expect(a.errors.map((e) => e.code)).toEqual(['invalid_uscc', 'duplicate_key', 'name_mismatch', 'identifier_conflict']);
    expect(a.errors[1].message).toContain('第 10 行');
    for (const k of Object.keys(a) as (keyof typeof a)[]) expect(a[k], k).toEqual(b[k]);
  });

  it('finds every row unchanged when the same file runs again through saveCheckedRow', async () => {
    const again = await load(bulkDb, true, 1000);
    expect(again.counts).toMatchObject({ received: 2000, created: 0, updated: 0, unchanged: 1997, revoked: 0, rejected: 3 });
    const bulkAgain = await load(bulkDb, false, 700);
    expect(bulkAgain.counts).toEqual(again.counts);
    expect((await verifyLedger(bulkDb.pool)).checked).toBe(1997);
  });
});

describe('an upload that breaks off', () => {
  it('fails the submission, keeping the batches already committed', async () => {
    const head = csv.split('\r\n').slice(0, 1001).join('\r\n') + '\r\n';
    async function* broken() {
      yield Buffer.from(head);
      await new Promise((r) => setTimeout(r, 10));
      throw new Error('connection reset by peer');
    }
    const db = rowDb;
    const before = Number((await db.pool.query('select count(*) from record')).rows[0].count);
    await expect(submitFile({ pool: db.pool, pd: db.pd, clock }, systemViewer, { department: 'SCJGJ', category: 'penalty' }, Readable.from(broken()), { batchSize: 300 })).rejects.toThrow('connection reset');
    const sub = (await db.pool.query(`select id, status, error, received from submission order by id desc limit 1`)).rows[0];
    expect(sub).toMatchObject({ status: 'failed', error: { code: 'import_failed', message: 'connection reset by peer' } });
    expect(sub.received).toBeGreaterThanOrEqual(900);
    const events = await db.pool.query('select status from submission_event where submission_id = $1 order by id', [sub.id]);
    expect(events.rows.map((e) => e.status)).toEqual(['received', 'processing', 'failed']);
    expect(Number((await db.pool.query('select count(*) from record')).rows[0].count)).toBe(before);
  });
});
