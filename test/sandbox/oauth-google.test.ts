import { OAuth2Client } from 'google-auth-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alex, sam, signInWithBrowser, startOAuthTestServer, type OAuthTestWorld } from './oauth-test-server';

const CALENDAR = 'https://www.googleapis.com/auth/calendar';
const REDIRECT = 'http://127.0.0.1:53682/oauth2callback';

let world: OAuthTestWorld;

beforeAll(async () => {
  world = await startOAuthTestServer();
});
afterAll(async () => {
  await world.close();
});

function googleClient(redirectUri = REDIRECT): OAuth2Client {
  const info = world.service.clients.google;
  return new OAuth2Client({
    clientId: info.client_id,
    clientSecret: info.client_secret,
    redirectUri,
    endpoints: {
      oauth2AuthBaseUrl: info.auth_url,
      oauth2TokenUrl: info.token_url,
      oauth2RevokeUrl: info.revoke_url,
    },
  });
}

async function authUrl(client: OAuth2Client, codeChallenge: string, extra: Record<string, string> = {}) {
  return client.generateAuthUrl({
    access_type: 'offline',
    scope: [CALENDAR, 'openid', 'email'],
    code_challenge: codeChallenge,
    code_challenge_method: 'S256' as never,
    state: 'state-123',
    ...extra,
  });
}

async function signIn(user: string, client = googleClient()) {
  const { codeVerifier, codeChallenge } = await client.generateCodeVerifierAsync();
  const outcome = await signInWithBrowser(await authUrl(client, codeChallenge!), user);
  const code = outcome.redirect?.searchParams.get('code');
  if (!code) throw new Error(`no code in ${outcome.redirect?.href}`);
  const { tokens } = await client.getToken({ code, codeVerifier });
  return { client, tokens, outcome };
}

describe('Google OAuth stand-in through google-auth-library', () => {
  it('signs a seeded user in with PKCE and returns to the loopback redirect with code and state', async () => {
    const client = googleClient();
    const { codeVerifier, codeChallenge } = await client.generateCodeVerifierAsync();

    const outcome = await signInWithBrowser(await authUrl(client, codeChallenge!), alex);
    const { tokens } = await client.getToken({
      code: outcome.redirect!.searchParams.get('code')!,
      codeVerifier,
    });

    expect(outcome.redirect!.origin + outcome.redirect!.pathname).toBe(REDIRECT);
    expect(outcome.redirect!.searchParams.get('state')).toBe('state-123');
    expect(outcome.pages[0]).toContain('<label for="email">Email</label>');
    expect(tokens.refresh_token).toBeTruthy();
    expect(tokens.scope?.split(' ')).toContain(CALENDAR);
    expect(await world.service.verifyAccessToken(tokens.access_token!)).toEqual({
      provider: 'google',
      user: alex,
      scopes: expect.arrayContaining([CALENDAR]),
    });
  });

  it('accepts a loopback redirect on any port and on localhost', async () => {
    const { tokens } = await signIn(sam, googleClient('http://localhost:61001/cb'));

    expect(await world.service.verifyAccessToken(tokens.access_token!)).toMatchObject({ user: sam });
  });

  it('refreshes the access token with the refresh token', async () => {
    const { tokens } = await signIn(alex);
    const client = googleClient();
    client.setCredentials({ refresh_token: tokens.refresh_token });

    const { credentials } = await client.refreshAccessToken();

    expect(credentials.access_token).toBeTruthy();
    expect(credentials.access_token).not.toBe(tokens.access_token);
    expect(await world.service.verifyAccessToken(credentials.access_token!)).toMatchObject({ user: alex });
  });

  it('gives no refresh token when the app asked for online access only', async () => {
    const client = googleClient();
    const { codeVerifier, codeChallenge } = await client.generateCodeVerifierAsync();
    const url = await authUrl(client, codeChallenge!, { access_type: 'online' });

    const outcome = await signInWithBrowser(url, alex);
    const { tokens } = await client.getToken({
      code: outcome.redirect!.searchParams.get('code')!,
      codeVerifier,
    });

    expect(tokens.access_token).toBeTruthy();
    expect(tokens.refresh_token).toBeUndefined();
  });

  it('revokeToken ends the grant: the refresh token gets invalid_grant and the access token stops verifying', async () => {
    const { client, tokens } = await signIn(alex);

    await client.revokeToken(tokens.access_token!);
    client.setCredentials({ refresh_token: tokens.refresh_token });
    const refresh = client.refreshAccessToken();

    await expect(refresh).rejects.toMatchObject({ message: 'invalid_grant' });
    expect(await world.service.verifyAccessToken(tokens.access_token!)).toBeNull();
  });

  it("revoke(provider, user) ends every grant of that user but not other users' grants", async () => {
    const first = await signIn(sam);
    const second = await signIn(sam);
    const other = await signIn(alex);

    await world.service.revoke('google', sam);

    for (const { tokens } of [first, second]) {
      const client = googleClient();
      client.setCredentials({ refresh_token: tokens.refresh_token });
      await expect(client.refreshAccessToken()).rejects.toMatchObject({ message: 'invalid_grant' });
      expect(await world.service.verifyAccessToken(tokens.access_token!)).toBeNull();
    }
    expect(await world.service.verifyAccessToken(other.tokens.access_token!)).toMatchObject({ user: alex });
  });

  it('Deny sends error=access_denied back to the redirect URI', async () => {
    const client = googleClient();
    const { codeChallenge } = await client.generateCodeVerifierAsync();

    const outcome = await signInWithBrowser(await authUrl(client, codeChallenge!), alex, 'deny');

    expect(outcome.redirect!.searchParams.get('error')).toBe('access_denied');
    expect(outcome.redirect!.searchParams.get('state')).toBe('state-123');
    expect(outcome.redirect!.searchParams.get('code')).toBeNull();
  });

  it('refuses an e-mail that is not a seeded Google user, with a readable error', async () => {
    const client = googleClient();
    const { codeChallenge } = await client.generateCodeVerifierAsync();

    const outcome = await signInWithBrowser(await authUrl(client, codeChallenge!), 'jordan@sandbox.example');

    expect(outcome.redirect).toBeUndefined();
    expect(outcome.status).toBe(400);
    expect(outcome.pages.at(-1)).toContain('jordan@sandbox.example is not an account of this sandbox');
  });

  it('rejects a code exchange with the wrong code verifier', async () => {
    const client = googleClient();
    const { codeChallenge } = await client.generateCodeVerifierAsync();
    const outcome = await signInWithBrowser(await authUrl(client, codeChallenge!), alex);
    const wrong = await client.generateCodeVerifierAsync();

    const exchange = client.getToken({
      code: outcome.redirect!.searchParams.get('code')!,
      codeVerifier: wrong.codeVerifier,
    });

    await expect(exchange).rejects.toMatchObject({ message: 'invalid_grant' });
  });
});
