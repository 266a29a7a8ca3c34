/**
 * What the shared contract cannot say about the Sched side the engine uses (`SchedResourceProvider`): it holds two
 * kinds of item behind one provider, with two cursors packed into the one the engine saves (shared/SYNC.md,
 * "Availability"; shared/API.md §3). Each test starts on a fresh Sched (the sandbox's reset), so its feeds and
 * request counts hold only its own items.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { InboundAs, ItemFields, PrivacyMode, SyncItem } from '../../main/sync';
import { CursorExpiredError, KeyReusedError, PreconditionFailedError } from '../../main/providers/port';
import { SchedExceptionsProvider } from '../../main/providers/sched';
import { call, useTestSandbox } from '../sandbox/helpers/start-test-sandbox';
import {
  expireSchedTokens,
  schedHttpFor,
  schedProviderFor,
  schedResourceProviderFor,
  seededResource,
  windowAt,
} from './sched-sandbox';

const sandbox = useTestSandbox({ seed: 'empty' });
const resourceId = 'rsc_dr_maria_lopez';
const source = { calendarService: 'microsoft' as const, calendarId: 'maria@example.com', eventId: 'e-1' };

beforeEach(async () => {
  await call(`${sandbox().url}/sandbox/reset`, { method: 'POST' });
});

/** The combined provider in one mode, pages of two, and the resource's two feeds as Sched holds them. */
async function sides(inboundAs: InboundAs, privacy: PrivacyMode = 'full') {
  const box = sandbox();
  const http = schedHttpFor(box);
  return {
    provider: await schedResourceProviderFor(box, { resourceId, inboundAs, privacy, pageSize: 2 }),
    // What people and Sched itself make on the resource: bookings, and its exceptions under Sched's own ids.
    bookings: await schedProviderFor(box, { resourceId }),
    exceptions: new SchedExceptionsProvider({ http, resource: await seededResource(http, resourceId) }),
    window: windowAt(box),
  };
}

/** One hour on the window's second day, `n` hours after its start; slots of different `n` never overlap. */
function fields(title: string, n: number): ItemFields {
  const startMs = Date.parse(windowAt(sandbox()).start) + 86_400_000 + n * 2 * 3_600_000;
  return {
    title,
    description: `About ${title}`,
    location: '',
    start: { kind: 'instant', utc: new Date(startMs).toISOString(), zone: 'UTC' },
    end: { kind: 'instant', utc: new Date(startMs + 3_600_000).toISOString(), zone: 'UTC' },
  };
}

const ids = (items: { id: string }[]) => items.map((item) => item.id).sort();

