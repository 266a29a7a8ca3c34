import { describe, expect, it } from 'vitest';
import {
  ConcurrencyLimit,
  RequestGate,
  SlidingWindow,
  googleLimits,
  httpVerdict,
  microsoftLimits,
  type RequestGateOptions,
  type RetryVerdict,
} from '../../../main/providers/gate';

class HttpFailure extends Error {
  constructor(
    readonly status: number,
    readonly retryAfter?: string,
    readonly rateLimited = false,
  ) {
    super(`HTTP ${status}`);
  }
}

function classify(error: unknown, nowMs: number): RetryVerdict {
  const failure = error as HttpFailure;
  return httpVerdict({ ...failure, nowMs });
}

/** A gate on a fake clock: sleeps move the clock and are recorded. */
function fakeGate(options: Partial<RequestGateOptions>) {
  const clock = { now: Date.parse('2026-12-01T12:00:00Z') };
  const sleeps: number[] = [];
  const gate = new RequestGate({
    provider: 'Test Calendar',
    classify,
    now: () => clock.now,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock.now += ms;
    },
    random: () => 0.5,
    ...options,
  });
  return { gate, clock, sleeps };
}

describe('SlidingWindow', () => {
  it('admits the limit at once, then one more as each admission leaves the window', () => {
    const clock = { now: 0 };
    const window = new SlidingWindow({ limit: 3, windowMs: 1000 }, () => clock.now);

    expect([window.tryTake(), window.tryTake()]).toEqual([0, 0]);
    clock.now = 400;
    expect(window.tryTake()).toBe(0);
    expect(window.tryTake()).toBe(600);
    clock.now = 1000;
    expect([window.tryTake(), window.tryTake()]).toEqual([0, 0]);
    expect(window.tryTake()).toBe(400);
    expect(window.used).toBe(3);
  });

  it('admits a quarter less after "too fast", never below one, and grows back one per success', () => {
    const window = new SlidingWindow({ limit: 10, windowMs: 1000 }, () => 0);

    window.slowDown();
    expect(window.allowedNow).toBe(7);
    for (let i = 0; i < 6; i += 1) window.slowDown();
    expect(window.allowedNow).toBe(1);
    for (let i = 0; i < 20; i += 1) window.recover();
    expect(window.allowedNow).toBe(10);
  });

  it('counts a batch as the requests in it', () => {
    const clock = { now: 0 };
    const window = new SlidingWindow({ limit: 50, windowMs: 1000 }, () => clock.now);

    expect([window.tryTake(20), window.tryTake(20)]).toEqual([0, 0]);
    clock.now = 300;
    expect(window.tryTake(20)).toBe(700);
    expect(window.tryTake(10)).toBe(0);
    expect(window.used).toBe(50);
  });

  it('refuses a limit below one', () => {
    expect(() => new SlidingWindow({ limit: 0, windowMs: 1000 }, () => 0)).toThrow(RangeError);
  });
});

describe("Google's limit: 600 per user per sliding minute, with a margin", () => {
  it('sends 151 requests without waiting at all', async () => {
    const { gate, sleeps } = fakeGate(googleLimits);

    for (let i = 0; i < 151; i += 1) await gate.run(async () => 'ok');

    expect(sleeps).toEqual([]);
    expect(gate.requests).toBe(151);
  });

  it('sends 570 in the first minute and the 571st when the first leaves the window', async () => {
    const { gate, clock, sleeps } = fakeGate(googleLimits);
    const t0 = clock.now;
    const started: number[] = [];

    for (let i = 0; i < 571; i += 1) await gate.run(async () => started.push(clock.now - t0));

    expect(started.filter((t) => t < 60_000)).toHaveLength(570);
    expect(started[570]).toBe(60_000);
    expect(sleeps).toEqual([60_000]);
  });

  it('never has more than 600 in any minute over three minutes of requests', async () => {
    const { gate, clock } = fakeGate(googleLimits);
    const started: number[] = [];

    for (let i = 0; i < 1500; i += 1) {
      await gate.run(async () => started.push(clock.now));
      clock.now += 10;
    }

    const most = Math.max(...started.map((t) => started.filter((u) => u >= t && u < t + 60_000).length));
    expect(most).toBe(570);
  });
});

describe("Graph's limits: 4 concurrent and 10,000 per 10 minutes per mailbox", () => {
  it('sends 9,500 in ten minutes, then waits for the window', async () => {
    const { gate, clock, sleeps } = fakeGate(microsoftLimits);
    const t0 = clock.now;

    for (let i = 0; i < 9_501; i += 1) await gate.run(async () => 'ok');

    expect(sleeps).toEqual([600_000]);
    expect(clock.now - t0).toBe(600_000);
    expect(gate.requests).toBe(9_501);
  });

  it('keeps four in flight and no more', async () => {
    const { gate } = fakeGate(microsoftLimits);
    let inFlight = 0;
    let most = 0;
    const releases: (() => void)[] = [];
    const request = () =>
      new Promise<void>((resolve) => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        releases.push(() => {
          inFlight -= 1;
          resolve();
        });
      });

    const all = Promise.all(Array.from({ length: 10 }, () => gate.run(request)));
    for (let done = 0; done < 10; done += 1) {
      await new Promise((resolve) => setImmediate(resolve));
      releases.shift()!();
    }
    await all;

    expect(most).toBe(4);
    expect(gate.requests).toBe(10);
  });
});

describe('Slowing down when the service says "too fast"', () => {
  it('halves the cap after a 429 and waits its Retry-After, which is the slowdown for the window', async () => {
    const { gate, clock, sleeps } = fakeGate(microsoftLimits);
    const answers = [new HttpFailure(429, '2')];

    await gate.run(async () => {
      const failure = answers.shift();
      if (failure) throw failure;
      return 'ok';
    });

    expect(sleeps).toEqual([2000]);
    // One success since: the cap needs two successes to grow back.
    expect(gate.pace).toEqual({ perWindow: 9500, concurrent: 2 });
    expect(clock.now).toBeGreaterThan(0);
  });

  it("slows down on Google's 403 rateLimitExceeded as on a 429", async () => {
    const { gate } = fakeGate({ ...googleLimits, baseDelayMs: 100 });
    const answers = [new HttpFailure(403, undefined, true), new HttpFailure(403, undefined, true)];

    await gate.run(async () => {
      const failure = answers.shift();
      if (failure) throw failure;
      return 'ok';
    });

    expect(gate.requests).toBe(3);
    // 570 · 3/4 · 3/4, then one success.
    expect(gate.pace.perWindow).toBe(321);
  });

  it('does not slow down for a plain 500', async () => {
    const { gate } = fakeGate(googleLimits);
    const answers = [new HttpFailure(500)];

    await gate.run(async () => {
      const failure = answers.shift();
      if (failure) throw failure;
      return 'ok';
    });

    expect(gate.pace.perWindow).toBe(570);
  });

  it('grows the cap back by one after a cap of successes', async () => {
    const limit = new ConcurrencyLimit(4);
    limit.slowDown();
    expect(limit.allowedNow).toBe(2);

    limit.recover();
    expect(limit.allowedNow).toBe(2);
    limit.recover();
    expect(limit.allowedNow).toBe(3);
    for (let i = 0; i < 3; i += 1) limit.recover();
    expect(limit.allowedNow).toBe(4);
  });
});
