/**
 * A token bucket for client-side rate limits (SYNC.md, "Being a good API citizen": Google 600 requests per minute
 * per user). Tokens refill continuously, so a quiet account can burst up to `burst` and then runs at the steady rate.
 */

/** A steady rate: `limit` requests per `intervalMs`, with bursts of at most `burst` (default `limit`). */
export interface RateLimit {
  limit: number;
  intervalMs: number;
  burst?: number;
}

/** Tokens for one account, on an injected clock. */
export class TokenBucket {
  private readonly capacity: number;
  private readonly perMs: number;
  private tokens: number;
  private lastMs: number;

  constructor(
    limit: RateLimit,
    private readonly now: () => number,
  ) {
    if (!(limit.limit > 0) || !(limit.intervalMs > 0)) {
      throw new RangeError('A rate limit needs a positive limit and interval.');
    }
    this.capacity = Math.max(1, limit.burst ?? limit.limit);
    this.perMs = limit.limit / limit.intervalMs;
    this.tokens = this.capacity;
    this.lastMs = now();
  }

  /** Takes a token when one is there and returns 0; otherwise takes nothing and returns the wait until one is. */
  tryTake(): number {
    this.refill();
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - this.tokens) / this.perMs);
  }

  private refill(): void {
    const nowMs = this.now();
    if (nowMs > this.lastMs) {
      this.tokens = Math.min(this.capacity, this.tokens + (nowMs - this.lastMs) * this.perMs);
      this.lastMs = nowMs;
    }
  }
}
