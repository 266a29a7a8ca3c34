import { describe, expect, it } from 'vitest';
import { slot, world, writes } from './world';

describe('Engine.preview', () => {
  it('lists the next run’s writes per side without applying them or moving cursors', async () => {
    const { sched, external, db, engine, connection } = world();
    sched.add(slot('Dentist'));
    external.add(slot('Lunch', 13));

    const preview = await engine.preview(connection);

    expect(preview.counts.create).toEqual({ sched: 1, external: 1 });
    expect(preview.changes.map((change) => [change.action, change.side, change.title])).toEqual([
      ['create', 'external', 'Dentist'],
      ['create', 'sched', 'Lunch'],
    ]);
    expect(preview.guard.verdict).toBe('ok');
    expect(writes(sched) + writes(external)).toBe(0);
    expect(db.connections.get(connection.calendarId)?.externalSyncToken).toBeNull();
    expect(db.runs.list({ connectionId: connection.calendarId })).toEqual([]);
  });

  it('shows what the next run does after earlier changes, since the cursors did not move', async () => {
    const { sched, engine, connection } = world();
    const booking = sched.add(slot('Dentist'));
    await engine.run(connection);
    sched.edit(booking.id, { title: 'Dentist (moved)' });

    const first = await engine.preview(connection);
    const second = await engine.preview(connection);

    expect(first.counts.update.external).toBe(1);
    expect(second.counts.update.external).toBe(1);
  });
});
