/**
 * Runs syncs on a schedule (node-cron per connection, from `sync_frequency`) and on the triggers the desktop shell
 * reports (start-up, resume from sleep, screen unlock, network back). One run at a time per connection: a scheduled
 * tick while a run is in flight is skipped, a manual run is queued behind it (RunQueue), and at most
 * `maxRunsAtOnce` connections run at the same time.
 */
import { RunQueue } from './run-queue';
import { cronFor, type SyncFrequency } from './cron-expression';

export type RunReason = 'schedule' | 'manual' | 'startup' | 'resume' | 'unlock' | 'online';

/** The subset of node-cron the scheduler uses (a fake in unit tests, node-cron in the app). */
export interface CronLike {
  schedule(expression: string, task: () => void | Promise<void>): { stop(): void | Promise<void> };
}

export interface ScheduledConnection {
  calendar_id: string;
  sync_frequency: SyncFrequency;
  /** Paused, disconnected, reauth_required or needs_review connections are not run by triggers or the clock. */
  runnable: boolean;
}

/** Connections that may run at once (run-queue.ts); the rest wait their turn. */
export const maxRunsAtOnce = 8;

/** A run asked for that was still waiting for its turn when the agent stopped. */
export class RunNotStartedError extends Error {
  constructor() {
    super('The agent stopped before this run started; it runs at the next start.');
    this.name = 'RunNotStartedError';
  }
}

export interface SchedulerOptions<T> {
  cron: CronLike;
  /** `maxRunsAtOnce` unless given. */
  maxRunning?: number;
  /** Runs one connection; errors are the caller's to record (the scheduler only keeps runs apart). */
  run(calendarId: string, reason: RunReason): Promise<T>;
}

/** The sync scheduler. */
export class Scheduler<T> {
  private readonly jobs = new Map<string, { expression: string; stop(): void | Promise<void> }>();
  private connections: ScheduledConnection[] = [];
  private lastReason = new Map<string, RunReason>();
  private readonly queue: RunQueue<T>;
  private readonly idleListeners = new Set<() => void>();

  constructor(private readonly options: SchedulerOptions<T>) {
    this.queue = new RunQueue(
      (key) => this.options.run(key, this.lastReason.get(key) ?? 'manual'),
      options.maxRunning ?? maxRunsAtOnce,
      () => {
        for (const listener of this.idleListeners) listener();
      },
    );
  }

  /**
   * Calls `listener` each time the last run going ends and no other waits for its turn, before that run's result
   * is handed on; returns the unsubscribe.
   */
  onIdle(listener: () => void): () => void {
    this.idleListeners.add(listener);
    return () => this.idleListeners.delete(listener);
  }

  /** Replaces the set of scheduled connections; unchanged schedules keep their jobs. */
  update(connections: ScheduledConnection[]): void {
    this.connections = connections;
    const wanted = new Map<string, string>();
    for (const c of connections) {
      const expression = c.runnable ? cronFor(c.sync_frequency, c.calendar_id) : null;
      if (expression) wanted.set(c.calendar_id, expression);
    }
    for (const [id, job] of this.jobs) {
      if (wanted.get(id) !== job.expression) {
        void job.stop();
        this.jobs.delete(id);
      }
    }
    for (const [id, expression] of wanted) {
      if (this.jobs.has(id)) continue;
      const task = this.options.cron.schedule(expression, () => this.tick(id));
      this.jobs.set(id, { expression, stop: () => task.stop() });
    }
  }

  /** A run requested by a person (tray, UI, CLI): queued behind a run in flight. */
  runNow(calendarId: string): Promise<T> {
    return this.request(calendarId, 'manual');
  }

  /** Start-up, resume, unlock or network back: every runnable connection runs once. */
  trigger(reason: Exclude<RunReason, 'schedule' | 'manual'>): Promise<PromiseSettledResult<T>[]> {
    const ids = this.connections.filter((c) => c.runnable).map((c) => c.calendar_id);
    return Promise.allSettled(
      ids.map((id) => (this.queue.busy(id) ? this.queue.request(id) : this.request(id, reason))),
    );
  }

  /** The cron expressions in force, by calendar id (shown in diagnostics and tests). */
  schedules(): Record<string, string> {
    return Object.fromEntries([...this.jobs].map(([id, job]) => [id, job.expression]));
  }

  /** Stops every job and waits for runs in flight to finish; runs still waiting for their turn never start. */
  async stop(): Promise<void> {
    for (const job of this.jobs.values()) await job.stop();
    this.jobs.clear();
    this.queue.dropWaiting(new RunNotStartedError());
    await this.queue.idle();
  }

  private tick(calendarId: string): void {
    if (this.queue.busy(calendarId)) return; // no overlap: the next tick comes soon enough
    void this.request(calendarId, 'schedule').catch(() => undefined);
  }

  private request(calendarId: string, reason: RunReason): Promise<T> {
    this.lastReason.set(calendarId, reason);
    return this.queue.request(calendarId);
  }
}
