import { describe, expect, it } from 'vitest';
import { ResolutionNotAllowedError } from '../../../main/engine';
import { slot, titles, world } from './world';

/** An imported event moved onto the slot of another booking, and the run that met Sched's refusal. */
async function movedOntoTakenSlot() {
  const w = world();
  w.sched.add(slot('Client call', 12, 14));
  const lunch = w.external.add(slot('Team lunch', 12, 12));
  await w.engine.run(w.connection);
  w.external.edit(lunch.id, { start: slot('', 12, 14).start, end: slot('', 12, 15).end });
  w.sched.add(slot('Budget review', 13, 9));
  const run = await w.engine.run(w.connection);
  const conflict = w.db.conflicts.open(w.connection.calendarId)[0];
  const booking = () => w.sched.live().find((item) => item.title === 'Team lunch');
  const event = () => w.external.live().find((item) => item.title === 'Team lunch');
  return { ...w, run, conflictId: conflict?.id ?? -1, conflict, booking, event, lunch };
}

describe('an imported event moved onto a taken slot', () => {
  it('records one overlap conflict for its link, and the rest of the run goes on', async () => {
    const { run, conflict, engine, connection, db, booking, external } = await movedOntoTakenSlot();
    const again = await engine.run(connection);

    expect(run.status).toBe('ok');
    expect(run.conflicts).toBe(1);
    expect(run.created).toEqual({ sched: 0, external: 1 });
    expect(conflict).toMatchObject({ kind: 'overlap', bookingId: booking()?.id });
    expect(again).toMatchObject({ status: 'ok', conflicts: 0 });
    expect(db.conflicts.open(connection.calendarId)).toHaveLength(1);
    expect(db.connections.ensure(connection.calendarId).status).toBe('active');
    expect(booking()?.start).toEqual(slot('', 12, 12).start);
    expect(titles(external)).toEqual(['Budget review', 'Client call', 'Team lunch']);
  });

  it('keep-sched puts the event back at its booking’s time, and the next run is quiet', async () => {
    const { engine, connection, db, conflictId, event } = await movedOntoTakenSlot();

    await engine.resolveConflict(conflictId, 'keep-sched', connection);
    const quiet = await engine.run(connection);

    expect(event()?.start).toEqual(slot('', 12, 12).start);
    expect(db.conflicts.open(connection.calendarId)).toEqual([]);
    expect(quiet).toMatchObject({ conflicts: 0, updated: { sched: 0, external: 0 } });
  });

  it('import-anyway moves the booking onto the taken slot', async () => {
    const { engine, connection, conflictId, booking } = await movedOntoTakenSlot();

    await engine.resolveConflict(conflictId, 'import-anyway', connection);
    const quiet = await engine.run(connection);

    expect(booking()?.start).toEqual(slot('', 12, 14).start);
    expect(quiet).toMatchObject({ conflicts: 0, updated: { sched: 0, external: 0 } });
  });

  it('skip leaves both where they are until the event moves again, then asks again', async () => {
    const { engine, connection, db, conflictId, booking, external, lunch } = await movedOntoTakenSlot();

    await engine.resolveConflict(conflictId, 'skip', connection);
    external.expireCursors();
    const fullRead = await engine.run(connection);
    external.edit(lunch.id, { start: slot('', 12, 14).start, end: slot('', 12, 16).end });
    const moved = await engine.run(connection);

    expect(fullRead).toMatchObject({ conflicts: 0, updated: { sched: 0, external: 0 } });
    expect(booking()?.start).toEqual(slot('', 12, 12).start);
    expect(moved.conflicts).toBe(1);
    expect(db.conflicts.open(connection.calendarId)).toHaveLength(1);
  });

  it('refuses keep-external: a double booking has no calendar version to keep over Sched’s', async () => {
    const { engine, connection, conflictId } = await movedOntoTakenSlot();

    await expect(engine.resolveConflict(conflictId, 'keep-external', connection)).rejects.toBeInstanceOf(
      ResolutionNotAllowedError,
    );
  });
});
