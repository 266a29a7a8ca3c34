import { describe, expect, it } from 'vitest';
import { Engine, type EngineConnection } from '../../../main/engine';
import { openStateDb } from '../../../main/store';
import { MemoryProvider } from '../../fakes/memory-provider';
import { MemorySchedResources } from '../../fakes/memory-sched-resources';
import { settings, slot, titles, zone } from './world';

/** Sched with rooms A and B, a calendar mirroring room A after one run, and a way to remap it. */
async function remapWorld(slots = false) {
  const time = { now: new Date('2025-03-10T12:00:00.000Z') };
  let tick = 0;
  const clock = (): string => new Date(time.now.getTime() + tick++ * 1000).toISOString();
  const sched = new MemorySchedResources({ clock, zone, slots });
  const external = new MemoryProvider({ side: 'external', clock, zone });
  const db = openStateDb(':memory:', { clock: () => time.now });
  const engine = new Engine({ db, now: () => time.now });
  const on = (resourceId: string): EngineConnection => ({
    calendarId: 'alex@example.com',
    resourceId,
    resourceTimezone: zone,
    calendarService: 'google',
    settings: settings(),
    sched: sched.resource(resourceId),
    external,
  });
  sched.add('room-a', slot('A standup', 12, 9));
  sched.add('room-b', slot('B lecture', 13, 9));
  const workshop = external.add(slot("Alex's workshop", 14, 13));
  db.connections.ensure('alex@example.com');
  db.remaps.remember('alex@example.com', 'room-a');
  await engine.run(on('room-a'));
  const remap = (to: string) => db.remaps.request('alex@example.com', 'room-a', to);
  return { sched, external, db, engine, on, workshop, remap };
}

describe('a remap run', () => {
  it('removes the agent’s copies, moves the bookings of the calendar’s own events and copies the new bookings', async () => {
    const { sched, external, engine, on, remap } = await remapWorld();
    remap('room-b');

    const preview = await engine.preview(on('room-b'));
    const run = await engine.run(on('room-b'));
    const quiet = await engine.run(on('room-b'));

    expect(preview.counts).toMatchObject({
      create: { external: 1 },
      update: { sched: 1 },
      delete: { external: 1 },
    });
    expect(run).toMatchObject({
      status: 'ok',
      created: { external: 1 },
      updated: { sched: 1 },
      deleted: { external: 1 },
    });
    expect(titles(external)).toEqual(["Alex's workshop", 'B lecture']);
    expect(sched.titles('room-a')).toEqual(['A standup']);
    expect(sched.titles('room-b')).toEqual(["Alex's workshop", 'B lecture']);
    expect(quiet).toMatchObject({ created: { sched: 0, external: 0 }, updated: { sched: 0, external: 0 } });
  });

  it('is finished by the next run when it was cut short, without a second copy', async () => {
    const { sched, external, db, engine, on, remap } = await remapWorld();
    remap('room-b');
    external.faults.failNext('create', new Error('network down'));

    const cut = await engine.run(on('room-b'));
    const stillPending = db.remaps.pendingSince('alex@example.com');
    const resumed = await engine.run(on('room-b'));

    expect(cut.status).not.toBe('ok');
    expect(stillPending).not.toBeNull();
    expect(db.remaps.pendingSince('alex@example.com')).toBeNull();
    expect(resumed.status).toBe('ok');
    expect(titles(external)).toEqual(["Alex's workshop", 'B lecture']);
    expect(sched.titles('room-b')).toEqual(["Alex's workshop", 'B lecture']);
  });

  it('stops for review when it would remove many copies, and applies nothing', async () => {
    const { sched, external, engine, on, remap } = await remapWorld();
    for (let day = 15; day < 21; day += 1) sched.add('room-a', slot(`A class ${day}`, day, 9));
    await engine.run(on('room-a'));
    remap('room-b');

    const run = await engine.run(on('room-b'));

    expect(run.status).toBe('needs_review');
    expect(titles(external)).toHaveLength(8);
  });

  it('refuses to undo the remap run and the runs before it, changing nothing; later runs undo as usual', async () => {
    const { sched, external, db, engine, on, remap } = await remapWorld();
    const before = db.runs.list({ connectionId: 'alex@example.com' })[0]!;
    remap('room-b');
    const remapRun = await engine.run(on('room-b'));
    sched.add('room-b', slot('B seminar', 16, 9));
    const later = await engine.run(on('room-b'));

    const undoRemap = engine.undo(remapRun.run_id, on('room-b'));
    const undoBefore = engine.undo(before.runId, on('room-b'));
    await expect(undoRemap).rejects.toThrow(/remap of this calendar from room-a to room-b.*back to room-a/);
    await expect(undoBefore).rejects.toThrow(/cannot be undone/);
    expect(titles(external)).toEqual(["Alex's workshop", 'B lecture', 'B seminar']);
    expect(sched.titles('room-b')).toEqual(["Alex's workshop", 'B lecture', 'B seminar']);

    const undoLater = await engine.undo(later.run_id, on('room-b'));
    expect(undoLater).toMatchObject({ status: 'ok', deleted: { external: 1 } });
    expect(titles(external)).toEqual(["Alex's workshop", 'B lecture']);
  });

  it('cancels on the old resource a booking it cannot move onto a taken slot, and books its event once the slot is free', async () => {
    const { sched, external, db, engine, on, remap } = await remapWorld(true);
    const seminar = sched.add('room-b', slot('B seminar', 14, 13));
    remap('room-b');

    const preview = await engine.preview(on('room-b'));
    const run = await engine.run(on('room-b'));
    const conflicts = db.conflicts.open('alex@example.com');
    const remapDone = db.remaps.pendingSince('alex@example.com');
    await sched.all.delete(seminar.id);
    const freed = await engine.run(on('room-b'));

    expect(preview.counts).toMatchObject({ delete: { sched: 1, external: 1 }, conflicts: 1 });
    expect(run).toMatchObject({ status: 'ok', deleted: { sched: 1, external: 1 }, conflicts: 1 });
    expect(conflicts).toMatchObject([{ kind: 'overlap', bookingId: null }]);
    expect(remapDone).toBeNull();
    expect(freed).toMatchObject({ status: 'ok', created: { sched: 1 } });
    expect(sched.titles('room-a')).toEqual(['A standup']);
    expect(sched.titles('room-b')).toEqual(["Alex's workshop", 'B lecture']);
    expect(titles(external)).toEqual(["Alex's workshop", 'B lecture']);
    expect(db.conflicts.open('alex@example.com')).toEqual([]);
  });

  it('refuses to undo a run while a remap is pending', async () => {
    const { db, engine, on, remap } = await remapWorld();
    const before = db.runs.list({ connectionId: 'alex@example.com' })[0]!;
    remap('room-b');

    await expect(engine.undo(before.runId, on('room-b'))).rejects.toThrow(
      /being remapped from room-a to room-b/,
    );
  });
});
