/**
 * Turns what google-auth-library (gaxios) and msal-node throw into our own errors, reading only short codes
 * from them so no token, header or request body can travel on.
 */
import type { AuthProviderName } from './account-tokens';
import { ReauthRequiredError, TokenRefreshError } from './auth-errors';

/** OAuth error codes that mean the grant is gone and only a new sign-in helps (RFC 6749 §5.2, MSAL). */
const reauthCodes = new Set([
  'invalid_grant',
  'interaction_required',
  'login_required',
  'consent_required',
  'no_tokens_found',
  'refresh_token_expired',
  'bad_token',
  'native_account_unavailable',
]);

/** A short code is safe to show: letters, digits and a few separators, never long enough to be a token. */
const safeCode = (value: unknown): string | undefined =>
  (typeof value === 'string' || typeof value === 'number') && /^[\w.-]{1,40}$/.test(String(value))
    ? String(value)
    : undefined;

function field(value: unknown, ...path: string[]): unknown {
  let here = value;
  for (const key of path) {
    if (typeof here !== 'object' || here === null) return undefined;
    here = (here as Record<string, unknown>)[key];
  }
  return here;
}

/** The OAuth `error` code in an error thrown by gaxios (response body) or msal-node (`errorCode`). */
export function oauthErrorCode(err: unknown): string | undefined {
  return safeCode(field(err, 'response', 'data', 'error')) ?? safeCode(field(err, 'errorCode'));
}

/** The HTTP status carried by an error from gaxios, the Graph client or fetch-like code, if any. */
export function httpStatusOf(err: unknown): number | undefined {
  for (const candidate of [
    field(err, 'status'),
    field(err, 'statusCode'),
    field(err, 'response', 'status'),
    field(err, 'code'),
  ]) {
    const n = typeof candidate === 'string' && /^\d{3}$/.test(candidate) ? Number(candidate) : candidate;
    if (typeof n === 'number' && n >= 100 && n < 600) return n;
  }
  return undefined;
}

/** True when an API answered 401: the access token was not accepted. */
export const isUnauthorized = (err: unknown): boolean => httpStatusOf(err) === 401;

/** True when the error means the saved grant is gone (`invalid_grant`, `interaction_required`, …). */
export function isReauthError(err: unknown): boolean {
  if (err instanceof ReauthRequiredError) return true;
  const code = oauthErrorCode(err);
  return code !== undefined && reauthCodes.has(code);
}

/**
 * Our error for a failed token refresh: `ReauthRequiredError` when the grant is gone, else `TokenRefreshError`
 * naming only a status or code. Errors that are already ours pass through.
 */
export function toTokenError(
  provider: AuthProviderName,
  err: unknown,
  accountId?: string,
): ReauthRequiredError | TokenRefreshError {
  if (err instanceof ReauthRequiredError || err instanceof TokenRefreshError) return err;
  const code = oauthErrorCode(err);
  if (code !== undefined && reauthCodes.has(code)) {
    const reason = code === 'invalid_grant' ? 'invalid_grant' : 'interaction_required';
    return new ReauthRequiredError(provider, reason, accountId);
  }
  const status = httpStatusOf(err);
  const detail =
    code ?? (status ? `HTTP ${status}` : undefined) ?? safeCode(field(err, 'code')) ?? 'unexpected error';
  return new TokenRefreshError(provider, detail);
}

/** A passing refresh failure a client kept only the name of, as our own error; `undefined` for any other name. */
export function refreshFailureNamed(provider: AuthProviderName, name: string): TokenRefreshError | undefined {
  return name === TokenRefreshError.name
    ? new TokenRefreshError(provider, 'sign-in service unavailable')
    : undefined;
}
