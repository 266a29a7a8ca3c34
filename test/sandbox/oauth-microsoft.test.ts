import { CryptoProvider, PublicClientApplication, type AccountInfo } from '@azure/msal-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  jordan,
  riley,
  signInWithBrowser,
  startOAuthTestServer,
  type OAuthTestWorld,
} from './oauth-test-server';

const SCOPES = ['Calendars.ReadWrite'];
const REDIRECT = 'http://localhost:49152/redirect';

let world: OAuthTestWorld;

beforeAll(async () => {
  world = await startOAuthTestServer();
});
afterAll(async () => {
  await world.close();
});

function msalApp(authorityMetadata?: string): PublicClientApplication {
  const info = world.service.clients.microsoft;
  return new PublicClientApplication({
    auth: {
      clientId: info.client_id,
      authority: info.authority,
      knownAuthorities: [new URL(info.authority!).host],
      authorityMetadata,
    },
    system: { protocolMode: 'OIDC' },
  });
}

async function signIn(app: PublicClientApplication, user: string, decision: 'allow' | 'deny' = 'allow') {
  const { verifier, challenge } = await new CryptoProvider().generatePkceCodes();
  const url = await app.getAuthCodeUrl({
    scopes: SCOPES,
    redirectUri: REDIRECT,
    codeChallenge: challenge,
    codeChallengeMethod: 'S256',
    state: 'ms-state',
  });
  const outcome = await signInWithBrowser(url, user, decision);
  return { outcome, verifier };
}

async function signInAndRedeem(app: PublicClientApplication, user: string) {
  const { outcome, verifier } = await signIn(app, user);
  return app.acquireTokenByCode({
    code: outcome.redirect!.searchParams.get('code')!,
    redirectUri: REDIRECT,
    scopes: SCOPES,
    codeVerifier: verifier,
  });
}

describe('Microsoft OAuth stand-in through msal-node', () => {
  it('signs a seeded user in with PKCE and gives msal an account and a Calendars.ReadWrite token', async () => {
    const app = msalApp();

    const result = await signInAndRedeem(app, jordan);

    expect(result.account?.username).toBe(jordan);
    expect(result.scopes).toContain('Calendars.ReadWrite');
    expect(await world.service.verifyAccessToken(result.accessToken)).toEqual({
      provider: 'microsoft',
      user: jordan,
      scopes: expect.arrayContaining(['Calendars.ReadWrite']),
    });
  });

  it('works with authorityMetadata given up front instead of discovered', async () => {
    const discovery = await fetch(
      `${world.service.clients.microsoft.authority}/.well-known/openid-configuration`,
    );
    const app = msalApp(await discovery.text());

    const result = await signInAndRedeem(app, riley);

    expect(result.account?.username).toBe(riley);
  });

  it('acquireTokenSilent refreshes with the cached refresh token', async () => {
    const app = msalApp();
    const first = await signInAndRedeem(app, riley);

    const silent = await app.acquireTokenSilent({
      account: first.account as AccountInfo,
      scopes: SCOPES,
      forceRefresh: true,
    });

    expect(silent.accessToken).not.toBe(first.accessToken);
    expect(await world.service.verifyAccessToken(silent.accessToken)).toMatchObject({ user: riley });
  });

  it('after revoke(provider, user) the refresh gets invalid_grant and the access token stops verifying', async () => {
    const app = msalApp();
    const first = await signInAndRedeem(app, jordan);

    await world.service.revoke('microsoft', jordan);
    const silent = app.acquireTokenSilent({
      account: first.account as AccountInfo,
      scopes: SCOPES,
      forceRefresh: true,
    });

    await expect(silent).rejects.toMatchObject({ errorCode: 'invalid_grant' });
    expect(await world.service.verifyAccessToken(first.accessToken)).toBeNull();
  });

  it('acquireTokenByRefreshToken works with a refresh token minted by issueTokens', async () => {
    const minted = await world.service.issueTokens('microsoft', riley);
    const app = msalApp();

    const result = await app.acquireTokenByRefreshToken({
      refreshToken: minted.refresh_token,
      scopes: SCOPES,
    });

    expect(result?.accessToken).toBeTruthy();
    expect(await world.service.verifyAccessToken(result!.accessToken)).toMatchObject({ user: riley });
  });

  it('Deny sends error=access_denied back to the redirect URI', async () => {
    const { outcome } = await signIn(msalApp(), riley, 'deny');

    expect(outcome.redirect!.searchParams.get('error')).toBe('access_denied');
    expect(outcome.redirect!.searchParams.get('state')).toBe('ms-state');
  });

  it('refuses a Google user on the Microsoft sign-in page', async () => {
    const { outcome } = await signIn(msalApp(), 'alex@sandbox.example');

    expect(outcome.status).toBe(400);
    expect(outcome.pages.at(-1)).toContain('Use one of: jordan@sandbox.example, riley@sandbox.example');
  });
});
