import { describe, expect, it } from 'vitest';
import { fillCommitmentText, unknownPlaceholders } from './template.js';

const TEMPLATE = '{主体名称}（{统一社会信用代码}）郑重承诺：{承诺事由}。承诺日期：{承诺日期}；受理单位：{受理单位}';

describe('commitment text', () => {
  it('fills every placeholder with the signer\'s data', () => {
    expect(fillCommitmentText(TEMPLATE, { subjectName: '南通甲公司', subjectCode: '91320600MA1XXXXX0X', matter: '诚信经营', date: '2026-05-01', department: '市税务局' }))
      .toBe('南通甲公司（91320600MA1XXXXX0X）郑重承诺：诚信经营。承诺日期：2026-05-01；受理单位：市税务局');
    expect(fillCommitmentText('代码：{主体代码}', { subjectCode: '3206**********1234' })).toBe('代码：3206**********1234');
  });

  it('leaves no braces: missing values read as blanks in words, unknown placeholders as their name', () => {
    const blank = fillCommitmentText(TEMPLATE, { matter: '  ' });
    expect(blank).toBe('（承诺主体名称）（（统一社会信用代码））郑重承诺：（承诺事由）。承诺日期：（签署日期）；受理单位：（承诺受理单位）');
    expect(fillCommitmentText('{法定代表人}签字', {})).toBe('（法定代表人）签字');
    expect(blank).not.toMatch(/[{}]/);
  });

  it('names the placeholders an item may not use', () => {
    expect(unknownPlaceholders(TEMPLATE)).toEqual([]);
    expect(unknownPlaceholders('{主体名称}{法定代表人}{法定代表人}{x}')).toEqual(['法定代表人', 'x']);
  });
});
