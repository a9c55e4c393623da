import { withTx, type Pool } from '../../db/pool.js';
import { AppError } from '../../errors.js';
import type { Clock } from '../../lib/clock.js';
import * as access from '../access/service.js';
import { requireDepartmentWriter, requireRole, requireScope, type Viewer } from '../access/viewer.js';
import { actorFor, transitionRecord } from '../records/service.js';
import type { RecordState } from '../records/types.js';
import * as repo from './repo.js';
import type { RejectedRow, StateChange } from './types.js';

export interface InboundResult {
  accepted: number;
  duplicates: number;
  rejected: RejectedRow[];
}

/**
 * A lower platform's state changes (repair, revocation, objection outcome) of records it filed here
 * through the submissions path. Each is idempotent on (sender department, category, source key,
 * version): a re-sent change counts as a duplicate and changes nothing. The submissions path can
 * express a revocation (撤销标志) but not a repair, hence this route (scope exchange:write).
 */
export async function receiveStateChanges(ctx: { pool: Pool; clock: Clock }, viewer: Viewer, input: { department: string; changes: StateChange[] }): Promise<InboundResult> {
  requireRole(viewer, 'admin', 'operator', 'department');
  requireScope(viewer, 'exchange:write');
  const department = await access.getDepartment(ctx.pool, input.department);
  requireDepartmentWriter(viewer, department.id);
  const out: InboundResult = { accepted: 0, duplicates: 0, rejected: [] };
  for (const c of input.changes) {
    try {
      const outcome = await withTx(ctx.pool, async (tx) => {
        const rec = await repo.findInboundRecord(tx, department.id, c.category, c.sourceKey);
        if (!rec) return { code: 'unknown_record', reason: `本平台没有该部门报送的、业务主键为“${c.sourceKey}”的${c.category}记录` };
        const fresh = await repo.claimInbound(tx, { departmentId: department.id, categoryId: rec.categoryId, sourceKey: c.sourceKey, version: c.version, state: c.state, recordId: rec.id, at: ctx.clock.now() });
        if (!fresh) return 'duplicate' as const;
        if (rec.state !== c.state) await transitionRecord({ db: tx, clock: ctx.clock }, rec.id, c.state as RecordState, actorFor(viewer), c.reason);
        return 'accepted' as const;
      });
      if (outcome === 'accepted') out.accepted += 1;
      else if (outcome === 'duplicate') out.duplicates += 1;
      else out.rejected.push({ category: c.category, sourceKey: c.sourceKey, code: outcome.code, reason: outcome.reason });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      out.rejected.push({ category: c.category, sourceKey: c.sourceKey, code: err.code, reason: err.message });
    }
  }
  return out;
}
