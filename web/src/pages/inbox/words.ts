import { useI18n } from '../../i18n';

// The inboxes' own words, in both languages: what a case is about, its states, the eligibility of
// a repair and the confirmations before a decision changes a record.

const zh = {
  party: '当事主体', partyCode: { uscc: '统一社会信用代码', id_masked: '身份证件号码（已脱敏）' },
  subjectKinds: { legal_person: '法人', unincorporated: '非法人组织', sole_trader: '个体工商户', natural_person: '自然人', government: '政府机构、事业单位' } as Record<string, string>,
  record: '所涉记录', recordNo: '记录 #{id}', category: '信息类别', department: '数据提供单位', recordState: '记录状态',
  recordStates: { active: '公示中', disputed: '异议处理中', repaired: '已信用修复', revoked: '已撤销', expired: '公示期满' } as Record<string, string>,
  decidedOn: '决定日期', severity: '失信程度', severities: { minor: '轻微失信', ordinary: '一般失信', serious: '严重失信' } as Record<string, string>,
  window: '公示期', windowRange: '{from} 至 {until}', windowOpenEnded: '自 {from} 起，有效期内持续公示', windowNone: '未定公示期',
  published: '当前公示中', notPublished: '当前未公示', recordFields: '记录内容',
  listEntry: '名单条目', list: '名单', listedOn: '列入日期', plannedExpiry: '计划移出日期', listReason: '列入原因', decidedBy: '认定单位', documentNo: '认定文书号',
  entryStates: { listed: '在名单中', exited: '已移出' } as Record<string, string>,
  eligibility: '修复条件', checkedNow: '今日（{date}）核验', checkedAtApplication: '申请时（{date}）核验',
  allMet: '各项条件均已满足', someNotMet: '有 {n} 项条件未满足', met: '满足', notMet: '不满足', earliest: '最早可于 {date} 修复',
  objectionStates: {
    received: '已受理，异议处理中', extended: '已延期，异议处理中', escalated: '逾期未答复，已上报信用中心',
    corrected: '异议成立，已更正', revoked: '异议成立，记录已撤销', maintained: '异议不成立，维持原记录',
  } as Record<string, string>,
  repairStates: {
    returned: '材料不全，已退回补正', accepted: '已受理，审核中', extended: '已延期审核', approved: '已修复', rejected: '不予修复', revoked: '修复已撤销（复查）',
  } as Record<string, string>,
  grounds: { wrong: '信息错误', incomplete: '信息遗漏', over_period: '超期公示', wrongly_listed: '错误列入名单', not_removed: '应删除未删除' } as Record<string, string>,
  what: '记录 #{id}（{category}，{party}）',
  confirmRevokeTitle: '确认撤销该记录？',
  confirmRevoke: '{what}将被撤销：停止公示和共享，记入记录台账；仅依据该记录列入名单的条目将一并移出名单。',
  confirmCorrectTitle: '确认更正该记录？',
  confirmCorrect: '{what}的“{field}”将由“{from}”改为“{to}”，生成记录的新版本，异议标注解除。',
  confirmApproveTitle: '确认准予信用修复？',
  confirmApprove: '{what}将标记为已信用修复：停止公示和共享，记入记录台账；仅依据该记录列入名单的条目将一并移出名单。',
  confirmApproveEntry: '名单条目 #{id}（{list}，{party}）将移出名单。',
  confirmOk: '确认', confirmCancel: '取消', empty: '（空）',
  fileRoles: { power_of_attorney: '授权委托书', evidence: '证明材料' } as Record<string, string>, agent: '代理人',
};

type Words = typeof zh;

