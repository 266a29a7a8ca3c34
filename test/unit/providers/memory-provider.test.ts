import { describe, expect, it } from 'vitest';
import { MemoryProvider } from '../../fakes/memory-provider';
import {
  CursorExpiredError,
  NotFoundError,
  PreconditionFailedError,
  RateLimitError,
  SlotUnavailableError,
} from '../../../main/providers/port';
import type { ItemFields } from '../../../main/sync';
import { instantAt, syncWindow } from '../../../main/sync';

const zone = 'Europe/London';
const window = syncWindow('2025-03-10T12:00:00Z', 30, 180, zone);

function fakeClock(): () => string {
  let tick = 0;
  return () => new Date(Date.UTC(2025, 2, 10, 12, 0, tick++)).toISOString();
}

function fields(wall: string, title = 'Meeting'): ItemFields {
  return {
    title,
    description: '',
    location: '',
    start: instantAt(wall, zone),
    end: instantAt(
      wall.replace(/T(\d\d)/, (_, h: string) => `T${String(Number(h) + 1).padStart(2, '0')}`),
      zone,
    ),
  };
}

function calendar(): MemoryProvider {
  return new MemoryProvider({ side: 'external', clock: fakeClock(), zone });
}

function sched(): MemoryProvider {
  return new MemoryProvider({ side: 'sched', clock: fakeClock(), zone });
}

describe('MemoryProvider change feed', () => {
  it('lists every live item in the window on a full read', async () => {
    const provider = calendar();
    provider.add(fields('2025-03-12T10:00'));
    provider.add(fields('2024-01-01T10:00'));

    const result = await provider.listChanges({ cursor: null, window });

    expect(result.full).toBe(true);
    expect(result.items.map((item) => item.start)).toEqual([instantAt('2025-03-12T10:00', zone)]);
  });

  it('lists only what changed since the cursor, deletions included', async () => {
    const provider = calendar();
    const kept = provider.add(fields('2025-03-12T10:00'));
    const gone = provider.add(fields('2025-03-13T10:00'));
    const { nextCursor } = await provider.listChanges({ cursor: null, window });
    provider.edit(kept.id, { title: 'Renamed' });
    provider.remove(gone.id);

    const result = await provider.listChanges({ cursor: nextCursor, window });

    expect(result.full).toBe(false);
    expect(result.items.map((item) => item.title)).toEqual(['Renamed']);
    expect(result.deleted).toEqual([gone.id]);
  });

  it('costs one request and returns nothing when idle', async () => {
    const provider = calendar();
    provider.add(fields('2025-03-12T10:00'));
    const { nextCursor } = await provider.listChanges({ cursor: null, window });

    const idle = await provider.listChanges({ cursor: nextCursor, window });

    expect(idle.items).toEqual([]);
    expect(provider.requests.list).toBe(2);
  });

  it('refuses expired cursors with CursorExpiredError', async () => {
    const provider = calendar();
    const { nextCursor } = await provider.listChanges({ cursor: null, window });
    provider.expireCursors();

    await expect(provider.listChanges({ cursor: nextCursor, window })).rejects.toBeInstanceOf(
      CursorExpiredError,
    );
  });
});

describe("MemoryProvider change feed that reports only known deletions (Graph's delta)", () => {
  function graphCalendar(): MemoryProvider {
    return new MemoryProvider({ side: 'external', clock: fakeClock(), zone, reportsDeletions: 'known' });
  }

  it('does not report the deletion of an event made and removed after the cursor was handed out', async () => {
    const provider = graphCalendar();
    const { nextCursor } = await provider.listChanges({ cursor: null, window });
    const fleeting = provider.add(fields('2025-03-12T10:00'));
    provider.remove(fleeting.id);

    const result = await provider.listChanges({ cursor: nextCursor, window });

    expect(result.items).toEqual([]);
    expect(result.deleted).toEqual([]);
  });

  it('still reports the deletion of an event that existed when the cursor was handed out', async () => {
    const provider = graphCalendar();
    const known = provider.add(fields('2025-03-12T10:00'));
    const { nextCursor } = await provider.listChanges({ cursor: null, window });
    const fleeting = provider.add(fields('2025-03-13T10:00'));
    provider.remove(known.id);
    provider.remove(fleeting.id);

    const result = await provider.listChanges({ cursor: nextCursor, window });

    expect(result.deleted).toEqual([known.id]);
  });

  it('reports a deletion once a later cursor has seen the event', async () => {
    const provider = graphCalendar();
    const { nextCursor: before } = await provider.listChanges({ cursor: null, window });
    const event = provider.add(fields('2025-03-12T10:00'));
    const { nextCursor: after } = await provider.listChanges({ cursor: before, window });
    provider.remove(event.id);

    const result = await provider.listChanges({ cursor: after, window });

    expect(result.deleted).toEqual([event.id]);
  });

  it('differs from the default feed, which reports every deletion since the cursor', async () => {
    const provider = calendar();
    const { nextCursor } = await provider.listChanges({ cursor: null, window });
    const fleeting = provider.add(fields('2025-03-12T10:00'));
    provider.remove(fleeting.id);

    const result = await provider.listChanges({ cursor: nextCursor, window });

    expect(result.deleted).toEqual([fleeting.id]);
  });
});

