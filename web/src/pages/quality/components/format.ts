import type { T } from '../../../i18n';
import { isRejectReason, type Rate } from '../api';

/** A rate as a percentage with one decimal; “—” when there was nothing to measure. */
export const percent = (r: Rate): string => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

/** A rejection reason in words; a code this screen does not know yet is shown as it is. */
export const reasonText = (t: T, code: string): string => (isRejectReason(code) ? t(`reason.${code}`) : code);
