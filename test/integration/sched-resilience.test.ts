import { afterEach, describe, expect, it } from 'vitest';
import { ServiceUnavailableError } from '../../main/providers/gate';
import { RateLimitError } from '../../main/providers/port';
import type { SchedCalendarProvider } from '../../main/providers/sched';
import type { ItemFields } from '../../main/sync';
import { call, useTestSandbox } from '../sandbox/helpers/start-test-sandbox';
import {
  armSchedFault,
  quickSchedGate,
  schedProviderFor,
  schedRequestsSeen,
  windowAt,
} from '../contract/sched-sandbox';

const sandbox = useTestSandbox({ seed: 'empty' });
const run = Date.now().toString(36);
let slot = 0;

/** A one-hour booking in a slot no other test of this file uses. */
function booking(title: string): ItemFields {
  slot += 1;
  const startMs = Date.parse(windowAt(sandbox()).start) + 2 * 86_400_000 + slot * 2 * 3_600_000;
  return {
    title: `${title} ${run}`,
    description: '',
    location: '',
    start: { kind: 'instant', utc: new Date(startMs).toISOString(), zone: 'Europe/London' },
    end: { kind: 'instant', utc: new Date(startMs + 3_600_000).toISOString(), zone: 'Europe/London' },
  };
}

/** Starts counting from zero on both sides: the sandbox's stats and the provider's own counter. */
async function countFromHere(provider: SchedCalendarProvider): Promise<() => number> {
  await call(`${sandbox().url}/sandbox/stats/reset`, { method: 'POST' });
  const baseline = provider.requestCount();
  return () => provider.requestCount() - baseline;
}

afterEach(async () => {
  await call(`${sandbox().url}/sandbox/faults`, { method: 'DELETE' });
});

describe('Sched adapter against the sandbox: faults', () => {
  it('rides out a 429 storm and counts every attempt as the sandbox does', async () => {
    const provider = await schedProviderFor(sandbox());
    const sent = await countFromHere(provider);
    await armSchedFault(sandbox(), { status: 429, count: 3, retry_after: 0 });

    const created = await provider.create({ fields: booking('Storm'), idempotencyKey: `storm-${run}` });

    expect(created.title).toBe(`Storm ${run}`);
    expect(sent()).toBe(4);
    expect(await schedRequestsSeen(sandbox())).toBe(4);
  });

  it('keeps working through 503 on 30% of calls, with no duplicate and the sandbox’s request count', async () => {
    const provider = await schedProviderFor(sandbox(), { gate: quickSchedGate({ maxAttempts: 10 }) });
    const { nextCursor } = await provider.listChanges({ cursor: null, window: windowAt(sandbox()) });
    const sent = await countFromHere(provider);
    await armSchedFault(sandbox(), { status: 503, rate: 0.3 });

    const created = [];
    for (let i = 0; i < 12; i += 1) {
      created.push(
        await provider.create({ fields: booking(`Flaky ${i}`), idempotencyKey: `flaky-${run}-${i}` }),
      );
    }
    const changes = await provider.listChanges({ cursor: nextCursor, window: windowAt(sandbox()) });

    expect(changes.items.map((item) => item.id).sort()).toEqual(created.map((item) => item.id).sort());
    expect(sent()).toBeGreaterThanOrEqual(13);
    expect(sent()).toBe(await schedRequestsSeen(sandbox()));
  });

  it('retries connections the server drops', async () => {
    const provider = await schedProviderFor(sandbox());
    const { nextCursor } = await provider.listChanges({ cursor: null, window: windowAt(sandbox()) });
    const sent = await countFromHere(provider);
    await armSchedFault(sandbox(), { status: 'reset', count: 2 });

    const idle = await provider.listChanges({ cursor: nextCursor, window: windowAt(sandbox()) });

    expect(idle.items).toEqual([]);
    expect(sent()).toBe(3);
    expect(await schedRequestsSeen(sandbox())).toBe(3);
  });

  it('stops with RateLimitError when the storm outlasts the retries, and works again after', async () => {
    const provider = await schedProviderFor(sandbox(), { gate: quickSchedGate({ maxAttempts: 3 }) });
    const sent = await countFromHere(provider);
    await armSchedFault(sandbox(), { status: 429, rate: 1, retry_after: 0 });

    const stopped = provider.listChanges({ cursor: null, window: windowAt(sandbox()) });

    await expect(stopped).rejects.toBeInstanceOf(RateLimitError);
    expect(sent()).toBe(3);
    await call(`${sandbox().url}/sandbox/faults`, { method: 'DELETE' });
    await expect(provider.listChanges({ cursor: null, window: windowAt(sandbox()) })).resolves.toMatchObject({
      full: true,
    });
  });

  it('names Sched and the status when it stays down', async () => {
    const provider = await schedProviderFor(sandbox(), { gate: quickSchedGate({ maxAttempts: 2 }) });
    await armSchedFault(sandbox(), { status: 500, rate: 1 });

    const failure = await provider.get('bkg_anything').catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ServiceUnavailableError);
    expect((failure as Error).message).toMatch(/^Sched kept failing \(HTTP 500/);
  });
});
