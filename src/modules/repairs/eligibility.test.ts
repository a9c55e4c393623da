import { describe, expect, it } from 'vitest';
import type { RepairParams } from '../rules/params.js';
import { assessEligibility, missingMaterials, requiredMaterials, type EligibilityFacts } from './eligibility.js';

const params: RepairParams = {
  classes: { minor: { minMonths: 0, maxMonths: 3 }, ordinary: { minMonths: 3, maxMonths: 12 }, serious: { minMonths: 12, maxMonths: 36 } },
  listEntryClass: 'serious', sameDayAcceptance: true, decisionWorkingDays: 3, extensionWorkingDays: 3, shareResultWorkingDays: 3,
  abuseBarYears: 3, excludeBlacklisted: true, excludeSeriousDishonestyRecords: true,
  materials: [{ code: 'letter', name: '信用修复承诺书' }, { code: 'receipt', name: '履行证明' }, { code: 'report', name: '整改报告' }],
  requirements: { default: ['letter', 'receipt'], 'penalty:serious': ['letter', 'receipt', 'report'], list: ['letter', 'report'] },
};
const rule = { code: 'repair', version: 7, params };
const record = (over: Partial<Extract<EligibilityFacts['target'], { kind: 'record' }>> = {}): EligibilityFacts['target'] => ({
  kind: 'record', id: 1, categoryCode: 'penalty', categoryName: '行政处罚信息', adverse: true, repairable: true, severity: 'serious',
  decidedOn: '2025-12-31', publishFrom: '2025-12-31', state: 'active', ...over,
});
const facts = (over: Partial<EligibilityFacts> = {}): EligibilityFacts => ({
  today: '2026-06-30', target: record(), openObjection: null, openRepair: null, blacklistEntries: [], seriousDishonestyRecords: [], abuseBarUntil: null, ...over,
});
const failing = (f: EligibilityFacts) => assessEligibility(f, rule).reasons.filter((r) => !r.ok).map((r) => r.check);

describe('repair eligibility', () => {
  it('waits for the minimum period of the class, counted from the decision date (month ends clamp)', () => {
    const e = assessEligibility(facts(), rule);
    expect(e).toMatchObject({ eligible: false, earliestDate: '2026-12-31', severity: 'serious' });
    expect(e.reasons.find((r) => r.check === 'minimum_period')!.rule).toBe('repair v7.classes.serious.minMonths=12');
    expect(assessEligibility(facts({ today: '2026-12-31' }), rule).eligible).toBe(true);
    expect(assessEligibility(facts({ target: record({ severity: 'ordinary', decidedOn: '2025-11-30' }), today: '2026-02-28' }), rule).eligible).toBe(true);
    expect(assessEligibility(facts({ target: record({ severity: 'minor', decidedOn: '2026-06-30' }) }), rule).eligible).toBe(true);
  });

  it('names every failing condition and gives an earliest date only when time alone stands in the way', () => {
    const e = assessEligibility(facts({ target: record({ repairable: false }), abuseBarUntil: '2028-01-01' }), rule);
    expect(e.earliestDate).toBeUndefined();
    expect(failing(facts({ target: record({ repairable: false }), abuseBarUntil: '2028-01-01' }))).toEqual(['repairable', 'minimum_period', 'abuse_bar']);
    expect(assessEligibility(facts({ abuseBarUntil: '2028-01-01' }), rule).earliestDate).toBe('2028-01-01');
    expect(failing(facts({ today: '2027-01-01', openObjection: 'YY-ABCDEF', openRepair: 3 }))).toEqual(['objection', 'open_application']);
    expect(failing(facts({ today: '2027-01-01', blacklistEntries: [{ entryId: 1, listName: '失信被执行人名单' }], seriousDishonestyRecords: [{ id: 2, categoryName: 'x' }] })))
      .toEqual(['blacklist', 'serious_dishonesty_records']);
    expect(failing(facts({ today: '2027-01-01', target: record({ state: 'repaired' }) }))).toEqual(['state']);
    expect(failing(facts({ today: '2027-01-01', target: record({ adverse: false }) }))).toEqual(['adverse']);
  });

  it('follows the rule switches', () => {
    const lenient = { ...rule, params: { ...params, excludeBlacklisted: false } };
    expect(assessEligibility(facts({ today: '2027-01-01', blacklistEntries: [{ entryId: 1, listName: 'x' }] }), lenient).eligible).toBe(true);
  });

  it('treats list entries by the rule\'s list class', () => {
    const entry: EligibilityFacts['target'] = { kind: 'list_entry', id: 9, listCode: 'wage_arrears', listName: '拖欠农民工工资失信联合惩戒对象名单', listKind: 'blacklist', listedOn: '2026-01-15', state: 'listed' };
    expect(assessEligibility(facts({ target: entry }), rule)).toMatchObject({ eligible: false, earliestDate: '2027-01-15', severity: 'serious' });
    expect(failing(facts({ today: '2027-02-01', target: { ...entry, listKind: 'honour' } }))).toEqual(['repairable']);
  });

  it('picks the materials of the most specific key and lists what is missing', () => {
    expect(requiredMaterials(params, record(), 'serious')).toEqual({ key: 'penalty:serious', codes: ['letter', 'receipt', 'report'] });
    expect(requiredMaterials(params, record(), 'ordinary')).toEqual({ key: 'default', codes: ['letter', 'receipt'] });
    expect(requiredMaterials(params, { kind: 'list_entry', id: 1, listCode: 'x', listName: 'x', listKind: 'blacklist', listedOn: '2026-01-01', state: 'listed' }, 'serious').key).toBe('list');
    expect(missingMaterials(['letter', 'receipt', 'report'], ['receipt', 'other'])).toEqual(['letter', 'report']);
  });
});
