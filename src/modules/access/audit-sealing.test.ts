import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, json, type SessionHeaders, type TestApp } from '../../../test/helpers/app.js';
import { addDays, TEST_NOW, TEST_TODAY } from '../../../test/helpers/clock.js';
import { makeDepartment, newUscc } from '../../../test/helpers/factories.js';
import { freePort } from '../../../test/helpers/net.js';
import { appendAudit, sealAudit, startAuditSealer, verifyAudit } from './audit.js';

// Audit entries are appended with a plain insert and sealed into the hash chain by one sequencer.
// What a reader of the log relies on: every entry is there, the chain verifies, and no crash loses
// an entry whose read was answered.

vi.setConfig({ testTimeout: 180_000 });

let t: TestApp;
let admin: SessionHeaders;
const uscc = newUscc();

beforeAll(async () => {
  t = await createTestApp();
  await makeDepartment(t, 'SWJ', '市税务局');
  admin = await t.loginAs('admin');
  const r = await t.app.inject({
    method: 'POST', url: '/api/v1/records', headers: admin,
    payload: { department: 'SWJ', category: 'tax_arrears', fields: { ZTMC: '南通封存测试有限公司', TYSHXYDM: uscc, XXBH: 'SEAL-1', SZ: '增值税', QSJE: '2.5', RDRQ: addDays(TEST_TODAY, -100), ZGSWJG: '市税务局' } },
  });
  expect(r.statusCode, r.body).toBe(201);
});
afterAll(() => t.close());

const scalar = async (sql: string): Promise<number> => Number((await t.db.pool.query(sql)).rows[0].n);
const actor = { kind: 'admin', id: '1', name: 'admin' };

describe('the audit sequencer', () => {
  it('seals entries appended concurrently, by several sequencers at once, into one gapless chain', async () => {
    const sealers = [startAuditSealer(t.db.pool, 5, () => undefined), startAuditSealer(t.db.pool, 7, () => undefined)];
    const before = await scalar('select count(*) as n from audit_log');
    await Promise.all(Array.from({ length: 300 }, (_, i) => appendAudit(t.db.pool, { actor, action: 'archive_read', subjectId: i, purpose: `并发 ${i}` })));
    // Entries are visible before they are sealed: the views read the table, not the chain.
    expect(await scalar('select count(*) as n from audit_log') - before).toBe(300);
    await Promise.all(sealers.map((s) => s.stop()));
    const v = await verifyAudit(t.db.pool);
    expect(v).toEqual({ checked: before + 300, broken: null, pending: 0 });
    expect(await scalar('select count(*) as n from audit_log where chain_pos is null')).toBe(0);
    expect(await scalar('select max(chain_pos) - min(chain_pos) + 1 - count(*) as n from audit_log')).toBe(0);
    expect(await sealAudit(t.db.pool)).toBe(0);
  });

  it('names an entry changed after sealing', async () => {
    await appendAudit(t.db.pool, { actor, action: 'archive_read', subjectId: 1, purpose: '原用途' });
    expect((await verifyAudit(t.db.pool)).broken).toBeNull();
    const seq = await scalar('select max(seq) as n from audit_log');
    await t.db.pool.query("update audit_log set purpose = '篡改' where seq = $1", [seq]);
    expect((await verifyAudit(t.db.pool)).broken).toMatchObject({ seq, reason: 'hash_mismatch' });
    await t.db.pool.query("update audit_log set purpose = '原用途' where seq = $1", [seq]);
    expect((await verifyAudit(t.db.pool)).broken).toBeNull();
  });
});

describe('a server killed (kill -9) while audited reads run', () => {
  it('loses no entry of an answered read, and the chain verifies afterwards', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'xinyong-audit-kill-'));
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: path.resolve(import.meta.dirname, '../../..'),
      env: {
        ...process.env, DATABASE_URL: t.db.url, DATA_DIR: dir, PORT: String(port), HOST: '127.0.0.1', DEMO_SUBJECTS: '0',
        XINYONG_HMAC_KEY: '07'.repeat(32), XINYONG_ENCRYPTION_KEY: '09'.repeat(32), XINYONG_NOW: TEST_NOW,
        ADMIN_PASSWORD: 'not used by this test', AUDIT_SEAL_MS: '20', LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    try {
      for (let i = 0; !out.includes('ready:'); i += 1) {
        if (i > 600 || child.exitCode !== null) throw new Error(`server did not start: ${out}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      const purpose = `崩溃测试 ${port}`;
      const url = `http://127.0.0.1:${port}/api/v1/subjects/${uscc}/archive`;
      const headers = { ...admin, 'x-purpose': encodeURIComponent(purpose) };
      let answered = 0;
      let killed = false;
      const worker = async () => {
        while (!killed) {
          try {
            const res = await fetch(url, { headers });
            if (res.status === 200) {
              const body = (await res.json()) as { scope: { publicOnly: boolean } };
              expect(body.scope.publicOnly).toBe(false);
              answered += 1;
            } else if (!killed) throw new Error(`archive read answered ${res.status}`);
          } catch (err) {
            if (!killed) throw err;
          }
        }
      };
      const workers = Array.from({ length: 16 }, worker);
      while (answered < 400) await new Promise((r) => setTimeout(r, 10));
      const sealedUnderLoad = await scalar(`select count(*) as n from audit_log where purpose = '${purpose}' and chain_pos is not null`);
      killed = true;
      child.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');
      await Promise.all(workers);
      // The sequencer ran while the reads did.
      expect(sealedUnderLoad).toBeGreaterThan(0);
      const logged = await scalar(`select count(*) as n from audit_log where action = 'archive_read' and purpose = '${purpose}'`);
      expect(logged).toBeGreaterThanOrEqual(answered);
      const v = await verifyAudit(t.db.pool);
      expect(v.broken).toBeNull();
      expect(v.pending).toBe(0);
      // The admin's view and the chain agree on every entry.
      const page = json<{ total: number }>(await t.app.inject({ url: `/api/v1/audit?pageSize=1&actor=${encodeURIComponent((await t.app.inject({ url: '/api/v1/auth/me', headers: admin })).json<{ username: string }>().username)}`, headers: admin }));
      expect(page.total).toBeGreaterThanOrEqual(logged);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await rm(dir, { recursive: true, force: true });
    }
  });
});
