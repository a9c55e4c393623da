import type { Config } from './config.js';
import type { Pool } from './db/pool.js';
import type { Clock } from './lib/clock.js';
import type { PersonalData } from './lib/personal-data.js';

/**
 * What the routes need; wired by hand so tests can pass their own pool and clock. Its own file so
 * route files depend on it rather than on app.ts, which imports every route file.
 */
export interface AppDeps {
  config: Config;
  pool: Pool;
  pd: PersonalData;
  clock: Clock;
  /** Fastify logger options (see src/main.ts for the redacting serializers); off in tests. */
  logger?: boolean | object;
}
