import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as locks from './locks.js';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function filesUnder(dir: string, ext: RegExp): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await filesUnder(p, ext)));
    else if (ext.test(e.name) && !e.name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

describe('advisory lock keys', () => {
  const keys: number[] = Object.values(locks);

  it('are distinct', () => {
    expect(keys.length).toBeGreaterThan(0);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('are the only keys: none is written out anywhere else in the code, and the migrations take only these', async () => {
    const literal = /\b7_?160_?\d{3}\b|advisory_\w*lock\(\s*\d/;
    const sources = (await filesUnder(SRC, /\.ts$/)).filter((f) => f !== path.join(SRC, 'db', 'locks.ts'));
    const offenders = [];
    for (const f of sources) if (literal.test(await readFile(f, 'utf8'))) offenders.push(path.relative(SRC, f));
    expect(offenders).toEqual([]);
    for (const f of await filesUnder(path.join(SRC, 'db', 'migrations'), /\.sql$/)) {
      for (const m of (await readFile(f, 'utf8')).matchAll(/advisory_\w*lock\(\s*(\d+)/g)) expect(keys, path.basename(f)).toContain(Number(m[1]));
    }
  });
});
