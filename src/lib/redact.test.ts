import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { citizenIdCheckChar } from '../modules/identity/citizen-id.js';
import { makeCitizenId, makeUscc, mulberry32 } from '../modules/identity/generate.js';
import { orgCodeCheckChar } from '../modules/identity/org-code.js';
import { usccCheckChar } from '../modules/identity/uscc.js';
import { decodePercentEscapes, maskIdNumbersInFreeText, maskIdNumbersInText, maskIdNumbersInUrl } from './redact.js';

const ID = '32060219800101001X';
const ID_DIGITS = '320602198001010017';
const LEGACY = '320602800101001';

/** Neither the 17 digits that make up a whole ID nor its birth date and sequence are left. */
function expectNoId(out: string, id: string): void {
  expect(out).not.toContain(id.slice(0, 17));
  expect(out).not.toContain(id.slice(4, 14));
}

describe('maskIdNumbersInText', () => {
  it('masks an ID that stands alone, in a path or a query', () => {
    expect(maskIdNumbersInText(ID)).toBe('3206**********001X');
    expect(maskIdNumbersInText(`/api/v1/subjects/${ID}/archive?x=${LEGACY}`)).toBe('/api/v1/subjects/3206**********001X/archive?x=3206*******1001');
  });

  it('masks an ID glued to letters, Chinese characters or other digits', () => {
    expect(maskIdNumbersInText(`?q=A${ID}`)).toBe('?q=A3206**********001X');
    expect(maskIdNumbersInText(`?q=${ID}abc`)).toBe('?q=3206**********001Xabc');
    expect(maskIdNumbersInText(`?q=三${ID_DIGITS}`)).toBe('?q=三3206**********0017');
    expect(maskIdNumbersInText(`身份证号${ID}，电话13800000000`)).toBe('身份证号3206**********001X，电话13800000000');
    expect(maskIdNumbersInText(`x${LEGACY}y`)).toBe('x3206*******1001y');
    const glued = maskIdNumbersInText(`12${ID_DIGITS}34`);
    expectNoId(glued, ID_DIGITS);
    expect(glued).toBe(`1232${'*'.repeat(14)}1734`);
  });

  it('masks an ID right after a percent-escape even without decoding, and full-width digits', () => {
    expectNoId(maskIdNumbersInText(`?q=%E4%B8%89${ID}`), ID);
    expect(maskIdNumbersInText('身份证：３２０６０２１９８００１０１００１Ｘ')).toBe('身份证：３２０６**********００１Ｘ');
  });

  it('leaves valid unified social credit codes alone, even most all-digit ones, but never an ID-shaped one', () => {
    expect(maskIdNumbersInText('/api/v1/subjects/91320105780688132K')).toBe('/api/v1/subjects/91320105780688132K');
    const rng = mulberry32(20240601);
    for (let i = 0; i < 500; i++) {
      const uscc = makeUscc(rng, { authority: i % 3 === 0 ? '1' : '9', orgType: '1' });
      for (const text of [uscc, `/api/v1/subjects/${uscc}/archive`, `?q=${uscc}&kind=legal_person`, `统一社会信用代码${uscc}。`]) {
        expect(maskIdNumbersInText(text), uscc).toBe(text);
      }
    }
    // Codes of old enterprises are often all digits: most are kept (about 6% look like a legacy ID and are masked).
    let all = 0;
    let kept = 0;
    while (all < 2000) {
      const org = Array.from({ length: 8 }, () => String(Math.floor(rng() * 10))).join('');
      const body = `${all % 2 ? '91' : '12'}320602${org}${orgCodeCheckChar(org)}`;
      if (!/^\d{17}$/.test(body)) continue;
      const uscc = body + usccCheckChar(body);
      all += 1;
      if (maskIdNumbersInText(`/api/v1/subjects/${uscc}`) === `/api/v1/subjects/${uscc}`) kept += 1;
    }
    expect(kept / all).toBeGreaterThan(0.9);
    // Eighteen digits that pass the USCC check yet carry a birth date where an ID has it are masked.
    const body = '91320619900101523';
    const idLike = body + usccCheckChar(body);
    expect(maskIdNumbersInText(idLike)).toBe(`9132**********${idLike.slice(-4)}`);
  });

  it('leaves shorter numbers (phones, dates, amounts) alone', () => {
    for (const s of ['13800138000', '2024-01-01', '20240101', '12345678901234', '罚款5000元', '0512-68001234']) expect(maskIdNumbersInText(s)).toBe(s);
  });
});

