import { describe, expect, it } from 'vitest';
import { plan } from '../../../main/sync';
import type { Link, SyncItem } from '../../../main/sync';
import { booking, edited, event, linkOf, london, planInput, settings } from './fixtures';

/** A booking as Sched holds it: no location. */
function schedBooking(id: string, overrides: Partial<SyncItem> = {}): SyncItem {
  return booking(id, { location: '', ...overrides });
}

/** The pair as the last run left it: the event has no location yet. */
function linkedPair(): { b: SyncItem; e: SyncItem; link: Link } {
  const b = schedBooking('b1');
  const e = event('e1', { title: b.title, description: b.description, location: '' });
  return { b, e, link: linkOf(b, e) };
}

/** Sched holds no location; the calendar holds every field. */
const noLocation = { capabilities: { sched: { storesLocation: false }, external: { storesLocation: true } } };

describe('plan: a side with no location field (Sched)', () => {
  it('writes nothing to Sched for a location set on the event, and only moves the stored version on', () => {
    const { e, link } = linkedPair();
    const withPlace = edited(e, { location: 'Room 4' });

    const result = plan(
      planInput({
        state: { links: [link] },
        sched: { items: [] },
        ...noLocation,
        external: { items: [withPlace] },
      }),
    );

    expect(result.counts.update).toEqual({ sched: 0, external: 0 });
    expect(result.actions).toEqual([
      expect.objectContaining({
        type: 'link',
        reason: 'refresh',
        link: expect.objectContaining({ external: expect.objectContaining({ version: withPlace.version }) }),
      }),
    ]);
  });

  it('is idle on the run after, with the refreshed link', () => {
    const { b, e } = linkedPair();
    const withPlace = edited(e, { location: 'Room 4' });

    const result = plan(
      planInput({
        state: { links: [linkOf(b, withPlace)] },
        sched: { items: [b] },
        ...noLocation,
        external: { items: [withPlace] },
      }),
    );

    expect(result.actions).toEqual([]);
  });

  it('keeps the event’s own location when a booking edit is copied onto it', () => {
    const { b, e } = linkedPair();
    const withPlace = edited(e, { location: 'Room 4' });
    const renamed = edited(b, { title: 'Board meeting (moved)', start: london('2025-03-12T14:00') });

    const result = plan(
      planInput({
        state: { links: [linkOf(b, withPlace)] },
        sched: { items: [renamed] },
        ...noLocation,
      }),
    );

    expect(result.actions).toEqual([
      expect.objectContaining({
        type: 'update',
        side: 'external',
        fields: expect.objectContaining({ title: 'Board meeting (moved)', location: 'Room 4' }),
      }),
    ]);
  });

  it('merges a booking edit with a location-only event edit instead of asking a person', () => {
    const { b, e, link } = linkedPair();
    const renamed = edited(b, { title: 'Board meeting (moved)' });
    const withPlace = edited(e, { location: 'Room 4' });

    const result = plan(
      planInput({
        state: { links: [link] },
        sched: { items: [renamed] },
        ...noLocation,
        external: { items: [withPlace] },
      }),
    );

    expect(result.counts.conflicts).toBe(0);
    expect(result.actions).toEqual([
      expect.objectContaining({
        type: 'update',
        side: 'external',
        reason: 'changed',
        fields: expect.objectContaining({ title: 'Board meeting (moved)', location: 'Room 4' }),
      }),
    ]);
  });

  it('lists no location difference in a real conflict', () => {
    const { b, e, link } = linkedPair();

    const result = plan(
      planInput({
        state: { links: [link] },
        sched: { items: [edited(b, { title: 'Sched title' })] },
        ...noLocation,
        external: { items: [edited(e, { title: 'Calendar title', location: 'Room 4' })] },
      }),
    );

    expect(result.actions).toEqual([
      expect.objectContaining({
        type: 'conflict',
        differences: [expect.objectContaining({ field: 'title' })],
      }),
    ]);
  });

  it('still asks a person when the booking was cancelled and the event got a location', () => {
    const { b, e, link } = linkedPair();

    const result = plan(
      planInput({
        state: { links: [link] },
        sched: { items: [edited(b, { status: 'cancelled' })] },
        ...noLocation,
        external: { items: [edited(e, { location: 'Room 4' })] },
      }),
    );

    expect(result.counts.conflicts).toBe(1);
  });

  it('imports an event without its location, and exports a booking with none', () => {
    const e = event('e1', {
      location: 'Room 4',
      start: london('2025-03-13T10:00'),
      end: london('2025-03-13T11:00'),
    });
    const b = booking('b1', { location: 'stale value a Sched fake kept' });

    const result = plan(
      planInput({
        sched: { items: [b] },
        ...noLocation,
        external: { items: [e] },
      }),
    );

    expect(result.actions).toEqual([
      expect.objectContaining({
        type: 'create',
        side: 'external',
        fields: expect.objectContaining({ location: '' }),
      }),
      expect.objectContaining({
        type: 'create',
        side: 'sched',
        fields: expect.objectContaining({ location: '' }),
      }),
    ]);
  });

  it('under busy-only keeps a location the person put on the busy event', () => {
    const b = schedBooking('b1');
    const busy = event('e1', { title: 'Busy', description: '', location: '' });
    const placed = edited(busy, { location: 'Room 4' });
    const moved = edited(b, { start: london('2025-03-12T15:00'), end: london('2025-03-12T16:00') });

    const result = plan(
      planInput({
        settings: settings({ privacy: 'busy-only' }),
        state: { links: [linkOf(b, placed)] },
        sched: { items: [moved] },
        ...noLocation,
      }),
    );

    expect(result.actions).toEqual([
      expect.objectContaining({
        type: 'update',
        side: 'external',
        fields: expect.objectContaining({ title: 'Busy', description: '', location: 'Room 4' }),
      }),
    ]);
  });

  it('copies a location edit to a side that holds one (both sides by default)', () => {
    const { b, e, link } = linkedPair();

    const result = plan(
      planInput({
        state: { links: [link] },
        sched: { items: [b] },
        external: { items: [edited(e, { location: 'Room 4' })] },
      }),
    );

    expect(result.actions).toEqual([
      expect.objectContaining({
        type: 'update',
        side: 'sched',
        fields: expect.objectContaining({ location: 'Room 4' }),
      }),
    ]);
  });
});
