import { addMonths } from '../../lib/clock.js';
import type { Severity } from '../catalog/types.js';
import type { RepairParams } from '../rules/params.js';
import type { RuleSnapshot } from '../rules/service.js';

/** The record's state in the words of the refusal or confirmation shown to the applicant. */
const STATE_TEXT: Record<string, string> = { active: '记录在公示中', expired: '记录公示期已满', disputed: '记录异议处理中', repaired: '该记录已信用修复', revoked: '该记录已撤销' };

// Pure rules of credit repair: who may apply, from when, and with which materials.

export type RepairTarget =
  | { kind: 'record'; id: number; categoryCode: string; categoryName: string; adverse: boolean; repairable: boolean; severity: Severity | null; decidedOn: string | null; publishFrom: string | null; state: string }
  | { kind: 'list_entry'; id: number; listCode: string; listName: string; listKind: string; listedOn: string; state: string };

export interface EligibilityFacts {
  today: string;
  target: RepairTarget;
  openObjection: string | null;
  openRepair: number | null;
  blacklistEntries: { entryId: number; listName: string }[];
  seriousDishonestyRecords: { id: number; categoryName: string }[];
  abuseBarUntil: string | null;
}

/** The facts a reason states, so a client can word it in the reader's language. */
export type ReasonVars = Record<string, string | number>;

export interface EligibilityReason {
  check: string;
  ok: boolean;
  /** The rule parameter applied, for auditors and API clients (never shown to applicants). */
  rule: string;
  /** The reason in words (Chinese). */
  message: string;
  until?: string;
  vars: ReasonVars;
}

export interface Eligibility {
  eligible: boolean;
  earliestDate?: string;
  severity: Severity | null;
  rule: { code: string; version: number };
  reasons: EligibilityReason[];
}

const CLASS_LABELS: Record<Severity, string> = { minor: '轻微', ordinary: '一般', serious: '严重' };
const TIME_CHECKS = new Set(['minimum_period', 'abuse_bar']);

function minimumPeriod(f: EligibilityFacts, p: RepairParams, tag: string): { reason: EligibilityReason; severity: Severity | null } {
  const t = f.target;
  const severity: Severity = t.kind === 'list_entry' ? p.listEntryClass : (t.severity ?? 'ordinary');
  const from = t.kind === 'list_entry' ? t.listedOn : (t.decidedOn ?? t.publishFrom);
  const months = p.classes[severity].minMonths;
  const rule = `${tag}.classes.${severity}.minMonths=${months}`;
  if (!from) return { severity, reason: { check: 'minimum_period', ok: true, rule, message: '无决定日期，不受最短公示期限制', vars: { severity, months } } };
  const earliest = addMonths(from, months);
  const vars = { severity, months, from, earliest };
  const what = `${CLASS_LABELS[severity]}失信信息${months ? `最短公示 ${months} 个月（自 ${from} 起算，至 ${earliest}）` : '履行义务后即可申请修复'}`;
  return earliest <= f.today
    ? { severity, reason: { check: 'minimum_period', ok: true, rule, message: `${what}，已满足`, vars } }
    : { severity, reason: { check: 'minimum_period', ok: false, rule, message: `${what}，${earliest} 起方可申请`, until: earliest, vars } };
}

