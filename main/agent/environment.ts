/**
 * Which outside services the agent talks to: the embedded sandbox (Sandbox mode) or the real Sched, Google and
 * Microsoft (live). Everything that differs between the two is here; the rest of the agent does not know.
 */
import type { GoogleAuthConfig, MicrosoftAuthConfig, ResolvedOAuthClients } from '../auth';
import { googleProductionEndpoints } from '../auth/google-endpoints';
import type { SecretStore } from '../secrets/secret-store';
import { secretKeys } from '../secrets/secret-store';

export type AgentMode = 'sandbox' | 'live';

export interface GoogleEnvironment extends GoogleAuthConfig {
  /** googleapis `rootUrl`; absent for the real Google. */
  root_url?: string;
}

export interface MicrosoftEnvironment extends MicrosoftAuthConfig {
  /** Graph client `baseUrl` without the version; absent for the real Graph. */
  graph_url?: string;
}

export interface ServiceEnvironment {
  mode: AgentMode;
  /** Where Sched is and its API key; null until Sched is configured. */
  sched: { base_url: string; apiKey(): Promise<string | null> } | null;
  /** null when this build has no Google client id (live mode without one configured). */
  google: GoogleEnvironment | null;
  microsoft: MicrosoftEnvironment | null;
}

/** The JSON a sandbox prints when ready (shared/API.md §1). */
export interface SandboxInfoLike {
  url: string;
  ca: string;
  sched: { base_url: string; api_key: string };
  google: {
    root_url: string;
    auth_url: string;
    token_url: string;
    client_id: string;
    client_secret?: string;
    users: string[];
  };
  microsoft: { graph_url: string; authority: string; client_id: string; users: string[] };
}

/** Sandbox mode: every service from the sandbox's info. Its API key is a demo value, so it stays in memory. */
export function sandboxEnvironment(info: SandboxInfoLike): ServiceEnvironment {
  return {
    mode: 'sandbox',
    sched: { base_url: info.sched.base_url, apiKey: async () => info.sched.api_key },
    google: {
      auth_url: info.google.auth_url,
      token_url: info.google.token_url,
      client_id: info.google.client_id,
      client_secret: info.google.client_secret,
      root_url: info.google.root_url,
    },
    microsoft: {
      authority: info.microsoft.authority,
      client_id: info.microsoft.client_id,
      protocol_mode: 'OIDC',
      graph_url: info.microsoft.graph_url,
    },
  };
}

/** Where the live services are: Google's and Microsoft's own, or (in tests) a sandbox posing as them. */
export interface LiveServices {
  google: Omit<GoogleAuthConfig, 'client_id' | 'client_secret' | 'scopes'> & { root_url?: string };
  microsoft: {
    /** The authority URL for a tenant (`common`, `organizations`, a tenant id or domain). */
    authority(tenant: string): string;
    graph_url?: string;
    protocol_mode?: 'AAD' | 'OIDC';
  };
}

/** The real Google and Microsoft Entra ID. */
export const productionServices: LiveServices = {
  google: googleProductionEndpoints,
  microsoft: {
    authority: (tenant) => `https://login.microsoftonline.com/${encodeURIComponent(tenant)}`,
  },
};

/**
 * Live mode: Sched from the settings (its key from the keychain); Google and Microsoft with the OAuth clients this
 * installation resolved (Settings, deployment file, release, or the developer variables: main/auth/oauth-clients.ts).
 */
export function liveEnvironment(
  schedBaseUrl: string | null,
  secrets: SecretStore,
  clients: ResolvedOAuthClients,
  services: LiveServices = productionServices,
): ServiceEnvironment {
  const google = clients.google?.config;
  const microsoft = clients.microsoft?.config;
  return {
    mode: 'live',
    sched: schedBaseUrl
      ? { base_url: schedBaseUrl, apiKey: () => secrets.get(secretKeys.schedApiKey) }
      : null,
    google: google
      ? {
          ...services.google,
          client_id: google.client_id,
          ...(google.client_secret ? { client_secret: google.client_secret } : {}),
        }
      : null,
    microsoft: microsoft
      ? {
          authority: services.microsoft.authority(microsoft.tenant ?? 'common'),
          client_id: microsoft.client_id,
          ...(services.microsoft.graph_url ? { graph_url: services.microsoft.graph_url } : {}),
          ...(services.microsoft.protocol_mode ? { protocol_mode: services.microsoft.protocol_mode } : {}),
        }
      : null,
  };
}
