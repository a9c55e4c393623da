import { withTx, type Pool } from '../../db/pool.js';
import type { Config } from '../../config.js';
import type { Clock } from '../../lib/clock.js';
import type { PersonalData } from '../../lib/personal-data.js';
import * as catalog from '../catalog/service.js';
import { buildPayload, type BatchPayload } from './payload.js';
import * as repo from './repo.js';
import type { BatchRow, Receipt, RejectedRow, TargetRow } from './types.js';
import { DeliveryFailure, postJson } from './wire.js';

export interface DeliveryContext {
  pool: Pool;
  pd: PersonalData;
  clock: Clock;
  settings: Config['exchange'];
  log?: (line: string) => void;
}

export type DeliveryOutcome = 'idle' | 'acknowledged' | 'retrying' | 'dead';

/** The longest wait between two tries of one batch. */
const MAX_BACKOFF_MS = 3_600_000;

/** Delay before try n+1 after n failed tries: the first back-off doubled per try, capped at an hour. */
export function backoffMs(firstMs: number, failedTries: number): number {
  return Math.min(MAX_BACKOFF_MS, firstMs * 2 ** Math.max(0, failedTries - 1));
}

async function personalOf(ctx: DeliveryContext, recordIds: number[]): Promise<Map<number, Record<string, string>>> {
  const out = new Map<number, Record<string, string>>();
  for (const p of await repo.personalValues(ctx.pool, recordIds)) {
    out.set(p.recordId, { ...out.get(p.recordId), [p.field]: ctx.pd.decrypt(p.cipher) });
  }
  return out;
}

interface SubmitAnswer {
  id?: number;
  counts?: Record<string, number>;
  errors?: { row: number; field: string | null; code: string; message: string }[];
  error?: { code?: string; message?: string };
}

/** Sends a batch's payload; returns the target's receipt or throws DeliveryFailure. */
async function send(ctx: DeliveryContext, target: TargetRow, payload: BatchPayload): Promise<Receipt> {
  const credential = ctx.pd.decrypt(target.credentialCipher);
  const receipt: Receipt = { submissions: [], stateChanges: null };
  for (const [category, { rows, keys }] of payload.submissions) {
    const a = await postJson(target.baseUrl, credential, '/submissions', { department: target.remoteDepartment, category, records: rows }, ctx.settings.timeoutMs);
    const body = a.body as SubmitAnswer;
    if (a.status === 201) {
      if (typeof body.id !== 'number' || !body.counts || !Array.isArray(body.errors)) throw new DeliveryFailure('对方回执缺少批次号或计数（格式不符）');
      const rejected: RejectedRow[] = body.errors.map((e) => ({ category, sourceKey: keys[e.row - 1] ?? '', field: e.field, code: e.code, reason: e.message }));
      receipt.submissions.push({ category, submissionId: body.id, counts: body.counts, rejected });
    } else {
      // The target refused the whole submission (unknown category, department …): every row rejected with its reason.
      const reason = body.error?.message ?? `HTTP ${a.status}`;
      const code = body.error?.code ?? 'refused';
      receipt.submissions.push({ category, submissionId: 0, counts: { received: rows.length, rejected: rows.length }, rejected: keys.map((k) => ({ category, sourceKey: k, code, reason })) });
    }
  }
  if (payload.stateChanges.length) {
    const a = await postJson(target.baseUrl, credential, '/exchange/state-changes', { department: target.remoteDepartment, changes: payload.stateChanges }, ctx.settings.timeoutMs);
    const b = a.body as { accepted?: number; duplicates?: number; rejected?: RejectedRow[]; error?: { code?: string; message?: string } };
    if (a.status === 200 && typeof b.accepted === 'number' && typeof b.duplicates === 'number' && Array.isArray(b.rejected)) {
      receipt.stateChanges = { accepted: b.accepted, duplicates: b.duplicates, rejected: b.rejected };
    } else if (a.status !== 200) {
      const reason = b.error?.message ?? `HTTP ${a.status}`;
      receipt.stateChanges = { accepted: 0, duplicates: 0, rejected: payload.stateChanges.map((c) => ({ category: c.category, sourceKey: c.sourceKey, code: b.error?.code ?? 'refused', reason })) };
    } else {
      throw new DeliveryFailure('对方状态变更回执格式不符');
    }
  }
  return receipt;
}

