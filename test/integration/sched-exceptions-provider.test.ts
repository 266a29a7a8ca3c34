import { describe, expect, it } from 'vitest';
import { CursorExpiredError, SlotUnavailableError } from '../../main/providers/port';
import { SchedExceptionsProvider } from '../../main/providers/sched';
import type { ItemFields, ItemTime } from '../../main/sync';
import { call, useTestSandbox } from '../sandbox/helpers/start-test-sandbox';
import {
  expireSchedTokens,
  schedHttpFor,
  schedProviderFor,
  schedRequestsSeen,
  seededResource,
  windowAt,
} from '../contract/sched-sandbox';

const sandbox = useTestSandbox({ seed: 'empty' });
const run = Date.now().toString(36);
let slot = 0;

/** A timed hour on its own day-hour, so tests never collide unless they mean to. */
function slotTimes(): { start: ItemTime; end: ItemTime } {
  slot += 1;
  const startMs = Date.parse(windowAt(sandbox()).start) + 3 * 86_400_000 + slot * 3 * 3_600_000;
  return {
    start: { kind: 'instant', utc: new Date(startMs).toISOString(), zone: 'UTC' },
    end: { kind: 'instant', utc: new Date(startMs + 3_600_000).toISOString(), zone: 'UTC' },
  };
}

function fields(title: string, times = slotTimes()): ItemFields {
  return { title, description: `About ${title}`, location: 'Room 4', ...times };
}

async function exceptionsProvider(pageSize?: number): Promise<SchedExceptionsProvider> {
  const http = schedHttpFor(sandbox());
  const resource = await seededResource(http);
  return new SchedExceptionsProvider({ http, resource, ...(pageSize ? { pageSize } : {}) });
}

async function resetStats(): Promise<void> {
  await call(`${sandbox().url}/sandbox/stats/reset`, { method: 'POST' });
}

describe('Sched availability exceptions provider against the sandbox', () => {
  it('reads a window of five exceptions in three pages of two, and an idle feed in one request', async () => {
    const provider = await exceptionsProvider(2);
    const made = [];
    for (let i = 0; i < 5; i += 1) {
      made.push(
        await provider.create({ fields: fields(`Paged ${i} ${run}`), idempotencyKey: `paged-${run}-${i}` }),
      );
    }
    await resetStats();
    const before = provider.requestCount();

    const full = await provider.listChanges({ cursor: null, window: windowAt(sandbox()) });
    const idle = await provider.listChanges({ cursor: full.nextCursor, window: windowAt(sandbox()) });

    expect(full.items.map((item) => item.id)).toEqual(expect.arrayContaining(made.map((item) => item.id)));
    expect(idle.items).toEqual([]);
    expect(provider.requestCount() - before).toBe(Math.ceil(full.items.length / 2) + 1);
    expect(await schedRequestsSeen(sandbox())).toBe(Math.ceil(full.items.length / 2) + 1);
  });

  it('maps an exception: the reason as title, no description or location, the event as source', async () => {
    const provider = await exceptionsProvider();
    const source = {
      calendarService: 'microsoft',
      calendarId: 'maria@example.com',
      eventId: 'AAMk1',
    } as const;

    const item = await provider.create({ fields: fields('Busy'), idempotencyKey: `mapped-${run}`, source });

    expect(item).toMatchObject({
      title: 'Busy',
      description: '',
      location: '',
      status: 'confirmed',
      availability: 'busy',
      source,
    });
  });

  it('answers a stale sync token with CursorExpiredError after one request', async () => {
    const provider = await exceptionsProvider();
    const { nextCursor } = await provider.listChanges({ cursor: null, window: windowAt(sandbox()) });
    await expireSchedTokens(sandbox());
    const before = provider.requestCount();

    const stale = await provider
      .listChanges({ cursor: nextCursor, window: windowAt(sandbox()) })
      .catch((error: unknown) => error);

    expect(stale).toBeInstanceOf(CursorExpiredError);
    expect(provider.requestCount() - before).toBe(1);
  });

  it('reports cancellations in the feed as cancelled items', async () => {
    const provider = await exceptionsProvider();
    const item = await provider.create({ fields: fields(`Cancelled ${run}`), idempotencyKey: `cx-${run}` });
    const { nextCursor } = await provider.listChanges({ cursor: null, window: windowAt(sandbox()) });

    await provider.delete(item.id);
    const changes = await provider.listChanges({ cursor: nextCursor, window: windowAt(sandbox()) });

    expect(changes.items).toEqual([expect.objectContaining({ id: item.id, status: 'cancelled' })]);
  });
});

describe('Sched bookings provider over an availability exception', () => {
  it('refuses a booking in blocked time with SlotUnavailableError saying why, in two requests', async () => {
    const times = slotTimes();
    const exceptions = await exceptionsProvider();
    const blocked = await exceptions.create({
      fields: fields('maintenance', times),
      idempotencyKey: `m-${run}`,
    });
    const bookings = await schedProviderFor(sandbox());
    await resetStats();

    const refused = await bookings
      .create({ fields: fields(`Inbound ${run}`, times), idempotencyKey: `inbound-${run}` })
      .catch((error: unknown) => error);

    expect(refused).toBeInstanceOf(SlotUnavailableError);
    expect(refused).toMatchObject({
      conflictingBookingId: undefined,
      blockedBy: { exceptionId: blocked.id, reason: 'maintenance' },
    });
    expect((refused as Error).message).toBe(
      'The slot is blocked in Sched (maintenance). Choose "import anyway" or "skip".',
    );
    // The refused create, and one read of the exception for its reason.
    expect(await schedRequestsSeen(sandbox())).toBe(2);
  });

  it('keeps the booking case as it was', async () => {
    const times = slotTimes();
    const bookings = await schedProviderFor(sandbox());
    const taken = await bookings.create({
      fields: fields(`Taken ${run}`, times),
      idempotencyKey: `t-${run}`,
    });

    const refused = await bookings
      .create({ fields: fields(`Second ${run}`, times), idempotencyKey: `s-${run}` })
      .catch((error: unknown) => error);

    expect(refused).toMatchObject({ conflictingBookingId: taken.id, blockedBy: undefined });
    expect((refused as Error).message).toBe(
      `The slot is already taken by booking ${taken.id}. Choose "import anyway" or "skip".`,
    );
  });
});
