import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../config.js';
import { memoryFlags } from '../db/embedded.js';
import { canonicalJson, CanonicalText } from './canonical-json.js';
import { addMonths, cstDate, isIsoDate, parseExpiry, runningClock } from './clock.js';
import { ChainVerifier, chainHash, GENESIS_HASH } from './hash-chain.js';
import { PersonalData } from './personal-data.js';
import { maskIdNumbersInText } from './redact.js';
import { parseDate } from '../modules/catalog/field-validation.js';

describe('canonical JSON', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: undefined, x: null }], c: '中' } })).toBe('{"a":{"c":"中","d":[1,{"x":null,"z":1}]},"b":1}');
  });
  it('refuses non-finite numbers', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow('non-finite');
  });
});

describe('hash chain', () => {
  it('verifies links in order and reports the first mismatch', () => {
    const h1 = chainHash(GENESIS_HASH, { n: 1 });
    const h2 = chainHash(h1, { n: 2 });
    const v = new ChainVerifier();
    expect(v.check({ seq: 1, prevHash: GENESIS_HASH, hash: h1, entry: { n: 1 } })).toBeNull();
    expect(v.check({ seq: 2, prevHash: h1, hash: h2, entry: { n: 3 } })).toMatchObject({ seq: 2, reason: 'hash_mismatch' });
  });
});

// Pure conversions of fixed dates (month ends, leap years, time zones): facts, not relative to today.
describe('dates', () => {
  it('adds months clamping to the end of the month', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(addMonths('2025-05-15', 36)).toBe('2028-05-15');
  });
  it('takes China Standard Time for today', () => {
    expect(cstDate(new Date('2026-11-24T16:30:00Z'))).toBe('2026-11-25');
    expect(isIsoDate('2026-02-29')).toBe(false);
  });
  it('parses the date spellings departments send', () => {
    expect(['2024-3-5', '2024/03/05', '2024.3.5', '20240305', '2024年3月5日', '2024-03-05T08:00:00+08:00'].map(parseDate)).toEqual(Array(6).fill('2024-03-05'));
    expect(parseDate('2024-13-01')).toBeNull();
    expect(parseDate('yesterday')).toBeNull();
  });
});

describe('personal data', () => {
  const pd = new PersonalData({ hmacKey: Buffer.alloc(32, 1), encryptionKey: Buffer.alloc(32, 2) });
  it('encrypts with a fresh nonce and decrypts; tampering fails', () => {
    const a = pd.encrypt('32060219800101001X');
    expect(a.equals(pd.encrypt('32060219800101001X'))).toBe(false);
    expect(pd.decrypt(a)).toBe('32060219800101001X');
    a[a.length - 1]! ^= 1;
    expect(() => pd.decrypt(a)).toThrow();
  });
  it('hmacs deterministically under its key', () => {
    expect(pd.hmac('x').equals(pd.hmac('x'))).toBe(true);
    expect(new PersonalData({ hmacKey: Buffer.alloc(32, 3), encryptionKey: Buffer.alloc(32, 2) }).hmac('x').equals(pd.hmac('x'))).toBe(false);
  });
  it('masks ID-shaped numbers in log text', () => {
    expect(maskIdNumbersInText('/api/v1/subjects/32060219800101001X/archive?x=320602800101001')).toBe('/api/v1/subjects/3206**********001X/archive?x=3206*******1001');
    expect(maskIdNumbersInText('/api/v1/subjects/91320105780688132K')).toBe('/api/v1/subjects/91320105780688132K');
  });
});

describe('configuration', () => {
  it('fills defaults', () => {
    const c = parseConfig({}, '/srv/x');
    expect(c).toMatchObject({ port: 3000, dataDir: '/srv/x/data', databaseUrl: null, demoSubjects: 2000, adminPassword: null });
    expect(Object.isFrozen(c)).toBe(true);
  });
  it('lists every problem at once', () => {
    try {
      parseConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', DEMO_SUBJECTS: '-1', ADMIN_PASSWORD: 'short', XINYONG_HMAC_KEY: 'zz' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).problems).toHaveLength(5);
    }
  });
  it('starts the business clock at XINYONG_NOW, which must carry its offset', () => {
    expect(parseConfig({}).clockStart).toBeNull();
    expect(parseConfig({ XINYONG_NOW: '2028-02-29T10:00:00+08:00' }).clockStart).toBe('2028-02-29T02:00:00.000Z');
    for (const bad of ['2028-02-29', '2028-02-29T10:00:00', '2028-02-30T10:00:00Z', 'tomorrow']) {
      expect(() => parseConfig({ XINYONG_NOW: bad })).toThrow(/XINYONG_NOW must be an ISO 8601 instant/);
    }
  });
});

