/** Forgetting an account's sign-in (disconnect, sign out). */
import { secretKeys, type SecretStore } from '../secrets/secret-store';

/** Deletes every keychain entry that holds a sign-in of the account; the provider is not told. */
export async function forgetAccountSecrets(secrets: SecretStore, accountId: string): Promise<void> {
  await secrets.delete(secretKeys.refreshToken(accountId));
  await secrets.delete(secretKeys.msalCache(accountId));
}
