import { describe, expect, it } from 'vitest';
import { slot, titles, world } from './world';

const none = { sched: 0, external: 0 };

describe('Engine.undo of created items sticks', () => {
  it('does not export a booking again after an undo removed its event', async () => {
    const { sched, external, engine, connection } = world();
    sched.add(slot('Dentist'));
    const run = await engine.run(connection);

    await engine.undo(run.run_id, connection);
    const next = await engine.run(connection);
    const after = await engine.run(connection);

    expect(next.created).toEqual(none);
    expect(after.created).toEqual(none);
    expect(titles(external)).toEqual([]);
    expect(titles(sched)).toEqual(['Dentist']);
  });

  it('keeps leaving the booking alone after a full read', async () => {
    const { sched, external, engine, connection } = world();
    sched.add(slot('Dentist'));
    sched.add(slot('Physio', 14));
    const run = await engine.run(connection);
    await engine.undo(run.run_id, connection);
    sched.expireCursors();
    external.expireCursors();

    const next = await engine.run(connection);

    expect(next).toMatchObject({ status: 'ok', created: none, deleted: none });
    expect(titles(external)).toEqual([]);
  });

  it('exports the booking once a person edits it after the undo', async () => {
    const { sched, external, engine, connection } = world();
    const booking = sched.add(slot('Dentist'));
    const run = await engine.run(connection);
    await engine.undo(run.run_id, connection);
    await engine.run(connection);

    sched.edit(booking.id, { title: 'Dentist (moved to 3pm)' });
    const edited = await engine.run(connection);
    const idle = await engine.run(connection);

    expect(edited.created).toEqual({ sched: 0, external: 1 });
    expect(titles(external)).toEqual(['Dentist (moved to 3pm)']);
    expect([idle.created, idle.updated, idle.deleted]).toEqual([none, none, none]);
  });

  it('leaves an edit made before the undo alone: the undo saw it', async () => {
    const { sched, external, engine, connection } = world();
    const booking = sched.add(slot('Dentist'));
    const run = await engine.run(connection);
    sched.edit(booking.id, { title: 'Dentist (edited before the undo)' });

    await engine.undo(run.run_id, connection);
    const next = await engine.run(connection);

    expect(next.created).toEqual(none);
    expect(titles(external)).toEqual([]);
  });

  it('does not import an event again after an undo removed its booking, until it changes', async () => {
    const { sched, external, engine, connection } = world();
    const event = external.add(slot('Team lunch', 13));
    const run = await engine.run(connection);

    await engine.undo(run.run_id, connection);
    const quiet = await engine.run(connection);
    external.edit(event.id, { title: 'Team lunch (with clients)' });
    const edited = await engine.run(connection);

    expect(quiet.created).toEqual(none);
    expect(edited.created).toEqual({ sched: 1, external: 0 });
    expect(titles(sched)).toEqual(['Team lunch (with clients)']);
  });

  it('undoes a second export of the same booking just as well', async () => {
    const { sched, external, engine, connection } = world();
    const booking = sched.add(slot('Dentist'));
    const first = await engine.run(connection);
    await engine.undo(first.run_id, connection);
    sched.edit(booking.id, { title: 'Dentist (moved)' });
    const second = await engine.run(connection);

    await engine.undo(second.run_id, connection);
    const next = await engine.run(connection);

    expect(second.created).toEqual({ sched: 0, external: 1 });
    expect(next.created).toEqual(none);
    expect(titles(external)).toEqual([]);
  });

  it('shows no create in the preview after the undo', async () => {
    const { sched, engine, connection } = world();
    sched.add(slot('Dentist'));
    const run = await engine.run(connection);
    await engine.undo(run.run_id, connection);

    const preview = await engine.preview(connection);

    expect(preview.counts.create).toEqual(none);
  });
});
