import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from '../../../test/helpers/app.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(() => t.close());

describe('GET /api/v1/identity/validate', () => {
  it('explains a valid USCC', async () => {
    const r = json(await t.app.inject({ url: '/api/v1/identity/validate?code=91350100M000100Y43' }));
    expect(r).toMatchObject({ valid: true, scheme: 'uscc', errors: [] });
  });
  it('names the wrong check character', async () => {
    const r = json(await t.app.inject({ url: '/api/v1/identity/validate?code=91310115MA1H8R7C6D' }));
    expect(r).toMatchObject({ valid: false, scheme: 'uscc' });
    expect(r.errors).toEqual(expect.arrayContaining([expect.objectContaining({ position: 18, message: '第18位校验码应为 7，实为 D' })]));
  });
  it('requires the code parameter', async () => {
    const res = await t.app.inject({ url: '/api/v1/identity/validate' });
    expect(res.statusCode).toBe(400);
    expect(json(res)).toMatchObject({ error: { code: 'validation_failed', details: [{ field: 'querystring.code' }] } });
  });
});
