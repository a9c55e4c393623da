import { describe, expect, it } from 'vitest';
import { makeUscc, mulberry32 } from './generate.js';
import { isValidUscc, USCC_CHARSET, USCC_WEIGHTS, subjectKindFromUscc, usccCheckChar, validateUscc } from './uscc.js';

/** Replace the check character so only the deliberately broken field is wrong. */
function withCheck(body17: string): string {
  return body17 + usccCheckChar(body17);
}

describe('usccCheckChar', () => {
  it('uses weights 3^(i-1) mod 31', () => {
    USCC_WEIGHTS.forEach((w, i) => expect(w).toBe(3 ** i % 31));
    expect(USCC_WEIGHTS).toHaveLength(17);
  });

  it('reproduces the worked example of the standard (Σ = 1640, check 3)', () => {
    const body = '91350100M000100Y4';
    const sum = [...body].reduce((acc, ch, i) => acc + USCC_CHARSET.indexOf(ch) * (USCC_WEIGHTS[i] ?? 0), 0);
    expect(sum).toBe(1640);
    expect(usccCheckChar(body)).toBe('3');
  });

  it("writes '0' when Σ mod 31 is 0", () => {
    const body = '913201057806881R9';
    const sum = [...body].reduce((acc, ch, i) => acc + USCC_CHARSET.indexOf(ch) * (USCC_WEIGHTS[i] ?? 0), 0);
    expect(sum % 31).toBe(0);
    expect(usccCheckChar(body)).toBe('0');
    expect(validateUscc(`${body}0`)).toMatchObject({ valid: true, errors: [] });
  });

  it('rejects a malformed body', () => {
    expect(() => usccCheckChar('91350100M000100Y')).toThrow(RangeError);
    expect(() => usccCheckChar('91350100M000100I4')).toThrow(RangeError);
  });
});

describe('validateUscc', () => {
  it.each(['91350100M000100Y43', '91230184MA1BUFLT44', '92371000MA3MXH0E3W', '91320105780688132K'])(
    'accepts %s',
    (code) => {
      const r = validateUscc(code);
      expect(r).toMatchObject({ valid: true, scheme: 'uscc', normalized: code, errors: [], warnings: [] });
    },
  );

  it('names every part', () => {
    expect(validateUscc('91350100M000100Y43').parts).toEqual({
      authorityCode: '9',
      authority: '工商 (市场监管)',
      orgType: '企业',
      regionCode: '350100',
      region: '福建省福州市',
      orgCode: 'M000100Y-4',
      checkChar: '3',
      subjectKind: 'legal_person',
    });
    expect(validateUscc('92371000MA3MXH0E3W').parts.orgType).toBe('个体工商户');
  });

  it('rejects the commonly quoted 91310115MA1H8R7C6D, naming check character 7', () => {
    const r = validateUscc('91310115MA1H8R7C6D');
    expect(r.valid).toBe(false);
    expect(r.errors).toContainEqual({
      position: 18,
      message: '第18位校验码应为 7，实为 D',
      messageEn: 'position 18: check character should be 7, found D',
    });
    // Its embedded organisation code is broken too.
    expect(r.errors).toContainEqual({
      position: 17,
      message: '第17位组织机构代码校验码应为 4，实为 6',
      messageEn: 'position 17: organisation code check character should be 4, found 6',
    });
  });

  it('normalises lower case and surrounding spaces', () => {
    const r = validateUscc('  91350100m000100y43 ');
    expect(r).toMatchObject({ valid: true, input: '  91350100m000100y43 ', normalized: '91350100M000100Y43' });
  });

  it('reports a character outside the charset with its position', () => {
    expect(validateUscc('9135I100M000100Y43').errors).toEqual([
      { position: 5, message: '第5位字符 I 不在统一社会信用代码字符集内', messageEn: 'position 5: character I is not in the USCC character set' },
    ]);
  });

  it('reports a wrong length', () => {
    const short = validateUscc('91350100M000100Y4');
    expect(short.errors).toEqual([{ message: '长度应为 18 位，实为 17 位', messageEn: 'length should be 18, found 17' }]);
    expect(validateUscc('91350100M000100Y433').errors).toEqual([
      { message: '长度应为 18 位，实为 19 位', messageEn: 'length should be 18, found 19' },
    ]);
  });

  it('reports an unknown registration authority', () => {
    const r = validateUscc(withCheck('B1350100M000100Y4'));
    expect(r.errors).toEqual([
      { position: 1, message: '第1位登记管理部门代码 B 无效', messageEn: 'position 1: unknown registration authority code B' },
    ]);
    expect(r.parts.authority).toBeNull();
  });

  it('reports an organisation type not defined for the authority', () => {
    expect(validateUscc(withCheck('94350100M000100Y4')).errors).toEqual([
      {
        position: 2,
        message: '第2位机构类别代码 4 对登记管理部门 9（工商 (市场监管)）无效',
        messageEn: 'position 2: organisation type 4 is not defined for registration authority 9 (工商 (市场监管))',
      },
    ]);
  });

  it('requires digits in the region code', () => {
    expect(validateUscc(withCheck('9135A100M000100Y4')).errors).toEqual([
      {
        position: 5,
        message: '第5位字符 A 应为数字（行政区划代码）',
        messageEn: 'position 5: character A should be a digit (administrative division code)',
      },
    ]);
  });

  it('checks the embedded organisation code', () => {
    expect(validateUscc(withCheck('91350100M000100Y5')).errors).toEqual([
      {
        position: 17,
        message: '第17位组织机构代码校验码应为 4，实为 5',
        messageEn: 'position 17: organisation code check character should be 4, found 5',
      },
    ]);
  });

  it('checks the final character', () => {
    expect(validateUscc('91350100M000100Y44').errors).toEqual([
      { position: 18, message: '第18位校验码应为 3，实为 4', messageEn: 'position 18: check character should be 3, found 4' },
    ]);
  });

  it('only warns about an unknown (e.g. abolished) region', () => {
    const r = validateUscc(withCheck('91999999M000100Y4'));
    expect(r.valid).toBe(true);
    expect(r.parts.region).toBeNull();
    expect(r.warnings).toEqual([
      {
        position: 3,
        message: '第3–8位行政区划代码 999999 未知（可能已撤销或有误）',
        messageEn: 'positions 3–8: unknown administrative division code 999999 (abolished or mistyped)',
      },
    ]);
  });

  it('rejects empty input', () => {
    expect(validateUscc('  ')).toMatchObject({ valid: false, normalized: null, errors: [{ message: '代码为空' }] });
  });
});

