import type { EmbeddedHandle } from './db/embedded.js';
import type { Pool } from './db/pool.js';
import type { Clock } from './lib/clock.js';
import type { PersonalData } from './lib/personal-data.js';

/**
 * The open database and secrets, shared by the server and the CLI. Apart from runtime.ts, which
 * opens it (and seeds modules), so the modules' CLI commands can name it.
 */
export interface Platform {
  pool: Pool;
  pd: PersonalData;
  /** The business clock: the wall clock, or XINYONG_NOW's running clock. */
  clock: Clock;
  embedded: EmbeddedHandle | null;
  close(): Promise<void>;
}
