/**
 * A Microsoft account's tokens: msal-node's PublicClientApplication against the configured authority (Entra ID
 * or the sandbox's OpenID provider), its token cache kept in the keychain. The Graph client takes `authProvider`.
 */
import {
  AuthError,
  PublicClientApplication,
  type AccountInfo,
  type AuthenticationResult,
  type ICachePlugin,
  type ProtocolMode,
} from '@azure/msal-node';
import type { AuthProvider } from '@microsoft/microsoft-graph-client';
import { accountIdOf, type AccountIdentity, type AccountTokens } from './account-tokens';
import { ReauthRequiredError, SignInError } from './auth-errors';
import { isReauthError, refreshFailureNamed, toTokenError } from './classify-auth-error';
import { emailOf } from './id-token-claims';
import { keychainCachePlugin } from './msal-keychain-cache';
import { secretKeys, type SecretStore } from '../secrets/secret-store';

/** Where Microsoft sign-in lives and who we are to it. The sandbox's `/sandbox/info` `microsoft` object fits. */
export interface MicrosoftAuthConfig {
  authority: string;
  client_id: string;
  scopes?: string[];
  /** `AAD` for Entra ID; `OIDC` for any other OpenID provider. Guessed from the authority's host when absent. */
  protocol_mode?: 'AAD' | 'OIDC';
}

/** Entra ID's multi-tenant authority, for the composition root to merge with the app's client id. */
export const microsoftProductionAuthority = 'https://login.microsoftonline.com/common';

/**
 * Graph calendar access; MSAL adds `openid profile offline_access` itself. Nothing more: a refresh asks for
 * these scopes again, and a provider refuses a refresh that asks for scopes it never granted (invalid_scope).
 */
export const defaultMicrosoftScopes = ['Calendars.ReadWrite'];

const isEntraHost = (host: string): boolean =>
  /(^|\.)login\.microsoftonline\.(com|us|de)$/i.test(host) || /(^|\.)login\.microsoft\.com$/i.test(host);

/** The protocol mode MSAL should speak to the configured authority. */
export const protocolModeOf = (config: MicrosoftAuthConfig): ProtocolMode =>
  config.protocol_mode ?? (isEntraHost(new URL(config.authority).host) ? 'AAD' : 'OIDC');

/** A public client for the configured authority, with a cache plugin or (sign-in, import) a memory cache. */
export function createMsalApp(
  config: MicrosoftAuthConfig,
  cachePlugin?: ICachePlugin,
): PublicClientApplication {
  const host = new URL(config.authority).host;
  const protocolMode = protocolModeOf(config);
  return new PublicClientApplication({
    auth: {
      clientId: config.client_id,
      authority: config.authority,
      // MSAL only trusts non-Microsoft authorities it is told about; it matches on host and port.
      ...(protocolMode === 'OIDC' ? { knownAuthorities: [host] } : {}),
    },
    ...(cachePlugin ? { cache: { cachePlugin } } : {}),
    system: { protocolMode },
  });
}

const firstPathSegment = (url: string): string | undefined =>
  new URL(url).pathname.split('/').find(Boolean)?.toLowerCase();

/** The scopes of a config, defaults filled in. */
export const microsoftScopesOf = (config: MicrosoftAuthConfig): string[] =>
  config.scopes ?? defaultMicrosoftScopes;

/** An access token is used from memory until this long before it expires, as MSAL's own refresh margin. */
const tokenMarginMs = 5 * 60_000;

/** A signed-in Microsoft account; `authProvider` is what `Client.init({ authProvider, baseUrl })` takes. */
export class MicrosoftAccount implements AccountTokens {
  readonly provider = 'microsoft' as const;

  private constructor(
    readonly accountId: string,
    private readonly app: PublicClientApplication,
    private readonly scopes: string[],
    /**
     * OIDC mode only. msal-common writes access tokens under the authority's first path segment but looks them
     * up under its last one, so with an authority like `/oauth/microsoft` no cached token is ever found and
     * every call refreshes. Naming the tenant the writer used makes the lookup find them.
     */
    private readonly oidcTenant: string | undefined,
  ) {}

  /**
   * The last access token and until when to use it without asking MSAL. MSAL would hand back the same token until
   * it expires, but reads its cache from the keychain (twice) to do so, on every Graph request. Memory only; a 401
   * still asks for a fresh one (`refresh`).
   */
  private held: { token: string; until: number } | null = null;

