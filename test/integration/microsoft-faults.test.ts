import { beforeEach, describe, expect, it } from 'vitest';
import { createMicrosoftGate, type GraphCalendarProvider } from '../../main/providers/microsoft';
import type { ItemFields } from '../../main/sync';
import { syncWindow } from '../../main/sync';
import { call, useTestSandbox, type TestSandbox } from '../sandbox/helpers/start-test-sandbox';
import { armMicrosoftFault, graphProviderFor, microsoftRequestsSeen } from '../contract/microsoft-sandbox';

const sandbox = useTestSandbox({ seed: 'demo' });

function slot(box: TestSandbox, index: number, title: string): ItemFields {
  const startMs = Date.parse(box.clock.now().toISOString()) + (2 + index) * 86_400_000;
  return {
    title,
    description: 'Written through faults',
    location: 'Room 2',
    start: { kind: 'instant', utc: new Date(startMs).toISOString(), zone: 'Europe/Berlin' },
    end: { kind: 'instant', utc: new Date(startMs + 3_600_000).toISOString(), zone: 'Europe/Berlin' },
  };
}

/** A full read, three creates (tagged, so the next list reads them whole in a $batch), an update and a list. */
async function workload(box: TestSandbox, provider: GraphCalendarProvider, run: string): Promise<string[]> {
  const window = syncWindow(box.clock.now().toISOString(), 30, 180, 'UTC');
  const full = await provider.listChanges({ cursor: null, window });
  const created = [];
  for (let i = 0; i < 3; i += 1) {
    created.push(
      await provider.create({
        fields: slot(box, i, `${run} booking ${i}`),
        idempotencyKey: `${run}:${i}`,
        tags: { bookingId: `${run}-b${i}`, connectionId: 'faults' },
      }),
    );
  }
  await provider.update(
    created[0]!.id,
    { ...slot(box, 0, `${run} booking 0, renamed`) },
    { ifMatch: created[0]!.version },
  );
  const changes = await provider.listChanges({ cursor: full.nextCursor, window });
  return changes.items
    .filter((item) => item.tags?.connectionId === 'faults')
    .map((item) => item.title)
    .sort();
}

describe('Graph adapter under injected faults', () => {
  beforeEach(async () => {
    await call(`${sandbox().url}/sandbox/faults`, { method: 'DELETE' });
    await call(`${sandbox().url}/sandbox/stats/reset`, { method: 'POST' });
  });

  it('rides out a 429 storm, honouring Retry-After, and counts every request the service saw', async () => {
    const box = sandbox();
    const provider = await graphProviderFor(box, {
      gate: createMicrosoftGate({ maxAttempts: 8, baseDelayMs: 10 }),
    });
    const before = await microsoftRequestsSeen(box);
    await armMicrosoftFault(box, { status: 429, count: 4, retry_after: 1 });
    const started = Date.now();

    const titles = await workload(box, provider, 'storm');
    const elapsed = Date.now() - started;

    expect(titles).toEqual(['storm booking 0, renamed', 'storm booking 1', 'storm booking 2']);
    const seen = (await microsoftRequestsSeen(box)) - before;
    expect(provider.requestCount()).toBe(seen);
    expect(seen).toBeGreaterThanOrEqual(4 + 6);
    expect(elapsed).toBeGreaterThanOrEqual(4 * 1000);
  });

  it('succeeds with 503 on 30% of calls, with request counts equal to the service stats', async () => {
    const box = sandbox();
    const provider = await graphProviderFor(box, {
      gate: createMicrosoftGate({ maxAttempts: 12, baseDelayMs: 5, maxDelayMs: 40 }),
    });
    const before = await microsoftRequestsSeen(box);
    await armMicrosoftFault(box, { status: 503, rate: 0.3, retry_after: 0 });

    const titles = await workload(box, provider, 'flaky');

    expect(titles).toEqual(['flaky booking 0, renamed', 'flaky booking 1', 'flaky booking 2']);
    expect(provider.requestCount()).toBe((await microsoftRequestsSeen(box)) - before);
  });

  it('retries dropped connections without making a second copy of a create', async () => {
    const box = sandbox();
    const provider = await graphProviderFor(box, {
      gate: createMicrosoftGate({ maxAttempts: 8, baseDelayMs: 5 }),
    });
    const before = await microsoftRequestsSeen(box);
    await armMicrosoftFault(box, { status: 'reset', count: 3 });

    const titles = await workload(box, provider, 'reset');

    expect(titles).toEqual(['reset booking 0, renamed', 'reset booking 1', 'reset booking 2']);
    expect(provider.requestCount()).toBe((await microsoftRequestsSeen(box)) - before);
  });
});
