import { describe, expect, it } from 'vitest';
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
  const row = (o: Record<string, string>) => ({ CF_JDRQ: '2025-02-28', CF_CFLB: '罚款', CF_NR_FK: '1', ...o });
  it('publishes from the decision date for the class maximum: 3, 12 or 36 months', () => {
    expect(publicationWindow(penalty, row({ CF_CFLB: '警告', CF_NR_FK: '' }), '2025-03-01', false)).toMatchObject({ severity: 'minor', publishFrom: '2025-02-28', publishUntil: '2025-05-28' });
    expect(publicationWindow(penalty, row({}), '2025-03-01', false)).toMatchObject({ severity: 'ordinary', publishUntil: '2026-02-28' });
    expect(publicationWindow(penalty, row({ CF_CFLB: '责令关闭' }), '2025-03-01', false)).toMatchObject({ severity: 'serious', publishUntil: '2028-02-28', decidedOn: '2025-02-28' });
  });
  it('lets the department end publication earlier, never later, and says so', () => {
    const early = publicationWindow(penalty, row({ CF_GSJZQ: '2025-06-30' }), '2025-03-01', false);
    expect(early.publishUntil).toBe('2025-06-30');
    expect(early.rule).toContain('提前结束');
    expect(publicationWindow(penalty, row({ CF_GSJZQ: '2030-01-01' }), '2025-03-01', false).publishUntil).toBe('2026-02-28');
  });
  it('keeps licences published open-ended with their validity period', () => {
    expect(publicationWindow(licence, { XK_JDRQ: '2025-01-02', XK_YXQZ: '2025-01-02', XK_YXQZI: '2030-01-01' }, '2025-01-03', false)).toMatchObject({
      severity: null, publishFrom: '2025-01-02', publishUntil: null, validFrom: '2025-01-02', validUntil: '2030-01-01',
    });
  });
});
