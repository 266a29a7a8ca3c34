import { describe, expect, it } from 'vitest';
import { ReauthRequiredError, TokenRefreshError } from '../../../main/auth/auth-errors';
import { isUnauthorized, toTokenError } from '../../../main/auth/classify-auth-error';

describe('toTokenError', () => {
  it('reads invalid_grant from a gaxios response body', () => {
    const raw = { message: 'invalid_grant', response: { status: 400, data: { error: 'invalid_grant' } } };

    const error = toTokenError('google', raw, 'google:ada@example.com');

    expect(error).toBeInstanceOf(ReauthRequiredError);
    expect(error.message).toBe(
      'Google refused the saved sign-in (invalid_grant). Sign in again to resume syncing.',
    );
  });

  it('reads interaction_required from an MSAL errorCode', () => {
    const error = toTokenError('microsoft', { errorCode: 'interaction_required', message: 'AADSTS…' });

    expect(error.message).toBe(
      'Microsoft refused the saved sign-in (interaction_required). Sign in again to resume syncing.',
    );
  });

  it('names only the status of a passing failure, never the request', () => {
    const raw = {
      message: 'boom refresh_token=rt-secret',
      response: { status: 503, data: 'Service Unavailable rt-secret' },
      config: { data: 'refresh_token=rt-secret' },
    };

    const error = toTokenError('google', raw);

    expect(error).toBeInstanceOf(TokenRefreshError);
    expect(error.message).toBe(
      'Could not refresh the Google sign-in (HTTP 503). Syncing will try again later.',
    );
  });

  it('names a network error code', () => {
    const error = toTokenError(
      'microsoft',
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
    );

    expect(error.message).toContain('(ECONNREFUSED)');
  });
});

describe('isUnauthorized', () => {
  it('recognises 401 as gaxios, the Graph client and fetch wrappers report it', () => {
    expect(isUnauthorized({ status: 401 })).toBe(true);
    expect(isUnauthorized({ statusCode: 401 })).toBe(true);
    expect(isUnauthorized({ response: { status: 401 } })).toBe(true);
    expect(isUnauthorized({ code: '401' })).toBe(true);
    expect(isUnauthorized({ status: 403 })).toBe(false);
  });
});

describe('ReauthRequiredError.messageFor', () => {
  it('names what stopped syncing', () => {
    const error = new ReauthRequiredError('google', 'invalid_grant');

    expect(error.messageFor('Meeting Room A')).toBe(
      'Google refused the saved sign-in (invalid_grant). Sign in again to resume syncing Meeting Room A.',
    );
  });
});
