import { describe, expect, it } from 'vitest';
import { linkSideOf, plan } from '../../../main/sync';
import { booking, edited, event, london, planInput, settings } from './fixtures';

describe('plan: items whose copy an undo removed', () => {
  const b = booking('b1');
  const e = event('e1', { start: london('2025-03-13T10:00'), end: london('2025-03-13T11:00') });

  it('does not copy a booking or an event again while they are as they were at the undo', () => {
    const result = plan(
      planInput({
        state: {
          links: [],
          skippedBookings: [{ id: 'b1', hash: linkSideOf(b).hash, copyId: 'e-old' }],
          skippedEvents: [{ id: 'e1', hash: linkSideOf(e).hash, copyId: 'b-old' }],
        },
        sched: { items: [b], full: true },
        external: { items: [e], full: true },
      }),
    );

    expect(result.actions).toEqual([]);
  });

  it('copies them once they changed, keyed after the removed copy', () => {
    const result = plan(
      planInput({
        state: {
          links: [],
          skippedBookings: [{ id: 'b1', hash: linkSideOf(b).hash, copyId: 'e-old' }],
          skippedEvents: [{ id: 'e1', hash: linkSideOf(e).hash, copyId: 'b-old' }],
        },
        sched: { items: [edited(b, { title: 'Dentist (moved)' })] },
        external: { items: [edited(e, { title: 'Lunch (moved)' })] },
      }),
    );

    expect(result.actions).toEqual([
      expect.objectContaining({
        type: 'create',
        side: 'external',
        idempotencyKey: 'conn-1:external:b1:after:e-old',
      }),
      expect.objectContaining({
        type: 'create',
        side: 'sched',
        idempotencyKey: 'conn-1:sched:e1:after:b-old',
      }),
    ]);
  });

  it('imports an undone event when the person chose import anyway', () => {
    const result = plan(
      planInput({
        settings: settings({ direction: 'external-to-sched' }),
        state: { links: [], skippedEvents: [{ id: 'e1', hash: linkSideOf(e).hash, copyId: 'b-old' }] },
        external: { items: [e] },
        importAnyway: ['e1'],
      }),
    );

    expect(result.actions).toEqual([
      expect.objectContaining({ type: 'create', side: 'sched', allowOverlap: true }),
    ]);
  });

  it('books the agent’s own copy whose remade booking an undo removed, once edited, and retags it to the new booking', () => {
    const copy = event('e1', { tags: { bookingId: 'b-remade', connectionId: 'conn-1' } });
    const undone = {
      links: [],
      skippedEvents: [{ id: 'e1', hash: linkSideOf(copy).hash, copyId: 'b-remade' }],
    };
    const asUndone = plan(planInput({ state: undone, external: { items: [copy] } }));
    const moved = edited(copy, { start: london('2025-03-14T10:00'), end: london('2025-03-14T11:00') });

    const result = plan(planInput({ state: undone, external: { items: [moved] } }));

    expect(asUndone.actions).toEqual([]);
    expect(result.actions).toEqual([
      expect.objectContaining({
        type: 'create',
        side: 'sched',
        idempotencyKey: 'conn-1:sched:e1:after:b-remade',
        retag: expect.objectContaining({ eventId: 'e1', connectionId: 'conn-1' }),
      }),
    ]);
  });
});
