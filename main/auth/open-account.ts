/** One entry point per provider-agnostic task: open a signed-in account, import a refresh token. */
import type { AccountIdentity, AuthProviderName } from './account-tokens';
import { providerLabel } from './account-tokens';
import { SignInError } from './auth-errors';
import { GoogleAccount, importGoogleRefreshToken } from './google-account';
import { MicrosoftAccount, importMicrosoftRefreshToken } from './microsoft-account';
import type { SignInDeps } from './sign-in';

/** What auth is built from: the keychain and each configured provider (the same object sign-in takes). */
export type AuthDeps = Omit<SignInDeps, 'timeoutMs'>;

/** The account type of each provider. */
export interface AccountOf {
  google: GoogleAccount;
  microsoft: MicrosoftAccount;
}

const notConfigured = (provider: AuthProviderName): SignInError =>
  new SignInError(
    provider,
    'failed',
    `Signing in to ${providerLabel(provider)} is not configured on this device.`,
  );

/** Opens a signed-in account from the keychain; no saved sign-in → `ReauthRequiredError`. */
export async function openAccount<P extends AuthProviderName>(
  deps: AuthDeps,
  provider: P,
  accountId: string,
): Promise<AccountOf[P]> {
  if (provider === 'google') {
    if (!deps.google) throw notConfigured(provider);
    return (await GoogleAccount.open(deps.google, deps.secrets, accountId)) as AccountOf[P];
  }
  if (!deps.microsoft) throw notConfigured(provider);
  return (await MicrosoftAccount.open(deps.microsoft, deps.secrets, accountId)) as AccountOf[P];
}

/**
 * Imports a refresh token given to `connect`/`update` as `oauth_token`: it is tried once, then kept in the
 * keychain only. A refused token → `ReauthRequiredError`; the identity says which account it belongs to.
 */
export async function importRefreshToken(
  deps: AuthDeps,
  provider: AuthProviderName,
  input: { refresh_token: string; account_id?: string },
): Promise<AccountIdentity> {
  if (provider === 'google') {
    if (!deps.google) throw notConfigured(provider);
    return importGoogleRefreshToken(deps.google, deps.secrets, input);
  }
  if (!deps.microsoft) throw notConfigured(provider);
  return importMicrosoftRefreshToken(deps.microsoft, deps.secrets, input);
}
