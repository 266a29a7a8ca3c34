/**
 * The agent's clock (shared/SYNC.md, "Time in Sandbox mode"): the system clock in live mode; in Sandbox mode the
 * sandbox's, so a demo or a test that lets days pass moves the agent's windows and run stamps too. The sandbox's
 * time is asked for (`GET /sandbox/clock`, a local call its request stats do not count) when the agent starts and
 * before each run or preview, and kept as an offset from the system clock, so reading the time stays synchronous.
 */

/** Where the agent's time comes from besides the system clock: null for the system clock alone. */
export type ClockSource = () => Promise<Date>;

/** The system clock plus the offset of the clock being followed. */
export class AgentClock {
  private offsetMs = 0;
  private source: ClockSource | null = null;

  constructor(private readonly systemNow: () => number = Date.now) {}

  /** The agent's current time. */
  now(): Date {
    return new Date(this.systemNow() + this.offsetMs);
  }

  /** Follows `source` from now on (Sandbox mode), or the system clock alone (`null`, live mode). */
  follow(source: ClockSource | null): void {
    this.source = source;
    if (!source) this.offsetMs = 0;
  }

  /** Reads the followed clock again; when it cannot be read, the last offset stays (the sandbox is down anyway). */
  async refresh(): Promise<void> {
    if (!this.source) return;
    try {
      const remote = await this.source();
      if (!Number.isNaN(remote.getTime())) this.offsetMs = remote.getTime() - this.systemNow();
    } catch {
      // A run against a sandbox that does not answer fails on its own, with a message that says so.
    }
  }
}

/** The clock of the sandbox at `url` (shared/API.md §4, `GET /sandbox/clock` → `{now}`). */
export function sandboxClock(url: string): ClockSource {
  return async () => {
    const response = await fetch(new URL('/sandbox/clock', url));
    if (!response.ok) throw new Error(`The sandbox answered ${response.status} to /sandbox/clock.`);
    const body = (await response.json()) as { now?: unknown };
    return new Date(typeof body.now === 'string' ? body.now : Number.NaN);
  };
}