const en: Words = {
  party: 'Party', partyCode: { uscc: 'Unified social credit code', id_masked: 'ID number (masked)' },
  subjectKinds: { legal_person: 'Legal person', unincorporated: 'Unincorporated organisation', sole_trader: 'Sole trader', natural_person: 'Natural person', government: 'Government body' },
  record: 'Record concerned', recordNo: 'Record #{id}', category: 'Category', department: 'Source department', recordState: 'Record state',
  recordStates: { active: 'Published', disputed: 'Under objection', repaired: 'Repaired', revoked: 'Revoked', expired: 'Publication ended' },
  decidedOn: 'Decided on', severity: 'Severity', severities: { minor: 'Minor', ordinary: 'Ordinary', serious: 'Serious' },
  window: 'Publication window', windowRange: '{from} to {until}', windowOpenEnded: 'From {from}, while valid', windowNone: 'No publication window',
  published: 'Published now', notPublished: 'Not published now', recordFields: 'Record content',
  listEntry: 'List entry', list: 'List', listedOn: 'Listed on', plannedExpiry: 'Planned removal', listReason: 'Reason for listing', decidedBy: 'Decided by', documentNo: 'Decision document',
  entryStates: { listed: 'On the list', exited: 'Removed' },
  eligibility: 'Repair conditions', checkedNow: 'Checked today ({date})', checkedAtApplication: 'Checked when applied ({date})',
  allMet: 'All conditions are met', someNotMet: '{n} condition(s) not met', met: 'Met', notMet: 'Not met', earliest: 'Repairable from {date}',
  objectionStates: {
    received: 'Received, under review', extended: 'Extended, under review', escalated: 'Overdue, referred to the credit centre',
    corrected: 'Upheld, record corrected', revoked: 'Upheld, record revoked', maintained: 'Not upheld, record maintained',
  },
  repairStates: {
    returned: 'Incomplete, returned for materials', accepted: 'Accepted, under review', extended: 'Review extended', approved: 'Repaired', rejected: 'Repair refused', revoked: 'Repair revoked on re-check',
  },
  grounds: { wrong: 'Wrong information', incomplete: 'Incomplete information', over_period: 'Published too long', wrongly_listed: 'Wrongly listed', not_removed: 'Should have been removed' },
  what: 'record #{id} ({category}, {party})',
  confirmRevokeTitle: 'Revoke this record?',
  confirmRevoke: 'The {what} will be revoked: it stops being published and shared, and the ledger records it; list entries resting on it alone leave their lists.',
  confirmCorrectTitle: 'Correct this record?',
  confirmCorrect: '“{field}” of the {what} changes from “{from}” to “{to}”: a new version of the record, and the objection mark is lifted.',
  confirmApproveTitle: 'Grant the credit repair?',
  confirmApprove: 'The {what} will be marked repaired: it stops being published and shared, and the ledger records it; list entries resting on it alone leave their lists.',
  confirmApproveEntry: 'List entry #{id} ({list}, {party}) will leave its list.',
  confirmOk: 'Confirm', confirmCancel: 'Cancel', empty: '(empty)',
  fileRoles: { power_of_attorney: 'Power of attorney', evidence: 'Evidence' }, agent: 'Agent',
};

/**
 * The eligibility conditions in English (the server words them in Chinese, naming the category, the
 * dates and the period); unknown conditions fall back to the server's words.
 */
const CHECKS_EN: Record<string, { ok: string; no: string }> = {
  state: { ok: 'The record is in a state that can be repaired', no: 'The record is not in a state that can be repaired' },
  adverse: { ok: 'The record is dishonesty information', no: 'The record is not dishonesty information: nothing to repair' },
  repairable: { ok: 'The catalog allows repairing this category', no: 'The catalog does not allow repairing this category' },
  minimum_period: { ok: 'The minimum publication period has been served', no: 'The minimum publication period has not yet been served (repairable from {until})' },
  objection: { ok: 'No objection to the record is open', no: 'An objection to the record is still open' },
  open_application: { ok: 'No other repair application is open', no: 'Another repair application is already open' },
  blacklist: { ok: 'The party is not on a serious-dishonesty list', no: 'The party is on a serious-dishonesty list' },
  serious_dishonesty_records: { ok: 'The party has no current serious-dishonesty records', no: 'The party has current serious-dishonesty records' },
  abuse_bar: { ok: 'No repair of the party was revoked on re-check', no: 'A repair of the party was revoked on re-check: no new application until {until}' },
};

export function useWords(): Words & { lang: 'zh-CN' | 'en-US' } {
  const { lang } = useI18n();
  return { ...(lang === 'en-US' ? en : zh), lang };
}

/** A condition of the eligibility check in the reader's language. */
export function checkWords(lang: 'zh-CN' | 'en-US', r: { check: string; ok: boolean; message: string; until?: string }): string {
  const en = CHECKS_EN[r.check];
  if (lang !== 'en-US' || !en) return r.message;
  const text = r.ok ? en.ok : en.no;
  return fill(text, { until: r.until ?? '—' });
}

/** Fill `{name}` placeholders. */
export const fill = (text: string, vars: Record<string, string | number>): string => text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
