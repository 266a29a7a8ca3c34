/**
 * Grants and tokens handled outside a browser flow, always through oidc-provider's own models so what
 * they make is indistinguishable from a sign-in: minting tokens for a seeded user, revoking everything a
 * person granted, and resolving an access token for the API stand-ins.
 */
import type Provider from 'oidc-provider';
import type { TokenInstance } from 'oidc-provider';
import type { TokenStore } from './token-store';

/** A refresh token and an access token, as the `/sandbox/tokens` control returns them. */
export interface MintedTokens {
  refresh_token: string;
  access_token: string;
}

/** Mints a grant, a refresh token and an access token for one user of one issuer. */
export async function mintTokens(
  provider: Provider,
  clientId: string,
  user: string,
  scope: string,
  expiresInSeconds?: number,
): Promise<MintedTokens> {
  const client = await provider.Client.find(clientId);
  if (!client) throw new Error(`The OAuth client ${clientId} is not registered.`);

  const grant = new provider.Grant({ accountId: user, clientId });
  grant.addOIDCScope(scope);
  const grantId = await grant.save();

  const common = {
    accountId: user,
    client,
    grantId,
    gty: 'authorization_code',
    scope,
    expiresWithSession: false,
  };
  const refreshToken = await new provider.RefreshToken(common).save();
  const accessToken = await new provider.AccessToken({ ...common, expiresIn: expiresInSeconds }).save();
  return { refresh_token: refreshToken, access_token: accessToken };
}

/**
 * Ends every grant a user gave on one issuer: refresh tokens then answer `invalid_grant`, access tokens
 * stop verifying, and the browser session is dropped so the next sign-in asks again.
 */
export async function revokeUser(provider: Provider, store: TokenStore, user: string): Promise<void> {
  const grantIds = store
    .entries('Grant')
    .filter(([, payload]) => payload.accountId === user)
    .map(([id]) => id);
  for (const grantId of grantIds) {
    const grant = await provider.Grant.find(grantId);
    await grant?.destroy();
    store.revokeByGrantId(grantId);
  }
  store.removeWhere('Session', (payload) => payload.accountId === user);
}

/**
 * Revokes the grant behind any token of this issuer, as Google's revoke endpoint does for either an access
 * or a refresh token. Answers false when the token is unknown.
 */
export async function revokeGrantOfToken(
  provider: Provider,
  store: TokenStore,
  token: string,
): Promise<boolean> {
  const found: TokenInstance | undefined =
    (await provider.AccessToken.find(token, { ignoreExpiration: true })) ??
    (await provider.RefreshToken.find(token, { ignoreExpiration: true }));
  if (!found) return false;
  const grant = await provider.Grant.find(found.grantId);
  await grant?.destroy();
  store.revokeByGrantId(found.grantId);
  return true;
}

/**
 * The access token if it is live: known, unexpired and its grant still standing. Expiry is judged twice:
 * oidc-provider checks its own `exp` (wall clock) and the store drops entries by the sandbox clock, counted
 * from when the token was stored, so moving the sandbox clock ages tokens that exist but not new ones.
 */
export async function findLiveAccessToken(
  provider: Provider,
  token: string,
): Promise<TokenInstance | undefined> {
  const accessToken = await provider.AccessToken.find(token);
  if (!accessToken) return undefined;
  const grant = await provider.Grant.find(accessToken.grantId);
  return grant ? accessToken : undefined;
}
