import { describe, expect, it } from 'vitest';
import { addDays, monthsAfter, TEST_TODAY, yearsAfter } from '../../../test/helpers/clock.js';
import { NATIONAL_CATEGORIES } from '../catalog/national-catalog.js';
import { classifyPenalty, publicationWindow } from './publication.js';

const penalty = NATIONAL_CATEGORIES.find((c) => c.code === 'penalty')!;
const licence = NATIONAL_CATEGORIES.find((c) => c.code === 'licence')!;

describe('dishonesty class of a penalty', () => {
  it('is serious for revocation, closure, business restriction and occupational bans', () => {
    for (const t of ['吊销许可证件', '限制开展生产经营活动', '责令停产停业', '责令关闭', '限制从业']) {
      expect(classifyPenalty(['罚款', t], 10, false)).toBe('serious');
    }
  });
  it('is minor for a warning or a fine within the simplified-procedure threshold', () => {
    expect(classifyPenalty(['警告'], null, false)).toBe('minor');
    expect(classifyPenalty(['通报批评'], null, true)).toBe('minor');
    expect(classifyPenalty(['罚款'], 0.3, false)).toBe('minor');
    expect(classifyPenalty(['罚款'], 0.02, true)).toBe('minor');
  });
  it('is ordinary above the threshold or for other penalty types', () => {
    expect(classifyPenalty(['罚款'], 0.31, false)).toBe('ordinary');
    expect(classifyPenalty(['罚款'], 0.03, true)).toBe('ordinary');
    expect(classifyPenalty(['没收违法所得'], null, false)).toBe('ordinary');
    expect(classifyPenalty(['罚款'], null, false)).toBe('ordinary');
  });
});

describe('publication window', () => {
  // A decision of yesterday (by the test clock), received today.
  const decided = addDays(TEST_TODAY, -1);
  const received = TEST_TODAY;
  const row = (o: Record<string, string>) => ({ CF_JDRQ: decided, CF_CFLB: '罚款', CF_NR_FK: '1', ...o });
  it('publishes from the decision date for the class maximum: 3, 12 or 36 months', () => {
    expect(publicationWindow(penalty, row({ CF_CFLB: '警告', CF_NR_FK: '' }), received, false)).toMatchObject({ severity: 'minor', publishFrom: decided, publishUntil: monthsAfter(decided, 3) });
    expect(publicationWindow(penalty, row({}), received, false)).toMatchObject({ severity: 'ordinary', publishUntil: monthsAfter(decided, 12) });
    expect(publicationWindow(penalty, row({ CF_CFLB: '责令关闭' }), received, false)).toMatchObject({ severity: 'serious', publishUntil: monthsAfter(decided, 36), decidedOn: decided });
  });
  it('counts whole months, clamped to the end of a shorter month', () => {
    // Fixed calendar facts (not relative to today): 31 August + 3 months is 30 November; 29 Feb + 12 is 28 Feb.
    expect(publicationWindow(penalty, { CF_JDRQ: '2025-08-31', CF_CFLB: '警告' }, '2025-09-01', false).publishUntil).toBe('2025-11-30');
    expect(publicationWindow(penalty, { CF_JDRQ: '2028-02-29', CF_CFLB: '罚款', CF_NR_FK: '1' }, '2028-03-01', false).publishUntil).toBe('2029-02-28');
  });
  it('lets the department end publication earlier, never later, and says so', () => {
    const ownEnd = addDays(decided, 122);
    const early = publicationWindow(penalty, row({ CF_GSJZQ: ownEnd }), received, false);
    expect(early.publishUntil).toBe(ownEnd);
    expect(early.rule).toContain('提前结束');
    expect(publicationWindow(penalty, row({ CF_GSJZQ: yearsAfter(decided, 5) }), received, false).publishUntil).toBe(monthsAfter(decided, 12));
  });
  it('keeps licences published open-ended with their validity period', () => {
    const validUntil = addDays(yearsAfter(decided, 5), -1);
    expect(publicationWindow(licence, { XK_JDRQ: decided, XK_YXQZ: decided, XK_YXQZI: validUntil }, received, false)).toMatchObject({
      severity: null, publishFrom: decided, publishUntil: null, validFrom: decided, validUntil,
    });
  });
});
