import { describe, expect, it } from 'vitest';
import { PersonalData } from '../../lib/personal-data.js';
import { matchKey, nameGrams, planParty } from './match.js';

const pd = new PersonalData({ hmacKey: Buffer.alloc(32, 1), encryptionKey: Buffer.alloc(32, 2) });

describe('name keys', () => {
  it('make the usual spellings of one company equal', () => {
    const key = matchKey('南通华信电子科技（崇川）有限公司');
    for (const v of ['南通华信电子科技(崇川)有限责任公司', '南通 華信電子科技（崇川）有限公司', '南通华信电子科技〔崇川〕有限公司', '南通华信电子科技（崇川）有限責任公司']) {
      expect(matchKey(v)).toBe(key);
    }
    expect(matchKey('ＡＢＣ科技有限公司')).toBe(matchKey('abc科技有限公司'));
    expect(matchKey('臺灣積體電路製造股份有限公司')).toBe(matchKey('台湾积体电路制造股份有限公司'));
  });

  it('give the 3-character grams a LIKE pattern can use', () => {
    expect(nameGrams(matchKey('华信电子（南通）公司'))).toEqual(['华信电', '信电子']);
    expect(nameGrams('ab_cde')).toEqual(['cde']);
    expect(nameGrams('有限')).toEqual([]);
  });
});

describe('party plans', () => {
  it('read a USCC, an ID number (masked in the echo), a legacy code and report malformed codes', () => {
    expect(planParty(pd, 0, { code: '91320602MA1MB4WX3K' })).toMatchObject({ errors: [], usccs: ['91320602MA1MB4WX3K'] });
    const id = planParty(pd, 1, { code: '11010519491231002X' });
    expect(id.hmacs).toHaveLength(1);
    expect(id.echo.code).toBe('1101**********002X');
    const bad = planParty(pd, 2, { code: '91320602MA1MB4WX3A', name: '某公司' });
    expect(bad.errors[0]).toMatchObject({ field: 'code', position: 18 });
    expect(bad.nameKey).toBe('某公司');
    expect(planParty(pd, 3, {}).errors[0]).toMatchObject({ field: 'party' });
  });
});
