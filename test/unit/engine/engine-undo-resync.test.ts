import { describe, expect, it } from 'vitest';
import { slot, titles, world } from './world';

describe('Engine.undo: what an undo restores is synced again', () => {
  it('an event restored after its booking was cancelled goes back to Sched, and later edits flow', async () => {
    const { sched, external, engine, connection } = world();
    const booking = sched.add(slot('Board meeting'));
    await engine.run(connection);
    sched.remove(booking.id);
    const deleting = await engine.run(connection);
    await engine.undo(deleting.run_id, connection);

    const relinked = await engine.run(connection);
    const restored = external.live()[0];
    external.edit(restored?.id ?? '', { title: 'Board meeting (moved)' });
    const edited = await engine.run(connection);
    const quiet = await engine.run(connection);

    expect(relinked.created).toEqual({ sched: 1, external: 0 });
    expect(relinked.deleted).toEqual({ sched: 0, external: 0 });
    expect(edited.updated).toEqual({ sched: 1, external: 0 });
    expect(quiet.created).toEqual({ sched: 0, external: 0 });
    expect(quiet.updated).toEqual({ sched: 0, external: 0 });
    expect(titles(sched)).toEqual(['Board meeting (moved)']);
    expect(titles(external)).toEqual(['Board meeting (moved)']);
  });

  it('a booking restored after its event was deleted goes back to the calendar, and later edits flow', async () => {
    const { sched, external, engine, connection } = world();
    const event = external.add(slot('Vendor demo'));
    await engine.run(connection);
    external.remove(event.id);
    const cancelling = await engine.run(connection);
    await engine.undo(cancelling.run_id, connection);

    const relinked = await engine.run(connection);
    const restored = sched.live()[0];
    sched.edit(restored?.id ?? '', { title: 'Vendor demo (confirmed)' });
    const edited = await engine.run(connection);

    expect(relinked.created).toEqual({ sched: 0, external: 1 });
    expect(edited.updated).toEqual({ sched: 0, external: 1 });
    expect(titles(sched)).toEqual(['Vendor demo (confirmed)']);
    expect(titles(external)).toEqual(['Vendor demo (confirmed)']);
  });

  it('in a one-way direction the restored item is copied only the direction’s way', async () => {
    const { sched, external, engine, connection } = world({ settings: { direction: 'sched-to-external' } });
    const booking = sched.add(slot('Board meeting'));
    await engine.run(connection);
    sched.remove(booking.id);
    const deleting = await engine.run(connection);
    await engine.undo(deleting.run_id, connection);

    const next = await engine.run(connection);

    expect(next.created).toEqual({ sched: 0, external: 0 });
    expect(next.deleted).toEqual({ sched: 0, external: 0 });
    expect(titles(external)).toEqual(['Board meeting']);
  });
});
