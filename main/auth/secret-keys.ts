/**
 * Where sign-in material lives in the keychain. Only this folder and main/secrets know these keys; nothing
 * else ever reads a token (ARCHITECTURE.md, "Keychain").
 */

/**
 * The part of the keychain `SecretStore` (main/secrets) that auth needs. Declared here as a port so auth can be
 * tested with a memory store; sync and async implementations both fit because every call is awaited.
 */
export interface SecretVault {
  get(key: string): Promise<string | null | undefined> | string | null | undefined;
  set(key: string, value: string): Promise<void> | void;
  delete(key: string): Promise<unknown> | unknown;
}

/** Key of a Google account's refresh token. */
export const refreshTokenKey = (accountId: string): string => `refresh-token:${accountId}`;

/** Key of a Microsoft account's serialized MSAL token cache (which holds its refresh token). */
export const msalCacheKey = (accountId: string): string => `msal-cache:${accountId}`;

/** Forgets everything signed in for an account (disconnecting it or signing out). */
export async function forgetAccountSecrets(secrets: SecretVault, accountId: string): Promise<void> {
  await secrets.delete(refreshTokenKey(accountId));
  await secrets.delete(msalCacheKey(accountId));
}
