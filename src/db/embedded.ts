import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { EmbeddedPostgres } from './embedded-postgres.js';
import pg from 'pg';

/** A running PostgreSQL the process may use; stop() only stops a server this process started. */
export interface EmbeddedHandle {
  readonly url: string;
  readonly startedByUs: boolean;
  stop(): Promise<void>;
}

interface EmbeddedState {
  port: number;
  user: string;
  password: string;
}

const USER = 'postgres';
/** Unicode-aware character classes (trigram search on Chinese names) independent of OS locales. */
const INITDB_FLAGS = ['--encoding=UTF8', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'];

function urlOf(s: EmbeddedState, database = 'postgres'): string {
  return `postgresql://${s.user}:${encodeURIComponent(s.password)}@127.0.0.1:${s.port}/${database}`;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function readState(file: string): Promise<EmbeddedState | null> {
  if (!existsSync(file)) return null;
  return JSON.parse(await readFile(file, 'utf8')) as EmbeddedState;
}

export interface EmbeddedOptions {
  dataDir: string;
  database?: string;
  /** Test clusters trade durability for speed. */
  fast?: boolean;
  /**
   * shared_buffers in MB; null: a quarter of the machine's memory, at least 128 MB, at most 4 GiB;
   * unset: that for a server, PostgreSQL's 128 MB for a fast (test) cluster.
   */
  sharedBuffersMb?: number | null;
  log?: (line: string) => void;
}

/**
 * Memory for the embedded server: shared_buffers (given, or a quarter of the machine's memory within
 * 128 MB – 4 GiB) and the planner's view of the OS cache (half the machine's memory).
 */
export function memoryFlags(sharedBuffersMb: number | null | undefined, totalMb = Math.floor(os.totalmem() / 2 ** 20)): string[] {
  const shared = sharedBuffersMb ?? Math.min(4096, Math.max(128, Math.floor(totalMb / 4)));
  return ['-c', `shared_buffers=${shared}MB`, '-c', `effective_cache_size=${Math.max(shared, Math.floor(totalMb / 2))}MB`];
}

/**
 * Connect to the embedded PostgreSQL of a data dir, starting it (and initialising it on first
 * use) when no server is running there. The port and generated password live in the data dir.
 */
export async function ensureEmbedded(opts: EmbeddedOptions): Promise<EmbeddedHandle> {
  const stateFile = path.join(opts.dataDir, 'embedded-postgres.json');
  const dbDir = path.join(opts.dataDir, 'pg');
  const database = opts.database ?? 'xinyong';
  let state = await readState(stateFile);
  if (state && (await canConnect(urlOf(state)))) {
    await ensureDatabase(urlOf(state), database);
    return { url: urlOf(state, database), startedByUs: false, stop: async () => undefined };
  }
  await mkdir(opts.dataDir, { recursive: true });
  // The server runs as the unprivileged postgres user: it must be able to enter the data dir.
  if (process.getuid?.() === 0) await chmod(opts.dataDir, 0o755);
  const port = await freePort();
  state = { port, user: USER, password: state?.password ?? randomBytes(18).toString('base64url') };
  const server = new EmbeddedPostgres({
    databaseDir: dbDir,
    port: state.port,
    user: state.user,
    password: state.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: true,
    initdbFlags: opts.fast ? [...INITDB_FLAGS, '--no-sync'] : INITDB_FLAGS,
    postgresFlags: [...(opts.fast && opts.sharedBuffersMb === undefined ? [] : memoryFlags(opts.sharedBuffersMb)), ...(opts.fast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : [])],
    onLog: (m) => opts.log?.(m.trim()),
    onError: (e) => opts.log?.(String(e).trim()),
  });
  if (!existsSync(path.join(dbDir, 'PG_VERSION'))) await server.initialise();
  try {
    await server.start();
  } catch (err) {
    throw new Error(`embedded PostgreSQL failed to start in ${dbDir}${err ? `: ${String(err)}` : ''}`);
  }
  await writeFile(stateFile, JSON.stringify(state), { mode: 0o600 });
  await ensureDatabase(urlOf(state), database);
  return { url: urlOf(state, database), startedByUs: true, stop: () => server.stop() };
}

/** Create a database if missing (UTF8, template0, builtin C.UTF-8 inherited from the cluster). */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(database)) throw new Error(`bad database name ${database}`);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const r = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (r.rowCount === 0) await client.query(`create database ${database} template template0 encoding 'UTF8'`);
  } finally {
    await client.end();
  }
}
