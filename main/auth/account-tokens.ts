/** What the rest of the agent may know about a signed-in account: who it is, and a way to get a token. */

/** The calendar services that have accounts. */
export type AuthProviderName = 'google' | 'microsoft';

/** A signed-in account as the agent and the UI see it. Never holds a token. */
export interface AccountIdentity {
  /** Stable id: `<provider>:<email>`, so signing in again as the same person lands on the same account. */
  account_id: string;
  email: string;
  provider: AuthProviderName;
}

/** Access tokens of one account. Refresh tokens stay inside the implementation and the keychain. */
export interface AccountTokens {
  readonly provider: AuthProviderName;
  readonly accountId: string;
  /** A valid access token, refreshed first when the current one is missing or about to expire. */
  accessToken(): Promise<string>;
  /** A new access token even if the current one looks valid (after a 401). */
  refresh(): Promise<string>;
}

/** Human name of a provider, for messages. */
export const providerLabel = (provider: AuthProviderName): string =>
  provider === 'google' ? 'Google' : 'Microsoft';

/** The account id of a person at a provider; e-mails are case-insensitive, so they are lower-cased. */
export const accountIdOf = (provider: AuthProviderName, email: string): string =>
  `${provider}:${email.trim().toLowerCase()}`;