describe('MemoryProvider writes', () => {
  it('creates once per idempotency key, keeping tags', async () => {
    const provider = calendar();
    const request = {
      fields: fields('2025-03-12T10:00'),
      idempotencyKey: 'conn-1:external:b1',
      tags: { bookingId: 'b1', connectionId: 'conn-1' },
    };

    const first = await provider.create(request);
    const retry = await provider.create(request);

    expect(retry.id).toBe(first.id);
    expect(provider.live()).toHaveLength(1);
    expect(first.tags).toEqual({ bookingId: 'b1', connectionId: 'conn-1' });
  });

  it('updates only at the expected version, and moves the version on', async () => {
    const provider = calendar();
    const item = provider.add(fields('2025-03-12T10:00'));

    const updated = await provider.update(item.id, fields('2025-03-12T11:00'), { ifMatch: item.version });

    expect(updated.version).not.toBe(item.version);
    await expect(
      provider.update(item.id, fields('2025-03-12T12:00'), { ifMatch: item.version }),
    ).rejects.toBeInstanceOf(PreconditionFailedError);
    await expect(
      provider.update('missing', fields('2025-03-12T12:00'), { ifMatch: 'v1' }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('removes calendar events but cancels Sched bookings', async () => {
    const events = calendar();
    const bookings = sched();
    const event = events.add(fields('2025-03-12T10:00'));
    const booking = bookings.add(fields('2025-03-12T10:00'));

    await events.delete(event.id);
    await bookings.delete(booking.id);

    expect(await events.get(event.id)).toBeNull();
    expect((await bookings.get(booking.id))?.status).toBe('cancelled');
    await expect(events.delete(event.id)).resolves.toBeUndefined();
  });

  it('refuses a Sched booking that overlaps a confirmed one, unless allowed', async () => {
    const provider = sched();
    const taken = provider.add(fields('2025-03-12T10:00'));
    const overlapping = { fields: fields('2025-03-12T10:00', 'Other'), idempotencyKey: 'k1' };

    await expect(provider.create(overlapping)).rejects.toMatchObject({
      constructor: SlotUnavailableError,
      conflictingBookingId: taken.id,
    });
    await expect(provider.create({ ...overlapping, allowOverlap: true })).resolves.toMatchObject({
      title: 'Other',
    });
  });

  it('lets a calendar hold overlapping events', async () => {
    const provider = calendar();
    provider.add(fields('2025-03-12T10:00'));

    await expect(
      provider.create({ fields: fields('2025-03-12T10:00'), idempotencyKey: 'k' }),
    ).resolves.toBeDefined();
  });

  it('throws scripted faults once, then behaves', async () => {
    const provider = calendar();
    provider.faults.failNext('list', new RateLimitError('Calendar', 1000));

    await expect(provider.listChanges({ cursor: null, window })).rejects.toBeInstanceOf(RateLimitError);
    await expect(provider.listChanges({ cursor: null, window })).resolves.toMatchObject({ full: true });
  });

  it('hands out copies, so callers cannot change stored items', async () => {
    const provider = calendar();
    const item = provider.add(fields('2025-03-12T10:00'));

    item.title = 'tampered';

    expect((await provider.get(item.id))?.title).toBe('Meeting');
  });
});
