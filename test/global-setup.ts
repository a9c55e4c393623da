import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureEmbedded, type EmbeddedHandle } from '../src/db/embedded.js';

declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
  }
}

let handle: EmbeddedHandle | null = null;
let dir: string | null = null;

/**
 * One real PostgreSQL for the whole run: the embedded one in a temp dir (fsync off), or the
 * server named by TEST_DATABASE_URL. Each test file creates its own database on it.
 */
export async function setup(project: TestProject): Promise<void> {
  const external = process.env.TEST_DATABASE_URL;
  if (external) {
    project.provide('adminDatabaseUrl', external);
    return;
  }
  dir = await mkdtemp(path.join(os.tmpdir(), 'xinyong-test-'));
  await chmod(dir, 0o755); // the embedded server runs as the unprivileged postgres user
  handle = await ensureEmbedded({ dataDir: dir, database: 'postgres', fast: true });
  project.provide('adminDatabaseUrl', handle.url);
}

export async function teardown(): Promise<void> {
  await handle?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
}
