import { describe, expect, it } from 'vitest';
import { RunNotUndoableError } from '../../../main/engine';
import { slot, titles, world } from './world';

describe('Engine.undo', () => {
  it('removes the items a run created, and the next run brings back neither the export nor the import', async () => {
    const { sched, external, db, engine, connection } = world();
    sched.add(slot('Dentist'));
    external.add(slot('Lunch', 13));
    const run = await engine.run(connection);

    const undo = await engine.undo(run.run_id, connection);
    await engine.run(connection);

    expect(undo.kind).toBe('undo');
    expect(undo.deleted).toEqual({ sched: 1, external: 1 });
    expect(titles(sched)).toEqual(['Dentist']);
    expect(titles(external)).toEqual(['Lunch']);
    expect(db.runs.get(run.run_id)?.undoneBy).toBe(undo.run_id);
  });

  it('reverts an update to its before-image', async () => {
    const { sched, external, engine, connection } = world();
    const booking = sched.add(slot('Dentist'));
    await engine.run(connection);
    sched.edit(booking.id, { title: 'Dentist (moved)' });
    const run = await engine.run(connection);

    const undo = await engine.undo(run.run_id, connection);
    const next = await engine.run(connection);

    expect(undo.updated.external).toBe(1);
    expect(titles(external)).toEqual(['Dentist']);
    expect(next.updated).toEqual({ sched: 0, external: 0 });
  });

  it('restores an event a run deleted', async () => {
    const { sched, external, engine, connection } = world();
    const booking = sched.add(slot('Dentist'));
    await engine.run(connection);
    sched.remove(booking.id);
    const run = await engine.run(connection);

    const undo = await engine.undo(run.run_id, connection);

    expect(undo.created.external).toBe(1);
    expect(titles(external)).toEqual(['Dentist']);
  });

  it('turns an item changed since the run into a conflict instead of overwriting it', async () => {
    const { sched, external, db, engine, connection } = world();
    sched.add(slot('Dentist'));
    const run = await engine.run(connection);
    const event = external.live()[0];
    external.edit(event?.id ?? '', { title: 'Dentist (edited by a person)' });

    const undo = await engine.undo(run.run_id, connection);

    expect(undo.conflicts).toBe(1);
    expect(titles(external)).toEqual(['Dentist (edited by a person)']);
    expect(db.conflicts.open(connection.calendarId)).toHaveLength(1);
  });

  it('refuses to undo a run twice', async () => {
    const { sched, engine, connection } = world();
    sched.add(slot('Dentist'));
    const run = await engine.run(connection);
    await engine.undo(run.run_id, connection);

    await expect(engine.undo(run.run_id, connection)).rejects.toBeInstanceOf(RunNotUndoableError);
  });
});
