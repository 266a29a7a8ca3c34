/**
 * The OAuth stand-ins: two oidc-provider issuers, `<url>/oauth/google` and `<url>/oauth/microsoft`, mounted
 * as one raw service under `/oauth`, with our sign-in page, Google's revoke endpoint, token minting for the
 * sandbox controls, and access-token checks for the API stand-ins.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import type { SandboxContext, SandboxService, TokenOwner } from '../core/types';
import { findLiveAccessToken, mintTokens, revokeUser } from './grants';
import { handleGoogleRevoke } from './google-revoke';
import { sendJson } from './http-util';
import {
  GOOGLE_CLIENT,
  MICROSOFT_CLIENT,
  MINTED_SCOPES,
  OAUTH_PREFIX,
  issuerOf,
  mountPathOf,
  type OAuthSide,
} from './issuers';
import { adaptAuthorizationQuery } from './offline-access';
import { createIssuer } from './provider-factory';
import { handleInteraction } from './sign-in-interaction';
import { generateSigningKeys, isSigningKeys, type SigningKeys } from './signing-keys';
import { TokenStore, type TokenStoreData } from './token-store';

/** What a client needs to talk to one issuer (printed in the sandbox's ready line). */
export interface OAuthClientInfo {
  issuer: string;
  client_id: string;
  client_secret?: string;
  auth_url: string;
  token_url: string;
  authority?: string;
  /** Google's revoke endpoint (google-auth-library's `oauth2RevokeUrl`); Google side only. */
  revoke_url?: string;
}

/** Options of the OAuth stand-ins. */
export interface OAuthServiceOptions {
  users: { google: string[]; microsoft: string[] };
  /** Lifetime of access tokens from sign-ins and refreshes; default 3600. */
  accessTokenTtlSeconds?: number;
}

/** The OAuth service plus what the sandbox and the API stand-ins ask of it. */
export type OAuthService = SandboxService & {
  verifyAccessToken(token: string): Promise<TokenOwner | null>;
  issueTokens(
    provider: OAuthSide,
    user: string,
    opts?: { expiresInSeconds?: number },
  ): Promise<{ refresh_token: string; access_token: string }>;
  revoke(provider: OAuthSide, user: string): Promise<void>;
  clients: { google: OAuthClientInfo; microsoft: OAuthClientInfo };
};

interface OAuthSnapshot {
  version: 1;
  keys: SigningKeys;
  stores: Record<OAuthSide, TokenStoreData>;
}

const SIDES: OAuthSide[] = ['google', 'microsoft'];
const CLIENT_IDS: Record<OAuthSide, string> = {
  google: GOOGLE_CLIENT.client_id,
  microsoft: MICROSOFT_CLIENT.client_id,
};

function isSnapshot(value: unknown): value is OAuthSnapshot {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<OAuthSnapshot>;
  return candidate.version === 1 && isSigningKeys(candidate.keys) && typeof candidate.stores === 'object';
}

