/**
 * One run at a time per connection. A request while a run is in flight waits for it and then gets one more run
 * (requests that pile up meanwhile share that one run), so a manual "Sync now" is never lost and never doubled.
 */
export class RunQueue<T> {
  private readonly inFlight = new Map<string, Promise<T>>();
  private readonly queued = new Map<string, Promise<T>>();

  constructor(private readonly run: (key: string) => Promise<T>) {}

  /** Whether a run of this key is in flight. */
  busy(key: string): boolean {
    return this.inFlight.has(key);
  }

  /** Runs now, or after the run in flight; concurrent callers waiting behind the same run share its result. */
  request(key: string): Promise<T> {
    const current = this.inFlight.get(key);
    if (!current) return this.start(key);
    const waiting = this.queued.get(key);
    if (waiting) return waiting;
    const next = current
      .catch(() => undefined)
      .then(() => {
        this.queued.delete(key);
        return this.start(key);
      });
    this.queued.set(key, next);
    return next;
  }

  /** Resolves when nothing is running or queued (used on shutdown). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0 || this.queued.size > 0) {
      await Promise.allSettled([...this.inFlight.values(), ...this.queued.values()]);
    }
  }

  private start(key: string): Promise<T> {
    const promise = this.run(key).finally(() => {
      if (this.inFlight.get(key) === promise) this.inFlight.delete(key);
    });
    this.inFlight.set(key, promise);
    return promise;
  }
}
