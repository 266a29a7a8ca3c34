import { describe, expect, it } from 'vitest';
import { createGoogleGate } from '../../main/providers/google';
import { syncWindow } from '../../main/sync';
import { call, useTestSandbox } from '../sandbox/helpers/start-test-sandbox';
import { googleProviderFor, googleRequestsSeen } from '../contract/google-sandbox';

const sandbox = useTestSandbox({ seed: 'empty', google: { quotaPerMinute: 3 } });

describe("Google's per-user quota", () => {
  it('backs off on 403 userRateLimitExceeded until the minute has passed, then succeeds', async () => {
    const box = sandbox();
    // The gate waits on the sandbox's clock, so a minute of backoff takes no real time.
    const gate = createGoogleGate({
      rateLimit: undefined,
      baseDelayMs: 20_000,
      maxAttempts: 6,
      now: () => box.clock.now().getTime(),
      sleep: async (ms) => void box.clock.advance(ms),
      random: () => 0.999,
    });
    const provider = await googleProviderFor(box, { gate });
    const window = syncWindow(box.clock.now().toISOString(), 30, 180, 'UTC');
    await call(`${box.url}/sandbox/stats/reset`, { method: 'POST' });
    const startedAt = box.clock.now().getTime();

    const lists = [];
    for (let i = 0; i < 5; i += 1) lists.push(await provider.listChanges({ cursor: null, window }));

    expect(lists.every((list) => list.full)).toBe(true);
    expect(box.clock.now().getTime() - startedAt).toBeGreaterThanOrEqual(60_000);
    expect(gate.requests).toBeGreaterThan(5);
    expect(gate.requests).toBe(await googleRequestsSeen(box));
  });

  it('paces itself with the client-side limit and never meets the quota', async () => {
    const box = sandbox();
    box.clock.advance(120_000);
    const gate = createGoogleGate({
      rateLimit: { limit: 2, windowMs: 60_000 },
      now: () => box.clock.now().getTime(),
      sleep: async (ms) => void box.clock.advance(ms),
    });
    const provider = await googleProviderFor(box, { gate });
    const window = syncWindow(box.clock.now().toISOString(), 30, 180, 'UTC');
    await call(`${box.url}/sandbox/stats/reset`, { method: 'POST' });

    const startedAt = box.clock.now().getTime();

    for (let i = 0; i < 6; i += 1) await provider.listChanges({ cursor: null, window });

    expect(box.clock.now().getTime() - startedAt).toBeGreaterThanOrEqual(2 * 60_000);

    expect(gate.requests).toBe(6);
    expect(await googleRequestsSeen(box)).toBe(6);
  });
});