  /** Opens the account from its keychain cache; no saved sign-in → `ReauthRequiredError`. */
  static async open(
    config: MicrosoftAuthConfig,
    secrets: SecretStore,
    accountId: string,
  ): Promise<MicrosoftAccount> {
    const app = createMsalApp(config, keychainCachePlugin(secrets, accountId));
    const account = new MicrosoftAccount(
      accountId,
      app,
      microsoftScopesOf(config),
      protocolModeOf(config) === 'OIDC' ? firstPathSegment(config.authority) : undefined,
    );
    await account.msalAccount();
    return account;
  }

  accessToken(): Promise<string> {
    return this.acquire(false);
  }

  refresh(): Promise<string> {
    return this.acquire(true);
  }

  /** True when a failure means the saved grant is gone; the Graph adapter's injected reading (no auth import there). */
  isRevoked(error: unknown): boolean {
    return isReauthError(error);
  }

  /** The passing refresh failure a Graph client kept only the name of, as this account's own error. */
  refreshFailureNamed(name: string): Error | undefined {
    return refreshFailureNamed('microsoft', name);
  }

  /** Graph's callback-style auth provider; failures reach Graph as our own errors (see withAuthRetry). */
  readonly authProvider: AuthProvider = (done) => {
    this.accessToken().then(
      (token) => done(null, token),
      (err: unknown) => done(err, null),
    );
  };

  private async msalAccount(): Promise<AccountInfo> {
    const [account] = await this.app.getTokenCache().getAllAccounts();
    if (!account) throw new ReauthRequiredError('microsoft', 'missing_sign_in', this.accountId);
    return account;
  }

  private async acquire(forceRefresh: boolean): Promise<string> {
    const held = this.held;
    if (!forceRefresh && held && held.until > Date.now()) return held.token;
    const cached = await this.msalAccount();
    const account = this.oidcTenant === undefined ? cached : { ...cached, tenantId: this.oidcTenant };
    try {
      const result = await this.app.acquireTokenSilent({ account, scopes: this.scopes, forceRefresh });
      const until = result.expiresOn ? result.expiresOn.getTime() - tokenMarginMs : 0;
      this.held = { token: result.accessToken, until };
      return result.accessToken;
    } catch (err) {
      // Only MSAL's own errors are about the grant; anything else (the keychain) keeps its own message.
      throw err instanceof AuthError ? toTokenError('microsoft', err, this.accountId) : err;
    }
  }
}

/**
 * Names the account MSAL just signed in and moves its whole memory cache into the keychain. Used after an
 * interactive sign-in and an imported refresh token, whose apps ran without the keychain plugin because the
 * account id was not known yet.
 */
export async function saveMsalSignIn(
  app: PublicClientApplication,
  result: AuthenticationResult | null,
  secrets: SecretStore,
  accountId?: string,
): Promise<AccountIdentity> {
  const email =
    (result?.account?.username.includes('@') ? result.account.username : undefined) ??
    emailOf(result?.idTokenClaims ?? {});
  const id = accountId ?? (email ? accountIdOf('microsoft', email) : undefined);
  if (!id || !result?.account) {
    throw new SignInError(
      'microsoft',
      'failed',
      'Microsoft signed in but did not say which account it was. Sign in again, or give an account_id.',
    );
  }
  await secrets.set(secretKeys.msalCache(id), app.getTokenCache().serialize());
  return { account_id: id, email: email ?? id.replace(/^microsoft:/, ''), provider: 'microsoft' };
}

/** Imports a refresh token given to `connect` as `oauth_token` into a new MSAL cache kept in the keychain. */
export async function importMicrosoftRefreshToken(
  config: MicrosoftAuthConfig,
  secrets: SecretStore,
  input: { refresh_token: string; account_id?: string },
): Promise<AccountIdentity> {
  const app = createMsalApp(config);
  let result: AuthenticationResult | null;
  try {
    result = await app.acquireTokenByRefreshToken({
      refreshToken: input.refresh_token,
      scopes: microsoftScopesOf(config),
      forceCache: true,
    });
  } catch (err) {
    throw toTokenError('microsoft', err, input.account_id);
  }
  return saveMsalSignIn(app, result, secrets, input.account_id);
}
