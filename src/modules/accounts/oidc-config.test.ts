import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../config.js';
import { safeReturnPath } from './oidc.js';

const OIDC = { OIDC_ISSUER: 'https://sso.example.gov.cn/oidc', OIDC_CLIENT_ID: 'xinyong', OIDC_CLIENT_SECRET: 's3cret', PUBLIC_BASE_URL: 'https://credit.example.gov.cn' };
const problems = (env: Record<string, string>): string[] => {
  try {
    parseConfig(env);
    return [];
  } catch (e) {
    return (e as ConfigError).problems;
  }
};

describe('OpenID Connect configuration', () => {
  it('is off unless configured, and fills the documented defaults', () => {
    expect(parseConfig({}).oidc).toBeNull();
    expect(parseConfig(OIDC).oidc).toEqual({
      issuer: 'https://sso.example.gov.cn/oidc', clientId: 'xinyong', clientSecret: 's3cret',
      redirectUri: 'https://credit.example.gov.cn/api/v1/auth/oidc/callback', scopes: 'openid profile',
      usccClaim: 'uscc', idNumberClaim: 'id_number', nameClaim: 'name', allowHttp: false,
    });
    expect(parseConfig({ ...OIDC, OIDC_USCC_CLAIM: 'legal_person_code', OIDC_ID_NUMBER_CLAIM: 'cert_no', OIDC_REDIRECT_URI: 'https://x.example.cn/cb' }).oidc)
      .toMatchObject({ usccClaim: 'legal_person_code', idNumberClaim: 'cert_no', redirectUri: 'https://x.example.cn/cb' });
  });

  it('lists what is missing or wrong', () => {
    expect(problems({ OIDC_ISSUER: 'https://sso.example.gov.cn' })[0]).toMatch(/missing OIDC_CLIENT_ID, OIDC_CLIENT_SECRET/);
    expect(problems({ ...OIDC, PUBLIC_BASE_URL: '' })[0]).toMatch(/needs PUBLIC_BASE_URL/);
    expect(problems({ ...OIDC, OIDC_ISSUER: 'http://sso.example.gov.cn' })[0]).toMatch(/OIDC_ISSUER must be an https URL/);
    expect(problems({ ...OIDC, OIDC_USCC_CLAIM: 'has space', OIDC_SCOPES: 'profile' })).toHaveLength(2);
    // Plain http only to a provider on this machine (a test's, a rehearsal's).
    expect(parseConfig({ ...OIDC, OIDC_ISSUER: 'http://127.0.0.1:4000', PUBLIC_BASE_URL: 'http://127.0.0.1:3000' }).oidc?.allowHttp).toBe(true);
  });

  it('returns only to paths of this site', () => {
    expect(safeReturnPath('/subjects/91320602MA1XXXXX0')).toBe('/subjects/91320602MA1XXXXX0');
    for (const bad of ['//evil.example', '/\\evil.example', 'https://evil.example', '', undefined]) expect(safeReturnPath(bad)).toBe('/mine');
  });
});
