/** A node-cron stand-in: jobs are kept, not timed, and a test fires them by hand (`fire`). */
import type { CronLike } from '../../main/scheduler/scheduler';

interface Job {
  expression: string;
  task: () => void | Promise<void>;
  stopped: boolean;
}

/** Records every scheduled job; `live()` are those not stopped. */
export class FakeCron implements CronLike {
  readonly jobs: Job[] = [];

  schedule(expression: string, task: () => void | Promise<void>) {
    const job: Job = { expression, task, stopped: false };
    this.jobs.push(job);
    return { stop: () => void (job.stopped = true) };
  }

  live(): Job[] {
    return this.jobs.filter((job) => !job.stopped);
  }

  /**
   * Fires every live job once, as the clock would. A job only starts its run (node-cron does not wait for it), so this
   * then yields one macrotask: runs over in-memory fakes are done by then.
   */
  async fire(): Promise<void> {
    await Promise.all(this.live().map((job) => job.task()));
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}
