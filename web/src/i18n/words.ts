import type { Lang } from './index';

// Words for the values the API sends as codes (states, kinds, statuses), in both languages. The
// server's Chinese labels (stateLabel and the like) say the same as the zh column here; pages use
// these maps so English mode is English too, and an unknown code falls back to the server's label.

/** One code's words: [zh-CN, en-US]. */
export type Words = Record<string, readonly [string, string]>;

/** The word for `code` in `lang`; the fallback (the server's label) or the code itself when the map lacks it. */
export function wordOf(lang: Lang, map: Words, code: string | null | undefined, fallback?: string | null): string {
  const w = code ? map[code] : undefined;
  if (w) return lang === 'en-US' ? w[1] : w[0];
  return fallback ?? code ?? '';
}

/** The code whose Chinese word is `label` (for views that send the label only). */
export const codeOfLabel = (map: Words, label: string): string | undefined => Object.keys(map).find((k) => map[k]![0] === label);

export const RECORD_STATES: Words = {
  active: ['公示中', 'Published'], disputed: ['异议处理中', 'Under objection'], repaired: ['已信用修复', 'Repaired'],
  revoked: ['已撤销', 'Revoked'], expired: ['公示期满', 'Publication ended'],
};

export const OBJECTION_STATES: Words = {
  received: ['已受理，异议处理中', 'Received, under review'], extended: ['已延期，异议处理中', 'Extended, under review'],
  escalated: ['逾期未答复，已上报信用中心', 'Overdue, referred to the credit centre'], corrected: ['异议成立，已更正', 'Upheld, record corrected'],
  revoked: ['异议成立，记录已撤销', 'Upheld, record revoked'], maintained: ['异议不成立，维持原记录', 'Not upheld, record kept'],
};

export const OBJECTION_GROUNDS: Words = {
  wrong: ['信息错误', 'Wrong information'], incomplete: ['信息遗漏', 'Incomplete information'], over_period: ['超期公示', 'Published too long'],
  wrongly_listed: ['错误列入名单', 'Wrongly listed'], not_removed: ['应删除未删除', 'Not removed when due'],
};

export const REPAIR_STATES: Words = {
  returned: ['材料不全，已退回补正', 'Incomplete, returned for materials'], accepted: ['已受理，审核中', 'Accepted, under review'],
  extended: ['已延期审核', 'Review extended'], approved: ['已修复', 'Repaired'], rejected: ['不予修复', 'Refused'],
  revoked: ['修复已撤销（复查）', 'Repair revoked on re-check'],
};

export const COMMITMENT_STATES: Words = {
  signed: ['履约中', 'In force'], fulfilled: ['已履约', 'Fulfilled'], breached: ['未履约（失信）', 'Breached'], withdrawn: ['已撤回', 'Withdrawn'],
};

export const COMMITMENT_TYPES: Words = {
  approval_substitute: ['审批替代型', 'Replaces an approval'], missing_material: ['容缺受理型', 'Accepted with materials to follow'],
  repair: ['信用修复型', 'For credit repair'], voluntary: ['主动型', 'Voluntary'], self_regulation: ['行业自律型', 'Industry self-regulation'],
  certification_notice: ['证明事项告知承诺', 'In place of a certificate'],
};

/** Steps of a case file (objections, repairs, commitments). */
export const CASE_EVENTS: Words = {
  received: ['已受理并标注异议', 'Received; the record marked as under objection'], centre_checked: ['信用中心已核查', 'Checked by the credit centre'],
  extended: ['已延期', 'Extended'], escalated: ['逾期，已上报信用中心', 'Overdue, referred to the credit centre'], overdue: ['已逾期', 'Overdue'],
  decided: ['已作出处理决定', 'Decided'], applied: ['已提交申请', 'Applied'], supplemented: ['已补交材料', 'Materials supplied'],
  accepted: ['已受理', 'Accepted'], rechecked: ['已复查', 'Re-checked'], signed: ['已签署承诺', 'Commitment signed'],
  fulfilment: ['已记录履约情况', 'Fulfilment recorded'], withdrawn: ['已撤回', 'Withdrawn'], verification_overdue: ['核查逾期', 'Verification overdue'],
};

export const SUBMISSION_STATUSES: Words = {
  received: ['已接收', 'Received'], processing: ['处理中', 'Processing'], completed: ['已完成', 'Completed'], failed: ['失败', 'Failed'],
  interrupted: ['已中断（服务重启），请重新提交', 'Interrupted by a restart; please submit again'],
};

export const SEVERITIES: Words = { minor: ['轻微', 'minor'], ordinary: ['一般', 'ordinary'], serious: ['严重', 'serious'] };
