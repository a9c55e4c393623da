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
import { submitFile } from './service.js';

// The bulk path writes records and ledger entries by COPY in text format: values holding COPY's
// own special characters (backslash, tab, line breaks) and JSON's (quotes) must arrive intact.
vi.setConfig({ testTimeout: 60_000 });
const clock = fixedClock(TEST_NOW);
let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  await addDepartment(db.pool, systemViewer, { code: 'SCJGJ', name: '南通市市场监督管理局' });
});
afterAll(() => db.drop());

describe('bulk import of awkward values', () => {
  it('stores backslashes, tabs, line breaks and quotes as sent, with a ledger that verifies', async () => {
    const rows = penaltyDataset(6, 21, clock.today()).map((r, i) => ({
      ...r,
      CF_WSH: `罚\\字〔${yearOf(clock.today())}〕"${i}"\t号`,
      CF_SY: `第一行\\n不是换行\r\n第二行\t制表符 \\\\ 两个反斜杠 "引号" \\N`,
    }));
    const load = () => submitFile({ pool: db.pool, pd: db.pd, clock }, systemViewer, { department: 'SCJGJ', category: 'penalty', fileName: 'p.csv' },
      Readable.from([Buffer.from(toCsv(rows, PENALTY_HEADERS))]), { batchSize: 4 });
    const first = await load();
    expect(first.counts).toMatchObject({ received: 6, created: 6, rejected: 0 });
    const stored = (await db.pool.query(`select source_key, fields->>'CF_SY' as sy from record order by id`)).rows;
    expect(stored.map((r) => r.source_key)).toEqual(rows.map((r) => r.CF_WSH));
    expect(stored.map((r) => r.sy)).toEqual(rows.map((r) => r.CF_SY.trim()));
    expect(await verifyLedger(db.pool)).toEqual({ checked: 6, broken: null, outOfLedger: [] });
    const again = await load();
    expect(again.counts).toMatchObject({ received: 6, created: 0, unchanged: 6 });
  });
});