describe('subjectKindFromUscc', () => {
  it.each([
    ['91350100M000100Y43', 'legal_person'],
    ['92371000MA3MXH0E3W', 'sole_trader'],
    ['93', 'unincorporated'],
    ['11', 'government'],
    ['12', 'government'],
    ['13', 'government'],
    ['19', 'government'],
    ['a1', 'government'],
    ['A9', 'government'],
    ['51', 'unincorporated'],
    ['31', 'unincorporated'],
    ['71', 'unincorporated'],
    ['81', 'unincorporated'],
    ['N1', 'unincorporated'],
    ['Y1', 'unincorporated'],
  ])('%s → %s', (code, kind) => {
    expect(subjectKindFromUscc(code)).toBe(kind);
  });
});

describe('isValidUscc', () => {
  it('agrees with validateUscc on valid codes and on every one-character change of them', () => {
    const rng = mulberry32(7);
    const alphabet = `${USCC_CHARSET}IOSVZ`;
    let valid = 0;
    for (let n = 0; n < 300; n++) {
      const code = makeUscc(rng);
      expect(isValidUscc(code), code).toBe(true);
      for (let i = 0; i < 18; i++) {
        const ch = alphabet.charAt(Math.floor(rng() * alphabet.length));
        const changed = `${code.slice(0, i)}${ch}${code.slice(i + 1)}`;
        const expected = validateUscc(changed).valid;
        if (expected) valid += 1;
        expect(isValidUscc(changed), changed).toBe(expected);
      }
    }
    expect(valid).toBeGreaterThan(50); // a change to the same character keeps the code valid: both outcomes are exercised
    for (const bad of ['', '91320600MA1MXXXX0', '91320600MA1MXXXX0AA', '9132060OMA1MXXXX0A']) expect(isValidUscc(bad)).toBe(validateUscc(bad).valid);
  });
});
