import { withTx, type Db, type Pool } from '../../db/pool.js';
import { ConflictError, NotFoundError, ValidationError, type ErrorDetail } from '../../errors.js';
import type { Clock } from '../../lib/clock.js';
import type { PersonalData } from '../../lib/personal-data.js';
import { actorOf, appendAudit } from '../access/audit.js';
import { requireRole, type Viewer } from '../access/viewer.js';
import * as catalog from '../catalog/service.js';
import * as repo from './repo.js';
import type { BatchRow, Receives, TargetKind, TargetRow } from './types.js';

export interface ExchangeContext {
  pool: Pool;
  pd: PersonalData;
  clock: Clock;
}

export interface TargetInput {
  name: string;
  kind: TargetKind;
  baseUrl: string;
  /** The target's API key; on update, absent keeps the stored one. */
  credential?: string;
  remoteDepartment: string;
  receives: Receives;
  active?: boolean;
}

function checkBaseUrl(raw: string): ErrorDetail[] {
  try {
    const u = new URL(raw);
    if ((u.protocol === 'http:' || u.protocol === 'https:') && !u.username && !u.password && !u.search && !u.hash) return [];
  } catch {
    // reported below
  }
  return [{ field: 'baseUrl', message: '对方平台地址须为 http(s) 网址，如 https://credit.example.gov.cn（不含账号、查询参数）' }];
}

async function checkInput(db: Db, input: TargetInput, creating: boolean): Promise<void> {
  const issues: ErrorDetail[] = [...checkBaseUrl(input.baseUrl)];
  if (!input.name.trim()) issues.push({ field: 'name', message: '名称不能为空' });
  if (!input.remoteDepartment.trim()) issues.push({ field: 'remoteDepartment', message: '须填写本平台在对方平台的部门编码' });
  if (creating && !input.credential?.trim()) issues.push({ field: 'credential', message: '须填写对方平台发给本平台的 API 密钥' });
  const known = new Set((await catalog.listCategories(db)).map((c) => c.code));
  for (const code of input.receives.categories) if (!known.has(code)) issues.push({ field: 'receives.categories', message: `没有编码为“${code}”的信息类别` });
  if (issues.length) throw new ValidationError('交换对象信息有误', issues);
}

/** A target as the API shows it: never its credential. */
export function targetView(t: TargetRow, extra: { head?: number; pending?: number; dead?: number } = {}) {
  return {
    id: t.id, name: t.name, kind: t.kind, baseUrl: t.baseUrl, remoteDepartment: t.remoteDepartment, receives: t.receives, active: t.active,
    cursor: t.cursorSeq, lag: extra.head === undefined ? null : Math.max(0, extra.head - t.cursorSeq),
    attempts: t.attempts, nextAttemptAt: t.nextAttemptAt?.toISOString() ?? null, lastError: t.lastError,
    lastDeliveredAt: t.lastDeliveredAt?.toISOString() ?? null, pausedAt: t.pausedAt?.toISOString() ?? null,
    pendingBatches: extra.pending ?? null, deadBatches: extra.dead ?? null, hasCredential: t.credentialCipher.length > 0,
  };
}

export function batchView(b: BatchRow) {
  return {
    id: b.id, fromSeq: b.fromSeq, toSeq: b.toSeq, changes: b.changes, status: b.status, attempts: b.attempts, lastError: b.lastError,
    receipt: b.receipt, createdAt: b.createdAt.toISOString(), acknowledgedAt: b.acknowledgedAt?.toISOString() ?? null,
  };
}

const OPERATORS = ['admin', 'operator'] as const;

/** An operator registers a platform or department system this platform delivers to. */
export async function createTarget(ctx: ExchangeContext, viewer: Viewer, input: TargetInput): Promise<TargetRow> {
  requireRole(viewer, ...OPERATORS);
  await checkInput(ctx.pool, input, true);
  return withTx(ctx.pool, async (tx) => {
    if (await repo.findTargetByName(tx, input.name.trim())) throw new ConflictError(`已有名为“${input.name.trim()}”的交换对象`, [{ field: 'name', message: 'duplicate' }]);
    const t = await repo.insertTarget(tx, dataOf(ctx, input, null), ctx.clock.now());
    await appendAudit(tx, { actor: actorOf(viewer), action: 'exchange.target.created', details: { targetId: t.id, name: t.name, kind: t.kind, baseUrl: t.baseUrl, receives: t.receives } });
    return t;
  });
}

