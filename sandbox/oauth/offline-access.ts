/**
 * Maps the two ways clients ask for a refresh token onto OpenID Connect's `offline_access`.
 *
 * Google's apps send `access_type=offline` instead of the `offline_access` scope, and msal-node sends
 * `offline_access` without `prompt=consent`. OIDC Core §11 lets a provider drop `offline_access` unless
 * consent is prompted, and oidc-provider does; the sandbox always shows its (combined) sign-in page, so
 * marking these requests as prompting consent changes nothing a person sees and keeps the refresh token.
 */
import type { OAuthSide } from './issuers';

/** Returns the authorization request's query (with leading `?`) as oidc-provider should see it. */
export function adaptAuthorizationQuery(side: OAuthSide, params: URLSearchParams): string {
  const adapted = new URLSearchParams(params);
  const scopes = (adapted.get('scope') ?? '').split(' ').filter(Boolean);
  const wantsOffline =
    scopes.includes('offline_access') || (side === 'google' && adapted.get('access_type') === 'offline');
  if (wantsOffline) {
    if (!scopes.includes('offline_access')) adapted.set('scope', [...scopes, 'offline_access'].join(' '));
    const prompt = (adapted.get('prompt') ?? '').split(' ').filter(Boolean);
    if (!prompt.includes('none') && !prompt.includes('consent')) {
      adapted.set('prompt', [...prompt, 'consent'].join(' '));
    }
  }
  const query = adapted.toString();
  return query ? `?${query}` : '';
}
