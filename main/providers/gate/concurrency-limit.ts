/**
 * At most `max` requests in flight per account (Graph allows 4 concurrent requests per mailbox); the rest queue
 * in arrival order so no caller starves.
 */

/** A counting semaphore with a FIFO queue. */
export class ConcurrencyLimit {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly max: number) {
    if (!(max >= 1)) throw new RangeError('A concurrency limit must allow at least one request.');
  }

  /** Requests in flight now. */
  get inFlight(): number {
    return this.active;
  }

  /** Waits for a free slot and takes it; call `release` exactly once afterwards. */
  async acquire(): Promise<void> {
    if (this.active < this.max) {
      this.active += 1;
      return;
    }
    // The releasing caller hands its slot straight to the next in line, so `active` never dips in between.
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  /** Frees a slot, or passes it to the longest waiter. */
  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active = Math.max(0, this.active - 1);
  }
}
