import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** What the provider asserts about one of its accounts (besides sub). */
export type ProviderClaims = Record<string, string>;

export interface RunningProvider {
  issuer: string;
  close(): Promise<void>;
}

/**
 * A real OpenID provider (oidc-provider, certified) on a local port, with one confidential client
 * registered for our redirect URI and the given accounts. Its development interactions (a login form
 * taking any password, then a consent form) stand in for the city's sign-in pages.
 */
export async function startProvider(o: { port: number; clientId: string; clientSecret: string; redirectUri: string; accounts: Record<string, ProviderClaims> }): Promise<RunningProvider> {
  const issuer = `http://127.0.0.1:${o.port}`;
  const provider = new Provider(issuer, {
    clients: [{
      client_id: o.clientId, client_secret: o.clientSecret, redirect_uris: [o.redirectUri],
      response_types: ['code'], grant_types: ['authorization_code'], token_endpoint_auth_method: 'client_secret_basic',
    }],
    // The verified codes come with the profile scope, as a government SSO releases them to its relying parties.
    claims: { openid: ['sub'], profile: ['name', 'uscc', 'id_number'] },
    findAccount: (_ctx, id) => (o.accounts[id] ? { accountId: id, claims: () => ({ sub: id, ...o.accounts[id] }) } : undefined),
    pkce: { required: () => true },
    cookies: { keys: ['oidc-test-cookie-signing-key'] },
    features: { devInteractions: { enabled: true } },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
  });
  const server = http.createServer(provider.callback());
  await new Promise<void>((resolve) => server.listen(o.port, '127.0.0.1', resolve));
  if ((server.address() as AddressInfo).port !== o.port) throw new Error('provider did not bind its port');
  return { issuer, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
