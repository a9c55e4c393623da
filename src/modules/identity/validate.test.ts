import { describe, expect, it } from 'vitest';
import { validateCode } from './validate.js';

describe('validateCode: scheme detection', () => {
  it.each([
    ['91350100M000100Y43', 'uscc'],
    ['92371000MA3MXH0E3W', 'uscc'],
    ['913201057806000225', 'uscc'], // all digits, yet only valid as a USCC
    ['11010519491231002X', 'citizen_id'],
    ['11010519491231002x', 'citizen_id'],
    ['110105491231002', 'citizen_id_15'],
    ['110108000000016', 'reg_no'], // positions 7–12 "000000" are no date
    ['D2143569-X', 'org_code'],
    ['D2143569X', 'org_code'],
  ])('%s → %s (valid)', (code, scheme) => {
    const r = validateCode(code);
    expect(r.scheme).toBe(scheme);
    expect(r.valid).toBe(true);
    expect(r.errors).toEqual([]);
  });

  it('reports the legacy ID converted to 18 digits', () => {
    expect(validateCode('110105491231002').normalized).toBe('11010519491231002X');
  });

  it('prefers the citizen ID when an 18-digit string passes both checks, and says so', () => {
    const r = validateCode('110105198001013014');
    expect(r.scheme).toBe('citizen_id');
    expect(r.warnings).toEqual([
      { message: '该号码同时符合统一社会信用代码的校验规则', messageEn: 'this number also passes the unified social credit code check' },
    ]);
  });

  it('prefers the legacy ID for a 15-digit date-shaped string that also passes the reg-no check', () => {
    const r = validateCode('320100000123004');
    expect(r.scheme).toBe('citizen_id_15');
    expect(r.warnings).toEqual([
      { message: '该号码同时符合工商注册号的校验规则', messageEn: 'this number also passes the business registration number check' },
    ]);
  });

  it('reports an invalid all-digit string under the scheme it most resembles', () => {
    const id = validateCode('110105194912310021');
    expect(id.scheme).toBe('citizen_id');
    expect(id.errors).toEqual([
      { position: 18, message: '第18位校验码应为 X，实为 1', messageEn: 'position 18: check character should be X, found 1' },
    ]);
    const uscc = validateCode('913201057806000226');
    expect(uscc.scheme).toBe('uscc');
    expect(uscc.errors).toEqual([
      { position: 18, message: '第18位校验码应为 5，实为 6', messageEn: 'position 18: check character should be 5, found 6' },
    ]);
  });

  it('treats an 18-character string with letters as a USCC', () => {
    const r = validateCode('91310115MA1H8R7C6D');
    expect(r).toMatchObject({ scheme: 'uscc', valid: false });
    expect(r.errors.map((e) => e.position)).toEqual([17, 18]);
  });

  it('explains off-by-one lengths under the likely scheme', () => {
    expect(validateCode('91350100M000100Y4')).toMatchObject({
      scheme: 'uscc',
      errors: [{ message: '长度应为 18 位，实为 17 位' }],
    });
    expect(validateCode('11010519491231002')).toMatchObject({
      scheme: 'citizen_id',
      errors: [{ message: '长度应为 18 位（旧式为 15 位），实为 17 位' }],
    });
  });

  it('rejects empty input', () => {
    expect(validateCode('   ')).toEqual({
      valid: false,
      scheme: 'unknown',
      input: '   ',
      normalized: null,
      parts: {},
      errors: [{ message: '代码为空', messageEn: 'code is empty' }],
      warnings: [],
    });
  });

  it('rejects garbage with a bilingual message', () => {
    const r = validateCode('hello world');
    expect(r).toMatchObject({ valid: false, scheme: 'unknown', normalized: null });
    expect(r.errors).toEqual([
      {
        message:
          '无法识别的代码格式（11 位）：应为 18 位统一社会信用代码或公民身份号码、15 位工商注册号或旧式身份号码、9 位组织机构代码',
        messageEn:
          'unrecognised code format (11 characters): expected an 18-character USCC or citizen ID, a 15-digit registration number or legacy ID, or a 9-character organisation code',
      },
    ]);
  });

  it('never puts a full citizen ID into parts', () => {
    for (const code of ['11010519491231002X', '110105491231002', '110105198001013014']) {
      const r = validateCode(code);
      const parts = JSON.stringify(r.parts);
      expect(parts).not.toContain(r.normalized);
      expect(parts).not.toContain(code);
    }
  });
});