describe('SchedResourceProvider on the sandbox: bookings and availability exceptions behind one Sched side', () => {
  it('under busy, pages through both feeds and reads on from the end of both with the packed cursor', async () => {
    const { provider, bookings, window } = await sides('busy');
    const booked: SyncItem[] = [];
    const blocked: SyncItem[] = [];
    for (const n of [1, 2, 3])
      booked.push(await bookings.create({ fields: fields(`Booked ${n}`, n), idempotencyKey: `b${n}` }));
    for (const n of [4, 5, 6])
      blocked.push(
        await provider.create({ fields: fields(`Away ${n}`, n), idempotencyKey: `x${n}`, source }),
      );

    let before = provider.requestCount();
    const full = await provider.listChanges({ cursor: null, window });
    // Three of each in pages of two: two pages per feed.
    expect(provider.requestCount() - before).toBe(4);
    expect(full.full).toBe(true);
    expect(ids(full.items)).toEqual(ids([...booked, ...blocked]));

    const later = [await bookings.create({ fields: fields('Booked 7', 7), idempotencyKey: 'b7' })];
    for (const n of [8, 9, 10])
      later.push(await provider.create({ fields: fields(`Away ${n}`, n), idempotencyKey: `x${n}`, source }));
    before = provider.requestCount();
    const changes = await provider.listChanges({ cursor: full.nextCursor, window });
    expect(provider.requestCount() - before).toBe(3);
    expect(changes.full).toBe(false);
    expect(ids(changes.items)).toEqual(ids(later));

    before = provider.requestCount();
    const idle = await provider.listChanges({ cursor: changes.nextCursor, window });
    expect(provider.requestCount() - before).toBe(2);
    expect(idle.items).toEqual([]);
  });

  it('under busy, refuses a packed cursor whose bookings or exceptions half expired, and reads both in full after', async () => {
    const { provider, bookings, window } = await sides('busy');
    const booked = await bookings.create({ fields: fields('Booked', 1), idempotencyKey: 'b1' });
    const blocked = await provider.create({ fields: fields('Away', 2), idempotencyKey: 'x1', source });
    const old = JSON.parse((await provider.listChanges({ cursor: null, window })).nextCursor);
    await expireSchedTokens(sandbox());
    const fresh = JSON.parse((await provider.listChanges({ cursor: null, window })).nextCursor);

    // The engine takes CursorExpiredError, and only that, as "read in full" (main/engine/read-changes.ts).
    for (const stale of [
      { bookings: old.bookings, exceptions: fresh.exceptions },
      { bookings: fresh.bookings, exceptions: old.exceptions },
    ]) {
      const read = provider.listChanges({ cursor: JSON.stringify(stale), window });
      await expect(read).rejects.toBeInstanceOf(CursorExpiredError);
    }
    const again = await provider.listChanges({ cursor: null, window });
    expect(again.full).toBe(true);
    expect(ids(again.items)).toEqual(ids([booked, blocked]));
  });

  it('carries the exception: prefix through create, get, update, cancel and the change feed', async () => {
    const { provider, bookings, exceptions, window } = await sides('busy');
    const made = await provider.create({ fields: fields('Dentist', 1), idempotencyKey: 'x1', source });
    const cursor = (await provider.listChanges({ cursor: null, window })).nextCursor;
    const own = made.id.slice('exception:'.length);

    expect(made.id).toMatch(/^exception:/);
    expect((await exceptions.get(own))?.title).toBe('Dentist');
    expect(await bookings.get(own)).toBeNull();
    expect((await provider.get(made.id))?.id).toBe(made.id);
    const moved = await provider.update(made.id, fields('Dentist', 2), { ifMatch: made.version });
    expect(moved.id).toBe(made.id);
    await provider.delete(made.id);

    expect(await provider.get(made.id)).toMatchObject({ id: made.id, status: 'cancelled' });
    const changes = await provider.listChanges({ cursor, window });
    expect(changes.items).toEqual([expect.objectContaining({ id: made.id, status: 'cancelled' })]);
    // A change of mode converts what was made; until then an exception is still reached by its id.
    const asBookings = await schedResourceProviderFor(sandbox(), { resourceId, inboundAs: 'bookings' });
    expect((await asBookings.get(made.id))?.id).toBe(made.id);
  });

  it('under busy, makes the calendar’s event an exception with its source, and never a booking', async () => {
    const { provider, bookings, exceptions, window } = await sides('busy');

    const before = provider.requestCount();
    const made = await provider.create({ fields: fields('Dentist', 1), idempotencyKey: 'x1', source });

    expect(provider.requestCount() - before).toBe(1);
    expect((await bookings.listChanges({ cursor: null, window })).items).toEqual([]);
    const held = (await exceptions.listChanges({ cursor: null, window })).items;
    expect(held).toEqual([expect.objectContaining({ title: 'Dentist', description: '', source })]);
    expect(made).toMatchObject({ title: 'Unavailable: Dentist', description: '', location: '', source });
  });

  it('under busy, still lists the bookings people make in Sched, in full and incremental reads', async () => {
    const { provider, bookings, window } = await sides('busy');
    const cursor = (await provider.listChanges({ cursor: null, window })).nextCursor;

    const booked = await bookings.create({ fields: fields('Check-up', 1), idempotencyKey: 'b1' });

    const changes = await provider.listChanges({ cursor, window });
    const full = await provider.listChanges({ cursor: null, window });
    for (const read of [changes, full]) {
      expect(read.items).toEqual([expect.objectContaining({ id: booked.id, title: 'Check-up' })]);
    }
  });

  it('under busy, makes one exception from the same key twice, and another kind from a booking’s key', async () => {
    const { provider, bookings, exceptions, window } = await sides('busy');
    const asBookings = await schedResourceProviderFor(sandbox(), { resourceId, inboundAs: 'bookings' });
    // A connection switched from bookings to busy converts the booking it made from an event under the same key.
    const booking = await asBookings.create({ fields: fields('Standup', 1), idempotencyKey: 'k', source });

    const first = await provider.create({ fields: fields('Standup', 2), idempotencyKey: 'k', source });
    const second = await provider.create({ fields: fields('Standup', 2), idempotencyKey: 'k', source });

    expect(second.id).toBe(first.id);
    expect(first.id).not.toBe(booking.id);
    expect(ids((await exceptions.listChanges({ cursor: null, window })).items)).toEqual([
      first.id.slice('exception:'.length),
    ]);
    expect(ids((await bookings.listChanges({ cursor: null, window })).items)).toEqual([booking.id]);
  });

  for (const inboundAs of ['bookings', 'busy'] as const) {
    it(`under ${inboundAs}, refuses a key sent again with another request, and lists what it made from the calendar at any time`, async () => {
      const { provider, bookings, exceptions } = await sides(inboundAs);
      const made = await provider.create({ fields: fields('Standup', 1), idempotencyKey: 'k', source });
      // A person moves it 400 days on, far out of any window the agent reads.
      const faraway = fields('Standup', 4800);
      const side = inboundAs === 'bookings' ? bookings : exceptions;
      const ownId = inboundAs === 'bookings' ? made.id : made.id.slice('exception:'.length);
      const current = (await side.get(ownId))!;
      await side.update(
        ownId,
        { ...current, start: faraway.start, end: faraway.end },
        { ifMatch: current.version },
      );

      const again = provider.create({ fields: fields('Standup (renamed)', 1), idempotencyKey: 'k', source });
      await expect(again).rejects.toBeInstanceOf(KeyReusedError);
      await bookings.create({ fields: fields('Walk-in', 3), idempotencyKey: 'walk-in' });
      const { eventId: _eventId, ...calendar } = source;
      const listed = await provider.listMadeFrom(calendar);
      const elsewhere = await provider.listMadeFrom({ ...calendar, calendarId: 'someone-else@example.com' });

      expect(listed.map((item) => [item.id, item.start])).toEqual([[made.id, faraway.start]]);
      expect(elsewhere).toEqual([]);
    });
  }

  it('under busy, refuses an exception’s update against a stale version, naming it by its prefixed id', async () => {
    const { provider, exceptions } = await sides('busy');
    const made = await provider.create({ fields: fields('Surgery', 1), idempotencyKey: 'x1', source });
    await provider.update(made.id, fields('Surgery, longer', 1), { ifMatch: made.version });

    const late = provider.update(made.id, fields('Surgery, moved', 3), { ifMatch: made.version });

    await expect(late).rejects.toBeInstanceOf(PreconditionFailedError);
    await expect(late).rejects.toMatchObject({ itemId: made.id });
    expect((await exceptions.get(made.id.slice('exception:'.length)))?.title).toBe('Surgery, longer');
  });

  it('under busy, refuses to cancel an exception changed since it was read (an undo), naming it by its prefixed id', async () => {
    const { provider } = await sides('busy');
    const made = await provider.create({ fields: fields('Rounds', 1), idempotencyKey: 'x1', source });
    await provider.update(made.id, fields('Rounds, moved', 2), { ifMatch: made.version });

    const late = provider.delete(made.id, { ifMatch: made.version });

    await expect(late).rejects.toMatchObject({ code: 'precondition_failed', itemId: made.id });
    expect((await provider.get(made.id))?.status).toBe('confirmed');
  });

  it('reads on across a change of mode: each mode takes its own half of the other’s cursor', async () => {
    const busy = await sides('busy');
    const asBookings = await schedResourceProviderFor(sandbox(), { resourceId, inboundAs: 'bookings' });
    const packed = (await busy.provider.listChanges({ cursor: null, window: busy.window })).nextCursor;
    const booked = await busy.bookings.create({ fields: fields('Check-up', 1), idempotencyKey: 'b1' });
    const blocked = await busy.provider.create({ fields: fields('Away', 2), idempotencyKey: 'x1', source });

    const asRoom = await asBookings.listChanges({ cursor: packed, window: busy.window });
    // A bookings cursor alone: exceptions are read in full, and the read is not a full one of the bookings.
    const back = await busy.provider.listChanges({ cursor: asRoom.nextCursor, window: busy.window });

    expect(ids(asRoom.items)).toEqual([booked.id]);
    expect(back.full).toBe(false);
    expect(ids(back.items)).toEqual([blocked.id]);
  });

  it('cancels an exception another resource holds (a remap), and counts that request as its own', async () => {
    const { provider } = await sides('busy');
    const old = await schedResourceProviderFor(sandbox(), {
      resourceId: 'rsc_classroom_101',
      inboundAs: 'busy',
    });
    const blocked = await old.create({ fields: fields('Exam', 1), idempotencyKey: 'x1', source });

    const before = provider.requestCount();
    await provider.delete(blocked.id, { resourceId: 'rsc_classroom_101' });

    // A run's activity says how many requests it used (shared/SYNC.md, "Activity"), the old resource's included.
    expect(provider.requestCount() - before).toBe(1);
    expect((await old.get(blocked.id))?.status).toBe('cancelled');
  });

  it('under bookings, makes a booking from an event with a very long title and description, held as keeps says', async () => {
    const { provider, bookings, window } = await sides('bookings');
    // Sched refuses a booking's title past 1,024 characters and its description past 8,192 (the sandbox's limits).
    const wanted = { ...fields(`Offsite ${'t'.repeat(1500)}`, 1), description: 'd'.repeat(9000) };

    const made = await provider.create({ fields: wanted, idempotencyKey: 'b1', source });

    const held = provider.keeps(wanted);
    expect([made.title.length, made.description.length]).toEqual([1024, 8192]);
    expect([made.title, made.description]).toEqual([held.title, held.description]);
    expect(ids((await bookings.listChanges({ cursor: null, window })).items)).toEqual([made.id]);
  });

  it('under busy, reads an exception back as keeps says, a long title and busy-only privacy included', async () => {
    const full = await sides('busy');
    const hidden = await sides('busy', 'busy-only');
    const long = fields(`Conference ${'x'.repeat(1500)}`, 1);
    const named = fields('Unavailable: on call', 2);
    const private_ = fields('Therapy', 3);

    const made = [
      [full.provider, long],
      [full.provider, named],
      [hidden.provider, private_],
    ] as const;
    for (const [index, [provider, wanted]] of made.entries()) {
      const item = await provider.create({ fields: wanted, idempotencyKey: `x${index}`, source });
      expect({ index, title: item.title }).toEqual({ index, title: provider.keeps(wanted).title });
      expect({ index, title: (await provider.get(item.id))?.title }).toEqual({ index, title: item.title });
    }
    expect(
      (await full.exceptions.listChanges({ cursor: null, window: full.window })).items.map((i) => i.title),
    ).toEqual([long.title.slice(0, 1024), 'on call', '']);
  });
});
