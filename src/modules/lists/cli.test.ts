import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readImportFile } from './cli.js';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'xinyong-lists-cli-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('list import files', () => {
  it('read a JSON array or JSON Lines and name a bad line', async () => {
    const rows = [{ code: '91320602MA1MB4WX3K', name: '某公司', reason: '拒不履行' }, { code: '91320602MA1MB4WX3K', reason: 'x' }];
    await writeFile(path.join(dir, 'a.json'), `\uFEFF${JSON.stringify(rows)}`);
    await writeFile(path.join(dir, 'b.jsonl'), `${rows.map((r) => JSON.stringify(r)).join('\n')}\n\n`);
    await writeFile(path.join(dir, 'c.jsonl'), `${JSON.stringify(rows[0])}\nnot json\n`);
    expect(await readImportFile(path.join(dir, 'a.json'))).toEqual(rows);
    expect(await readImportFile(path.join(dir, 'b.jsonl'))).toEqual(rows);
    await expect(readImportFile(path.join(dir, 'c.jsonl'))).rejects.toThrow('line 2');
  });
});
