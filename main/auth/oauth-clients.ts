/**
 * Which OAuth clients this installation signs in with (ARCHITECTURE.md, "Live mode needs no environment
 * variables"): what the person or an admin typed in Settings, then the deployment file of a managed install, then
 * the ids built into a release. `SCHED_SYNC_*` environment variables stay as a developer override above them all.
 * Each provider is resolved whole from one source, so an id never meets another source's secret or tenant.
 */

/** A Google desktop client: Google issues installed apps a "secret" that is not secret, kept in the keychain anyway. */
export interface GoogleClientConfig {
  client_id: string;
  client_secret?: string;
}

/** A Microsoft Entra app registration; `tenant` is `common` (any work or personal account) unless given. */
export interface MicrosoftClientConfig {
  client_id: string;
  tenant?: string;
}

/** The clients one source gives; a provider left out is not configured there. */
export interface OAuthClients {
  google?: GoogleClientConfig;
  microsoft?: MicrosoftClientConfig;
}

/** Where a client came from, in the order they are consulted. */
export const oauthClientSources = ['environment', 'settings', 'deployment', 'release'] as const;
export type OAuthClientSource = (typeof oauthClientSources)[number];

/** One provider's client and where it came from. */
export interface Resolved<T> {
  config: T;
  source: OAuthClientSource;
}

/** The clients in force; null for a provider no source configures. */
export interface ResolvedOAuthClients {
  google: Resolved<GoogleClientConfig> | null;
  microsoft: Resolved<MicrosoftClientConfig> | null;
}

/** Every source, each optional. `locked` providers skip Settings: the administrator's deployment value stands. */
export interface OAuthClientInputs {
  environment?: OAuthClients;
  settings?: OAuthClients;
  deployment?: OAuthClients;
  release?: OAuthClients;
  locked?: { google?: boolean; microsoft?: boolean };
}

function pick<K extends keyof OAuthClients>(
  provider: K,
  inputs: OAuthClientInputs,
): Resolved<NonNullable<OAuthClients[K]>> | null {
  for (const source of oauthClientSources) {
    if (source === 'settings' && inputs.locked?.[provider]) continue;
    const config = inputs[source]?.[provider];
    if (config && config.client_id.trim() !== '')
      return { config: config as NonNullable<OAuthClients[K]>, source };
  }
  return null;
}

/** The client of each provider from the first source that has one. */
export function resolveOAuthClients(inputs: OAuthClientInputs): ResolvedOAuthClients {
  return { google: pick('google', inputs), microsoft: pick('microsoft', inputs) };
}

/** The developer override: `SCHED_SYNC_GOOGLE_CLIENT_ID` (+ `_SECRET`), `SCHED_SYNC_MICROSOFT_CLIENT_ID` (+ `_TENANT`). */
export function oauthClientsFromEnvironment(env: Record<string, string | undefined>): OAuthClients {
  const googleId = env.SCHED_SYNC_GOOGLE_CLIENT_ID?.trim();
  const microsoftId = env.SCHED_SYNC_MICROSOFT_CLIENT_ID?.trim();
  const googleSecret = env.SCHED_SYNC_GOOGLE_CLIENT_SECRET?.trim();
  const tenant = env.SCHED_SYNC_MICROSOFT_TENANT?.trim();
  return {
    ...(googleId
      ? { google: { client_id: googleId, ...(googleSecret ? { client_secret: googleSecret } : {}) } }
      : {}),
    ...(microsoftId ? { microsoft: { client_id: microsoftId, ...(tenant ? { tenant } : {}) } } : {}),
  };
}

/** The keychain entry of the Google client secret typed in Settings (never in the settings file). */
export const googleClientSecretKey = 'oauth-client-secret:google';
