import { describe, expect, it } from 'vitest';
import { ConflictNotFoundError, ResolutionNotAllowedError } from '../../../main/engine';
import { slot, titles, world } from './world';

async function editConflict() {
  const w = world();
  const booking = w.sched.add(slot('Dentist'));
  await w.engine.run(w.connection);
  const event = w.external.live()[0];
  w.sched.edit(booking.id, { title: 'Dentist (Sched)' });
  w.external.edit(event?.id ?? '', { title: 'Dentist (calendar)' });
  const summary = await w.engine.run(w.connection);
  const conflict = w.db.conflicts.open(w.connection.calendarId)[0];
  return { ...w, summary, conflictId: conflict?.id ?? -1 };
}

async function overlapConflict() {
  const w = world();
  w.sched.add(slot('Physio'));
  w.external.add(slot('Team lunch'));
  const summary = await w.engine.run(w.connection);
  const conflict = w.db.conflicts.open(w.connection.calendarId).find((c) => c.kind === 'overlap');
  return { ...w, summary, conflictId: conflict?.id ?? -1 };
}

describe('conflicts', () => {
  it('records an edit conflict under manual resolution and writes neither side', async () => {
    const { sched, external, summary } = await editConflict();

    expect(summary.conflicts).toBe(1);
    expect(titles(sched)).toEqual(['Dentist (Sched)']);
    expect(titles(external)).toEqual(['Dentist (calendar)']);
  });

  it('keep-sched writes Sched’s version over the calendar’s and closes the conflict', async () => {
    const { sched, external, db, engine, connection, conflictId } = await editConflict();

    await engine.resolveConflict(conflictId, 'keep-sched', connection);

    expect(titles(external)).toEqual(['Dentist (Sched)']);
    expect(titles(sched)).toEqual(['Dentist (Sched)']);
    expect(db.conflicts.open(connection.calendarId)).toEqual([]);
  });

  it('keep-external writes the calendar’s version over Sched’s, and the next run is quiet', async () => {
    const { sched, external, engine, connection, conflictId } = await editConflict();

    await engine.resolveConflict(String(conflictId), 'keep-external', connection);
    const next = await engine.run(connection);

    expect(titles(sched)).toEqual(['Dentist (calendar)']);
    expect(next.updated).toEqual({ sched: 0, external: 0 });
    expect(next.conflicts).toBe(0);
    expect(titles(external)).toEqual(['Dentist (calendar)']);
  });

  it('records an overlap conflict when Sched refuses an event’s slot', async () => {
    const { sched, summary, db, connection } = await overlapConflict();

    expect(summary.conflicts).toBe(1);
    expect(titles(sched)).toEqual(['Physio']);
    expect(db.conflicts.open(connection.calendarId)[0]?.kind).toBe('overlap');
  });

  it('import-anyway books the event despite the overlap', async () => {
    const { sched, engine, connection, conflictId } = await overlapConflict();

    await engine.resolveConflict(conflictId, 'import-anyway', connection);

    expect(titles(sched)).toEqual(['Physio', 'Team lunch']);
  });

  it('skip remembers the event: never imported, never asked again, even after a full read', async () => {
    const { sched, external, db, engine, connection, conflictId } = await overlapConflict();

    await engine.resolveConflict(conflictId, 'skip', connection);
    external.expireCursors();
    const next = await engine.run(connection);

    expect(next.conflicts).toBe(0);
    expect(titles(sched)).toEqual(['Physio']);
    expect(db.conflicts.open(connection.calendarId)).toEqual([]);
  });

  it('refuses a choice that does not fit the conflict, changing nothing', async () => {
    const { engine, connection, conflictId, db } = await editConflict();

    const attempt = engine.resolveConflict(conflictId, 'import-anyway', connection);

    await expect(attempt).rejects.toBeInstanceOf(ResolutionNotAllowedError);
    expect(db.conflicts.open(connection.calendarId)).toHaveLength(1);
  });

  it('refuses a choice that would write where the direction never writes, naming it and changing nothing', async () => {
    const w = await editConflict();
    const oneWay = {
      ...w.connection,
      settings: { ...w.connection.settings, direction: 'external-to-sched' as const },
    };
    const writes = () => w.external.requests.create + w.external.requests.update + w.external.requests.delete;
    const before = writes();

    const attempt = w.engine.resolveConflict(w.conflictId, 'keep-sched', oneWay);

    await expect(attempt).rejects.toMatchObject({
      apiCode: 'validation',
      message: expect.stringMatching(
        /^resolution: "keep-sched" would write to the calendar.*"keep-external"/,
      ),
    });
    expect(writes()).toBe(before);
    expect(titles(w.external)).toEqual(['Dentist (calendar)']);
    expect(w.db.conflicts.open(w.connection.calendarId)).toHaveLength(1);
    await w.engine.resolveConflict(w.conflictId, 'keep-external', oneWay);
    expect(titles(w.sched)).toEqual(['Dentist (calendar)']);
  });

  it('prefer-external keeps a moved copy whose booking was deleted: a new booking, and the copy names it', async () => {
    const w = world({ settings: { conflict_resolution: 'prefer-external' } });
    const booking = w.sched.add(slot('Dentist'));
    await w.engine.run(w.connection);
    const copy = w.external.live()[0]!;
    w.external.edit(copy.id, { start: slot('Dentist', 12, 15).start, end: slot('Dentist', 12, 15).end });
    w.sched.remove(booking.id);

    const preview = await w.engine.preview(w.connection);
    const run = await w.engine.run(w.connection);
    const idle = await w.engine.run(w.connection);

    const made = w.sched.live();
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({ start: slot('Dentist', 12, 15).start });
    expect(made[0]?.source).toBeUndefined();
    expect(w.external.live().map((e) => e.tags?.bookingId)).toEqual([made[0]?.id]);
    expect(run).toMatchObject({ created: { sched: 1, external: 0 }, updated: { sched: 0, external: 1 } });
    expect([preview.counts.create, preview.counts.update]).toEqual([run.created, run.updated]);
    expect(idle).toMatchObject({ created: { sched: 0, external: 0 }, updated: { sched: 0, external: 0 } });
  });

  it('says so when the conflict does not exist', async () => {
    const { engine, connection } = world();

    const attempt = engine.resolveConflict(999, 'skip', connection);

    await expect(attempt).rejects.toThrow(ConflictNotFoundError);
  });
});