describe('maskIdNumbersInUrl', () => {
  it('decodes percent-escapes before masking, once or twice encoded', () => {
    expect(maskIdNumbersInUrl(`/api/v1/subjects?q=%E4%B8%89${ID}`)).toBe('/api/v1/subjects?q=三3206**********001X');
    const escaped = [...ID].map((c) => `%${c.charCodeAt(0).toString(16)}`).join('');
    expectNoId(maskIdNumbersInUrl(`/api/v1/subjects/${escaped}`), ID);
    expectNoId(maskIdNumbersInUrl(`/api/v1/subjects?q=${escaped.replace(/%/g, '%25')}`), ID);
  });

  it('never throws on malformed escapes', () => {
    for (const s of ['%', '%E4%B8', '%zz', '%E4%B8%89%', '100%', '%%%41', `%E4${ID}%`, '%ED%A0%80']) {
      expect(() => maskIdNumbersInUrl(s)).not.toThrow();
      expect(() => decodePercentEscapes(s)).not.toThrow();
    }
    expect(decodePercentEscapes('a%E4%B8%89b%zz')).toBe('a三b%zz');
    expect(decodePercentEscapes('%E4%B8')).toBe('\ufffd');
    expectNoId(maskIdNumbersInUrl(`%E4${ID}%`), ID);
  });
});

describe('masking as a property', () => {
  const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 12 }), fc.stringMatching(/^[0-9A-Za-z%]{0,6}$/));
  const urlText = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 12 }), fc.stringMatching(/^[0-9A-Za-z]{0,6}$/), fc.constantFrom('', 'A', '三', '%E4%B8%89', '0', '12'));
  const id18 = fc.record({
    region: fc.constantFrom('320602', '110101', '440305', '650102', '810000'),
    birth: fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2024-12-31T00:00:00Z'), noInvalidDate: true }),
    seq: fc.integer({ min: 0, max: 999 }),
  }).map(({ region, birth, seq }) => {
    const body = `${region}${birth.toISOString().slice(0, 10).replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
    return body + citizenIdCheckChar(body);
  });
  const id15 = fc.tuple(fc.constantFrom('320602', '110101'), fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('1999-12-31T00:00:00Z'), noInvalidDate: true }), fc.integer({ min: 0, max: 999 }))
    .map(([r, d, s]) => `${r}${d.toISOString().slice(2, 10).replace(/-/g, '')}${String(s).padStart(3, '0')}`);

  it('no ID survives in text, whatever stands before and after it', () => {
    fc.assert(fc.property(anyText, fc.oneof(id18, id15), anyText, (before, id, after) => {
      const out = maskIdNumbersInText(before + id + after);
      expect(out).not.toContain(id.length === 18 ? id.slice(0, 17) : id);
      expect(out).not.toContain(id.slice(4, id.length - 4));
    }), { numRuns: 2000 });
  });

  it('no ID survives in a logged URL, raw or percent-encoded in any part', () => {
    fc.assert(fc.property(urlText, id18, urlText, fc.array(fc.boolean(), { minLength: 18, maxLength: 18 }), (before, id, after, escape) => {
      const idInUrl = [...id].map((c, i) => (escape[i] ? `%${c.charCodeAt(0).toString(16).toUpperCase()}` : c)).join('');
      const url = `/api/v1/subjects?q=${encodeURIComponent(before)}${idInUrl}${encodeURIComponent(after)}`;
      const out = maskIdNumbersInUrl(url);
      expect(out).not.toContain(id.slice(0, 17));
      expect(out).not.toContain(id.slice(4, 14));
    }), { numRuns: 2000 });
  });

  it('a seeded loop over generated IDs and random surroundings agrees', () => {
    const rng = mulberry32(11643);
    const pieces = ['', 'A', 'abc', '三', '号码', '0', '99', 'X', '%E4%B8%89', '/', '?q=', '（', '\u200b'];
    for (let i = 0; i < 2000; i++) {
      const id = makeCitizenId(rng);
      const pick = () => pieces[Math.floor(rng() * pieces.length)]!;
      const text = `${pick()}${pick()}${id}${pick()}${pick()}`;
      expectNoId(maskIdNumbersInText(text), id);
      expectNoId(maskIdNumbersInFreeText(text), id);
      expectNoId(maskIdNumbersInUrl(text), id);
    }
  });
});
