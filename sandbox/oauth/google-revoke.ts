/**
 * Google's revoke endpoint (`POST <issuer>/revoke?token=…`), which google-auth-library calls without client
 * authentication and which ends the whole grant behind either an access or a refresh token. oidc-provider's
 * RFC 7009 endpoint needs client authentication, so Google's variant is served here on the same models.
 * https://developers.google.com/identity/protocols/oauth2/native-app#tokenrevoke
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import { revokeGrantOfToken } from './grants';
import { readForm, sendJson } from './http-util';
import type { TokenStore } from './token-store';

/** Serves `POST /oauth/google/revoke` with the token in the query or a form body. */
export async function handleGoogleRevoke(
  provider: Provider,
  store: TokenStore,
  url: URL,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (req.method !== 'POST') {
    sendJson(res, 405, { error: 'invalid_request', error_description: 'Use POST to revoke a token.' });
    return;
  }
  const token = url.searchParams.get('token') ?? (await readForm(req)).get('token');
  if (!token) {
    sendJson(res, 400, { error: 'invalid_request', error_description: 'Missing required parameter: token' });
    return;
  }
  if (!(await revokeGrantOfToken(provider, store, token))) {
    sendJson(res, 400, { error: 'invalid_token', error_description: 'Token expired or revoked' });
    return;
  }
  sendJson(res, 200, {});
}
