import type { Lang } from '../../i18n';
import { SEVERITIES, wordOf } from '../../i18n/words';
import type { Eligibility } from './api';

type Reason = Eligibility['reasons'][number];
/** Names by code, in the page's language (categories and lists). */
export interface Names { category: (code: string) => string; list: (code: string) => string }

type Vars = Record<string, string | number>;
/** [zh-CN, en-US] templates; {name} is filled from the reason's facts. */
type Pair = readonly [string, string];

const RECORD_STATE: Record<string, Pair> = {
  active: ['记录在公示中', 'The record is published'], expired: ['记录公示期已满', 'The record\'s publication period has ended'],
  disputed: ['记录异议处理中', 'The record is under objection'], repaired: ['该记录已信用修复', 'The record has already been repaired'],
  revoked: ['该记录已撤销', 'The record has been revoked'],
};

/** The words of each check by its outcome (ok / not ok); a function picks among variants. */
const CHECKS: Record<string, (v: Vars, ok: boolean) => Pair | undefined> = {
  state: (v) => (v.target === 'list_entry'
    ? (v.state === 'listed' ? ['主体在“{listName}”中', 'The party is on "{listName}"'] : ['该名单条目已移出', 'The entry has already left the list'])
    : RECORD_STATE[String(v.state)]),
  adverse: (_, ok) => (ok ? ['“{categoryName}”属于失信信息', '"{categoryName}" is adverse information']
    : ['“{categoryName}”不是失信信息，无需修复', '"{categoryName}" is not adverse information and needs no repair']),
  repairable: (v, ok) => {
    if (v.target === 'list_entry') return v.listKind === 'honour' ? ['红名单无需修复', 'An honour list needs no repair'] : ['“{listName}”可以申请信用修复', 'Repair may be applied for on "{listName}"'];
    return ok ? ['“{categoryName}”可以修复', '"{categoryName}" may be repaired'] : ['按信用信息目录，“{categoryName}”依法不可修复', 'Under the credit information catalogue, "{categoryName}" cannot be repaired'];
  },
  minimum_period: (v, ok) => {
    if (!v.from) return ['无决定日期，不受最短公示期限制', 'No decision date: no minimum publication period applies'];
    const what: Pair = Number(v.months) > 0
      ? ['{severityWord}失信信息最短公示 {months} 个月（自 {from} 起算，至 {earliest}）', '{severityWord} adverse information is published for at least {months} months (from {from} to {earliest})']
      : ['{severityWord}失信信息履行义务后即可申请修复', '{severityWord} adverse information may be repaired once the obligations are met'];
    return ok ? [`${what[0]}，已满足`, `${what[1]}: met`] : [`${what[0]}，{earliest} 起方可申请`, `${what[1]}: you may apply from {earliest}`];
  },
  objection: (_, ok) => (ok ? ['无未办结的异议', 'No objection is open']
    : ['该记录的异议（{trackingNo}）尚在处理中，异议办结后再申请', 'An objection to this record ({trackingNo}) is still open; apply once it is decided']),
  open_application: (_, ok) => (ok ? ['无正在办理的修复申请', 'No repair application is open'] : ['已有正在办理的修复申请 #{repair}', 'Repair application #{repair} is already in progress']),
  blacklist: (_, ok) => (ok ? ['不在严重失信主体名单中', 'Not on a serious-dishonesty list']
    : ['主体在严重失信主体名单中（{lists}），不适用本地信用修复', 'The party is on {count} serious-dishonesty list(s); local credit repair does not apply']),
  serious_dishonesty_records: (_, ok) => (ok ? ['无现行严重失信主体名单信息', 'No current serious-dishonesty records']
    : ['主体有 {count} 条现行严重失信主体名单信息', 'The party has {count} current serious-dishonesty record(s)']),
  abuse_bar: (_, ok) => (ok ? ['无修复撤销记录', 'No repair has been revoked']
    : ['曾有修复经复查被撤销，{until} 前不得再申请', 'A repair was revoked on re-check; no new application before {until}']),
};

const fill = (text: string, v: Vars): string | null => {
  let missing = false;
  const out = text.replace(/\{(\w+)\}/g, (_, k: string) => {
    if (v[k] === undefined || v[k] === '') missing = true;
    return String(v[k] ?? '');
  });
  return missing ? null : out;
};

/** A reason of the eligibility check in words of the page's language; the server's own words when the check is unknown. */
export function reasonText(lang: Lang, r: Reason, names: Names): string {
  const v: Vars = { ...(r.vars ?? {}) };
  if (typeof v.category === 'string') v.categoryName = names.category(v.category);
  if (typeof v.list === 'string') v.listName = names.list(v.list);
  if (typeof v.severity === 'string') {
    const w = wordOf(lang, SEVERITIES, v.severity);
    v.severityWord = lang === 'en-US' ? w.charAt(0).toUpperCase() + w.slice(1) : w;
  }
  const pair = CHECKS[r.check]?.(v, r.ok);
  const text = pair ? fill(pair[lang === 'en-US' ? 1 : 0], v) : null;
  return text ?? r.message;
}

/** Which version of the rules the answer followed, in words. */
export const ruleBasis = (lang: Lang, version: number): string =>
  (lang === 'en-US' ? `Under version ${version} of the credit repair rules` : `依据：信用修复规则第 ${version} 版`);
