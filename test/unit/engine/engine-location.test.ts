import { describe, expect, it } from 'vitest';
import type { MemoryProvider } from '../../fakes/memory-provider';
import type { CalendarProvider, CreateRequest, ListRequest } from '../../../main/providers/port';
import type { ItemFields } from '../../../main/sync';
import { slot, world, writes } from './world';

const none = { sched: 0, external: 0 };

/** A Sched stand-in that declares it can store a location (as a future Sched API might). */
class PlaceAwareSched implements CalendarProvider {
  readonly side = 'sched' as const;
  readonly capabilities = { storesLocation: true };
  constructor(private readonly inner: MemoryProvider) {}
  requestCount() {
    return this.inner.requestCount();
  }
  listChanges(request: ListRequest) {
    return this.inner.listChanges(request);
  }
  get(id: string) {
    return this.inner.get(id);
  }
  create(request: CreateRequest) {
    return this.inner.create(request);
  }
  update(id: string, fields: ItemFields, options: { ifMatch: string }) {
    return this.inner.update(id, fields, options);
  }
  delete(id: string, options?: { ifMatch?: string }) {
    return this.inner.delete(id, options);
  }
}

function only(provider: MemoryProvider) {
  const [item] = provider.live();
  if (!item) throw new Error('expected one live item');
  return item;
}

describe('Engine with Sched, which has no location field', () => {
  it('writes nothing to Sched for a location set on a booking’s event, and the run after is idle', async () => {
    const { sched, external, engine, connection } = world();
    sched.add(slot('Board meeting'));
    await engine.run(connection);
    external.edit(only(external).id, { location: 'Room 4' });
    const schedWritesBefore = writes(sched);

    const edit = await engine.run(connection);
    const idle = await engine.run(connection);

    expect(edit).toMatchObject({ status: 'ok', created: none, updated: none, deleted: none });
    expect(writes(sched)).toBe(schedWritesBefore);
    expect(idle).toMatchObject({ requests: 2, created: none, updated: none, deleted: none });
    expect(only(external).location).toBe('Room 4');
  });

  it('keeps that location when the booking is edited later', async () => {
    const { sched, external, engine, connection } = world();
    const booking = sched.add(slot('Board meeting'));
    await engine.run(connection);
    external.edit(only(external).id, { location: 'Room 4' });
    await engine.run(connection);

    const { start, end } = slot('', 12, 15);
    sched.edit(booking.id, { title: 'Board meeting (moved)', start, end });
    const summary = await engine.run(connection);

    expect(summary.updated).toEqual({ sched: 0, external: 1 });
    expect(only(external)).toMatchObject({ title: 'Board meeting (moved)', location: 'Room 4' });
  });

  it('copies a booking edit made while the event got a location, without a conflict', async () => {
    const { sched, external, db, engine, connection } = world();
    const booking = sched.add(slot('Board meeting'));
    await engine.run(connection);

    sched.edit(booking.id, { title: 'Board meeting (agenda)' });
    external.edit(only(external).id, { location: 'Room 4' });
    const summary = await engine.run(connection);
    const idle = await engine.run(connection);

    expect(summary).toMatchObject({ conflicts: 0, updated: { sched: 0, external: 1 } });
    expect(only(external)).toMatchObject({ title: 'Board meeting (agenda)', location: 'Room 4' });
    expect(db.conflicts.open(connection.calendarId)).toEqual([]);
    expect([idle.created, idle.updated, idle.deleted]).toEqual([none, none, none]);
  });

  it('imports an event with a location once, leaves the location on the event, and is idle after', async () => {
    const { sched, external, engine, connection } = world();
    external.add(slot('Site visit', 13, 9, { location: 'Depot, Gate 2' }));

    const first = await engine.run(connection);
    const idle = await engine.run(connection);

    expect(first.created).toEqual({ sched: 1, external: 0 });
    expect(only(sched)).toMatchObject({ title: 'Site visit', location: '' });
    expect(only(external).location).toBe('Depot, Gate 2');
    expect([idle.created, idle.updated, idle.deleted]).toEqual([none, none, none]);
  });

  it('still copies a location to a Sched provider that says it can store one', async () => {
    const { sched, external, engine, connection } = world();
    sched.add(slot('Board meeting'));
    const withLocations = { ...connection, sched: new PlaceAwareSched(sched) };
    await engine.run(withLocations);
    external.edit(only(external).id, { location: 'Room 4' });

    const summary = await engine.run(withLocations);

    expect(summary.updated).toEqual({ sched: 1, external: 0 });
    expect(only(sched).location).toBe('Room 4');
  });
});
