import { describe, expect, it } from 'vitest';
import { SchedResourceProvider } from '../../../main/providers/sched';
import type { InboundAs, PrivacyMode, SyncWindow } from '../../../main/sync';
import { instantAt } from '../../../main/sync';
import { MemoryProvider } from '../../fakes/memory-provider';

const zone = 'Europe/London';
const window: SyncWindow = { start: '2025-03-01T00:00:00.000Z', end: '2025-04-01T00:00:00.000Z' };
let tick = 0;
const clock = () => new Date(Date.UTC(2025, 2, 1) + (tick += 1000)).toISOString();
const slot = (title: string, hour: number) => ({
  title,
  description: 'About it',
  location: '',
  start: instantAt(`2025-03-12T${String(hour).padStart(2, '0')}:00`, zone),
  end: instantAt(`2025-03-12T${String(hour + 1).padStart(2, '0')}:00`, zone),
});

function world(
  inboundAs: InboundAs,
  privacy: PrivacyMode = 'full',
  calendar?: { calendarService: string; calendarId: string },
) {
  const bookings = new MemoryProvider({ side: 'sched', clock, zone, idPrefix: 'b-' });
  const exceptions = new MemoryProvider({
    side: 'sched',
    clock,
    zone,
    idPrefix: 'x-',
    rejectOverlaps: false,
  });
  const provider = new SchedResourceProvider({
    bookings,
    exceptions,
    inboundAs,
    privacy,
    ...(calendar ? { calendar } : {}),
  });
  return { bookings, exceptions, provider };
}
const source = { calendarService: 'microsoft' as const, calendarId: 'cal-1', eventId: 'e1' };

