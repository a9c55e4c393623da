import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { migrate } from '../../src/db/migrate.js';
import { createPool } from '../../src/db/pool.js';
import { PersonalData } from '../../src/lib/personal-data.js';
import { seedNationalCatalog } from '../../src/modules/catalog/service.js';

export const TEST_KEYS = { hmacKey: Buffer.alloc(32, 7), encryptionKey: Buffer.alloc(32, 9) };

export interface TestDatabase {
  url: string;
  pool: pg.Pool;
  pd: PersonalData;
  drop(): Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** A fresh, migrated database with the national catalog seeded: one per test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('adminDatabaseUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name} template template0 encoding 'UTF8'`);
  await admin.end();
  const url = withDatabase(adminUrl, name);
  const pool = createPool(url, 5);
  await migrate(pool);
  await seedNationalCatalog(pool);
  return {
    url, pool, pd: new PersonalData(TEST_KEYS),
    drop: async () => {
      await pool.end();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
