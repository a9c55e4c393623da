import { describe, expect, it } from 'vitest';
import { orgCodeCheckChar, regNoCheckDigit, validateOrgCode, validateRegNo } from './org-code.js';

describe('orgCodeCheckChar', () => {
  it("gives 'X' for the GB 11714 example D2143569 (Σ = 199, 11 − 1 = 10)", () => {
    expect(orgCodeCheckChar('D2143569')).toBe('X');
  });

  it("gives '0' when Σ mod 11 is 0 (12340002: Σ = 88)", () => {
    expect(orgCodeCheckChar('12340002')).toBe('0');
  });

  it('gives a plain digit otherwise', () => {
    expect(orgCodeCheckChar('78068813')).toBe('2');
    expect(orgCodeCheckChar('M000100Y')).toBe('4');
  });

  it('rejects a malformed body', () => {
    expect(() => orgCodeCheckChar('D214356')).toThrow(RangeError);
    expect(() => orgCodeCheckChar('D214356-')).toThrow(RangeError);
  });
});

describe('validateOrgCode', () => {
  it('accepts the code with and without hyphen, in any case', () => {
    for (const code of ['D2143569-X', 'D2143569X', ' d2143569-x ']) {
      expect(validateOrgCode(code)).toMatchObject({
        valid: true,
        scheme: 'org_code',
        normalized: 'D2143569X',
        parts: { body: 'D2143569', checkChar: 'X', formatted: 'D2143569-X' },
        errors: [],
      });
    }
  });

  it("accepts a '0' check character", () => {
    expect(validateOrgCode('12340002-0').valid).toBe(true);
  });

  it('explains a wrong check character', () => {
    expect(validateOrgCode('D2143569-1').errors).toEqual([
      { position: 9, message: '第9位校验码应为 X，实为 1', messageEn: 'position 9: check character should be X, found 1' },
    ]);
  });

  it('rejects a misplaced hyphen', () => {
    expect(validateOrgCode('D214-3569X').errors).toEqual([
      { message: '连字符只能位于第8位之后（XXXXXXXX-X）', messageEn: 'hyphen allowed only after the 8th character (XXXXXXXX-X)' },
    ]);
  });

  it('names bad characters by position', () => {
    expect(validateOrgCode('D214356%-X').errors).toEqual([
      { position: 8, message: '第8位字符 % 应为数字或大写字母', messageEn: 'position 8: character % should be a digit or upper-case letter' },
    ]);
    expect(validateOrgCode('D2143569-Y').errors).toEqual([
      { position: 9, message: '第9位字符 Y 应为数字或 X', messageEn: 'position 9: character Y should be a digit or X' },
    ]);
  });

  it('reports a wrong length', () => {
    expect(validateOrgCode('D214356X').errors).toEqual([
      { message: '长度应为 9 位，实为 8 位', messageEn: 'length should be 9 (or 10 with hyphen), found 8' },
    ]);
  });
});

describe('validateRegNo', () => {
  it('accepts the GS 15-2006 example 110108000000016', () => {
    expect(validateRegNo('110108000000016')).toMatchObject({
      valid: true,
      scheme: 'reg_no',
      parts: { regionCode: '110108', region: '北京市海淀区', checkDigit: '6' },
      errors: [],
      warnings: [],
    });
  });

  it('accepts exactly one check digit per body (ISO 7064 MOD 11,10)', () => {
    for (const body of ['11010800000001', '32061200001234', '61010399999999']) {
      const ok = [...'0123456789'].filter((d) => validateRegNo(body + d).valid);
      expect(ok).toEqual([regNoCheckDigit(body)]);
    }
  });

  it('explains a wrong check digit', () => {
    expect(validateRegNo('110108000000017').errors).toEqual([
      {
        position: 15,
        message: '第15位校验码（ISO 7064 MOD 11,10）应为 6，实为 7',
        messageEn: 'position 15: check digit (ISO 7064 MOD 11,10) should be 6, found 7',
      },
    ]);
  });

  it('only warns about an unknown region', () => {
    const body = '99010800000001';
    const r = validateRegNo(body + regNoCheckDigit(body));
    expect(r.valid).toBe(true);
    expect(r.warnings).toEqual([
      {
        position: 1,
        message: '第1–6位行政区划代码 990108 未知（可能已撤销或有误）',
        messageEn: 'positions 1–6: unknown administrative division code 990108 (abolished or mistyped)',
      },
    ]);
  });

  it('requires 15 digits', () => {
    expect(validateRegNo('11010800000001A').errors).toEqual([
      { position: 15, message: '第15位字符 A 应为数字', messageEn: 'position 15: character A should be a digit' },
    ]);
    expect(validateRegNo('11010800000001').errors).toEqual([
      { message: '长度应为 15 位，实为 14 位', messageEn: 'length should be 15, found 14' },
    ]);
  });
});
