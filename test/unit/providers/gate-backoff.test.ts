import { describe, expect, it } from 'vitest';
import {
  fullJitterDelay,
  httpVerdict,
  isConnectionFailure,
  parseRetryAfter,
} from '../../../main/providers/gate';

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-03-05T12:00:00Z');

  it('reads delay seconds', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
  });

  it('reads an HTTP date as the time left until it', () => {
    expect(parseRetryAfter('Wed, 05 Mar 2025 12:00:30 GMT', now)).toBe(30_000);
  });

  it('treats a date in the past as no wait', () => {
    expect(parseRetryAfter('Wed, 05 Mar 2025 11:00:00 GMT', now)).toBe(0);
  });

  it('ignores an absent or unreadable value', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});

describe('fullJitterDelay', () => {
  it('doubles its ceiling per retry up to the maximum', () => {
    const top = () => 0.999999;

    const delays = [0, 1, 2, 3, 4].map((retry) => fullJitterDelay(retry, 100, 500, top));

    expect(delays).toEqual([99, 199, 399, 499, 499]);
  });

  it('can pick no wait at all', () => {
    expect(fullJitterDelay(3, 100, 500, () => 0)).toBe(0);
  });
});

describe('httpVerdict', () => {
  const nowMs = 0;

  it('retries 429 and rate-limit answers with the asked wait', () => {
    expect(httpVerdict({ status: 429, retryAfter: '2', nowMs })).toEqual({
      retry: true,
      reason: 'rate_limited',
      detail: 'HTTP 429',
      retryAfterMs: 2000,
    });
    expect(
      httpVerdict({ status: 403, rateLimited: true, code: 'userRateLimitExceeded', nowMs }),
    ).toMatchObject({
      retry: true,
      reason: 'rate_limited',
      detail: 'HTTP 403 userRateLimitExceeded',
    });
  });

  it('retries 5xx and nothing else', () => {
    expect(httpVerdict({ status: 503, nowMs })).toMatchObject({ retry: true, reason: 'server_error' });
    expect(httpVerdict({ status: 403, nowMs })).toEqual({ retry: false });
    expect(httpVerdict({ status: 412, nowMs })).toEqual({ retry: false });
  });
});

describe('isConnectionFailure', () => {
  it('finds a reset through cause chains', () => {
    const wrapped = new Error('fetch failed', {
      cause: Object.assign(new Error('x'), { code: 'ECONNRESET' }),
    });

    expect(isConnectionFailure(wrapped)).toBe(true);
    expect(isConnectionFailure(new Error('request failed, reason: socket hang up'))).toBe(true);
    expect(isConnectionFailure(new Error('invalid json'))).toBe(false);
  });
});
