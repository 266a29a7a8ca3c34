import { describe, expect, it } from 'vitest';
import {
  RequestGate,
  ServiceUnavailableError,
  connectionVerdict,
  httpVerdict,
  type RequestGateOptions,
  type RetryVerdict,
} from '../../../main/providers/gate';
import { RateLimitError } from '../../../main/providers/port';

/** What a fake server answers: a status with optional Retry-After, a dropped connection, or success. */
class HttpFailure extends Error {
  constructor(
    readonly status: number,
    readonly retryAfter?: string,
  ) {
    super(`HTTP ${status}`);
  }
}

function resetError(): Error {
  return Object.assign(new Error('request failed, reason: socket hang up'), { code: 'ECONNRESET' });
}

function classify(error: unknown, nowMs: number): RetryVerdict {
  if (error instanceof HttpFailure) {
    return httpVerdict({ status: error.status, retryAfter: error.retryAfter, nowMs });
  }
  return connectionVerdict(error);
}

/** A gate on a fake clock whose sleeps move time and are recorded. */
function fakeGate(options: Partial<RequestGateOptions> = {}) {
  const clock = { now: Date.parse('2025-03-05T12:00:00Z') };
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

/** A request that fails with the given errors in turn, then answers `ok`. */
function scripted(...failures: Error[]) {
  const calls: number[] = [];
  return {
    calls,
    attempt: (clock: { now: number }) => async () => {
      calls.push(clock.now);
      const failure = failures.shift();
      if (failure) throw failure;
      return 'ok';
    },
  };
}

describe('RequestGate retries', () => {
  it('retries a 429 and returns the answer that follows', async () => {
    const { gate, clock } = fakeGate();
    const server = scripted(new HttpFailure(429));

    const result = await gate.run(server.attempt(clock));

    expect(result).toBe('ok');
    expect(gate.requests).toBe(2);
  });

  it('waits exactly the seconds Retry-After asks for', async () => {
    const { gate, clock, sleeps } = fakeGate();
    const server = scripted(new HttpFailure(429, '3'));

    await gate.run(server.attempt(clock));

    expect(sleeps).toEqual([3000]);
    expect(server.calls[1]! - server.calls[0]!).toBe(3000);
  });

  it('waits until the HTTP date Retry-After names', async () => {
    const { gate, clock } = fakeGate();
    const at = new Date(clock.now + 7000).toUTCString();
    const server = scripted(new HttpFailure(503, at));

    await gate.run(server.attempt(clock));

    expect(server.calls[1]! - server.calls[0]!).toBe(7000);
  });

  it('backs off exponentially with full jitter on 5xx without Retry-After', async () => {
    const { gate, clock, sleeps } = fakeGate({ baseDelayMs: 1000, maxDelayMs: 3000 });
    const server = scripted(new HttpFailure(500), new HttpFailure(502), new HttpFailure(503));

    await gate.run(server.attempt(clock));

    // random() = 0.5 of the ceilings 1000, 2000, then 4000 capped at 3000.
    expect(sleeps).toEqual([500, 1000, 1500]);
  });

  it('retries a connection reset', async () => {
    const { gate, clock } = fakeGate();
    const server = scripted(resetError(), resetError());

    const result = await gate.run(server.attempt(clock));

    expect(result).toBe('ok');
    expect(gate.requests).toBe(3);
  });

  it('hands back a failure the classifier does not retry after one request', async () => {
    const { gate, clock } = fakeGate();
    const server = scripted(new HttpFailure(400));

    await expect(gate.run(server.attempt(clock))).rejects.toMatchObject({ status: 400 });
    expect(gate.requests).toBe(1);
  });
});

describe('RequestGate giving up', () => {
  it('throws RateLimitError once the attempts run out on rate limits', async () => {
    const { gate, clock } = fakeGate({ maxAttempts: 3 });
    const server = scripted(new HttpFailure(429, '1'), new HttpFailure(429, '1'), new HttpFailure(429, '2'));

    const failure = gate.run(server.attempt(clock));

    await expect(failure).rejects.toBeInstanceOf(RateLimitError);
    await expect(failure).rejects.toMatchObject({ retryAfterMs: 2000 });
    expect(gate.requests).toBe(3);
  });

  it('surfaces a server that stays down as a readable error naming the status', async () => {
    const { gate, clock } = fakeGate({ maxAttempts: 4 });
    const server = scripted(...Array.from({ length: 4 }, () => new HttpFailure(503)));

    const failure = gate.run(server.attempt(clock));

    await expect(failure).rejects.toBeInstanceOf(ServiceUnavailableError);
    await expect(failure).rejects.toThrow(
      'Test Calendar kept failing (HTTP 503) after 4 attempts; syncing resumes on the next run.',
    );
  });

  it('gives up at once when Retry-After asks for longer than it will wait', async () => {
    const { gate, clock, sleeps } = fakeGate({ maxRetryAfterMs: 60_000 });
    const server = scripted(new HttpFailure(429, '3600'));

    await expect(gate.run(server.attempt(clock))).rejects.toMatchObject({
      code: 'rate_limited',
      retryAfterMs: 3_600_000,
    });
    expect(sleeps).toEqual([]);
    expect(gate.requests).toBe(1);
  });
});

describe('RequestGate pacing', () => {
  it('sends a whole window at once and then waits only for the oldest to leave it', async () => {
    const { gate, clock } = fakeGate({ rateLimit: { limit: 2, windowMs: 1000 } });
    const started: number[] = [];

    for (let i = 0; i < 5; i += 1) {
      await gate.run(async () => started.push(clock.now));
    }

    const t0 = started[0]!;
    expect(started.map((t) => t - t0)).toEqual([0, 0, 1000, 1000, 2000]);
  });

  it('makes every request wait out a Retry-After, not only the refused one', async () => {
    const { gate, clock } = fakeGate();
    const server = scripted(new HttpFailure(429, '5'));
    const before = clock.now;

    await gate.run(server.attempt(clock));
    let laterStartedAt = 0;
    await gate.run(async () => (laterStartedAt = clock.now));

    expect(laterStartedAt - before).toBeGreaterThanOrEqual(5000);
  });

  it('keeps at most the cap of requests in flight', async () => {
    const gate = new RequestGate({ provider: 'Test', classify, maxConcurrent: 4 });
    let inFlight = 0;
    let most = 0;
    const request = async () => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight -= 1;
    };

    await Promise.all(Array.from({ length: 12 }, () => gate.run(request)));

    expect(most).toBe(4);
    expect(gate.requests).toBe(12);
  });
});

describe('RequestGate counter', () => {
  it('counts every attempt and starts again from zero when read out', async () => {
    const { gate, clock } = fakeGate();
    await gate.run(scripted(new HttpFailure(503), new HttpFailure(429)).attempt(clock));
    await gate.run(scripted().attempt(clock));

    const counted = gate.resetRequests();

    expect(counted).toBe(4);
    expect(gate.requests).toBe(0);
  });
});
