import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LinkInput } from '../../../main/store/link-repo';
import { tempStateDb } from './temp-state-db';

const base: LinkInput = {
  connectionId: 'cal-1',
  bookingId: 'b1',
  eventId: 'e1',
  schedVersion: '3',
  externalEtag: '"etag-1"',
  schedHash: 'hash-a',
  externalHash: 'hash-a',
};

describe('LinkRepo', () => {
  let env: ReturnType<typeof tempStateDb>;
  beforeEach(() => {
    env = tempStateDb();
    env.db.connections.ensure('cal-1');
    env.db.connections.ensure('cal-2');
  });
  afterEach(() => env.cleanup());

  it('finds a link by booking and by event', () => {
    const created = env.db.links.upsert(base);

    expect(env.db.links.byBooking('cal-1', 'b1')).toEqual(created);
    expect(env.db.links.byEvent('cal-1', 'e1')).toEqual(created);
    expect(env.db.links.get(created.id)).toEqual(created);
    expect(created).toMatchObject({
      seriesId: null,
      originalStart: null,
      createdAt: '2025-03-10T09:00:00.000Z',
    });
  });

  it('refreshes the versions of an existing link instead of adding a second one', () => {
    const first = env.db.links.upsert(base);
    env.clock.now = new Date('2025-03-11T09:00:00.000Z');

    const second = env.db.links.upsert({
      ...base,
      schedVersion: '4',
      externalEtag: '"etag-2"',
      schedHash: 'b',
    });

    expect(second.id).toBe(first.id);
    expect(second).toMatchObject({
      schedVersion: '4',
      externalEtag: '"etag-2"',
      schedHash: 'b',
      createdAt: '2025-03-10T09:00:00.000Z',
      updatedAt: '2025-03-11T09:00:00.000Z',
    });
    expect(env.db.links.count('cal-1')).toBe(1);
  });

  it('refuses to link one event to two bookings of the same connection', () => {
    env.db.links.upsert(base);

    expect(() => env.db.links.upsert({ ...base, bookingId: 'b2' })).toThrow(/UNIQUE constraint failed/);
    expect(env.db.links.count('cal-1')).toBe(1);
  });

  it('allows the same ids in two different connections', () => {
    env.db.links.upsert(base);

    env.db.links.upsert({ ...base, connectionId: 'cal-2' });

    expect(env.db.links.count('cal-1')).toBe(1);
    expect(env.db.links.count('cal-2')).toBe(1);
  });

  it('refuses a link for a connection that has no sync state', () => {
    expect(() => env.db.links.upsert({ ...base, connectionId: 'unknown' })).toThrow(
      /FOREIGN KEY constraint failed/,
    );
  });

  it('keeps the instances of a recurring series together, ordered by their original start', () => {
    const instance = (n: number, start: string): LinkInput => ({
      ...base,
      bookingId: `b${n}`,
      eventId: `series_2025031${n}`,
      seriesId: 'series',
      originalStart: start,
    });
    env.db.links.upsert(instance(3, '2025-03-13T09:00:00Z'));
    env.db.links.upsert(instance(1, '2025-03-11T09:00:00Z'));
    env.db.links.upsert({ ...base, bookingId: 'single', eventId: 'single-event' });

    const series = env.db.links.listSeries('cal-1', 'series');

    expect(series.map((l) => l.originalStart)).toEqual(['2025-03-11T09:00:00Z', '2025-03-13T09:00:00Z']);
  });

  it('removes one link or all of a connection', () => {
    const one = env.db.links.upsert(base);
    env.db.links.upsert({ ...base, bookingId: 'b2', eventId: 'e2' });
    env.db.links.upsert({ ...base, connectionId: 'cal-2' });

    expect(env.db.links.remove(one.id)).toBe(true);
    expect(env.db.links.list('cal-1').map((l) => l.bookingId)).toEqual(['b2']);
    expect(env.db.links.removeAll('cal-1')).toBe(1);
    expect(env.db.links.count('cal-1')).toBe(0);
    expect(env.db.links.count('cal-2')).toBe(1);
  });
  it('starts a link confirmed and lists the events marked unconfirmed, in the order they were linked', () => {
    env.db.links.upsert(base);
    env.db.links.upsert({ ...base, bookingId: 'b2', eventId: 'e2' });
    env.db.links.upsert({ ...base, bookingId: 'b3', eventId: 'e3' });

    const before = env.db.links.unconfirmedEventIds('cal-1');
    env.db.links.setExternalUnconfirmed('cal-1', 'e3', true);
    env.db.links.setExternalUnconfirmed('cal-1', 'e1', true);

    expect(before).toEqual([]);
    expect(env.db.links.unconfirmedEventIds('cal-1')).toEqual(['e1', 'e3']);
  });

  it('drops an event from the unconfirmed list once it is confirmed', () => {
    env.db.links.upsert(base);
    env.db.links.setExternalUnconfirmed('cal-1', 'e1', true);

    const changed = env.db.links.setExternalUnconfirmed('cal-1', 'e1', false);

    expect(changed).toBe(true);
    expect(env.db.links.unconfirmedEventIds('cal-1')).toEqual([]);
  });

  it('marks only the link of the named connection, and says when there was no such link', () => {
    env.db.links.upsert(base);
    env.db.links.upsert({ ...base, connectionId: 'cal-2' });

    const marked = env.db.links.setExternalUnconfirmed('cal-2', 'e1', true);
    const missing = env.db.links.setExternalUnconfirmed('cal-1', 'no-such-event', true);

    expect(marked).toBe(true);
    expect(missing).toBe(false);
    expect(env.db.links.unconfirmedEventIds('cal-1')).toEqual([]);
    expect(env.db.links.unconfirmedEventIds('cal-2')).toEqual(['e1']);
  });
});
