import { InvalidTransitionError } from '../errors.js';

/** A workflow's allowed moves: for each state, the states that may follow it. */
export type TransitionMap<S extends string> = Readonly<Record<S, readonly S[]>>;

/**
 * The one transition check of every workflow (records, list entries and the case kinds): throws
 * InvalidTransitionError (409 invalid_transition) unless `to` may follow `from`.
 */
export function checkTransition<S extends string>(entity: string, transitions: TransitionMap<S>, from: S, to: S): void {
  if (!transitions[from].includes(to)) throw new InvalidTransitionError(entity, from, to);
}
