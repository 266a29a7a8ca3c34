/**
 * A sliding-window rate limit: at most `limit` requests in any `windowMs`, the way Google counts its 600 queries per
 * user per minute and Graph its 10,000 per 10 minutes per mailbox. Unlike a token bucket it lets a quiet account
 * send a whole window's worth at once, and waits only when the window is really full. The allowed count shrinks
 * by a quarter when the service says "too fast" and grows back one request per success (additive increase,
 * multiplicative decrease), so an account whose quota others also use settles below what they leave. A quarter,
 * not half: the window already holds what was sent, and a deep cut would stall the account for a whole window.
 */

/** At most `limit` requests in any `windowMs`. */
export interface RateLimit {
  limit: number;
  windowMs: number;
}

/** Admission times of one account's requests, on an injected clock. */
export class SlidingWindow {
  /** Admission times, oldest first; entries before `head` have left the window. */
  private stamps: number[] = [];
  private head = 0;
  private allowed: number;

  constructor(
    readonly rate: RateLimit,
    private readonly now: () => number,
  ) {
    if (!(rate.limit >= 1) || !(rate.windowMs > 0)) {
      throw new RangeError('A rate limit needs a limit of at least 1 and a positive window.');
    }
    this.allowed = Math.floor(rate.limit);
  }

  /** Requests the window admits now (the limit, or less after "too fast" answers). */
  get allowedNow(): number {
    return this.allowed;
  }

  /** Requests admitted in the window ending now. */
  get used(): number {
    this.expire();
    return this.stamps.length - this.head;
  }

  /**
   * Admits `cost` requests (a Graph `$batch` of 20 counts 20) and returns 0 when the window has room for them;
   * otherwise admits nothing and returns the wait until it has.
   */
  tryTake(cost = 1): number {
    this.expire();
    const need = Math.min(Math.max(1, Math.floor(cost)), this.allowed);
    const inWindow = this.stamps.length - this.head;
    if (inWindow + need <= this.allowed) {
      const at = this.now();
      for (let i = 0; i < need; i += 1) this.stamps.push(at);
      return 0;
    }
    // Room opens when enough of the oldest admissions leave the window to bring it to `allowed - need`.
    const freeing = this.stamps[this.head + inWindow + need - this.allowed - 1]!;
    return Math.max(1, freeing + this.rate.windowMs - this.now());
  }

  /** The service said "too fast": admit a quarter less (never below one). */
  slowDown(): void {
    this.allowed = Math.max(1, Math.floor(this.allowed * 0.75));
  }

  /** A request went through: admit one more, up to the limit. */
  recover(): void {
    if (this.allowed < this.rate.limit) this.allowed += 1;
  }

  private expire(): void {
    const cutoff = this.now() - this.rate.windowMs;
    while (this.head < this.stamps.length && this.stamps[this.head]! <= cutoff) this.head += 1;
    // Compact now and then so the array holds about one window of stamps.
    if (this.head > 1024 && this.head * 2 > this.stamps.length) {
      this.stamps = this.stamps.slice(this.head);
      this.head = 0;
    }
  }
}
