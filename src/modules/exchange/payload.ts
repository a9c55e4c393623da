import type { LedgerChange, Receives, StateChange } from './types.js';

/** What one batch sends: per category the rows for the target's ordinary submissions path, then state changes. */
export interface BatchPayload {
  /** category code → rows in national field codes (XK_/CF_ …), each with the source key it stands for. */
  submissions: Map<string, { rows: Record<string, unknown>[]; keys: string[] }>;
  stateChanges: StateChange[];
}

/** States a platform works out for itself from the record (publication window, expiry): never sent. */
const LOCAL_STATES = new Set(['expired']);

function wantsState(state: string, receives: Receives): boolean {
  if (state === 'repaired') return receives.repairs;
  if (state === 'revoked') return receives.revocations;
  // Back to active (an objection upheld, a repair withdrawn) or disputed (异议 marked): objection outcomes.
  return receives.objectionOutcomes || receives.repairs;
}

/**
 * Pure: the ledger changes of a batch → what is sent. Changes are coalesced per record to its last
 * version in the batch (the receiver keeps the latest content per source key anyway): the content
 * goes through the submissions path when it changed; a revocation goes as a revoke row (撤销标志) of
 * that path; a repair or objection outcome goes as a state change — never as a silent disappearance.
 * `personal` holds the decrypted personal values (ID numbers) the ledger keeps masked.
 */
export function buildPayload(
  changes: LedgerChange[],
  receives: Receives,
  keyFieldOf: (category: string) => string | null,
  personal: Map<number, Record<string, string>>,
): BatchPayload {
  const byRecord = new Map<number, LedgerChange[]>();
  for (const c of changes) {
    const list = byRecord.get(c.recordId) ?? [];
    list.push(c);
    byRecord.set(c.recordId, list);
  }
  const out: BatchPayload = { submissions: new Map(), stateChanges: [] };
  const addRow = (category: string, key: string, row: Record<string, unknown>) => {
    const s = out.submissions.get(category) ?? { rows: [], keys: [] };
    s.rows.push(row);
    s.keys.push(key);
    out.submissions.set(category, s);
  };
  for (const [recordId, list] of byRecord) {
    const last = list[list.length - 1]!;
    if (last.state === 'revoked') {
      const keyField = keyFieldOf(last.category);
      if (receives.revocations && keyField) addRow(last.category, last.sourceKey, { [keyField]: last.sourceKey, _revoked: true });
      continue;
    }
    if (list.some((c) => c.op === 'create' || c.op === 'update')) {
      addRow(last.category, last.sourceKey, { ...last.fields, ...personal.get(recordId) });
    }
    const stateMoved = list.some((c) => c.op === 'state' || c.op === 'revoke');
    if (stateMoved && !LOCAL_STATES.has(last.state) && wantsState(last.state, receives)) {
      out.stateChanges.push({
        category: last.category, sourceKey: last.sourceKey, version: last.version,
        state: last.state as StateChange['state'], reason: last.reason ?? '上级平台同步',
      });
    }
  }
  return out;
}