describe('embedded server memory', () => {
  it('gives shared_buffers a quarter of the machine within 128 MB – 4 GiB unless configured', () => {
    expect(parseConfig({}).embeddedSharedBuffersMb).toBeNull();
    expect(parseConfig({ EMBEDDED_SHARED_BUFFERS_MB: '512' }).embeddedSharedBuffersMb).toBe(512);
    expect(() => parseConfig({ EMBEDDED_SHARED_BUFFERS_MB: '1GB' })).toThrow(/EMBEDDED_SHARED_BUFFERS_MB must be an integer/);
    expect(memoryFlags(null, 24 * 1024)).toEqual(['-c', 'shared_buffers=4096MB', '-c', 'effective_cache_size=12288MB']);
    expect(memoryFlags(null, 8 * 1024)).toEqual(['-c', 'shared_buffers=2048MB', '-c', 'effective_cache_size=4096MB']);
    expect(memoryFlags(null, 256)).toEqual(['-c', 'shared_buffers=128MB', '-c', 'effective_cache_size=128MB']);
    expect(memoryFlags(512, 24 * 1024)).toEqual(['-c', 'shared_buffers=512MB', '-c', 'effective_cache_size=12288MB']);
  });
});

describe('running clock', () => {
  it('reads its start instant first and then runs forward with the wall clock', () => {
    let wall = Date.parse('2026-12-04T11:00:00Z');
    const clock = runningClock('2028-02-29T15:59:59+00:00', () => wall);
    expect(clock.now().toISOString()).toBe('2028-02-29T15:59:59.000Z');
    expect(clock.today()).toBe('2028-02-29');
    wall += 2000; // two seconds later it is past midnight in China Standard Time
    expect(clock.now().toISOString()).toBe('2028-02-29T16:00:01.000Z');
    expect(clock.today()).toBe('2028-03-01');
  });
});

describe('canonical JSON of many records', () => {
  it('gives the same text for the same keys in any insertion order, and embeds pre-rendered text', () => {
    const a = canonicalJson({ z: 1, a: '2', m: [{ y: 1, x: 2 }] });
    const b = canonicalJson({ m: [{ x: 2, y: 1 }], a: '2', z: 1 });
    expect(a).toBe('{"a":"2","m":[{"x":2,"y":1}],"z":1}');
    expect(b).toBe(a);
    expect(canonicalJson({ 'a\u0000b': 1 })).toBe('{"a\\u0000b":1}');
    expect(canonicalJson({ a: 2, b: 3 })).toBe('{"a":2,"b":3}');
    expect(canonicalJson({ b: 1, a: { t: new CanonicalText('{"k":1}') } })).toBe('{"a":{"t":{"k":1}},"b":1}');
    const many = Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`k${79 - i}`, i]));
    expect(canonicalJson(many)).toBe(JSON.stringify(Object.fromEntries(Object.keys(many).sort().map((k) => [k, many[k]]))));
  });
});

// How an expiry is read does not depend on today: fixed dates.
describe('expiry', () => {
  it('reads a date alone as valid through that day in China, and keeps explicit times', () => {
    expect(parseExpiry('2027-05-01').toISOString()).toBe('2027-05-01T16:00:00.000Z'); // 2027-05-02 00:00 in China
    expect(parseExpiry('2027-05-01T12:00:00+08:00').toISOString()).toBe('2027-05-01T04:00:00.000Z');
    expect(Number.isNaN(parseExpiry('2027-13-01').getTime())).toBe(true);
    expect(Number.isNaN(parseExpiry('soon').getTime())).toBe(true);
  });
});
