import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSignIn, type SignInDeps } from '../../../main/auth/sign-in';
import { secretKeys } from '../../../main/secrets';
import { MemorySecretStore } from '../../fakes/memory-secret-store';
import { fakeIdToken, startFakeTokenEndpoint, type FakeTokenEndpoint } from './fake-token-endpoint';

/** Plays the authorization server's part: the person allowed access, so the browser is sent back with a code. */
async function allow(authUrl: string, endpoint: FakeTokenEndpoint, code: string): Promise<Response> {
  const request = new URL(authUrl).searchParams;
  endpoint.codes.set(code, request.get('code_challenge') ?? '');
  const back = new URL(request.get('redirect_uri') ?? '');
  back.searchParams.set('code', code);
  back.searchParams.set('state', request.get('state') ?? '');
  return fetch(back);
}

describe('startSignIn (Google, against a fake token endpoint)', () => {
  let endpoint: FakeTokenEndpoint;
  let vault: MemorySecretStore;
  let deps: SignInDeps;

  beforeEach(async () => {
    endpoint = await startFakeTokenEndpoint([]);
    endpoint.idToken = fakeIdToken({ sub: '1', email: 'ada@example.com' });
    vault = new MemorySecretStore();
    deps = {
      secrets: vault,
      google: {
        auth_url: 'https://auth.example/o/oauth2/auth',
        token_url: endpoint.url,
        client_id: 'sched-sync',
        client_secret: 'not-secret',
      },
    };
  });

  afterEach(() => endpoint.close());

  it('builds an authorization URL on the configured endpoint with PKCE S256, state and a loopback redirect', async () => {
    const flow = await startSignIn(deps, 'google');
    const url = new URL(flow.auth_url);

    expect(`${url.origin}${url.pathname}`).toBe('https://auth.example/o/oauth2/auth');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(url.searchParams.get('state')?.length).toBeGreaterThanOrEqual(32);
    expect(url.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    expect(url.searchParams.get('access_type')).toBe('offline');
    flow.cancel();
    await expect(flow.done).rejects.toMatchObject({ reason: 'cancelled' });
  });

  it('stores the refresh token in the keychain and resolves with who signed in', async () => {
    const flow = await startSignIn(deps, 'google');

    const page = await allow(flow.auth_url, endpoint, 'code-1');
    const identity = await flow.done;

    expect(await page.text()).toContain('Signed in — you can close this tab');
    expect(identity).toEqual({
      account_id: 'google:ada@example.com',
      email: 'ada@example.com',
      provider: 'google',
    });
    expect(await vault.get(secretKeys.refreshToken('google:ada@example.com'))).toBe('rt-from-code');
    expect(JSON.stringify(identity)).not.toContain('rt-from-code');
  });

  it('fails clearly when the code cannot be redeemed, leaving the keychain empty', async () => {
    const flow = await startSignIn(deps, 'google');
    flow.done.catch(() => undefined);
    const request = new URL(flow.auth_url).searchParams;

    const back = new URL(request.get('redirect_uri') ?? '');
    back.search = new URLSearchParams({ code: 'unknown', state: request.get('state') ?? '' }).toString();
    const page = await fetch(back);

    expect(await page.text()).toContain('Google did not complete the sign-in (invalid_grant)');
    await expect(flow.done).rejects.toMatchObject({ name: 'SignInError', reason: 'failed' });
    expect(vault.keys()).toEqual([]);
  });

  it('says so when a provider is not configured', async () => {
    const starting = startSignIn({ secrets: vault }, 'microsoft');

    await expect(starting).rejects.toThrow('Signing in to Microsoft is not configured on this device.');
  });
});
