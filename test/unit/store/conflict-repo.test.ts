import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempStateDb } from './temp-state-db';

describe('ConflictRepo', () => {
  let env: ReturnType<typeof tempStateDb>;
  beforeEach(() => {
    env = tempStateDb();
    env.db.connections.ensure('cal-1');
    env.db.connections.ensure('cal-2');
  });
  afterEach(() => env.cleanup());

  it('records an edit conflict with both versions side by side', () => {
    const link = env.db.links.upsert({
      connectionId: 'cal-1',
      bookingId: 'b1',
      eventId: 'e1',
      schedVersion: '2',
      externalEtag: '"x"',
      schedHash: 'a',
      externalHash: 'a',
    });

    const conflict = env.db.conflicts.record({
      connectionId: 'cal-1',
      kind: 'edit',
      linkId: link.id,
      bookingId: 'b1',
      eventId: 'e1',
      schedVersion: { title: 'Checkup at 9' },
      externalVersion: { title: 'Checkup at 10' },
      runId: 'run-1',
    });

    expect(conflict).toMatchObject({
      connectionId: 'cal-1',
      kind: 'edit',
      linkId: link.id,
      schedVersion: { title: 'Checkup at 9' },
      externalVersion: { title: 'Checkup at 10' },
      createdAt: '2025-03-10T09:00:00.000Z',
      resolvedAt: null,
      resolution: null,
    });
    expect(env.db.conflicts.openForLink(link.id)?.id).toBe(conflict.id);
  });

  it('refreshes the open conflict of an item instead of asking twice', () => {
    const first = env.db.conflicts.record({
      connectionId: 'cal-1',
      kind: 'overlap',
      eventId: 'e9',
      externalVersion: { v: 1 },
    });

    const again = env.db.conflicts.record({
      connectionId: 'cal-1',
      kind: 'overlap',
      eventId: 'e9',
      externalVersion: { v: 2 },
    });

    expect(again.id).toBe(first.id);
    expect(again.externalVersion).toEqual({ v: 2 });
    expect(env.db.conflicts.open()).toHaveLength(1);
  });

  it('opens a new conflict for an item whose earlier conflict was resolved', () => {
    const first = env.db.conflicts.record({
      connectionId: 'cal-1',
      kind: 'edit',
      bookingId: 'b1',
      eventId: 'e1',
    });
    env.db.conflicts.resolve(first.id, 'keep-sched');

    const second = env.db.conflicts.record({
      connectionId: 'cal-1',
      kind: 'edit',
      bookingId: 'b1',
      eventId: 'e1',
    });

    expect(second.id).not.toBe(first.id);
    expect(env.db.conflicts.open().map((c) => c.id)).toEqual([second.id]);
  });

  it('lists open conflicts per connection and closes one with the choice made', () => {
    const a = env.db.conflicts.record({
      connectionId: 'cal-1',
      kind: 'edit',
      bookingId: 'b1',
      eventId: 'e1',
    });
    const b = env.db.conflicts.record({
      connectionId: 'cal-2',
      kind: 'edit',
      bookingId: 'b2',
      eventId: 'e2',
    });
    env.clock.now = new Date('2025-03-10T12:00:00.000Z');

    const resolved = env.db.conflicts.resolve(a.id, 'keep-external');

    expect(resolved).toMatchObject({ resolution: 'keep-external', resolvedAt: '2025-03-10T12:00:00.000Z' });
    expect(env.db.conflicts.open().map((c) => c.id)).toEqual([b.id]);
    expect(env.db.conflicts.open('cal-1')).toEqual([]);
    expect(env.db.conflicts.resolve(a.id, 'keep-sched')).toBeNull();
    expect(env.db.conflicts.get(a.id)?.resolution).toBe('keep-external');
  });

  it('never asks again about an overlap the person skipped', () => {
    const overlap = env.db.conflicts.record({ connectionId: 'cal-1', kind: 'overlap', eventId: 'lunch' });

    env.db.conflicts.resolve(overlap.id, 'skip');

    expect(env.db.conflicts.isOverlapSkipped('cal-1', 'lunch')).toBe(true);
    expect(env.db.conflicts.isOverlapSkipped('cal-2', 'lunch')).toBe(false);
    expect(env.db.conflicts.skippedOverlaps('cal-1')).toEqual(['lunch']);
  });

  it('does not remember an overlap the person chose to import anyway', () => {
    const overlap = env.db.conflicts.record({ connectionId: 'cal-1', kind: 'overlap', eventId: 'lunch' });

    env.db.conflicts.resolve(overlap.id, 'import-anyway');

    expect(env.db.conflicts.isOverlapSkipped('cal-1', 'lunch')).toBe(false);
  });

  it('keeps a conflict when its link is removed, without the link id', () => {
    const link = env.db.links.upsert({
      connectionId: 'cal-1',
      bookingId: 'b1',
      eventId: 'e1',
      schedVersion: null,
      externalEtag: null,
      schedHash: null,
      externalHash: null,
    });
    const conflict = env.db.conflicts.record({
      connectionId: 'cal-1',
      kind: 'edit',
      linkId: link.id,
      bookingId: 'b1',
    });

    env.db.links.remove(link.id);

    expect(env.db.conflicts.get(conflict.id)).toMatchObject({ linkId: null, bookingId: 'b1' });
  });
});
