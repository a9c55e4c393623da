import type { PublicityItem, PublicityType } from '../api';

// The fields that say what the decision was, per 双公示 type (national field codes).
const MAIN: Record<PublicityType, { doc: string; what: string[] }> = {
  licence: { doc: 'XK_WSH', what: ['XK_XKWS', 'XK_NR'] },
  penalty: { doc: 'CF_WSH', what: ['CF_WFXW', 'CF_CFLB', 'CF_NR'] },
};

/** The document number of a row. */
export const docOf = (type: PublicityType, r: PublicityItem) => r.fields[MAIN[type].doc] ?? '—';
/** What was decided, in one line. */
export const contentOf = (type: PublicityType, r: PublicityItem) => MAIN[type].what.map((k) => r.fields[k]).filter(Boolean).join(' · ') || '—';