/** The open batch of a target, or a new one over the next changes after its cursor; null when nothing waits. */
async function batchFor(ctx: DeliveryContext, target: TargetRow): Promise<BatchRow | null> {
  const open = await repo.openBatch(ctx.pool, target.id);
  if (open) return open;
  const next = await repo.nextChanges(ctx.pool, target.cursorSeq, target.receives.categories, ctx.settings.batchSize);
  if (!next.length) return null;
  return repo.insertBatch(ctx.pool, { targetId: target.id, fromSeq: target.cursorSeq, toSeq: next[next.length - 1]!.seq, changes: next.length, at: ctx.clock.now() });
}

/** One try for one target: build or re-send its open batch; store the receipt and move the cursor, or back off. */
export async function deliverTarget(ctx: DeliveryContext, target: TargetRow): Promise<DeliveryOutcome> {
  const batch = await batchFor(ctx, target);
  if (!batch) return 'idle';
  try {
    const changes = await repo.changesIn(ctx.pool, batch.fromSeq, batch.toSeq, target.receives.categories);
    const keyFields = new Map((await catalog.listCategories(ctx.pool)).map((c) => [c.code, c.keyField]));
    const payload = buildPayload(changes, target.receives, (code) => keyFields.get(code) ?? null, await personalOf(ctx, [...new Set(changes.map((c) => c.recordId))]));
    const receipt = await send(ctx, target, payload);
    await withTx(ctx.pool, (tx) => repo.acknowledge(tx, batch, receipt, ctx.clock.now()));
    ctx.log?.(`exchange: ${target.name} acknowledged batch #${batch.id} (${batch.changes} changes, up to #${batch.toSeq})`);
    return 'acknowledged';
  } catch (err) {
    if (!(err instanceof DeliveryFailure)) ctx.log?.(`exchange: ${target.name} batch #${batch.id} failed: ${(err as Error).stack ?? String(err)}`);
    const reason = err instanceof DeliveryFailure ? err.message : `内部错误：${(err as Error).message}`;
    const tries = batch.attempts + 1;
    const dead = tries >= ctx.settings.maxAttempts;
    const now = ctx.clock.now();
    const next = dead ? null : new Date(now.getTime() + backoffMs(ctx.settings.backoffMs, tries));
    await withTx(ctx.pool, (tx) => repo.recordFailure(tx, batch, reason, next, dead, now));
    ctx.log?.(`exchange: ${target.name} batch #${batch.id} try ${tries} failed (${reason})${dead ? '; dead-lettered, target paused' : `; next try ${next!.toISOString()}`}`);
    return dead ? 'dead' : 'retrying';
  }
}

/** One pass: every due target gets one try, all at once, so a slow or failing target holds up no other. */
export async function deliverDue(ctx: DeliveryContext): Promise<Map<number, DeliveryOutcome>> {
  const due = await repo.dueTargets(ctx.pool, ctx.clock.now());
  const results = await Promise.all(due.map(async (t) => [t.id, await deliverTarget(ctx, t)] as const));
  return new Map(results);
}

/**
 * The delivery loop of the one process that runs background jobs: every pollMs it starts a try for
 * each due target not already in flight (targets run independently: one timing out delays no other);
 * a target that just had a batch acknowledged goes again at once until it has caught up.
 */
export function startExchangeDelivery(ctx: DeliveryContext): { stop(): void } {
  const inFlight = new Set<number>();
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  const run = (target: TargetRow) => {
    inFlight.add(target.id);
    void deliverTarget(ctx, target)
      .then(async (outcome) => {
        inFlight.delete(target.id);
        if (outcome === 'acknowledged' && !stopped) {
          const fresh = await repo.findTarget(ctx.pool, target.id);
          if (fresh?.active && !fresh.pausedAt && !inFlight.has(fresh.id)) run(fresh);
        }
      })
      .catch((err: unknown) => {
        inFlight.delete(target.id);
        ctx.log?.(`exchange: ${target.name}: ${(err as Error).message}`);
      });
  };
  const tick = async () => {
    if (stopped) return;
    try {
      for (const t of await repo.dueTargets(ctx.pool, ctx.clock.now())) if (!inFlight.has(t.id)) run(t);
    } catch (err) {
      ctx.log?.(`exchange delivery: ${(err as Error).message}`);
    }
    if (!stopped) {
      timer = setTimeout(() => void tick(), ctx.settings.pollMs);
      timer.unref();
    }
  };
  void tick();
  return {
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