function dataOf(ctx: ExchangeContext, input: TargetInput, existing: TargetRow | null): repo.TargetData {
  const credential = input.credential?.trim();
  return {
    name: input.name.trim(), kind: input.kind, baseUrl: input.baseUrl.trim(), remoteDepartment: input.remoteDepartment.trim(),
    credentialCipher: credential ? ctx.pd.encrypt(credential) : existing!.credentialCipher,
    receives: { ...input.receives, categories: [...new Set(input.receives.categories)] }, active: input.active ?? existing?.active ?? true,
  };
}

export async function getTarget(db: Db, viewer: Viewer, id: number): Promise<TargetRow> {
  requireRole(viewer, ...OPERATORS);
  const t = await repo.findTarget(db, id);
  if (!t) throw new NotFoundError('exchange target', String(id));
  return t;
}

export async function updateTarget(ctx: ExchangeContext, viewer: Viewer, id: number, input: TargetInput): Promise<TargetRow> {
  requireRole(viewer, ...OPERATORS);
  await checkInput(ctx.pool, input, false);
  return withTx(ctx.pool, async (tx) => {
    const existing = await repo.findTarget(tx, id, true);
    if (!existing) throw new NotFoundError('exchange target', String(id));
    const other = await repo.findTargetByName(tx, input.name.trim());
    if (other && other.id !== id) throw new ConflictError(`已有名为“${input.name.trim()}”的交换对象`, [{ field: 'name', message: 'duplicate' }]);
    const t = (await repo.updateTarget(tx, id, dataOf(ctx, input, existing), ctx.clock.now()))!;
    await appendAudit(tx, {
      actor: actorOf(viewer), action: 'exchange.target.updated',
      details: { targetId: id, name: t.name, baseUrl: t.baseUrl, receives: t.receives, active: t.active, credentialChanged: Boolean(input.credential?.trim()) },
    });
    return t;
  });
}

export async function deleteTarget(ctx: ExchangeContext, viewer: Viewer, id: number): Promise<void> {
  requireRole(viewer, ...OPERATORS);
  await withTx(ctx.pool, async (tx) => {
    const t = await repo.findTarget(tx, id, true);
    if (!t) throw new NotFoundError('exchange target', String(id));
    await repo.deleteTarget(tx, id);
    await appendAudit(tx, { actor: actorOf(viewer), action: 'exchange.target.deleted', details: { targetId: id, name: t.name, cursor: t.cursorSeq } });
  });
}

/** An operator resumes a target paused by a dead-lettered batch: that batch is tried again first. */
export async function resumeTarget(ctx: ExchangeContext, viewer: Viewer, id: number): Promise<TargetRow> {
  requireRole(viewer, ...OPERATORS);
  return withTx(ctx.pool, async (tx) => {
    const t = await repo.findTarget(tx, id, true);
    if (!t) throw new NotFoundError('exchange target', String(id));
    await repo.resumeTarget(tx, id);
    await appendAudit(tx, { actor: actorOf(viewer), action: 'exchange.target.resumed', details: { targetId: id, name: t.name, lastError: t.lastError } });
    return (await repo.findTarget(tx, id))!;
  });
}

/** Every target with its cursor, lag behind the ledger head and open/dead batch counts (no viewer check: the CLI and the routes use it). */
export async function exchangeStatus(db: Db) {
  const head = await repo.ledgerHead(db);
  const targets = await repo.listTargets(db);
  return Promise.all(targets.map(async (t) => {
    const c = await repo.batchCounts(db, t.id);
    return targetView(t, { head, pending: c.pending, dead: c.dead });
  }));
}

export async function listTargets(db: Db, viewer: Viewer) {
  requireRole(viewer, ...OPERATORS);
  return exchangeStatus(db);
}

export async function listBatches(db: Db, viewer: Viewer, id: number, limit: number) {
  await getTarget(db, viewer, id);
  return (await repo.listBatches(db, id, limit)).map(batchView);
}
