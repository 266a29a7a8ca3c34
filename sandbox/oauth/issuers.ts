/**
 * The fixed facts of the two OAuth stand-ins: which side, its mount path below the sandbox URL, its one
 * client, its scopes and its seeded users.
 */

/** The two OAuth sides, named like the calendar providers they stand in for. */
export type OAuthSide = 'google' | 'microsoft';

/** The service prefix of the OAuth stand-ins (API.md §1). */
export const OAUTH_PREFIX = '/oauth';

/** Desktop-app client registered on the Google side (google-auth-library sends the secret in the body). */
export const GOOGLE_CLIENT = {
  client_id: 'sched-sync-desktop.apps.sandbox.example',
  client_secret: 'sandbox-google-client-secret',
  token_endpoint_auth_method: 'client_secret_post',
} as const;

/** Public client registered on the Microsoft side, as an Entra "mobile and desktop" app is. */
export const MICROSOFT_CLIENT = {
  client_id: '7d3c2b9a-5e4f-4a1b-9c8d-0f1e2d3c4b5a',
  token_endpoint_auth_method: 'none',
} as const;

/** The calendar scope each side's API checks. */
export const GOOGLE_CALENDAR_SCOPE = 'https://www.googleapis.com/auth/calendar';
export const MICROSOFT_CALENDAR_SCOPE = 'Calendars.ReadWrite';

/** Scopes each issuer knows; anything else a client asks for is left out of the tokens. */
export const SIDE_SCOPES: Record<OAuthSide, string[]> = {
  google: ['openid', 'offline_access', 'email', 'profile', GOOGLE_CALENDAR_SCOPE],
  microsoft: ['openid', 'offline_access', 'email', 'profile', MICROSOFT_CALENDAR_SCOPE],
};

/** Scopes a token minted without a browser (`issueTokens`) carries. */
export const MINTED_SCOPES: Record<OAuthSide, string> = {
  google: `openid email ${GOOGLE_CALENDAR_SCOPE} offline_access`,
  microsoft: `openid profile offline_access ${MICROSOFT_CALENDAR_SCOPE}`,
};

/** `/oauth/google` or `/oauth/microsoft`. */
export function mountPathOf(side: OAuthSide): string {
  return `${OAUTH_PREFIX}/${side}`;
}

/** The issuer identifier of a side: the sandbox URL plus its mount path. */
export function issuerOf(baseUrl: string, side: OAuthSide): string {
  return `${baseUrl}${mountPathOf(side)}`;
}

/** The human name shown on the sign-in page. */
export function displayNameOf(side: OAuthSide): string {
  return side === 'google' ? 'Google (sandbox)' : 'Microsoft (sandbox)';
}

/**
 * RFC 8252 §7.3: a native app's loopback redirect may use any port; the sandbox also accepts any path,
 * because the agent picks both when it opens its one-shot listener.
 */
export function isLoopbackRedirect(uri: string): boolean {
  const parsed = URL.parse(uri);
  if (!parsed || parsed.protocol !== 'http:' || parsed.hash !== '' || parsed.username !== '') return false;
  return parsed.hostname === '127.0.0.1' || parsed.hostname === 'localhost' || parsed.hostname === '[::1]';
}
