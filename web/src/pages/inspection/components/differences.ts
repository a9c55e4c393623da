import type { DrawInputs, Mismatch } from '../api';
import type { W } from '../words';

const asIds = (v: unknown): number[] => (Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number') : []);
const subjectOf = (v: unknown): number | null => (v && typeof v === 'object' && 'subjectId' in v && typeof v.subjectId === 'number' ? v.subjectId : null);

/** One difference between the recomputed and the published draw, in words, with parties and inspectors by name. */
export function describeMismatch(m: Mismatch, inputs: DrawInputs | null, w: W): string {
  const parties = new Map((inputs?.tiers ?? []).flatMap((t) => t.parties).map((p) => [p.id, p.name]));
  const inspectors = new Map((inputs?.inspectors ?? []).map((i) => [i.id, i.name]));
  const party = (id: number | null) => (id === null ? '' : parties.get(id) ?? `#${id}`);
  const people = (v: unknown) => asIds(v).map((i) => inspectors.get(i) ?? `#${i}`).join('、') || w('none');
  const n = (m.ordinal ?? 0) + 1;
  switch (m.field) {
    case 'seedHash': return w('diff.seedHash');
    case 'inputsHash': return w('diff.inputsHash');
    case 'directoryHash': return w('diff.directoryHash');
    case 'draw': return w('diff.draw', { msg: String(m.found ?? '') });
    case 'task': return m.found === null ? w('diff.missing', { n, party: party(subjectOf(m.expected)) }) : w('diff.extra', { n, party: party(subjectOf(m.found)) });
    case 'subjectId': return w('diff.subject', { n, expected: party(typeof m.expected === 'number' ? m.expected : null), found: party(typeof m.found === 'number' ? m.found : null) });
    case 'tier': return w('diff.tier', { n, expected: String(m.expected), found: String(m.found) });
    case 'inspectorIds': return w('diff.inspectors', { n, expected: people(m.expected), found: people(m.found) });
    default: return w('diff.other', { n });
  }
}
