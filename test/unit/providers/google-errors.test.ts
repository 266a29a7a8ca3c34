import { describe, expect, it } from 'vitest';
import { classifyGoogleFailure, googleReasonOf } from '../../../main/providers/google/google-errors';
import { eventIdFor } from '../../../main/providers/google/google-event-id';

/** The shape gaxios gives a failed Google call: status, headers and Google's JSON error body. */
function googleFailure(status: number, reason: string, headers: Record<string, string> = {}) {
  return Object.assign(new Error(reason), {
    status,
    config: {},
    response: {
      status,
      headers: new Headers(headers),
      data: { error: { code: status, message: reason, errors: [{ domain: 'usageLimits', reason }] } },
    },
  });
}

describe('classifyGoogleFailure', () => {
  const now = 0;

  it("retries Google's 403 rate-limit reasons but not a plain 403", () => {
    expect(classifyGoogleFailure(googleFailure(403, 'userRateLimitExceeded'), now)).toMatchObject({
      retry: true,
      reason: 'rate_limited',
    });
    expect(classifyGoogleFailure(googleFailure(403, 'rateLimitExceeded'), now)).toMatchObject({
      retry: true,
    });
    expect(classifyGoogleFailure(googleFailure(403, 'forbidden'), now)).toEqual({ retry: false });
  });

  it('retries 429 with its Retry-After and 5xx', () => {
    expect(
      classifyGoogleFailure(googleFailure(429, 'rateLimitExceeded', { 'retry-after': '4' }), now),
    ).toEqual({
      retry: true,
      reason: 'rate_limited',
      detail: 'HTTP 429 rateLimitExceeded',
      retryAfterMs: 4000,
    });
    expect(classifyGoogleFailure(googleFailure(503, 'backendError'), now)).toMatchObject({
      retry: true,
      reason: 'server_error',
    });
  });

  it("waits as Google's 403 rate limits ask, in seconds or as an HTTP date", () => {
    const in7s = new Date(Date.UTC(2026, 11, 2, 9, 0, 7)).toUTCString();

    expect(
      classifyGoogleFailure(googleFailure(403, 'rateLimitExceeded', { 'retry-after': '12' }), now),
    ).toEqual({
      retry: true,
      reason: 'rate_limited',
      detail: 'HTTP 403 rateLimitExceeded',
      retryAfterMs: 12_000,
    });
    expect(
      classifyGoogleFailure(
        googleFailure(403, 'userRateLimitExceeded', { 'retry-after': in7s }),
        Date.UTC(2026, 11, 2, 9, 0, 0),
      ),
    ).toMatchObject({ retry: true, reason: 'rate_limited', retryAfterMs: 7_000 });
  });

  it('leaves answers the adapter handles itself to the adapter', () => {
    for (const [status, reason] of [
      [409, 'duplicate'],
      [410, 'fullSyncRequired'],
      [412, 'conditionNotMet'],
      [401, 'authError'],
    ] as const) {
      expect(classifyGoogleFailure(googleFailure(status, reason), now)).toEqual({ retry: false });
    }
  });

  it('retries a connection reset that never got an answer', () => {
    const reset = Object.assign(new Error('request to https://x failed, reason: socket hang up'), {
      code: 'ECONNRESET',
    });

    expect(classifyGoogleFailure(reset, now)).toMatchObject({ retry: true, reason: 'connection' });
  });

  it('reads only a short reason code from the body', () => {
    expect(googleReasonOf(googleFailure(400, 'invalid'))).toBe('invalid');
    expect(googleReasonOf(googleFailure(400, 'x'.repeat(200)))).toBeUndefined();
  });
});

describe('eventIdFor', () => {
  it('gives the same valid base32hex id for the same key and another for another key', () => {
    const id = eventIdFor('conn-1:external:booking-7');

    expect(id).toMatch(/^[0-9a-v]{5,1024}$/);
    expect(eventIdFor('conn-1:external:booking-7')).toBe(id);
    expect(eventIdFor('conn-1:external:booking-8')).not.toBe(id);
  });
});
