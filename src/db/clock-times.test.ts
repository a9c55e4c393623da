import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.js';

// Business times (filed, decided, received, created, run …) come from the application's injected
// clock. The database's own time is allowed only where listed here, each with its reason; a new
// default now() or a new now()/current_date in SQL fails this test until it is justified.

/** Columns that may keep a database-time default: row stamps nothing rules on or counts. */
const DEFAULTS_ALLOWED: Record<string, string> = {
  'schema_migration.applied_at': 'when this database applied a migration',
  'department.created_at': 'configuration row stamp',
  'app_user.created_at': 'account row stamp (security: wall clock)',
  'session.created_at': 'session stamp (security: sessions expire by the wall clock)',
  'category.created_at': 'catalog row stamp',
  'subject.created_at': 'row stamp (first seen by this database)',
  'subject_identifier.created_at': 'row stamp',
  'api_key.created_at': 'configuration row stamp',
  'department_obligation.created_at': 'configuration row stamp',
  'list.created_at': 'catalog row stamp',
  'measure.created_at': 'catalog row stamp',
  'rule_set.created_at': 'configuration row stamp (versions carry their own effective dates)',
  'commitment_item.created_at': 'catalog row stamp',
  'evaluation_model.created_at': 'configuration row stamp',
  'inspection_item.created_at': 'catalog row stamp',
  'inspector.created_at': 'directory row stamp',
};
const UPDATED_AT = /\.updated_at$/; // every updated_at: when the row was last written

/** Source files that may use the database's time in SQL, beyond `updated_at = now()` row stamps. */
const SQL_TIME_ALLOWED: Record<string, string> = {
  'src/db/migrate.ts': 'schema_migration.applied_at',
  'src/modules/evaluation/repo.ts': "incremental runs' high-water mark follows commit order, which only the database's time gives",
  'src/modules/access/repo.ts': 'sessions and login lock-out: security times, wall clock on both sides (as access/service.ts)',
  'src/modules/ingest/repo.ts': "submission started_at/finished_at measure the machine's processing time",
  'src/modules/review/repo.ts': 'name index refresh stamp (a cache, not a business time)',
};

const SQL_TIME = /(?<![.\w])(now\(\)|current_date|current_timestamp|clock_timestamp\(\)|localtimestamp|statement_timestamp\(\)|transaction_timestamp\(\))/gi;
const ROW_STAMP = /updated_at\s*=\s*now\(\)/gi;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function sourceFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await sourceFiles(p)));
    else if (/\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name)) out.push(p);
  }
  return out;
}

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

describe('business times come from the injected clock', () => {
  it('leaves database-time defaults only on the listed row stamps', async () => {
    const r = await db.pool.query<{ col: string }>(
      `select table_name || '.' || column_name as col from information_schema.columns
        where table_schema = 'public' and column_default ~* '(now\\(\\)|current_date|current_timestamp|clock_timestamp|localtimestamp|statement_timestamp|transaction_timestamp)'
        order by 1`,
    );
    const found = r.rows.map((x) => x.col);
    const unexplained = found.filter((c) => !UPDATED_AT.test(c) && !(c in DEFAULTS_ALLOWED));
    expect(unexplained).toEqual([]);
    // The business columns really lost their defaults (a sample the rules and statistics read).
    for (const c of ['review.created_at', 'measure_feedback.created_at', 'submission.submitted_at', 'objection.created_at', 'repair.created_at', 'commitment.created_at', 'list_entry.created_at', 'domain_event.created_at', 'evaluation_run.started_at', 'record.created_at']) {
      expect(found).not.toContain(c);
    }
    // And nothing stale hides in the allowlist.
    expect(Object.keys(DEFAULTS_ALLOWED).filter((c) => !found.includes(c))).toEqual([]);
  });

  it('uses the database time in SQL only in the listed places', async () => {
    const offenders: string[] = [];
    const used = new Set<string>();
    for (const file of await sourceFiles(path.join(ROOT, 'src'))) {
      const rel = path.relative(ROOT, file).split(path.sep).join('/');
      if (rel === 'src/lib/clock.ts') continue; // the Clock interface itself (now(): Date), no SQL
      const lines = (await readFile(file, 'utf8')).split('\n');
      lines.forEach((line, i) => {
        const code = line.replace(/\/\/.*$/, '').replace(/^\s*\*.*$/, '').replace(ROW_STAMP, '');
        if (!code.match(SQL_TIME)) return;
        if (rel in SQL_TIME_ALLOWED) used.add(rel);
        else offenders.push(`${rel}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(offenders).toEqual([]);
    expect(Object.keys(SQL_TIME_ALLOWED).filter((f) => !used.has(f))).toEqual([]);
  });
});
