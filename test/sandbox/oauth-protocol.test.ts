import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alex, jordan, riley, sam, startOAuthTestServer, type OAuthTestWorld } from './oauth-test-server';

let world: OAuthTestWorld;

beforeAll(async () => {
  world = await startOAuthTestServer();
});
afterAll(async () => {
  await world.close();
});

const CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

function authorizeUrl(params: Record<string, string>): string {
  const info = world.service.clients.google;
  const query = new URLSearchParams({
    client_id: info.client_id,
    response_type: 'code',
    redirect_uri: 'http://127.0.0.1:40000/cb',
    scope: 'openid email https://www.googleapis.com/auth/calendar',
    state: 's1',
    ...params,
  });
  return `${info.auth_url}?${query}`;
}

async function refreshWithFetch(side: 'google' | 'microsoft', refreshToken: string) {
  const info = world.service.clients[side];
  const body = new URLSearchParams({
    grant_type: 'refresh_token',
    refresh_token: refreshToken,
    client_id: info.client_id,
  });
  if (info.client_secret) body.set('client_secret', info.client_secret);
  const response = await fetch(info.token_url, { method: 'POST', body });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe('OAuth stand-in over plain HTTPS', () => {
  it('publishes discovery documents with full https URLs under each issuer', async () => {
    for (const side of ['google', 'microsoft'] as const) {
      const info = world.service.clients[side];

      const response = await fetch(`${info.issuer}/.well-known/openid-configuration`);
      const discovery = (await response.json()) as Record<string, unknown>;

      expect(discovery.issuer).toBe(`${world.url}/oauth/${side}`);
      expect(discovery.authorization_endpoint).toBe(info.auth_url);
      expect(discovery.token_endpoint).toBe(info.token_url);
      expect(discovery.jwks_uri).toBe(`${info.issuer}/jwks`);
      expect(discovery.code_challenge_methods_supported).toEqual(['S256']);
    }
  });

  it('rejects the plain PKCE method with invalid_request at the redirect URI', async () => {
    const response = await fetch(
      authorizeUrl({ code_challenge: CHALLENGE, code_challenge_method: 'plain' }),
      {
        redirect: 'manual',
      },
    );
    const location = new URL(response.headers.get('location')!);

    expect(location.origin).toBe('http://127.0.0.1:40000');
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('error_description')).toMatch(/code_challenge_method/);
  });

  it('rejects an authorization request without a code challenge', async () => {
    const response = await fetch(authorizeUrl({}), { redirect: 'manual' });
    const location = new URL(response.headers.get('location')!);

    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('error_description')).toMatch(/PKCE/);
  });

  it('refuses a redirect URI that is not a loopback address and does not redirect to it', async () => {
    const response = await fetch(
      authorizeUrl({
        redirect_uri: 'https://attacker.example/cb',
        code_challenge: CHALLENGE,
        code_challenge_method: 'S256',
      }),
      { redirect: 'manual' },
    );

    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(await response.text()).toContain('redirect_uri');
  });

  it('issueTokens mints tokens that verify and refresh through the token endpoint', async () => {
    const minted = await world.service.issueTokens('google', sam);

    const refreshed = await refreshWithFetch('google', minted.refresh_token);

    expect(await world.service.verifyAccessToken(minted.access_token)).toMatchObject({
      provider: 'google',
      user: sam,
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.json.expires_in).toBe(3600);
    expect(await world.service.verifyAccessToken(String(refreshed.json.access_token))).toMatchObject({
      user: sam,
    });
  });

  it('an access token minted with a 1-second lifetime stops verifying after it', async () => {
    const minted = await world.service.issueTokens('microsoft', jordan, { expiresInSeconds: 1 });
    const before = await world.service.verifyAccessToken(minted.access_token);

    await sleep(1100);

    expect(before).toMatchObject({ provider: 'microsoft', user: jordan });
    expect(await world.service.verifyAccessToken(minted.access_token)).toBeNull();
  });

  it('access tokens expire by the sandbox clock after the default hour', async () => {
    const minted = await world.service.issueTokens('google', alex);

    world.advanceClock(3601_000);
    const afterAnHour = await world.service.verifyAccessToken(minted.access_token);
    world.advanceClock(-3601_000);

    expect(afterAnHour).toBeNull();
  });

  it('a token minted after the sandbox clock moved ahead still lives its full hour', async () => {
    world.advanceClock(2 * 3600_000);
    const minted = await world.service.issueTokens('google', alex);
    const fresh = await world.service.verifyAccessToken(minted.access_token);
    world.advanceClock(-2 * 3600_000);

    expect(fresh).toMatchObject({ user: alex });
  });

  it('does not verify unknown tokens or mint tokens for unknown users', async () => {
    expect(await world.service.verifyAccessToken('not-a-token')).toBeNull();
    await expect(world.service.issueTokens('google', jordan)).rejects.toThrow(/not a google user/);
  });

  it('a refresh after revoke(provider, user) answers invalid_grant', async () => {
    const minted = await world.service.issueTokens('microsoft', riley);

    await world.service.revoke('microsoft', riley);
    const refreshed = await refreshWithFetch('microsoft', minted.refresh_token);

    expect(refreshed.status).toBe(400);
    expect(refreshed.json.error).toBe('invalid_grant');
  });

  it('answers userinfo with the e-mail for a live access token', async () => {
    const minted = await world.service.issueTokens('google', alex);

    const response = await fetch(`${world.service.clients.google.issuer}/me`, {
      headers: { authorization: `Bearer ${minted.access_token}` },
    });

    expect(await response.json()).toMatchObject({ sub: alex, email: alex });
  });
});

describe('OAuth stand-in settings and state', () => {
  it('accessTokenTtlSeconds sets the lifetime of tokens from the token endpoint', async () => {
    const short = await startOAuthTestServer({ accessTokenTtlSeconds: 1 });
    try {
      const minted = await short.service.issueTokens('google', alex);
      const info = short.service.clients.google;
      const response = await fetch(info.token_url, {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'refresh_token',
          refresh_token: minted.refresh_token,
          client_id: info.client_id,
          client_secret: info.client_secret!,
        }),
      });
      const json = (await response.json()) as { access_token: string; expires_in: number };

      await sleep(1100);

      expect(json.expires_in).toBe(1);
      expect(await short.service.verifyAccessToken(json.access_token)).toBeNull();
    } finally {
      await short.close();
    }
  });

  it('keeps grants, tokens and keys across a restart from its snapshot, and reports writes', async () => {
    const first = await startOAuthTestServer();
    const changesBefore = first.changes();
    const minted = await first.service.issueTokens('google', sam);
    const jwksBefore = await (await fetch(`${first.service.clients.google.issuer}/jwks`)).json();
    const snapshot = JSON.parse(JSON.stringify(first.service.snapshot())) as unknown;
    await first.close();

    const second = await startOAuthTestServer({}, snapshot);
    try {
      const jwksAfter = await (await fetch(`${second.service.clients.google.issuer}/jwks`)).json();
      const info = second.service.clients.google;
      const refreshed = await fetch(info.token_url, {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'refresh_token',
          refresh_token: minted.refresh_token,
          client_id: info.client_id,
          client_secret: info.client_secret!,
        }),
      });

      expect(first.changes()).toBeGreaterThan(changesBefore);
      expect(await second.service.verifyAccessToken(minted.access_token)).toMatchObject({ user: sam });
      expect(refreshed.status).toBe(200);
      expect(jwksAfter).toEqual(jwksBefore);
    } finally {
      await second.close();
    }
  });
});
