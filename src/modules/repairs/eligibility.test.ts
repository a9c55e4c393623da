import { describe, expect, it } from 'vitest';
import { addDays, monthsAfter, TEST_TODAY, yearsAfter } from '../../../test/helpers/clock.js';
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
// Facts as of the tests' clock: a serious penalty decided six months ago, repairable a year after its
// decision; a blacklisting five months ago; an abuse bar lasting beyond the minimum period.
const TODAY = TEST_TODAY;
const DECIDED = monthsAfter(TODAY, -6);
const EARLIEST = yearsAfter(DECIDED, 1);
const LATER = addDays(EARLIEST, 1);
const BAR = monthsAfter(TODAY, 18);
const LISTED = monthsAfter(TODAY, -5);
const record = (over: Partial<Extract<EligibilityFacts['target'], { kind: 'record' }>> = {}): EligibilityFacts['target'] => ({
  kind: 'record', id: 1, categoryCode: 'penalty', categoryName: '行政处罚信息', adverse: true, repairable: true, severity: 'serious',
  decidedOn: DECIDED, publishFrom: DECIDED, state: 'active', ...over,
});
const facts = (over: Partial<EligibilityFacts> = {}): EligibilityFacts => ({
  today: TODAY, target: record(), openObjection: null, openRepair: null, blacklistEntries: [], seriousDishonestyRecords: [], abuseBarUntil: null, ...over,
});
const failing = (f: EligibilityFacts) => assessEligibility(f, rule).reasons.filter((r) => !r.ok).map((r) => r.check);

describe('repair eligibility', () => {
  it('waits for the minimum period of the class, counted from the decision date (month ends clamp)', () => {
    const e = assessEligibility(facts(), rule);
    expect(e).toMatchObject({ eligible: false, earliestDate: EARLIEST, severity: 'serious' });
    expect(e.reasons.find((r) => r.check === 'minimum_period')!.rule).toBe('repair v7.classes.serious.minMonths=12');
    // The facts behind the words, so a page in English can say the same.
    expect(e.reasons.find((r) => r.check === 'minimum_period')!.vars).toEqual({ severity: 'serious', months: 12, from: DECIDED, earliest: EARLIEST });
    expect(e.reasons.find((r) => r.check === 'repairable')!.vars).toEqual({ category: 'penalty' });
    expect(assessEligibility(facts({ today: addDays(EARLIEST, -1) }), rule).eligible).toBe(false);
    expect(assessEligibility(facts({ today: EARLIEST }), rule).eligible).toBe(true);
    // Month-end clamping is a fixed calendar fact, not relative to today: 30 Nov + 3 months is 28 Feb
    // in a common year, 29 Feb in a leap year.
    expect(assessEligibility(facts({ target: record({ severity: 'ordinary', decidedOn: '2025-11-30' }), today: '2026-02-28' }), rule).eligible).toBe(true);
    expect(assessEligibility(facts({ target: record({ severity: 'ordinary', decidedOn: '2027-11-30' }), today: '2028-02-28' }), rule)).toMatchObject({ eligible: false, earliestDate: '2028-02-29' });
    expect(assessEligibility(facts({ target: record({ severity: 'minor', decidedOn: TODAY }) }), rule).eligible).toBe(true);
  });

  it('names every failing condition and gives an earliest date only when time alone stands in the way', () => {
    const e = assessEligibility(facts({ target: record({ repairable: false }), abuseBarUntil: BAR }), rule);
    expect(e.earliestDate).toBeUndefined();
    expect(failing(facts({ target: record({ repairable: false }), abuseBarUntil: BAR }))).toEqual(['repairable', 'minimum_period', 'abuse_bar']);
    expect(assessEligibility(facts({ abuseBarUntil: BAR }), rule).earliestDate).toBe(BAR);
    expect(failing(facts({ today: LATER, openObjection: 'YY-ABCDEF', openRepair: 3 }))).toEqual(['objection', 'open_application']);
    expect(failing(facts({ today: LATER, blacklistEntries: [{ entryId: 1, listName: '失信被执行人名单' }], seriousDishonestyRecords: [{ id: 2, categoryName: 'x' }] })))
      .toEqual(['blacklist', 'serious_dishonesty_records']);
    expect(failing(facts({ today: LATER, target: record({ state: 'repaired' }) }))).toEqual(['state']);
    expect(failing(facts({ today: LATER, target: record({ adverse: false }) }))).toEqual(['adverse']);
  });

  it('follows the rule switches', () => {
    const lenient = { ...rule, params: { ...params, excludeBlacklisted: false } };
    expect(assessEligibility(facts({ today: LATER, blacklistEntries: [{ entryId: 1, listName: 'x' }] }), lenient).eligible).toBe(true);
  });

  it('treats list entries by the rule\'s list class', () => {
    const entry: EligibilityFacts['target'] = { kind: 'list_entry', id: 9, listCode: 'wage_arrears', listName: '拖欠农民工工资失信联合惩戒对象名单', listKind: 'blacklist', listedOn: LISTED, state: 'listed' };
    expect(assessEligibility(facts({ target: entry }), rule)).toMatchObject({ eligible: false, earliestDate: yearsAfter(LISTED, 1), severity: 'serious' });
    expect(failing(facts({ today: addDays(yearsAfter(LISTED, 1), 17), target: { ...entry, listKind: 'honour' } }))).toEqual(['repairable']);
  });

  it('picks the materials of the most specific key and lists what is missing', () => {
    expect(requiredMaterials(params, record(), 'serious')).toEqual({ key: 'penalty:serious', codes: ['letter', 'receipt', 'report'] });
    expect(requiredMaterials(params, record(), 'ordinary')).toEqual({ key: 'default', codes: ['letter', 'receipt'] });
    expect(requiredMaterials(params, { kind: 'list_entry', id: 1, listCode: 'x', listName: 'x', listKind: 'blacklist', listedOn: LISTED, state: 'listed' }, 'serious').key).toBe('list');
    expect(missingMaterials(['letter', 'receipt', 'report'], ['receipt', 'other'])).toEqual(['letter', 'report']);
  });
});
