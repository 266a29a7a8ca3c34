import { describe, expect, it } from 'vitest';
import { slot, titles, world, writes } from './world';

describe('Engine.run', () => {
  it('copies a new booking to the calendar with its tags and counts it', async () => {
    const { sched, external, engine, connection } = world();
    const booking = sched.add(slot('Dentist'));

    const summary = await engine.run(connection);

    expect(summary.status).toBe('ok');
    expect(summary.created).toEqual({ sched: 0, external: 1 });
    expect(external.live()).toMatchObject([
      { title: 'Dentist', tags: { bookingId: booking.id, connectionId: connection.calendarId } },
    ]);
  });

  it('imports a calendar event as a booking that names its source', async () => {
    const { sched, external, engine, connection } = world();
    const event = external.add(slot('Team lunch'));

    const summary = await engine.run(connection);

    expect(summary.created).toEqual({ sched: 1, external: 0 });
    expect(sched.live()).toMatchObject([
      {
        title: 'Team lunch',
        source: { calendarService: 'google', calendarId: connection.calendarId, eventId: event.id },
      },
    ]);
  });

  it('spends one list per side and writes nothing on an idle run', async () => {
    const { sched, external, engine, connection } = world();
    sched.add(slot('Dentist'));
    external.add(slot('Lunch', 13));
    await engine.run(connection);
    const writesBefore = writes(sched) + writes(external);

    const idle = await engine.run(connection);

    expect(idle.requests).toBe(2);
    expect(writes(sched) + writes(external)).toBe(writesBefore);
    expect(idle.created).toEqual({ sched: 0, external: 0 });
    expect(idle.updated).toEqual({ sched: 0, external: 0 });
  });

  it('copies an edit and a deletion made on one side to the other', async () => {
    const { sched, external, engine, connection } = world();
    const kept = sched.add(slot('Dentist'));
    const gone = sched.add(slot('Physio', 14));
    await engine.run(connection);
    sched.edit(kept.id, {
      title: 'Dentist (moved)',
      start: slot('', 12, 15).start,
      end: slot('', 12, 15).end,
    });
    sched.remove(gone.id);

    const summary = await engine.run(connection);

    expect(summary.updated.external).toBe(1);
    expect(summary.deleted.external).toBe(1);
    expect(titles(external)).toEqual(['Dentist (moved)']);
  });

  it('reports the requests a run spent, counted per call', async () => {
    const { sched, engine, connection } = world();
    sched.add(slot('A'));
    sched.add(slot('B', 13));

    const summary = await engine.run(connection);

    expect(summary.requests).toBe(4);
  });

  it('does a full read and relinks by tags after the calendar expires its cursor, making no copy', async () => {
    const { sched, external, engine, connection } = world();
    sched.add(slot('Dentist'));
    external.add(slot('Lunch', 13));
    await engine.run(connection);
    external.expireCursors();

    const summary = await engine.run(connection);

    expect(summary.status).toBe('ok');
    expect(summary.created).toEqual({ sched: 0, external: 0 });
    expect(summary.deleted).toEqual({ sched: 0, external: 0 });
    expect(titles(external)).toEqual(['Dentist', 'Lunch']);
    expect(titles(sched)).toEqual(['Dentist', 'Lunch']);
  });
});
