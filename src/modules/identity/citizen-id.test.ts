import { describe, expect, it } from 'vitest';
import { addDays, TEST_TODAY } from '../../../test/helpers/clock.js';
import {
  birthDateFromId,
  citizenIdCheckChar,
  convertId15To18,
  maskIdNumber,
  sexFromId,
  validateCitizenId,
} from './citizen-id.js';

// The validator's "today" is the tests' injected clock's date (local midnight, as the validator
// reads local date parts). Birth dates in the numbers below are facts of those numbers, not
// relative to today; only the future-birth-date check is.
const [ty, tm, td] = TEST_TODAY.split('-').map(Number) as [number, number, number];
const TODAY = new Date(ty, tm - 1, td);
const compact = (date: string) => date.replaceAll('-', '');

/** A number whose check character is right, so only the field under test is wrong. */
function withCheck(body17: string): string {
  return body17 + citizenIdCheckChar(body17);
}

describe('citizenIdCheckChar', () => {
  it('matches the GB 11643 examples', () => {
    expect(citizenIdCheckChar('11010519491231002')).toBe('X');
    expect(citizenIdCheckChar('44052418800101001')).toBe('4');
  });

  it('rejects a malformed body', () => {
    expect(() => citizenIdCheckChar('1101051949123100')).toThrow(RangeError);
  });
});

describe('validateCitizenId', () => {
  it('accepts a valid number and exposes only non-identifying parts', () => {
    const r = validateCitizenId('11010519491231002X', TODAY);
    expect(r).toMatchObject({ valid: true, scheme: 'citizen_id', normalized: '11010519491231002X', errors: [], warnings: [] });
    expect(r.parts).toEqual({ regionCode: '110105', region: '北京市朝阳区', birthDate: '1949-12-31', sex: 'female' });
    expect(JSON.stringify(r.parts)).not.toContain('11010519491231002');
  });

  it('normalises lower-case x and spaces but returns the input as is', () => {
    const r = validateCitizenId(' 11010519491231002x ', TODAY);
    expect(r).toMatchObject({ valid: true, input: ' 11010519491231002x ', normalized: '11010519491231002X' });
  });

  it('explains a wrong check character', () => {
    expect(validateCitizenId('110105194912310021', TODAY).errors).toEqual([
      { position: 18, message: '第18位校验码应为 X，实为 1', messageEn: 'position 18: check character should be X, found 1' },
    ]);
  });

  it('rejects an impossible date (19990230)', () => {
    const r = validateCitizenId(withCheck('11010519990230001'), TODAY);
    expect(r.errors).toEqual([
      {
        position: 7,
        message: '第7–14位出生日期 19990230 不是有效日期',
        messageEn: 'positions 7–14: birth date 19990230 is not a valid date',
      },
    ]);
    expect(r.parts.birthDate).toBeNull();
  });

  it('rejects a future birth date but accepts today', () => {
    const tomorrow = compact(addDays(TEST_TODAY, 1));
    expect(validateCitizenId(withCheck(`110105${tomorrow}001`), TODAY).errors).toEqual([
      { position: 7, message: `第7–14位出生日期 ${tomorrow} 晚于今天`, messageEn: `positions 7–14: birth date ${tomorrow} is in the future` },
    ]);
    expect(validateCitizenId(withCheck(`110105${compact(TEST_TODAY)}001`), TODAY).valid).toBe(true);
  });

  it('rejects a birth date before 1900 (GB 11643 example 440524188001010014)', () => {
    const r = validateCitizenId('440524188001010014', TODAY);
    expect(r.errors).toEqual([
      { position: 7, message: '第7–14位出生日期 18800101 早于 1900 年', messageEn: 'positions 7–14: birth date 18800101 is before 1900' },
    ]);
    expect(r.parts.sex).toBe('male');
  });

  it('only warns about an unknown (abolished) region code', () => {
    const r = validateCitizenId('32060219900101000X', TODAY);
    expect(r.valid).toBe(true);
    expect(r.warnings).toEqual([
      {
        position: 1,
        message: '第1–6位行政区划代码 320602 未知（可能已撤销或有误）',
        messageEn: 'positions 1–6: unknown administrative division code 320602 (abolished or mistyped)',
      },
    ]);
  });

  it('names non-digit characters by position', () => {
    expect(validateCitizenId('1101051949123100A2', TODAY).errors).toEqual([
      { position: 17, message: '第17位字符 A 应为数字', messageEn: 'position 17: character A should be a digit' },
    ]);
    expect(validateCitizenId('11010519491231002Y', TODAY).errors).toEqual([
      { position: 18, message: '第18位字符 Y 应为数字或 X', messageEn: 'position 18: character Y should be a digit or X' },
    ]);
  });

  it('reports a wrong length', () => {
    expect(validateCitizenId('1101051949123100', TODAY).errors).toEqual([
      { message: '长度应为 18 位（旧式为 15 位），实为 16 位', messageEn: 'length should be 18 (legacy: 15), found 16' },
    ]);
  });

  it('converts a legacy 15-digit number to 18 digits', () => {
    const r = validateCitizenId('110105491231002', TODAY);
    expect(r).toMatchObject({ valid: true, scheme: 'citizen_id_15', normalized: '11010519491231002X' });
    expect(r.parts).toEqual({ regionCode: '110105', region: '北京市朝阳区', birthDate: '1949-12-31', sex: 'female' });
  });

  it('rejects a legacy number with an impossible date', () => {
    expect(validateCitizenId('110105490230002', TODAY).errors).toEqual([
      { position: 7, message: '第7–12位出生日期 490230 不是有效日期', messageEn: 'positions 7–12: birth date 490230 is not a valid date' },
    ]);
  });
});

describe('helpers', () => {
  it('masks all but the first and last four characters', () => {
    expect(maskIdNumber('32010519491231123X')).toBe('3201**********123X');
    expect(maskIdNumber('110105491231002')).toBe('1101*******1002');
    expect(maskIdNumber('12345678')).toBe('********');
  });

  it('converts 15 → 18', () => {
    expect(convertId15To18('110105491231002')).toBe('11010519491231002X');
    expect(() => convertId15To18('11010549123100')).toThrow(RangeError);
  });

  it('extracts birth date and sex', () => {
    expect(birthDateFromId('11010519491231002X')).toBe('1949-12-31');
    expect(birthDateFromId('110105491231002')).toBe('1949-12-31');
    expect(birthDateFromId('11010519990230001X')).toBeNull();
    expect(birthDateFromId('garbage')).toBeNull();
    expect(sexFromId('11010519491231002x')).toBe('female');
    expect(sexFromId('440524188001010014')).toBe('male');
    expect(sexFromId('110105491231001')).toBe('male');
    expect(sexFromId('')).toBeNull();
  });
});
