/**
 * msal-node's token cache kept in the keychain, one entry per account. MSAL calls the plugin around every
 * cache access: we load before, and write back only when MSAL says the cache changed (a refresh, a rotation).
 * https://learn.microsoft.com/entra/msal/javascript/node/caching
 */
import type { ICachePlugin, TokenCacheContext } from '@azure/msal-node';
import { secretKeys, type SecretStore } from '../secrets/secret-store';

/** A cache plugin that reads and writes `msal-cache:<accountId>` in the keychain. */
export function keychainCachePlugin(secrets: SecretStore, accountId: string): ICachePlugin {
  const key = secretKeys.msalCache(accountId);
  return {
    async beforeCacheAccess(context: TokenCacheContext): Promise<void> {
      const saved = await secrets.get(key);
      if (saved) context.tokenCache.deserialize(saved);
    },
    async afterCacheAccess(context: TokenCacheContext): Promise<void> {
      if (context.cacheHasChanged) await secrets.set(key, context.tokenCache.serialize());
    },
  };
}
