/**
 * The one rule for expired access tokens (SYNC.md, "Being a good API citizen"): a 401 gets one forced refresh
 * and one retry; a second 401 gives up and asks the person to sign in again.
 */
import type { AccountTokens } from './account-tokens';
import { ReauthRequiredError } from './auth-errors';
import { isReauthError, isUnauthorized, toTokenError } from './classify-auth-error';

/**
 * The Graph client wraps whatever the authProvider rejects with into a GraphError whose `code` is the original
 * error's name; such an error means our token source failed, not the API.
 */
const isWrappedTokenFailure = (err: unknown): boolean =>
  typeof err === 'object' &&
  err !== null &&
  ['ReauthRequiredError', 'TokenRefreshError'].includes(String((err as { code?: unknown }).code));

/**
 * Runs `fn` with a valid access token. On a 401 it forces one refresh and runs `fn` once more; a refused grant
 * becomes `ReauthRequiredError`. `fn` may ignore the token when its client (googleapis, Graph) takes it from the
 * account itself.
 */
export async function withAuthRetry<T>(
  tokens: AccountTokens,
  fn: (accessToken: string) => Promise<T>,
): Promise<T> {
  const first = await tokens.accessToken();
  try {
    return await fn(first);
  } catch (err) {
    if (!isUnauthorized(err) && !isWrappedTokenFailure(err)) throw asReauth(tokens, err);
  }
  const fresh = await tokens.refresh();
  try {
    return await fn(fresh);
  } catch (err) {
    if (isUnauthorized(err)) {
      throw new ReauthRequiredError(tokens.provider, 'unauthorized_after_refresh', tokens.accountId);
    }
    throw asReauth(tokens, err);
  }
}

/** A client that refreshed on its own inside `fn` may surface a raw `invalid_grant`: never let that through. */
function asReauth(tokens: AccountTokens, err: unknown): unknown {
  return isReauthError(err) ? toTokenError(tokens.provider, err, tokens.accountId) : err;
}
