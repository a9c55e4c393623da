import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config.js';
import { openPlatform } from '../src/runtime.js';
import { createTestDatabase, type TestDatabase } from './helpers/db.js';

let db: TestDatabase;
let dir: string;
beforeAll(async () => {
  db = await createTestDatabase();
  dir = await mkdtemp(path.join(os.tmpdir(), 'xinyong-ext-'));
});
afterAll(async () => {
  await db.drop();
  await rm(dir, { recursive: true, force: true });
});

describe('DATABASE_URL', () => {
  it('uses the external server as is: no embedded PostgreSQL, migrations idempotent, keys generated once', async () => {
    const config = parseConfig({ DATABASE_URL: db.url, DATA_DIR: dir });
    const p = await openPlatform(config);
    expect(p.embedded).toBeNull();
    const cats = await p.pool.query('select count(*)::int as n from category');
    expect(cats.rows[0].n).toBeGreaterThanOrEqual(15);
    const blob = p.pd.encrypt('x');
    await p.close();
    const again = await openPlatform(config);
    expect(again.pd.decrypt(blob)).toBe('x');
    const files = (await readdir(path.resolve(import.meta.dirname, '../src/db/migrations'))).filter((f) => f.endsWith('.sql'));
    expect((await again.pool.query('select count(*)::int as n from schema_migration')).rows[0].n).toBe(files.length);
    await again.close();
  });
});
