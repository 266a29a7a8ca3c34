import { describe, expect, it } from 'vitest';
import { slot, titles, world } from './world';

/** A new event refused by Sched because a booking holds its slot. */
async function overlapOfNewEvent() {
  const w = world();
  const taken = w.sched.add(slot('Physio'));
  const event = w.external.add(slot('Team lunch'));
  await w.engine.run(w.connection);
  const conflict = w.db.conflicts.open(w.connection.calendarId)[0];
  return { ...w, taken, event, conflictId: conflict?.id ?? -1 };
}

/** Both sides of one link edited under manual resolution. */
async function editConflict() {
  const w = world();
  const booking = w.sched.add(slot('Dentist'));
  await w.engine.run(w.connection);
  const event = w.external.live()[0]!;
  w.sched.edit(booking.id, { title: 'Dentist (Sched)' });
  w.external.edit(event.id, { title: 'Dentist (calendar)' });
  await w.engine.run(w.connection);
  const conflict = w.db.conflicts.open(w.connection.calendarId)[0];
  return { ...w, booking, event, conflictId: conflict?.id ?? -1 };
}

describe('conflicts that leave the list by themselves', () => {
  it('a double booking whose booking and event are both gone is settled', async () => {
    const { sched, external, db, engine, connection, taken, event, conflictId } = await overlapOfNewEvent();
    sched.remove(taken.id);
    external.remove(event.id);

    const run = await engine.run(connection);

    expect(run.created).toEqual({ sched: 0, external: 0 });
    expect(db.conflicts.open(connection.calendarId)).toEqual([]);
    expect(db.conflicts.get(conflictId)?.resolution).toBe('settled');
  });

  it('a double booking whose taken slot was freed imports the event and is settled', async () => {
    const { sched, db, engine, connection, taken, conflictId } = await overlapOfNewEvent();
    sched.remove(taken.id);

    const run = await engine.run(connection);
    const quiet = await engine.run(connection);

    expect(run.created).toEqual({ sched: 1, external: 0 });
    expect(titles(sched)).toEqual(['Team lunch']);
    expect(db.conflicts.get(conflictId)?.resolution).toBe('settled');
    expect(quiet).toMatchObject({ conflicts: 0, created: { sched: 0, external: 0 } });
  });

  it('a double booking whose slot is still taken stays listed once, and costs no extra request', async () => {
    const { sched, external, db, engine, connection } = await overlapOfNewEvent();
    const before = sched.requests.create + external.requests.get + sched.requests.get;

    const run = await engine.run(connection);

    expect(run.conflicts).toBe(0);
    expect(sched.requests.create + external.requests.get + sched.requests.get).toBe(before);
    expect(db.conflicts.open(connection.calendarId)).toHaveLength(1);
  });

  it('a double booking is not sent to Sched again by the full reads of a connection with no links yet', async () => {
    const w = world({ settings: { direction: 'external-to-sched' } });
    const taken = w.sched.add(slot('Physio'));
    w.external.add(slot('Team lunch'));
    await w.engine.run(w.connection);
    const creates = w.sched.requests.create;

    const idle = await w.engine.run(w.connection);
    w.sched.edit(taken.id, { start: slot('Physio', 12, 14).start, end: slot('Physio', 12, 14).end });
    const freed = await w.engine.run(w.connection);

    expect(idle).toMatchObject({ conflicts: 0, created: { sched: 0, external: 0 } });
    expect(w.sched.requests.create - creates).toBe(1);
    expect(freed.created).toEqual({ sched: 1, external: 0 });
    expect(w.db.conflicts.open(w.connection.calendarId)).toEqual([]);
  });

  it('an edit conflict whose two sides became equal is settled', async () => {
    const { sched, db, engine, connection, booking, conflictId } = await editConflict();
    sched.edit(booking.id, { title: 'Dentist (calendar)' });

    const run = await engine.run(connection);

    expect(run).toMatchObject({ conflicts: 0, updated: { sched: 0, external: 0 } });
    expect(db.conflicts.get(conflictId)?.resolution).toBe('settled');
  });

  it('an edit conflict stays listed while its sides still differ, even when a version moves on', async () => {
    const { sched, db, engine, connection, booking } = await editConflict();
    sched.edit(booking.id, {});

    await engine.run(connection);

    expect(db.conflicts.open(connection.calendarId)).toHaveLength(1);
  });

  it('an edit conflict whose booking and event are both gone is settled', async () => {
    const { sched, external, db, engine, connection, booking, event, conflictId } = await editConflict();
    sched.remove(booking.id);
    external.remove(event.id);

    await engine.run(connection);

    expect(db.conflicts.get(conflictId)?.resolution).toBe('settled');
    expect(db.conflicts.open(connection.calendarId)).toEqual([]);
  });

  it('a moved event’s double booking is settled when the event moves to a free slot', async () => {
    const w = world();
    w.sched.add(slot('Client call', 12, 14));
    const lunch = w.external.add(slot('Team lunch', 12, 12));
    await w.engine.run(w.connection);
    w.external.edit(lunch.id, { start: slot('', 12, 14).start, end: slot('', 12, 15).end });
    await w.engine.run(w.connection);
    const conflict = w.db.conflicts.open(w.connection.calendarId)[0];
    w.external.edit(lunch.id, { start: slot('', 12, 16).start, end: slot('', 12, 17).end });

    const run = await w.engine.run(w.connection);

    expect(run).toMatchObject({ conflicts: 0, updated: { sched: 1, external: 0 } });
    expect(w.db.conflicts.get(conflict?.id ?? -1)?.resolution).toBe('settled');
  });
});
