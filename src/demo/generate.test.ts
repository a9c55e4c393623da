import { describe, expect, it } from 'vitest';
import { TEST_TODAY } from '../../test/helpers/clock.js';
import { NATIONAL_CATEGORIES } from '../modules/catalog/national-catalog.js';
import type { Category } from '../modules/catalog/types.js';
import { validateCitizenId } from '../modules/identity/citizen-id.js';
import { validateUscc } from '../modules/identity/uscc.js';
import { checkRecordRow } from '../modules/records/row-check.js';
import { DEMO_DEPARTMENTS } from './departments.js';
import { CityGenerator, type GeneratedSubject } from './generate.js';

// The city is generated for the tests' injected clock.
const TODAY = TEST_TODAY;
const categories = new Map(NATIONAL_CATEGORIES.map((c, i) => [c.code, { ...c, id: i + 1, version: 1, active: true } as Category]));

function city(seed: number, n: number): GeneratedSubject[] {
  const gen = new CityGenerator(seed, TODAY, DEMO_DEPARTMENTS);
  return Array.from({ length: n }, () => gen.next());
}

describe('demo city generator (pure)', () => {
  it('is deterministic and prefix-stable: a bigger city starts with the smaller one', () => {
    const small = city(42, 150);
    const big = city(42, 300);
    expect(JSON.stringify(big.slice(0, 150))).toBe(JSON.stringify(small));
    expect(JSON.stringify(city(43, 150))).not.toBe(JSON.stringify(small));
  });

  it('produces only rows the API accepts, for kinds the category allows', () => {
    const seen = new Set<string>();
    for (const { subject, rows } of city(7, 1500)) {
      for (const r of rows) {
        const category = categories.get(r.category)!;
        const checked = checkRecordRow(category, r.fields, null, null, TODAY);
        if (!checked.ok) throw new Error(`${r.category}: ${JSON.stringify(checked.issues)}`);
        expect(checked.row.kind).toBe(subject.kind);
        expect(category.subjectKinds).toContain(subject.kind);
        expect(DEMO_DEPARTMENTS.some((d) => d.code === r.dept)).toBe(true);
        seen.add(r.category);
      }
    }
    expect([...seen].sort()).toEqual(NATIONAL_CATEGORIES.map((c) => c.code).sort());
  });

  it('hands out valid, unique codes and real Nantong regions', () => {
    const usccs = new Set<string>();
    const ids = new Set<string>();
    for (const { subject: s } of city(9, 2000)) {
      expect(s.county.code).toMatch(/^3206\d\d$/);
      if (s.uscc) {
        expect(validateUscc(s.uscc).valid, s.uscc).toBe(true);
        expect(usccs.has(s.uscc)).toBe(false);
        usccs.add(s.uscc);
      }
      if (s.idNumber) {
        expect(validateCitizenId(s.idNumber, new Date(`${TODAY}T12:00:00Z`)).valid).toBe(true);
        expect(ids.has(s.idNumber)).toBe(false);
        ids.add(s.idNumber);
      }
      if (s.orgCode) expect(s.orgCode).toBe(s.uscc!.slice(8, 17));
      if (s.kind !== 'natural_person') expect(s.legalRep).not.toBeNull();
    }
  });
});
