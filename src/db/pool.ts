import pg from 'pg';

// Dates stay 'YYYY-MM-DD' strings (no time-zone shifts); bigint ids and counts become numbers.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => v);

export type Pool = pg.Pool;
export type PoolClient = pg.PoolClient;
/** Anything that can run a query: the pool or a client inside a transaction. */
export type Db = pg.Pool | pg.PoolClient;

export function createPool(url: string, max = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, application_name: 'xinyong' });
  pool.on('error', () => undefined); // idle client errors (server restart) surface on next use
  // A connection dropped while a client is checked out (the server stopping under a transaction)
  // fails that client's queries; without a listener its 'error' event would end the process.
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}

/** The pool itself rather than one client of it (a transaction). */
export const isPool = (db: Db): db is pg.Pool => db instanceof pg.Pool;

/** Run fn in one transaction; rolled back on any error. */
export async function withTx<T>(pool: pg.Pool, fn: (tx: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const result = await fn(client);
    await client.query('commit');
    return result;
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/** Run fn in the caller's transaction when given a client, else in a new one. */
export function inTx<T>(db: Db, fn: (tx: pg.PoolClient) => Promise<T>): Promise<T> {
  return isPool(db) ? withTx(db, fn) : fn(db);
}
