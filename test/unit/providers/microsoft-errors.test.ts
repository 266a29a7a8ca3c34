import { GraphError } from '@microsoft/microsoft-graph-client';
import { describe, expect, it } from 'vitest';
import { classifyGraphFailure } from '../../../main/providers/microsoft';
import { GraphBatchRetry } from '../../../main/providers/microsoft/graph-errors';
import { readable } from '../../../main/providers/microsoft/graph-caller';
import { isReauthError, refreshFailureNamed, TokenRefreshError } from '../../../main/auth';
import { AuthError } from '../../../main/providers/port';

const now = Date.parse('2025-03-05T12:00:00Z');

/** The account's reading of its own failures, as `MicrosoftAccount` gives it to the adapter. */
const signIn = {
  isRevoked: isReauthError,
  refreshFailureNamed: (name: string) => refreshFailureNamed('microsoft', name),
};

function graphError(status: number, code: string, headers: Record<string, string> = {}): GraphError {
  const error = new GraphError(status, `Graph said ${code}`);
  error.code = code;
  error.headers = new Headers(headers);
  return error;
}

describe('Graph retry classifier', () => {
  it('waits as long as a 429 asks', () => {
    const verdict = classifyGraphFailure(
      graphError(429, 'ApplicationThrottled', { 'Retry-After': '3' }),
      now,
    );

    expect(verdict).toEqual({
      retry: true,
      reason: 'rate_limited',
      detail: 'HTTP 429 ApplicationThrottled',
      retryAfterMs: 3000,
    });
  });

  it('retries 503 and 504 as server errors', () => {
    expect(classifyGraphFailure(graphError(503, 'ServiceNotAvailable'), now)).toMatchObject({
      retry: true,
      reason: 'server_error',
    });
    expect(classifyGraphFailure(graphError(504, 'GatewayTimeout'), now)).toMatchObject({ retry: true });
  });

  it('retries a connection the client reports as a failed fetch', () => {
    const dropped = new GraphError(-1, 'fetch failed');
    dropped.code = 'TypeError';

    expect(classifyGraphFailure(dropped, now)).toMatchObject({ retry: true, reason: 'connection' });
  });

  it('gives back 412, 404 and token failures without retrying', () => {
    const tokenFailure = new GraphError(-1, 'There is no saved sign-in');
    tokenFailure.code = 'ReauthRequiredError';

    expect(classifyGraphFailure(graphError(412, 'ErrorIrresolvableConflict'), now).retry).toBe(false);
    expect(classifyGraphFailure(graphError(404, 'ErrorItemNotFound'), now).retry).toBe(false);
    expect(classifyGraphFailure(tokenFailure, now).retry).toBe(false);
  });

  it('retries a batch whose inner request was throttled, waiting as that request asked', () => {
    expect(classifyGraphFailure(new GraphBatchRetry(429, '2'), now)).toMatchObject({
      retry: true,
      reason: 'rate_limited',
      retryAfterMs: 2000,
    });
  });
});

describe('Graph failures as our errors', () => {
  it('turns a refused sign-in wrapped by the client into AuthError', () => {
    const wrapped = new GraphError(-1, 'refused');
    wrapped.code = 'ReauthRequiredError';

    expect(readable('list changes', wrapped, signIn)).toBeInstanceOf(AuthError);
    expect(readable('list changes', graphError(401, 'InvalidAuthenticationToken'), signIn)).toBeInstanceOf(
      AuthError,
    );
  });

  it('gives back the token failure the client wrapped, with its own message', () => {
    const failure = new TokenRefreshError('microsoft', 'HTTP 503');
    const wrapped = new GraphError(-1, failure.message);
    wrapped.code = failure.name;

    expect(readable('list changes', wrapped, signIn, failure)).toBe(failure);
  });

  it('keeps a wrapped token failure a TokenRefreshError even when the original is not known', () => {
    const wrapped = new GraphError(-1, 'Could not refresh');
    wrapped.code = 'TokenRefreshError';

    const error = readable('list changes', wrapped, signIn);

    expect(error).toBeInstanceOf(TokenRefreshError);
    expect((error as Error).message).toBe(
      'Could not refresh the Microsoft sign-in (sign-in service unavailable). Syncing will try again later.',
    );
  });

  it('names the operation and status, never the body', () => {
    const error = readable('update an event', graphError(400, 'ErrorInvalidRequest'), signIn) as Error;

    expect(error.message).toBe(
      'Microsoft Outlook refused to update an event (HTTP 400 ErrorInvalidRequest).',
    );
  });
});
