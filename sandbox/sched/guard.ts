/** Bearer API key check, per-key rate limit and error mapping around every Sched route. */
import { timingSafeEqual } from 'node:crypto';
import type { RouteHandler, SandboxRequest, SandboxResponse } from '../core/types';
import { ApiFailure, FieldError, schedError } from './errors';

/** A fixed one-minute window per API key, like the per-minute limits Sched documents. */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => Date,
  ) {}

  /** Counts one request; returns the seconds to wait when the key is over its limit. */
  take(key: string): number | undefined {
    const nowMs = this.now().getTime();
    const start = Math.floor(nowMs / 60_000) * 60_000;
    const window = this.windows.get(key);
    if (!window || window.start !== start) {
      this.windows.set(key, { start, count: 1 });
      return undefined;
    }
    window.count += 1;
    if (window.count <= this.perMinute) return undefined;
    return Math.max(1, Math.ceil((start + 60_000 - nowMs) / 1000));
  }
}

function bearer(req: SandboxRequest): string | undefined {
  const header = req.headers.authorization;
  const match = header ? /^Bearer\s+(.+)$/i.exec(header.trim()) : null;
  return match?.[1];
}

function sameKey(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Wraps Sched handlers: 401 without the API key, 429 past the rate limit, thrown errors as JSON. */
export function createGuard(apiKey: () => string, limiter: RateLimiter) {
  return (handler: RouteHandler): RouteHandler =>
    async (req): Promise<SandboxResponse> => {
      const key = bearer(req);
      if (!key || !sameKey(key, apiKey())) {
        return schedError(
          401,
          'unauthorized',
          'Send the Sched API key as "Authorization: Bearer <api_key>".',
          {
            'www-authenticate': 'Bearer realm="sched"',
          },
        );
      }
      const wait = limiter.take(key);
      if (wait !== undefined) {
        return schedError(429, 'rate_limited', `Too many requests; retry in ${wait} s.`, {
          'retry-after': String(wait),
        });
      }
      try {
        return await handler(req);
      } catch (error) {
        if (error instanceof FieldError) return error.toResponse();
        if (error instanceof ApiFailure) return error.response;
        throw error;
      }
    };
}
