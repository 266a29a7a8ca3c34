import { PublicClientApplication } from '@azure/msal-node';
import { describe, expect, it } from 'vitest';
import { keychainCachePlugin } from '../../../main/auth/msal-keychain-cache';
import { secretKeys } from '../../../main/secrets';
import { MemorySecretStore } from '../../fakes/memory-secret-store';

const serializedCache = JSON.stringify({
  Account: {},
  IdToken: {},
  AccessToken: {},
  RefreshToken: {
    'uid.utid-login.example-refreshtoken-client--': {
      home_account_id: 'uid.utid',
      environment: 'login.example',
      credential_type: 'RefreshToken',
      client_id: 'client',
      secret: 'rt-in-cache',
    },
  },
  AppMetadata: {},
});

describe('keychainCachePlugin', () => {
  it('loads the saved MSAL cache from the keychain entry of the account', async () => {
    const vault = new MemorySecretStore();
    await vault.set(secretKeys.msalCache('microsoft:ada@example.com'), serializedCache);
    const app = new PublicClientApplication({
      auth: { clientId: 'client' },
      cache: { cachePlugin: keychainCachePlugin(vault, 'microsoft:ada@example.com') },
    });

    const cache = app.getTokenCache();
    await cache.getAllAccounts();

    expect(cache.serialize()).toContain('rt-in-cache');
  });

  it('writes nothing when MSAL only read the cache', async () => {
    const vault = new MemorySecretStore();
    const app = new PublicClientApplication({
      auth: { clientId: 'client' },
      cache: { cachePlugin: keychainCachePlugin(vault, 'microsoft:ada@example.com') },
    });

    await app.getTokenCache().getAllAccounts();

    expect(vault.keys()).toEqual([]);
  });
});
