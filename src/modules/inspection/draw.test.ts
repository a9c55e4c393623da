import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { monthOf, monthsAfter, TEST_TODAY } from '../../../test/helpers/clock.js';
import { directoryHash, drawInspection, sampleSize, TooFewInspectorsError, verifyDraw, inputsHash, sha256Hex, type DrawInputs } from './draw.js';

const seed = Buffer.alloc(32, 0x2a);
const nextMonth = monthOf(monthsAfter(TEST_TODAY, 1));
const parties = (n: number, from = 1) => Array.from({ length: n }, (_, i) => ({ id: from + i, code: `P${from + i}`, name: `对象${from + i}`, grade: null }));

function inputs(extra: Partial<DrawInputs> = {}): DrawInputs {
  const tiers = [
    { tier: 'A', grade: 'A', ratioBp: 300, parties: parties(100) },
    { tier: 'D', grade: 'D', ratioBp: 10000, parties: parties(3, 500) },
  ];
  return {
    version: 1, department: 'SCJGJ', name: '计划', period: { from: nextMonth.from, to: nextMonth.to }, items: [], scope: {}, model: 'enterprise',
    inspectorsPerTask: 2, distinctUnits: false, tiers,
    inspectors: [{ id: 1, name: '甲', unit: '一所', certificateNo: '1' }, { id: 2, name: '乙', unit: '一所', certificateNo: '2' }, { id: 3, name: '丙', unit: '二所', certificateNo: '3' }],
    excluded: [], directoryHash: directoryHash(tiers), ...extra,
  };
}

describe('verifiable draw', () => {
  it('sizes samples with integer arithmetic (3 % of 100 is 3, not 4)', () => {
    expect([sampleSize(100, 300), sampleSize(40, 300), sampleSize(1, 300), sampleSize(0, 300), sampleSize(7, 10000), sampleSize(20, 500)]).toEqual([3, 2, 1, 0, 7, 1]);
  });

  it('is a pure function of inputs and seed, and follows the documented HMAC stream', () => {
    const a = drawInspection(inputs(), seed);
    expect(drawInspection(inputs(), seed)).toEqual(a);
    expect(a.map((t) => t.tier)).toEqual(['A', 'A', 'A', 'D', 'D', 'D']);
    // The first party: position 0 + below(100) of stream "parties:0", i.e. HMAC(seed, "parties:0:0") read as 48 bits.
    const x = createHmac('sha256', seed).update('parties:0:0').digest().readUIntBE(0, 6);
    expect(x).toBeLessThan(2 ** 48 - (2 ** 48 % 100));
    expect(a[0]!.subjectId).toBe(1 + (x % 100));
    expect(drawInspection(inputs(), Buffer.alloc(32, 1))).not.toEqual(a);
  });

  it('honours exclusions and distinct units, and fails rather than half-draws', () => {
    const ex = drawInspection(inputs({ excluded: [[1, 500], [2, 501]] }), seed);
    expect(ex.find((t) => t.subjectId === 500)!.inspectorIds.sort()).toEqual([2, 3]);
    expect(ex.find((t) => t.subjectId === 501)!.inspectorIds.sort()).toEqual([1, 3]);
    for (const t of drawInspection(inputs({ distinctUnits: true }), seed)) expect(t.inspectorIds).toContain(3);
    expect(() => drawInspection(inputs({ excluded: [[1, 502], [3, 502]] }), seed)).toThrow(TooFewInspectorsError);
  });

  it('verification names every mismatch', () => {
    const i = inputs();
    const tasks = drawInspection(i, seed);
    const pub = { inputs: i, inputsHash: inputsHash(i), seedHash: sha256Hex(seed), seed: seed.toString('hex'), tasks };
    expect(verifyDraw(pub)).toEqual({ verified: true, mismatches: [] });
    const tampered = tasks.map((t, k) => (k === 1 ? { ...t, subjectId: 99999 } : t));
    expect(verifyDraw({ ...pub, tasks: tampered }).mismatches).toEqual([{ ordinal: 1, field: 'subjectId', expected: tasks[1]!.subjectId, found: 99999 }]);
    expect(verifyDraw({ ...pub, seed: Buffer.alloc(32, 9).toString('hex') }).mismatches[0]!.field).toBe('seedHash');
  });
});
