import { CryptoProvider, PublicClientApplication } from '@azure/msal-node';
import { OAuth2Client } from 'google-auth-library';
import { describe, expect, it } from 'vitest';
import { startTestSandbox, useTestSandbox } from './helpers/start-test-sandbox';
import { signInWithBrowser } from './oauth-test-server';

const CALENDAR = 'https://www.googleapis.com/auth/calendar';
const sandbox = useTestSandbox({ seed: 'empty' });

/** Lists calendars with a bearer token over plain HTTPS (status and calendar ids). */
async function listCalendars(url: string, accessToken: string) {
  const response = await fetch(`${url}/google/calendar/v3/users/me/calendarList`, {
    headers: { authorization: `Bearer ${accessToken}` },
  });
  const body = (await response.json()) as { items?: Array<{ id: string }> };
  return { status: response.status, ids: body.items?.map((item) => item.id) ?? [] };
}

function googleClientFor(info: ReturnType<typeof sandbox>['info']): OAuth2Client {
  return new OAuth2Client({
    clientId: info.google.client_id,
    clientSecret: info.google.client_secret,
    redirectUri: 'http://127.0.0.1:45678/callback',
    endpoints: {
      oauth2AuthBaseUrl: info.google.auth_url,
      oauth2TokenUrl: info.google.token_url,
      oauth2RevokeUrl: `${info.url}/oauth/google/revoke`,
    },
  });
}

describe('OAuth stand-in inside startSandbox()', () => {
  it('a Google sign-in through the info URLs reaches the Calendar API, and /sandbox/revoke ends it', async () => {
    const { info, url } = sandbox();
    const user = info.google.users[0]!;
    const client = googleClientFor(info);
    const { codeVerifier, codeChallenge } = await client.generateCodeVerifierAsync();
    const authUrl = client.generateAuthUrl({
      access_type: 'offline',
      scope: [CALENDAR],
      code_challenge: codeChallenge,
      code_challenge_method: 'S256' as never,
    });
    const outcome = await signInWithBrowser(authUrl, user);
    const { tokens } = await client.getToken({
      code: outcome.redirect!.searchParams.get('code')!,
      codeVerifier,
    });

    const before = await listCalendars(url, tokens.access_token!);
    await fetch(`${url}/sandbox/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ provider: 'google', user }),
    });
    const refreshing = googleClientFor(info);
    refreshing.setCredentials({ refresh_token: tokens.refresh_token });

    expect(before).toEqual({ status: 200, ids: expect.arrayContaining([user]) });
    await expect(refreshing.refreshAccessToken()).rejects.toMatchObject({ message: 'invalid_grant' });
    expect((await listCalendars(url, tokens.access_token!)).status).toBe(401);
  });

  it('msal-node signs in against the authority from /sandbox/info', async () => {
    const { info } = sandbox();
    const user = info.microsoft.users[1]!;
    const app = new PublicClientApplication({
      auth: {
        clientId: info.microsoft.client_id,
        authority: info.microsoft.authority,
        knownAuthorities: [new URL(info.microsoft.authority).host],
      },
      system: { protocolMode: 'OIDC' },
    });
    const redirectUri = 'http://localhost:50505/done';
    const pkce = await new CryptoProvider().generatePkceCodes();
    const authUrl = await app.getAuthCodeUrl({
      scopes: ['Calendars.ReadWrite'],
      redirectUri,
      codeChallenge: pkce.challenge,
      codeChallengeMethod: 'S256',
    });

    const outcome = await signInWithBrowser(authUrl, user);
    const result = await app.acquireTokenByCode({
      code: outcome.redirect!.searchParams.get('code')!,
      redirectUri,
      scopes: ['Calendars.ReadWrite'],
      codeVerifier: pkce.verifier,
    });

    expect(result.account?.username).toBe(user);
  });

  it('tokens from /sandbox/tokens survive a restart with the same data dir', async () => {
    const first = await startTestSandbox({ seed: 'empty' });
    const user = first.info.google.users[1]!;
    const response = await fetch(`${first.url}/sandbox/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ provider: 'google', user }),
    });
    const minted = (await response.json()) as { access_token: string; refresh_token: string };
    await first.close();

    const second = await startTestSandbox({ dataDir: first.dataDir });
    try {
      const client = googleClientFor(second.info);
      client.setCredentials({ refresh_token: minted.refresh_token });
      const { credentials } = await client.refreshAccessToken();

      const list = await listCalendars(second.url, credentials.access_token!);

      expect(list).toEqual({ status: 200, ids: expect.arrayContaining([user]) });
    } finally {
      await second.dispose();
    }
  });
});
