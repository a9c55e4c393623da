import { addMonths } from '../../lib/clock.js';
import type { Category, Severity } from '../catalog/types.js';

const SERIOUS_TYPES = ['吊销许可证件', '限制开展生产经营活动', '责令停产停业', '责令关闭', '限制从业'];
const LIGHT_TYPES = ['警告', '通报批评'];
/** Simplified-procedure thresholds (行政处罚法 Art 51), in 10k yuan as CF_NR_FK carries them. */
const MINOR_FINE_PERSON_WAN = 0.02;
const MINOR_FINE_ORG_WAN = 0.3;

/**
 * Dishonesty class of a penalty (国办发〔2025〕22号): serious for licence revocation, business
 * restrictions, closure or occupational bans; minor for a warning, a circulated criticism or a
 * fine within the simplified-procedure threshold; ordinary otherwise.
 */
export function classifyPenalty(types: string[], fineWan: number | null, isPerson: boolean): Severity {
  if (types.some((t) => SERIOUS_TYPES.includes(t))) return 'serious';
  const onlyLight = types.every((t) => LIGHT_TYPES.includes(t) || t === '罚款');
  const threshold = isPerson ? MINOR_FINE_PERSON_WAN : MINOR_FINE_ORG_WAN;
  const smallFine = !types.includes('罚款') || (fineWan !== null && fineWan <= threshold);
  return onlyLight && smallFine ? 'minor' : 'ordinary';
}

export interface Window {
  decidedOn: string | null;
  severity: Severity | null;
  validFrom: string | null;
  validUntil: string | null;
  publishFrom: string | null;
  publishUntil: string | null;
  rule: string;
}

/** When a record is published, from its category's rule; the department's own end date may shorten it. */
export function publicationWindow(
  category: Pick<Category, 'publication' | 'decisionField' | 'adverse'>,
  values: Record<string, string>,
  receivedOn: string,
  isPerson: boolean,
): Window {
  const rule = category.publication;
  const decidedOn = category.decisionField ? (values[category.decisionField] ?? null) : null;
  const publishFrom = rule.basis === 'receipt' ? receivedOn : (decidedOn ?? receivedOn);
  let severity: Severity | null = null;
  let months: number | null = rule.periodMonths ?? null;
  let ruleText = months === null ? '长期公示' : `公示 ${months} 个月`;
  if (rule.bySeverity && rule.severityField) {
    const types = (values[rule.severityField] ?? '').split(';').filter(Boolean);
    const fine = rule.fineField && values[rule.fineField] ? Number(values[rule.fineField]) : null;
    severity = classifyPenalty(types, fine, isPerson);
    months = rule.bySeverity[severity] ?? months;
    ruleText = `${{ minor: '轻微', ordinary: '一般', serious: '严重' }[severity]}失信信息，最长公示 ${months ?? '—'} 个月`;
  } else if (category.adverse) {
    severity = 'ordinary';
  }
  let publishUntil = months === null ? null : addMonths(publishFrom, months);
  const own = rule.untilField ? values[rule.untilField] : undefined;
  if (own && (publishUntil === null || own < publishUntil)) {
    publishUntil = own;
    ruleText += `；按报送的公示截止期 ${own} 提前结束`;
  }
  return {
    decidedOn,
    severity,
    validFrom: rule.validFromField ? (values[rule.validFromField] ?? null) : null,
    validUntil: rule.validUntilField ? (values[rule.validUntilField] ?? null) : null,
    publishFrom,
    publishUntil,
    rule: ruleText,
  };
}
