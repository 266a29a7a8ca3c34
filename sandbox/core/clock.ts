/** The sandbox clock: real time plus an offset a test can move forward (`POST /sandbox/clock`). */
export class SandboxClock {
  private offsetMs = 0;

  constructor(private readonly realNow: () => number = Date.now) {}

  /** The sandbox's current time. */
  now(): Date {
    return new Date(this.realNow() + this.offsetMs);
  }

  /** Moves the clock forward (or back, with a negative amount). */
  advance(ms: number): Date {
    this.offsetMs += ms;
    return this.now();
  }
}