describe('SchedResourceProvider: bookings and availability exceptions behind one Sched side', () => {
  it('under bookings, lists bookings only, with their own cursor as it always was', async () => {
    const { bookings, exceptions, provider } = world('bookings');
    bookings.add(slot('Induction', 9));
    exceptions.add(slot('Holiday', 11));

    const full = await provider.listChanges({ cursor: null, window });
    const direct = await bookings.listChanges({ cursor: null, window });

    expect(full.items.map((item) => item.title)).toEqual(['Induction']);
    expect(full.nextCursor).toBe(direct.nextCursor);
  });

  it('under bookings, a full read also lists the blocks its calendar made, and no other exception', async () => {
    const { bookings, exceptions, provider } = world('bookings', 'full', {
      calendarService: 'microsoft',
      calendarId: 'cal-1',
    });
    bookings.add(slot('Induction', 9));
    exceptions.add(slot('Holiday', 11));
    exceptions.add({ ...slot('Dentist', 13), source });
    exceptions.add({ ...slot('Gym', 15), source: { ...source, calendarId: 'cal-2', eventId: 'e2' } });

    const full = await provider.listChanges({ cursor: null, window });
    const idle = await provider.listChanges({ cursor: full.nextCursor, window });

    expect(full.items.map((item) => item.title)).toEqual(['Induction', 'Unavailable: Dentist']);
    expect(full.items[1]!.id).toMatch(/^exception:/);
    expect(idle.items).toEqual([]);
    expect(bookings.requestCount() + exceptions.requestCount()).toBe(3);
  });

  it('under busy, lists both kinds, exceptions under their prefix and titled by their reason', async () => {
    const { bookings, exceptions, provider } = world('busy');
    bookings.add(slot('Induction', 9));
    const holiday = exceptions.add(slot('Holiday', 11));
    exceptions.add(slot('', 14));

    const full = await provider.listChanges({ cursor: null, window });

    expect(full.full).toBe(true);
    expect(full.items.map((item) => [item.id.startsWith('exception:'), item.title])).toEqual([
      [false, 'Induction'],
      [true, 'Unavailable: Holiday'],
      [true, 'Unavailable'],
    ]);
    expect(await provider.get(`exception:${holiday.id}`)).toMatchObject({ title: 'Unavailable: Holiday' });
  });

  it('reads a bookings cursor saved before exceptions were synced as bookings’ own, and exceptions in full', async () => {
    const { bookings, exceptions, provider } = world('busy');
    const { nextCursor: old } = await bookings.listChanges({ cursor: null, window });
    bookings.add(slot('New booking', 9));
    exceptions.add(slot('Maintenance', 11));

    const read = await provider.listChanges({ cursor: old, window });

    expect(read.full).toBe(false);
    expect(read.items.map((item) => item.title)).toEqual(['New booking', 'Unavailable: Maintenance']);
    expect(JSON.parse(read.nextCursor)).toEqual({
      bookings: expect.any(String),
      exceptions: expect.any(String),
    });
  });

  it('under busy, makes the calendar’s event an exception, with no reason under busy-only', async () => {
    const full = world('busy');
    const hidden = world('busy', 'busy-only');

    const made = await full.provider.create({ fields: slot('Dentist', 9), idempotencyKey: 'k1', source });
    const blank = await hidden.provider.create({ fields: slot('Dentist', 9), idempotencyKey: 'k1', source });

    expect(full.bookings.live()).toEqual([]);
    expect(full.exceptions.live()).toEqual([
      expect.objectContaining({ title: 'Dentist', description: '', source }),
    ]);
    expect(made).toMatchObject({ id: expect.stringMatching(/^exception:x-/), title: 'Unavailable: Dentist' });
    expect(hidden.exceptions.live()).toEqual([expect.objectContaining({ title: '', description: '' })]);
    expect(blank.title).toBe('Unavailable');
  });

  it('sends a block with the reason of the privacy a create names (a replay after a switch to busy-only)', async () => {
    const { exceptions, provider } = world('busy', 'busy-only');

    const replayed = await provider.create({
      fields: slot('Dentist', 9),
      idempotencyKey: 'k1',
      source,
      privacy: 'full',
    });

    expect(exceptions.live()).toEqual([expect.objectContaining({ title: 'Dentist', description: '' })]);
    expect(replayed.title).toBe('Unavailable: Dentist');
  });

  it('makes the kind a create names, whatever inbound_as says now (a replay), and keeps its fields so', async () => {
    const { bookings, exceptions, provider } = world('busy');
    const first = await provider.create({
      fields: slot('Dentist', 9),
      idempotencyKey: 'k1',
      source,
      kind: 'booking',
    });
    const again = await provider.create({
      fields: slot('Dentist', 9),
      idempotencyKey: 'k1',
      source,
      kind: 'booking',
    });

    expect(exceptions.live()).toEqual([]);
    expect(bookings.live()).toEqual([expect.objectContaining({ title: 'Dentist', source })]);
    expect(again.id).toBe(first.id);
    expect(first.id).toMatch(/^b-/);
    expect(provider.keeps(slot('Dentist', 9), 'booking').title).toBe('Dentist');
    expect(provider.keeps(slot('Dentist', 9)).title).toBe('Unavailable: Dentist');
  });

  it('routes updates and cancellations by kind, and names a moved version by the core’s id', async () => {
    const { bookings, exceptions, provider } = world('busy');
    const booking = bookings.add(slot('Induction', 9));
    const exception = exceptions.add(slot('Holiday', 11));
    const id = `exception:${exception.id}`;

    const moved = await provider.update(
      id,
      { ...slot('Unavailable: Long holiday', 12) },
      { ifMatch: exception.version },
    );
    const stale = provider.update(id, slot('Holiday', 13), { ifMatch: exception.version });
    await provider.delete(booking.id);

    expect(moved).toMatchObject({ id, title: 'Unavailable: Long holiday' });
    expect(exceptions.live()).toEqual([expect.objectContaining({ title: 'Long holiday' })]);
    await expect(stale).rejects.toMatchObject({ code: 'precondition_failed', itemId: id });
    expect(bookings.live()).toEqual([]);
  });

  it('finds a booking a remap moves on whichever resource holds it now, and an exception by its id', async () => {
    const { bookings, exceptions, provider } = world('busy');
    const elsewhere = await bookings.create({ fields: slot('Moved away', 9), idempotencyKey: 'k1' });
    // The bookings provider of a resource sees only its own bookings by `get`; `locate` finds them anywhere.
    const located: string[] = [];
    Object.assign(bookings, {
      locate: async (id: string) => {
        located.push(id);
        return id === elsewhere.id ? elsewhere : null;
      },
    });
    const held = await exceptions.create({ fields: slot('Holiday', 11), idempotencyKey: 'k2' });

    expect((await provider.locate(elsewhere.id))?.title).toBe('Moved away');
    expect(located).toEqual([elsewhere.id]);
    expect((await provider.locate(`exception:${held.id}`))?.title).toBe('Unavailable: Holiday');
  });

  it('cancels an exception another resource holds there (a remap)', async () => {
    const { bookings, exceptions } = world('busy');
    const old = new MemoryProvider({ side: 'sched', clock, zone, idPrefix: 'y-', rejectOverlaps: false });
    const provider = new SchedResourceProvider({
      bookings,
      exceptions,
      inboundAs: 'busy',
      privacy: 'full',
      exceptionsOf: (resourceId) => (resourceId === 'r-old' ? old : exceptions),
    });
    const blocked = old.add(slot('Standup', 9));
    exceptions.add(slot('Holiday', 11));

    await provider.delete(`exception:${blocked.id}`, { resourceId: 'r-old' });

    expect(old.live()).toEqual([]);
    expect(exceptions.live()).toEqual([expect.objectContaining({ title: 'Holiday' })]);
  });

  it('refuses to cancel an exception of another resource it cannot reach, rather than leave it blocking', async () => {
    const { provider, exceptions } = world('busy');
    const held = exceptions.add(slot('Holiday', 11));

    await expect(provider.delete(`exception:${held.id}`, { resourceId: 'r-old' })).rejects.toThrow(
      'Cannot reach the availability exceptions of resource r-old.',
    );
    expect(exceptions.live()).toHaveLength(1);
  });
});
