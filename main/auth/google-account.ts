/**
 * A Google account's tokens: google-auth-library's OAuth2Client built from configured endpoints (the real
 * ones or the sandbox's) and the refresh token kept in the keychain. googleapis takes `client` as its `auth`.
 */
import { OAuth2Client, type Credentials } from 'google-auth-library';
import { accountIdOf, type AccountIdentity, type AccountTokens } from './account-tokens';
import { ReauthRequiredError, SignInError, TokenRefreshError } from './auth-errors';
import { isReauthError, toTokenError } from './classify-auth-error';
import { emailOf, readIdTokenClaims } from './id-token-claims';
import { secretKeys, type SecretStore } from '../secrets/secret-store';

/** Where Google's OAuth lives and who we are to it. The sandbox's `/sandbox/info` `google` object fits as is. */
export interface GoogleAuthConfig {
  auth_url: string;
  token_url: string;
  revoke_url?: string;
  client_id: string;
  /** Google issues installed apps a "secret" that is not secret; the sandbox issues one too. */
  client_secret?: string;
  scopes?: string[];
}

/** Calendar read/write, plus `openid email` so the id_token names the account. */
export const defaultGoogleScopes = ['openid', 'email', 'https://www.googleapis.com/auth/calendar'];

/** An OAuth2Client that talks to the configured endpoints instead of Google's built-in ones. */
export function createGoogleOAuthClient(config: GoogleAuthConfig, redirectUri?: string): OAuth2Client {
  return new OAuth2Client({
    clientId: config.client_id,
    clientSecret: config.client_secret,
    redirectUri,
    endpoints: {
      oauth2AuthBaseUrl: config.auth_url,
      oauth2TokenUrl: config.token_url,
      ...(config.revoke_url ? { oauth2RevokeUrl: config.revoke_url } : {}),
    },
  });
}

/** A signed-in Google account, ready for googleapis: `google.calendar({ version: 'v3', auth: account.client, rootUrl })`. */
export class GoogleAccount implements AccountTokens {
  readonly provider = 'google' as const;
  /** The last keychain write of a rotated refresh token; awaited before handing out tokens so a failure shows. */
  private saving: Promise<void> = Promise.resolve();

  private constructor(
    readonly accountId: string,
    readonly client: OAuth2Client,
    private readonly secrets: SecretStore,
  ) {
    client.on('tokens', (tokens: Credentials) => this.keepRotatedRefreshToken(tokens));
  }

  /** Opens the account from the keychain; no saved sign-in → `ReauthRequiredError`. */
  static async open(
    config: GoogleAuthConfig,
    secrets: SecretStore,
    accountId: string,
  ): Promise<GoogleAccount> {
    const refreshToken = await secrets.get(secretKeys.refreshToken(accountId));
    if (!refreshToken) throw new ReauthRequiredError('google', 'missing_sign_in', accountId);
    const client = createGoogleOAuthClient(config);
    client.setCredentials({ refresh_token: refreshToken });
    return new GoogleAccount(accountId, client, secrets);
  }

  async accessToken(): Promise<string> {
    try {
      return await this.currentAccessToken();
    } catch (err) {
      // Refused, but a sign-in since this account was opened may have saved a new refresh token: try that once.
      if (err instanceof ReauthRequiredError && (await this.adoptSavedRefreshToken())) {
        return this.currentAccessToken();
      }
      throw err;
    }
  }

  /** True when a failure means the saved grant is gone; the Google adapter's injected reading (no auth import there). */
  isRevoked(error: unknown): boolean {
    return isReauthError(error);
  }

  async refresh(): Promise<string> {
    await this.adoptSavedRefreshToken();
    // Dropping the access token makes the client refresh on the next call, through its own single-flight path.
    this.client.setCredentials({ refresh_token: this.client.credentials.refresh_token });
    return this.accessToken();
  }

  private async currentAccessToken(): Promise<string> {
    let token: string | null | undefined;
    try {
      ({ token } = await this.client.getAccessToken());
    } catch (err) {
      throw toTokenError('google', err, this.accountId);
    }
    await this.saving;
    if (!token) throw new TokenRefreshError('google', 'no access token in the answer');
    return token;
  }

  /** Takes the keychain's refresh token when it differs from the one in use; true when it did. */
  private async adoptSavedRefreshToken(): Promise<boolean> {
    await this.saving.catch(() => undefined);
    const saved = await this.secrets.get(secretKeys.refreshToken(this.accountId));
    if (!saved || saved === this.client.credentials.refresh_token) return false;
    this.client.setCredentials({ refresh_token: saved });
    return true;
  }

  /**
   * Saves a refresh token the server rotated. The client copies its previous refresh token over the new one
   * right after emitting `tokens`, so the new one is also put into its credentials here, before that happens.
   */
  private keepRotatedRefreshToken(tokens: Credentials): void {
    const rotated = tokens.refresh_token;
    if (!rotated || rotated === this.client.credentials.refresh_token) return;
    this.client.credentials.refresh_token = rotated;
    this.saving = this.saving
      .catch(() => undefined)
      .then(async () => {
        await this.secrets.set(secretKeys.refreshToken(this.accountId), rotated);
      });
    // Marked handled here; accessToken() still sees the failure when it awaits `saving`.
    this.saving.catch(() => undefined);
  }
}

/**
 * Imports a refresh token given to `connect` as `oauth_token`: it must refresh once (which proves it and names
 * the account through the id_token), then it is saved under `refresh-token:<account_id>`.
 */
export async function importGoogleRefreshToken(
  config: GoogleAuthConfig,
  secrets: SecretStore,
  input: { refresh_token: string; account_id?: string },
): Promise<AccountIdentity> {
  const client = createGoogleOAuthClient(config);
  client.setCredentials({ refresh_token: input.refresh_token });
  let latest = input.refresh_token;
  client.on('tokens', (tokens: Credentials) => {
    if (tokens.refresh_token) latest = tokens.refresh_token;
  });
  try {
    await client.getAccessToken();
  } catch (err) {
    throw toTokenError('google', err, input.account_id);
  }
  const email = emailOf(readIdTokenClaims(client.credentials.id_token));
  const accountId = input.account_id ?? (email ? accountIdOf('google', email) : undefined);
  if (!accountId) {
    throw new SignInError(
      'google',
      'failed',
      'Google accepted the token but did not say which account it belongs to. Give an account_id with it.',
    );
  }
  await secrets.set(secretKeys.refreshToken(accountId), latest);
  return { account_id: accountId, email: email ?? accountId.replace(/^google:/, ''), provider: 'google' };
}
