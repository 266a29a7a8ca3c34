import { describe, expect, it } from 'vitest';
import { slot, titles, world } from './world';

const day = 86_400_000;

/**
 * A world whose window reaches 7 days back, with a booking made from an event and a booking copied to the calendar,
 * both on 12 March, synced; then 20 days pass, so both pairs lie before the window, and a run takes the window along.
 */
async function pairsBeforeTheWindow() {
  const w = world({ settings: { window_days_past: 7, window_days_future: 30 } });
  const event = w.external.add(slot('Clinic', 12, 9));
  const booking = w.sched.add(slot('Board meeting', 12, 14));
  await w.engine.run(w.connection);
  w.time.now = new Date(w.time.now.getTime() + 20 * day);
  await w.engine.run(w.connection);
  const bookingOf = w.sched.live().find((item) => item.source?.eventId === event.id)!;
  const copyOf = w.external.live().find((item) => item.tags?.bookingId === booking.id)!;
  return { ...w, event, booking, bookingOf, copyOf };
}

describe('links before the window after a cursor lapsed (shared/SYNC.md, "Identity")', () => {
  it('cancels the booking of an event deleted while its cursor had lapsed, reading the stretch before the window once', async () => {
    const { sched, external, engine, connection, event, bookingOf } = await pairsBeforeTheWindow();
    external.expireCursors();
    external.remove(event.id);
    const before = { ...external.requests };

    const run = await engine.run(connection);
    const spent = { list: external.requests.list - before.list, get: external.requests.get - before.get };
    const quiet = await engine.run(connection);

    expect(run.deleted).toEqual({ sched: 1, external: 0 });
    expect(sched.live().map((item) => item.id)).not.toContain(bookingOf.id);
    // The refused cursor, the window read in full and one read of the stretch before it; then the one link its read
    // left out asked for by id (it might have moved), not the unchanged one.
    expect(spent).toEqual({ list: 3, get: 1 });
    expect(quiet.deleted).toEqual({ sched: 0, external: 0 });
  });

  it("deletes the copy of a booking cancelled while Sched's cursor had lapsed", async () => {
    const { sched, external, engine, connection, booking, copyOf } = await pairsBeforeTheWindow();
    sched.expireCursors();
    sched.remove(booking.id);

    const run = await engine.run(connection);

    expect(run.deleted).toEqual({ sched: 0, external: 1 });
    expect(external.live().map((item) => item.id)).not.toContain(copyOf.id);
  });

  it('follows an edit made there meanwhile, as the cursor would have, and writes nothing for what did not change', async () => {
    const { sched, external, engine, connection, event } = await pairsBeforeTheWindow();
    external.expireCursors();
    sched.expireCursors();
    external.edit(event.id, { title: 'Clinic (moved rooms)' });

    const run = await engine.run(connection);

    expect(run.updated).toEqual({ sched: 1, external: 0 });
    expect(run.created).toEqual({ sched: 0, external: 0 });
    expect(run.deleted).toEqual({ sched: 0, external: 0 });
    expect(titles(sched)).toEqual(['Board meeting', 'Clinic (moved rooms)']);
  });

  it('asks by id for an item no longer in the stretch it was last in: moved far out, it is not taken for deleted', async () => {
    const { sched, external, engine, connection, event } = await pairsBeforeTheWindow();
    external.expireCursors();
    external.edit(event.id, { ...slot('Clinic', 1, 9), title: 'Clinic' });
    const before = { ...external.requests };

    const run = await engine.run(connection);

    expect(run.deleted).toEqual({ sched: 0, external: 0 });
    expect(run.updated).toEqual({ sched: 1, external: 0 });
    expect(external.requests.get - before.get).toBe(1);
    expect(titles(sched)).toEqual(['Board meeting', 'Clinic']);
  });

  it('spends no request beyond the window when no link lies there', async () => {
    const w = world({ settings: { window_days_past: 7, window_days_future: 30 } });
    w.sched.add(slot('Board meeting', 12, 14));
    await w.engine.run(w.connection);
    w.external.expireCursors();
    const before = { ...w.external.requests };

    await w.engine.run(w.connection);

    expect(w.external.requests.list - before.list).toBe(2);
    expect(w.external.requests.get - before.get).toBe(0);
  });
});
