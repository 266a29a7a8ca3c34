import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GoogleAccount } from '../../../main/auth/google-account';
import { importRefreshToken, openAccount, type AuthDeps } from '../../../main/auth/open-account';
import { secretKeys } from '../../../main/secrets';
import { MemorySecretStore } from '../../fakes/memory-secret-store';
import { fakeIdToken, startFakeTokenEndpoint, type FakeTokenEndpoint } from './fake-token-endpoint';

describe('openAccount and importRefreshToken', () => {
  let endpoint: FakeTokenEndpoint;
  let deps: AuthDeps;

  beforeEach(async () => {
    endpoint = await startFakeTokenEndpoint(['given-token']);
    endpoint.idToken = fakeIdToken({ email: 'ada@example.com' });
    deps = {
      secrets: new MemorySecretStore(),
      google: { auth_url: 'https://auth.example/auth', token_url: endpoint.url, client_id: 'sched-sync' },
    };
  });

  afterEach(() => endpoint.close());

  it('imports a Google refresh token and opens the account it names', async () => {
    const identity = await importRefreshToken(deps, 'google', { refresh_token: 'given-token' });
    const account = await openAccount(deps, 'google', identity.account_id);

    expect(account).toBeInstanceOf(GoogleAccount);
    expect(await account.accessToken()).toMatch(/^access-/);
    expect(await deps.secrets.get(secretKeys.refreshToken('google:ada@example.com'))).toBe('given-token');
  });

  it('says so when the provider is not configured', async () => {
    const opening = openAccount(deps, 'microsoft', 'microsoft:ada@example.com');

    await expect(opening).rejects.toThrow('Signing in to Microsoft is not configured on this device.');
  });
});
