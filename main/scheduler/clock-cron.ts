/**
 * Cron on the agent's clock (shared/SYNC.md, "Time in Sandbox mode"): node-cron counts the system clock, so a sandbox
 * clock moved forward would never bring a scheduled run. Each job keeps its next due time on the agent's clock; one
 * timer wakes at the earliest of them, and at least every `checkEveryMs`, to read the clock again (in Sandbox mode a
 * local `GET /sandbox/clock`) and start every job that is due by then, once, however many periods the clock skipped.
 */
import type { CronLike } from './scheduler';
import { nextDue, parseCron, type CronFields } from './cron-next';

/** The clock the jobs follow: the agent's (AgentClock). */
export interface FollowedClock {
  now(): Date;
  /** Reads the followed clock again (the sandbox's); absent for the system clock. */
  refresh?(): Promise<void>;
}

export interface ClockCronOptions {
  /** How long the timer sleeps at most, so that a moved clock is seen soon (default one minute). */
  checkEveryMs?: number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

interface Job {
  fields: CronFields;
  due: Date;
  task: () => void | Promise<void>;
}

/** A `CronLike` whose jobs fall due by the agent's clock. */
export class ClockCron implements CronLike {
  private readonly jobs = new Set<Job>();
  private timer: unknown = null;
  private readonly checkEveryMs: number;
  private readonly setTimer: (run: () => void, ms: number) => unknown;
  private readonly clearTimer: (timer: unknown) => void;

  constructor(
    private readonly clock: FollowedClock,
    options: ClockCronOptions = {},
  ) {
    this.checkEveryMs = options.checkEveryMs ?? 60_000;
    this.setTimer =
      options.setTimer ??
      ((run, ms) => {
        const timer = setTimeout(run, ms);
        // The agent's server keeps the process alive; a schedule alone must not.
        timer.unref();
        return timer;
      });
    this.clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as NodeJS.Timeout));
  }

  schedule(expression: string, task: () => void | Promise<void>) {
    const fields = parseCron(expression);
    const job: Job = { fields, due: nextDue(fields, this.clock.now()), task };
    this.jobs.add(job);
    this.arm();
    return {
      stop: () => {
        this.jobs.delete(job);
        this.arm();
      },
    };
  }

  /** Reads the clock again and starts the jobs due by now (the timer calls it; a test may too). */
  async wake(): Promise<void> {
    await this.clock.refresh?.();
    const now = this.clock.now();
    for (const job of [...this.jobs]) {
      if (job.due.getTime() > now.getTime()) continue;
      job.due = nextDue(job.fields, now);
      // As node-cron does: the job is started, not waited for (the scheduler keeps runs apart).
      void Promise.resolve()
        .then(job.task)
        .catch(() => undefined);
    }
    this.arm();
  }

  private arm(): void {
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
    if (this.jobs.size === 0) return;
    const now = this.clock.now().getTime();
    const earliest = Math.min(...[...this.jobs].map((job) => job.due.getTime()));
    const delay = Math.min(Math.max(earliest - now, 0), this.checkEveryMs);
    this.timer = this.setTimer(() => {
      this.timer = null;
      void this.wake();
    }, delay);
  }
}
