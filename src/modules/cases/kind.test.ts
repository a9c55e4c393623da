import { describe, expect, it } from 'vitest';
import { InvalidTransitionError } from '../../errors.js';
import type { TransitionMap } from '../../lib/transitions.js';
import { COMMITMENT_CASE } from '../commitments/case-kind.js';
import { OBJECTION_CASE } from '../objections/case-kind.js';
import { REPAIR_CASE } from '../repairs/case-kind.js';
import { checkStep, checkTransition, isOpen } from './kind.js';

const row = <S extends string>(state: S) => ({ id: 1, state });

/** States that end a case have no move back into handling; deadlines run in open states only. */
function inconsistencies<S extends string>(kind: { name: string; transitions: TransitionMap<S>; open: readonly S[]; deadline: { states: readonly S[] } }): string[] {
  const out: string[] = [];
  for (const s of Object.keys(kind.transitions) as S[]) {
    if (!kind.transitions[s].length && isOpen(kind, s)) out.push(`${kind.name}: ${s} is open but has no way on`);
    if (!isOpen(kind, s) && kind.transitions[s].some((to) => isOpen(kind, to))) out.push(`${kind.name}: ${s} leads back to an open state`);
  }
  for (const s of kind.deadline.states) if (!isOpen(kind, s)) out.push(`${kind.name}: deadline runs in ended state ${s}`);
  return out;
}

describe('case kinds', () => {
  it('allow the moves of their transition map and refuse the rest with invalid_transition', () => {
    expect(() => checkTransition(OBJECTION_CASE, row('received'), 'extended')).not.toThrow();
    expect(() => checkTransition(OBJECTION_CASE, row('extended'), 'extended')).toThrow(InvalidTransitionError);
    expect(() => checkTransition(REPAIR_CASE, row('approved'), 'revoked')).not.toThrow();
    let err: unknown;
    try {
      checkTransition(COMMITMENT_CASE, row('fulfilled'), 'breached');
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ code: 'invalid_transition', status: 409, message: '该信用承诺当前的办理状态不允许此操作，请刷新后查看最新状态', details: [{ field: 'state', from: 'fulfilled', to: 'breached' }] });
  });

  it('allow steps that keep the state only where the kind says', () => {
    expect(() => checkStep(OBJECTION_CASE, row('escalated'), 'checked')).not.toThrow();
    expect(() => checkStep(OBJECTION_CASE, row('maintained'), 'checked')).toThrow('该异议当前的办理状态不允许此操作');
    expect(() => checkStep(REPAIR_CASE, row('approved'), 'rechecked')).not.toThrow();
    expect(() => checkStep(REPAIR_CASE, row('rejected'), 'rechecked')).toThrow('该信用修复申请当前的办理状态不允许此操作');
    expect(() => checkStep(COMMITMENT_CASE, row('signed'), 'checked')).toThrow(InvalidTransitionError);
  });

  it('are consistent: ended states allow no move back into handling, deadlines run in open states only', () => {
    expect([...inconsistencies(OBJECTION_CASE), ...inconsistencies(REPAIR_CASE), ...inconsistencies(COMMITMENT_CASE)]).toEqual([]);
  });
});
