import { describe, expect, it } from 'vitest';
import { validateCitizenId } from './citizen-id.js';
import { makeCitizenId, makeOrgCode, makeRegNo, makeUscc, mulberry32 } from './generate.js';
import { validateOrgCode, validateRegNo } from './org-code.js';
import { validateUscc } from './uscc.js';
import { validateCode } from './validate.js';

const N = 10_000;

describe('mulberry32', () => {
  it('is deterministic per seed and stays in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(mulberry32(43)()).not.toBe(xs[0]);
  });
});

describe('generators', () => {
  it(`produce ${N} valid USCCs that validateCode also recognises`, () => {
    const rng = mulberry32(1);
    const codes = Array.from({ length: N }, () => makeUscc(rng));
    expect(new Set(codes).size).toBe(N);
    expect(codes.filter((c) => !validateUscc(c).valid || validateUscc(c).warnings.length > 0)).toEqual([]);
    expect(codes.filter((c) => validateCode(c).scheme !== 'uscc' || !validateCode(c).valid)).toEqual([]);
  });

  it(`produce ${N} valid citizen IDs`, () => {
    const rng = mulberry32(2);
    const ids = Array.from({ length: N }, () => makeCitizenId(rng));
    expect(ids.filter((c) => !validateCitizenId(c).valid || validateCitizenId(c).warnings.length > 0)).toEqual([]);
    expect(ids.filter((c) => validateCode(c).scheme !== 'citizen_id' || !validateCode(c).valid)).toEqual([]);
  });

  it(`produce ${N} valid organisation codes and registration numbers`, () => {
    const rng = mulberry32(3);
    const orgCodes = Array.from({ length: N }, () => makeOrgCode(rng));
    const regNos = Array.from({ length: N }, () => makeRegNo(rng));
    expect(orgCodes.filter((c) => !validateOrgCode(c).valid)).toEqual([]);
    expect(orgCodes.some((c) => c.endsWith('X')) && orgCodes.some((c) => c.endsWith('0'))).toBe(true);
    expect(regNos.filter((c) => !validateRegNo(c).valid || validateRegNo(c).warnings.length > 0)).toEqual([]);
  });

  it('repeat the same sequence for the same seed', () => {
    const run = (seed: number): string[] => {
      const rng = mulberry32(seed);
      return Array.from({ length: 20 }, () => [makeUscc(rng), makeCitizenId(rng), makeOrgCode(rng), makeRegNo(rng)]).flat();
    };
    expect(run(7)).toEqual(run(7));
    expect(run(7)).not.toEqual(run(8));
  });

  it('honour the options', () => {
    const rng = mulberry32(9);
    const uscc = makeUscc(rng, { authority: '5', orgType: '1', region: '320612' });
    expect(uscc.slice(0, 8)).toBe('51320612');
    expect(validateUscc(uscc).parts).toMatchObject({ authority: '民政', orgType: '社会团体' });
    for (let i = 0; i < 200; i++) {
      const id = makeCitizenId(rng, { region: '320612', birthYearFrom: 1990, birthYearTo: 1991, sex: 'female' });
      const r = validateCitizenId(id);
      expect(r.parts).toMatchObject({ regionCode: '320612', sex: 'female' });
      expect(String(r.parts.birthDate) >= '1990-01-01' && String(r.parts.birthDate) <= '1991-12-31').toBe(true);
    }
    expect(makeRegNo(rng, '320612').slice(0, 6)).toBe('320612');
  });

  it('reject impossible options', () => {
    const rng = mulberry32(10);
    expect(() => makeUscc(rng, { authority: '9', orgType: '4' })).toThrow(RangeError);
    expect(() => makeUscc(rng, { region: '3206' })).toThrow(RangeError);
    expect(() => makeCitizenId(rng, { birthYearFrom: 1890 })).toThrow(RangeError);
    expect(() => makeCitizenId(rng, { birthYearFrom: 2000, birthYearTo: 1999 })).toThrow(RangeError);
  });
});
