/**
 * One run at a time per connection. A request while a run is in flight waits for it and then gets one more run
 * (requests that pile up meanwhile share that one run), so a manual "Sync now" is never lost and never doubled.
 * At most `maxRunning` runs go at once across all connections; the others wait their turn in request order and
 * count as in flight meanwhile. Each run holds what it read until it ends: 50 first runs at once held three times
 * the headless agent's idle heap, while the accounts' gates let only a few of them send at a time anyway.
 */
export class RunQueue<T> {
  private readonly inFlight = new Map<string, Promise<T>>();
  private readonly queued = new Map<string, Promise<T>>();
  private running = 0;
  private readonly turns: { start: () => void; drop: (error: Error) => void }[] = [];

  constructor(
    private readonly run: (key: string) => Promise<T>,
    private readonly maxRunning = Infinity,
    /** Called when the last run going ends and none waits for a turn, before that run's result is handed on. */
    private readonly whenIdle: () => void = () => undefined,
  ) {}

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

  /** Runs still waiting for their turn never start: each rejects with `error` (on shutdown). */
  dropWaiting(error: Error): void {
    for (const turn of this.turns.splice(0)) turn.drop(error);
  }

  /** Resolves when nothing is running or queued (used on shutdown). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0 || this.queued.size > 0) {
      await Promise.allSettled([...this.inFlight.values(), ...this.queued.values()]);
    }
  }

  private start(key: string): Promise<T> {
    const promise = this.turn()
      .then(async () => {
        try {
          return await this.run(key);
        } finally {
          this.endTurn();
        }
      })
      .finally(() => {
        if (this.inFlight.get(key) === promise) this.inFlight.delete(key);
      });
    this.inFlight.set(key, promise);
    return promise;
  }

  /** Resolves when a run may start (a slot is taken for it). */
  private turn(): Promise<void> {
    if (this.running < this.maxRunning) {
      this.running += 1;
      return Promise.resolve();
    }
    return new Promise((start, drop) => this.turns.push({ start, drop }));
  }

  /** A run ended: its slot goes to the longest waiting run, or is freed. */
  private endTurn(): void {
    const next = this.turns.shift();
    if (next) return next.start();
    this.running -= 1;
    if (this.running > 0) return;
    try {
      this.whenIdle();
    } catch {
      // What is done when the runs go idle must never fail the run that ended.
    }
  }
}