/** Builds both issuers; the server mounts the result under `/oauth`. */
export async function createOAuthService(
  ctx: SandboxContext,
  options: OAuthServiceOptions,
): Promise<OAuthService> {
  const accessTokenTtlSeconds = options.accessTokenTtlSeconds ?? 3600;
  const nowMs = (): number => ctx.now().getTime();
  const stores: Record<OAuthSide, TokenStore> = {
    google: new TokenStore(nowMs, () => ctx.changed()),
    microsoft: new TokenStore(nowMs, () => ctx.changed()),
  };
  let keys = generateSigningKeys();

  const build = (): Record<OAuthSide, { provider: Provider; handle: ReturnType<Provider['callback']> }> => {
    const entry = (side: OAuthSide) => {
      const provider = createIssuer({
        side,
        baseUrl: ctx.baseUrl,
        users: options.users[side],
        keys,
        store: stores[side],
        accessTokenTtlSeconds,
      });
      return { provider, handle: provider.callback() };
    };
    return { google: entry('google'), microsoft: entry('microsoft') };
  };
  let issuers = build();

  const users = (side: OAuthSide): string[] => options.users[side];
  const assertUser = (side: OAuthSide, user: string): void => {
    if (!users(side).includes(user)) {
      throw new Error(`${user} is not a ${side} user of this sandbox (users: ${users(side).join(', ')}).`);
    }
  };

  async function raw(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      await route(req, res);
    } catch (error) {
      if (!res.headersSent) {
        sendJson(res, 500, { error: 'server_error', error_description: (error as Error).message });
      } else {
        res.destroy();
      }
    }
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', ctx.baseUrl);
    const match = /^\/oauth\/(google|microsoft)(\/.*)$/.exec(url.pathname);
    if (!match) {
      sendJson(res, 404, {
        error: 'not_found',
        error_description: `No OAuth issuer here; use ${OAUTH_PREFIX}/google or ${OAUTH_PREFIX}/microsoft.`,
      });
      return;
    }
    const side = match[1] as OAuthSide;
    const rest = match[2] ?? '/';
    const { provider, handle } = issuers[side];

    const interaction = /^\/interaction\/([^/]+)$/.exec(rest);
    if (interaction?.[1]) {
      await handleInteraction({ side, provider, users: users(side) }, interaction[1], req, res);
      return;
    }
    if (side === 'google' && rest === '/revoke') {
      await handleGoogleRevoke(provider, stores.google, url, req, res);
      return;
    }

    // oidc-provider routes below its issuer path; it finds its mount path by comparing originalUrl and url.
    const search = rest === '/auth' ? adaptAuthorizationQuery(side, url.searchParams) : url.search;
    req.url = `${rest}${search}`;
    (req as IncomingMessage & { originalUrl?: string }).originalUrl = `${mountPathOf(side)}${req.url}`;
    await handle(req, res);
  }

  return {
    name: 'oauth',
    prefix: OAUTH_PREFIX,
    raw,
    snapshot(): OAuthSnapshot {
      return {
        version: 1,
        keys,
        stores: { google: stores.google.toJSON(), microsoft: stores.microsoft.toJSON() },
      };
    },
    restore(snapshot: unknown): void {
      if (!isSnapshot(snapshot)) return;
      keys = snapshot.keys;
      for (const side of SIDES) stores[side].load(snapshot.stores[side]);
      // The keys are part of each provider's configuration, so the providers are built again.
      issuers = build();
    },
    async verifyAccessToken(token: string): Promise<TokenOwner | null> {
      for (const side of SIDES) {
        const found = await findLiveAccessToken(issuers[side].provider, token);
        if (found) {
          return {
            provider: side,
            user: found.accountId,
            scopes: (found.scope ?? '').split(' ').filter(Boolean),
          };
        }
      }
      return null;
    },
    async issueTokens(side, user, opts) {
      assertUser(side, user);
      return mintTokens(
        issuers[side].provider,
        CLIENT_IDS[side],
        user,
        MINTED_SCOPES[side],
        opts?.expiresInSeconds,
      );
    },
    async revoke(side, user) {
      await revokeUser(issuers[side].provider, stores[side], user);
    },
    clients: {
      google: {
        issuer: issuerOf(ctx.baseUrl, 'google'),
        client_id: GOOGLE_CLIENT.client_id,
        client_secret: GOOGLE_CLIENT.client_secret,
        auth_url: `${issuerOf(ctx.baseUrl, 'google')}/auth`,
        token_url: `${issuerOf(ctx.baseUrl, 'google')}/token`,
        revoke_url: `${issuerOf(ctx.baseUrl, 'google')}/revoke`,
      },
      microsoft: {
        issuer: issuerOf(ctx.baseUrl, 'microsoft'),
        client_id: MICROSOFT_CLIENT.client_id,
        auth_url: `${issuerOf(ctx.baseUrl, 'microsoft')}/auth`,
        token_url: `${issuerOf(ctx.baseUrl, 'microsoft')}/token`,
        authority: issuerOf(ctx.baseUrl, 'microsoft'),
      },
    },
  };
}
