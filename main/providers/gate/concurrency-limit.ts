/**
 * At most `max` requests in flight per account (Graph allows 4 concurrent requests per mailbox); the rest queue
 * in arrival order so no caller starves. After a "too fast" answer the cap halves, and it grows back by one after
 * each cap's worth of successes, up to `max`.
 */

/** A counting semaphore with a FIFO queue and a cap that adapts to throttling. */
export class ConcurrencyLimit {
  private active = 0;
  private cap: number;
  private successes = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly max: number) {
    if (!(max >= 1)) throw new RangeError('A concurrency limit must allow at least one request.');
    this.cap = Math.floor(max);
  }

  /** Requests in flight now. */
  get inFlight(): number {
    return this.active;
  }

  /** Requests allowed in flight now (`max`, or less after throttling). */
  get allowedNow(): number {
    return this.cap;
  }

  /** Waits for a free slot and takes it; call `release` exactly once afterwards. */
  async acquire(): Promise<void> {
    if (this.active < this.cap) {
      this.active += 1;
      return;
    }
    // The releasing caller hands its slot straight to the next in line, so `active` never dips in between.
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  /** Frees a slot, or passes it to the longest waiter while the cap allows. */
  release(): void {
    if (this.active <= this.cap) {
      const next = this.waiting.shift();
      if (next) return next();
    }
    this.active = Math.max(0, this.active - 1);
  }

  /** The service said "too fast": halve the cap (never below one); requests in flight finish as they are. */
  slowDown(): void {
    this.cap = Math.max(1, Math.floor(this.cap / 2));
    this.successes = 0;
  }

  /** A request went through; after a cap's worth of them the cap grows by one, waking a waiter. */
  recover(): void {
    if (this.cap >= this.max) return;
    this.successes += 1;
    if (this.successes < this.cap) return;
    this.successes = 0;
    this.cap += 1;
    while (this.active < this.cap && this.waiting.length > 0) {
      this.active += 1;
      this.waiting.shift()!();
    }
  }
}
