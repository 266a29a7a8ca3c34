import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReauthRequiredError } from '../../../main/auth/auth-errors';
import {
  GoogleAccount,
  importGoogleRefreshToken,
  type GoogleAuthConfig,
} from '../../../main/auth/google-account';
import { secretKeys } from '../../../main/secrets';
import { MemorySecretStore } from '../../fakes/memory-secret-store';
import { fakeIdToken, startFakeTokenEndpoint, type FakeTokenEndpoint } from './fake-token-endpoint';

describe('GoogleAccount', () => {
  let endpoint: FakeTokenEndpoint;
  let config: GoogleAuthConfig;
  let vault: MemorySecretStore;

  beforeEach(async () => {
    endpoint = await startFakeTokenEndpoint(['rt-1']);
    config = {
      auth_url: 'http://127.0.0.1:1/auth',
      token_url: endpoint.url,
      client_id: 'sched-sync',
      client_secret: 'not-secret',
    };
    vault = new MemorySecretStore();
    await vault.set(secretKeys.refreshToken('google:ada@example.com'), 'rt-1');
  });

  afterEach(() => endpoint.close());

  it('gets an access token from the configured token endpoint using the saved refresh token', async () => {
    const account = await GoogleAccount.open(config, vault, 'google:ada@example.com');

    const token = await account.accessToken();

    expect(token).toBe('access-1');
    expect(endpoint.refreshCount).toBe(1);
  });

  it('reuses a valid access token and refreshes only when forced', async () => {
    const account = await GoogleAccount.open(config, vault, 'google:ada@example.com');

    const first = await account.accessToken();
    const again = await account.accessToken();
    const forced = await account.refresh();

    expect([first, again, forced]).toEqual(['access-1', 'access-1', 'access-2']);
  });

  it('saves a rotated refresh token to the keychain and keeps using it', async () => {
    endpoint.rotateTo = 'rt-2';
    const account = await GoogleAccount.open(config, vault, 'google:ada@example.com');

    await account.accessToken();
    endpoint.rotateTo = 'rt-3';
    const next = await account.refresh();

    expect(next).toBe('access-2');
    expect(await vault.get(secretKeys.refreshToken('google:ada@example.com'))).toBe('rt-3');
  });

  it('turns invalid_grant into ReauthRequiredError without the token in the message and keeps the saved token', async () => {
    endpoint.valid.clear();
    const account = await GoogleAccount.open(config, vault, 'google:ada@example.com');

    const error = await account.accessToken().catch((err: unknown) => err);

    expect(error).toBeInstanceOf(ReauthRequiredError);
    expect((error as Error).message).toBe(
      'Google refused the saved sign-in (invalid_grant). Sign in again to resume syncing.',
    );
    expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain('rt-1');
    expect(await vault.get(secretKeys.refreshToken('google:ada@example.com'))).toBe('rt-1');
  });

  it('picks up a refresh token saved by a new sign-in on the next forced refresh', async () => {
    const account = await GoogleAccount.open(config, vault, 'google:ada@example.com');
    endpoint.valid.clear();
    await account.refresh().catch(() => undefined);
    endpoint.valid.add('rt-after-sign-in');
    await vault.set(secretKeys.refreshToken('google:ada@example.com'), 'rt-after-sign-in');

    const token = await account.refresh();

    expect(token).toMatch(/^access-/);
  });

  it('asks for a sign-in when the keychain has no refresh token for the account', async () => {
    const opening = GoogleAccount.open(config, vault, 'google:nobody@example.com');

    await expect(opening).rejects.toThrow(/no saved Google sign-in/);
  });

  it('imports a refresh token under the account named by the id_token', async () => {
    endpoint.valid.add('imported');
    endpoint.idToken = fakeIdToken({ sub: '42', email: 'Grace@Example.com' });

    const identity = await importGoogleRefreshToken(config, vault, { refresh_token: 'imported' });

    expect(identity).toEqual({
      account_id: 'google:grace@example.com',
      email: 'Grace@Example.com',
      provider: 'google',
    });
    expect(await vault.get(secretKeys.refreshToken('google:grace@example.com'))).toBe('imported');
  });

  it('refuses to import a refresh token the server does not accept', async () => {
    const importing = importGoogleRefreshToken(config, vault, { refresh_token: 'bogus', account_id: 'x' });

    await expect(importing).rejects.toBeInstanceOf(ReauthRequiredError);
    expect(await vault.get(secretKeys.refreshToken('x'))).toBeNull();
  });
});