/** Assess an application against a rule version; every reason names the rule parameter it applied. */
export function assessEligibility(f: EligibilityFacts, rule: RuleSnapshot<RepairParams>): Eligibility {
  const p = rule.params;
  const tag = `${rule.code} v${rule.version}`;
  const t = f.target;
  const reasons: EligibilityReason[] = [];
  const add = (check: string, ok: boolean, ruleText: string, message: string, vars: ReasonVars = {}, until?: string) =>
    reasons.push({ check, ok, rule: ruleText, message, ...(until ? { until } : {}), vars });
  if (t.kind === 'record') {
    const category = { category: t.categoryCode };
    add('state', ['active', 'expired', 'disputed'].includes(t.state), `${tag}.state`, STATE_TEXT[t.state] ?? `记录状态为 ${t.state}`, { target: 'record', state: t.state });
    add('adverse', t.adverse, `${tag}.catalog.adverse`, t.adverse ? `“${t.categoryName}”属于失信信息` : `“${t.categoryName}”不是失信信息，无需修复`, category);
    add('repairable', t.repairable, `${tag}.catalog.repairable`, t.repairable ? `“${t.categoryName}”可以修复` : `按信用信息目录，“${t.categoryName}”依法不可修复`, category);
  } else {
    const list = { target: 'list_entry', list: t.listCode };
    add('state', t.state === 'listed', `${tag}.state`, t.state === 'listed' ? `主体在“${t.listName}”中` : '该名单条目已移出', { ...list, state: t.state });
    add('repairable', t.listKind !== 'honour', `${tag}.list.kind`, t.listKind === 'honour' ? '红名单无需修复' : `“${t.listName}”可以申请信用修复`, { ...list, listKind: t.listKind });
  }
  const period = minimumPeriod(f, p, tag);
  reasons.push(period.reason);
  add('objection', f.openObjection === null, `${tag}.objection`, f.openObjection ? `该记录的异议（${f.openObjection}）尚在处理中，异议办结后再申请` : '无未办结的异议',
    f.openObjection ? { trackingNo: f.openObjection } : {});
  add('open_application', f.openRepair === null, `${tag}.open_application`, f.openRepair ? `已有正在办理的修复申请 #${f.openRepair}` : '无正在办理的修复申请',
    f.openRepair ? { repair: f.openRepair } : {});
  if (p.excludeBlacklisted) {
    const names = f.blacklistEntries.map((e) => e.listName);
    add('blacklist', !names.length, `${tag}.excludeBlacklisted=true`, names.length ? `主体在严重失信主体名单中（${names.join('、')}），不适用本地信用修复` : '不在严重失信主体名单中', { count: names.length, ...(names.length ? { lists: names.join('、') } : {}) });
  }
  if (p.excludeSeriousDishonestyRecords) {
    const n = f.seriousDishonestyRecords.length;
    add('serious_dishonesty_records', !n, `${tag}.excludeSeriousDishonestyRecords=true`, n ? `主体有 ${n} 条现行严重失信主体名单信息` : '无现行严重失信主体名单信息', { count: n });
  }
  const barred = f.abuseBarUntil !== null && f.abuseBarUntil > f.today;
  add('abuse_bar', !barred, `${tag}.abuseBarYears=${p.abuseBarYears}`, barred ? `曾有修复经复查被撤销，${f.abuseBarUntil} 前不得再申请` : '无修复撤销记录',
    barred ? { until: f.abuseBarUntil! } : {}, barred ? f.abuseBarUntil! : undefined);
  const failing = reasons.filter((r) => !r.ok);
  const onlyTime = failing.length > 0 && failing.every((r) => TIME_CHECKS.has(r.check));
  const earliestDate = onlyTime ? failing.map((r) => r.until!).sort().at(-1) : undefined;
  return { eligible: failing.length === 0, ...(earliestDate ? { earliestDate } : {}), severity: period.severity, rule: { code: rule.code, version: rule.version }, reasons };
}

/** The materials a target needs: the first of 类别:等级, 类别, list:名单, list, default that the rule defines. */
export function requiredMaterials(p: RepairParams, t: RepairTarget, severity: Severity | null): { key: string; codes: string[] } {
  const keys = t.kind === 'record'
    ? [...(severity ? [`${t.categoryCode}:${severity}`] : []), t.categoryCode, 'default']
    : [`list:${t.listCode}`, 'list', 'default'];
  for (const key of keys) {
    const codes = p.requirements[key];
    if (codes) return { key, codes };
  }
  return { key: 'default', codes: [] };
}

export const missingMaterials = (required: string[], provided: Iterable<string>): string[] => {
  const have = new Set(provided);
  return required.filter((c) => !have.has(c));
};
