/**
 * Builds one oidc-provider instance (one issuer) with the sandbox's policies: PKCE S256 always, loopback
 * redirects on any port, opaque access tokens with the sandbox's TTL, refresh tokens that do not rotate
 * (neither Google nor Microsoft invalidates a refresh token when it is used), and our own sign-in page.
 */
import Provider, { type Account, type Configuration } from 'oidc-provider';
import {
  GOOGLE_CLIENT,
  MICROSOFT_CLIENT,
  SIDE_SCOPES,
  isLoopbackRedirect,
  issuerOf,
  mountPathOf,
  type OAuthSide,
} from './issuers';
import type { SigningKeys } from './signing-keys';
import type { TokenStore } from './token-store';
import { renderErrorPage, renderMessagePage } from './sign-in-page';

/** What one issuer is built from. */
export interface IssuerOptions {
  side: OAuthSide;
  baseUrl: string;
  users: string[];
  keys: SigningKeys;
  store: TokenStore;
  accessTokenTtlSeconds: number;
}

const DAY = 24 * 60 * 60;

/** Registered redirect URIs; any other loopback port or path is accepted by `isLoopbackRedirect`. */
const LOOPBACK_REDIRECTS = ['http://127.0.0.1/callback', 'http://localhost/callback'];

function clientMetadata(side: OAuthSide): Record<string, unknown> {
  return {
    ...(side === 'google' ? GOOGLE_CLIENT : MICROSOFT_CLIENT),
    application_type: 'native',
    redirect_uris: LOOPBACK_REDIRECTS,
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
  };
}

function accountFor(side: OAuthSide, email: string): Account {
  const name = email.split('@')[0] ?? email;
  return {
    accountId: email,
    claims: () => ({
      sub: email,
      email,
      email_verified: true,
      name: name.charAt(0).toUpperCase() + name.slice(1),
      preferred_username: email,
      ...(side === 'microsoft' ? { oid: email } : {}),
    }),
  };
}

/** Builds the provider for one side; call again (with the same keys and store) to rebuild after restore. */
export function createIssuer(options: IssuerOptions): Provider {
  const { side, users, keys, store, accessTokenTtlSeconds } = options;
  const mountPath = mountPathOf(side);
  const configuration: Configuration = {
    adapter: store.adapterFactory(),
    clients: [clientMetadata(side)],
    jwks: keys.jwks,
    cookies: {
      keys: keys.cookieKeys,
      // Both issuers share one host, so their cookies need distinct names.
      names: { session: `${side}_session`, interaction: `${side}_interaction`, resume: `${side}_resume` },
    },
    findAccount: (_ctx: unknown, sub: string) => (users.includes(sub) ? accountFor(side, sub) : undefined),
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'preferred_username', 'oid'],
    },
    scopes: SIDE_SCOPES[side],
    // ID tokens carry the e-mail themselves (msal-node reads preferred_username from the ID token).
    conformIdTokenClaims: false,
    features: {
      devInteractions: { enabled: false },
      // RFC 7009 revocation: a client may revoke only its own tokens (oidc-provider's default rule, stated
      // here so its "you should change this" notice never lands on the sandbox's stdout).
      revocation: {
        enabled: true,
        allowedPolicy: (_ctx: unknown, client: { clientId: string }, token: { clientId: string }) =>
          token.clientId === client.clientId,
      },
      userinfo: { enabled: true },
      rpInitiatedLogout: { enabled: true, logoutSource, postLogoutSuccessSource },
    },
    pkce: { required: () => true },
    interactions: {
      url: (_ctx: unknown, interaction: { uid: string }) => `${mountPath}/interaction/${interaction.uid}`,
    },
    ttl: {
      // oidc-provider asks only for tokens made without an explicit `expiresIn` (issueTokens may pass one).
      AccessToken: accessTokenTtlSeconds,
      AuthorizationCode: 600,
      ClientCredentials: 600,
      DeviceCode: 600,
      BackchannelAuthenticationRequest: 600,
      PreAuthorizedCode: 600,
      IdToken: 3600,
      RefreshToken: 180 * DAY,
      Interaction: 3600,
      Session: 14 * DAY,
      Grant: 180 * DAY,
    },
    rotateRefreshToken: false,
    clientBasedCORS: () => true,
    renderError,
  };
  const provider = new Provider(issuerOf(options.baseUrl, side), configuration);
  provider.Client.prototype.redirectUriAllowed = isLoopbackRedirect;
  return provider;
}

interface KoaLikeContext {
  type: string;
  body: string;
}

async function renderError(ctx: KoaLikeContext, out: Record<string, string>): Promise<void> {
  ctx.type = 'html';
  ctx.body = renderErrorPage(out.error ?? 'server_error', out.error_description ?? 'Something went wrong.');
}

async function logoutSource(ctx: KoaLikeContext, form: string): Promise<void> {
  ctx.type = 'html';
  ctx.body = renderMessagePage(
    'Sign out',
    `${form}<button type="submit" form="op.logoutForm" name="logout" value="yes">Sign out</button>`,
  );
}

async function postLogoutSuccessSource(ctx: KoaLikeContext): Promise<void> {
  ctx.type = 'html';
  ctx.body = renderMessagePage('Signed out', '<p>You are signed out of the sandbox.</p>');
}
