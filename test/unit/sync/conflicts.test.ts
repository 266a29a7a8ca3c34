import { describe, expect, it } from 'vitest';
import type { ConflictStrategy, SyncItem } from '../../../main/sync';
import { fieldDifferences, overlapConflict, plan } from '../../../main/sync';
import { booking, edited, event, linkOf, london, planInput, settings } from './fixtures';

const b = booking('b1');
const e = event('e1', { title: b.title });
const state = { links: [linkOf(b, e)] };

function bothEdited(strategy: ConflictStrategy, schedAt: string, externalAt: string) {
  return plan(
    planInput({
      state,
      settings: settings({ conflict_resolution: strategy }),
      sched: { items: [edited(b, { title: 'Sched title' }, schedAt)] },
      external: { items: [edited(e, { title: 'Calendar title' }, externalAt)] },
    }),
  );
}

const early = '2025-03-09T10:00:00.000Z';
const late = '2025-03-09T11:00:00.000Z';

describe('edit conflicts', () => {
  it('manual: records both versions field by field and writes nothing', () => {
    const result = bothEdited('manual', early, late);

    expect(result.actions).toEqual([
      {
        type: 'conflict',
        kind: 'edit',
        link: { bookingId: 'b1', eventId: 'e1' },
        sched: expect.objectContaining({ id: 'b1', deleted: false, updated: early }),
        external: expect.objectContaining({ id: 'e1', deleted: false, updated: late }),
        differences: [{ field: 'title', sched: 'Sched title', external: 'Calendar title' }],
      },
    ]);
    expect(result.counts.conflicts).toBe(1);
  });

  it('prefer-sched writes Sched’s version to the calendar, conditional on the new etag', () => {
    const result = bothEdited('prefer-sched', late, early);

    expect(result.actions).toEqual([
      expect.objectContaining({
        type: 'update',
        side: 'external',
        ifMatch: 'e1-etag1+',
        fields: expect.objectContaining({ title: 'Sched title' }),
        reason: 'conflict-resolved',
      }),
    ]);
  });

  it('prefer-external writes the calendar’s version to Sched', () => {
    const result = bothEdited('prefer-external', late, early);

    expect(result.actions).toEqual([
      expect.objectContaining({
        type: 'update',
        side: 'sched',
        fields: expect.objectContaining({ title: 'Calendar title' }),
      }),
    ]);
  });

  it('newest: the later edit wins, on either side', () => {
    expect(bothEdited('newest', early, late).actions[0]).toMatchObject({
      side: 'sched',
      fields: { title: 'Calendar title' },
    });
    expect(bothEdited('newest', late, early).actions[0]).toMatchObject({
      side: 'external',
      fields: { title: 'Sched title' },
    });
  });

  it('newest: a tie goes to Sched', () => {
    expect(bothEdited('newest', early, early).actions[0]).toMatchObject({
      side: 'external',
      fields: { title: 'Sched title' },
    });
  });

  it('is no conflict when both sides were edited to the same content', () => {
    const same = { title: 'Agreed title' };

    const result = plan(
      planInput({ state, sched: { items: [edited(b, same)] }, external: { items: [edited(e, same)] } }),
    );

    expect(result.actions).toEqual([expect.objectContaining({ type: 'link', reason: 'refresh' })]);
  });

  it('deleted on one side and edited on the other is a conflict that shows the deletion', () => {
    const result = plan(
      planInput({
        state,
        sched: { items: [edited(b, { status: 'cancelled' })] },
        external: { items: [edited(e, { title: 'Still on' })] },
      }),
    );

    expect(result.actions).toEqual([
      expect.objectContaining({ type: 'conflict', sched: expect.objectContaining({ deleted: true }) }),
    ]);
  });

  it('prefer-external recreates a booking cancelled in Sched when the event was edited', () => {
    const result = plan(
      planInput({
        state,
        settings: settings({ conflict_resolution: 'prefer-external' }),
        sched: { items: [edited(b, { status: 'cancelled' })] },
        external: { items: [edited(e, { title: 'Still on' })] },
      }),
    );

    expect(result.actions).toEqual([
      expect.objectContaining({
        type: 'create',
        side: 'sched',
        fields: expect.objectContaining({ title: 'Still on' }),
      }),
    ]);
  });

  it('has the agent’s copy a recreated booking is made from retagged to name the new booking', () => {
    const stillOn = edited(e, { title: 'Still on' });

    const result = plan(
      planInput({
        state,
        settings: settings({ conflict_resolution: 'prefer-external' }),
        sched: { items: [edited(b, { status: 'cancelled' })] },
        external: { items: [stillOn] },
      }),
    );

    expect(result.actions[0]).toMatchObject({
      type: 'create',
      retag: { eventId: 'e1', ifMatch: stillOn.version, connectionId: 'conn-1' },
    });
  });

  it('newest: a deletion of unknown time loses to an edit', () => {
    const result = plan(
      planInput({
        state,
        settings: settings({ conflict_resolution: 'newest' }),
        sched: { items: [edited(b, { title: 'Edited' })] },
        external: { items: [], deleted: ['e1'] },
      }),
    );

    expect(result.actions).toEqual([expect.objectContaining({ type: 'create', side: 'external' })]);
  });

  it('one-way modes have no edit conflicts: the sending side wins', () => {
    const result = plan(
      planInput({
        state,
        settings: settings({ direction: 'external-to-sched', conflict_resolution: 'manual' }),
        sched: { items: [edited(b, { title: 'Sched title' })] },
        external: { items: [edited(e, { title: 'Calendar title' })] },
      }),
    );

    expect(result.actions).toEqual([
      expect.objectContaining({
        type: 'update',
        side: 'sched',
        fields: expect.objectContaining({ title: 'Calendar title' }),
      }),
    ]);
  });

  it('writes nothing for a link with an open conflict until the person chooses', () => {
    const openState = { ...state, conflictedBookingIds: ['b1'] };

    const quiet = plan(planInput({ state: openState }));
    const edittedAgain = plan(
      planInput({ state: openState, external: { items: [edited(e, { title: 'Again' })] } }),
    );

    expect(quiet.actions).toEqual([]);
    expect(edittedAgain.actions).toEqual([expect.objectContaining({ type: 'conflict' })]);
  });

  it('applies the person’s choice to a link with an open conflict', () => {
    const current = {
      sched: edited(b, { title: 'Sched title' }),
      external: edited(e, { title: 'Calendar title' }),
    };

    const result = plan(
      planInput({
        state: { ...state, conflictedBookingIds: ['b1'] },
        sched: { items: [current.sched] },
        external: { items: [current.external] },
        resolutions: [{ bookingId: 'b1', keep: 'external' }],
      }),
    );

    expect(result.actions).toEqual([
      expect.objectContaining({
        type: 'update',
        side: 'sched',
        ifMatch: current.sched.version,
        fields: expect.objectContaining({ title: 'Calendar title' }),
        reason: 'conflict-resolved',
      }),
    ]);
  });
});

describe('a person’s answer to a conflict over a busy block', () => {
  const block = booking('exception:x1', { title: 'Unavailable: Dentist' });
  const dentist = event('e9', { title: 'Dentist' });
  const moved = edited(block, { start: london('2025-03-12T14:00'), end: london('2025-03-12T15:00') });
  const answer = (keep: 'sched' | 'external') =>
    plan(
      planInput({
        settings: settings({ inbound_as: 'busy' }),
        state: { links: [linkOf(block, dentist, 'external')], conflictedBookingIds: [block.id] },
        sched: { items: [moved] },
        resolutions: [{ bookingId: block.id, keep }],
      }),
    ).actions.filter((action) => action.type === 'update' || action.type === 'delete');

  it('keeps the block as Sched has it and writes nothing onto the person’s event', () => {
    expect(answer('sched')).toEqual([]);
  });

  it('puts the block back at its event when the person keeps the calendar’s', () => {
    expect(answer('external')).toEqual([
      expect.objectContaining({
        type: 'update',
        side: 'sched',
        id: block.id,
        fields: expect.objectContaining({ start: dentist.start }),
      }),
    ]);
  });
});

describe('fieldDifferences', () => {
  it('lists only the fields that differ, times included', () => {
    const later = { ...b, start: london('2025-03-12T11:00'), location: 'Room C' };

    expect(fieldDifferences(b, later).map((difference) => difference.field)).toEqual(['location', 'start']);
  });
});

describe('overlapConflict', () => {
  it('names the event and the booking in its way', () => {
    const incoming: SyncItem = event('e7', { title: 'Team lunch' });

    const conflict = overlapConflict(incoming, b);

    expect(conflict).toMatchObject({
      kind: 'overlap',
      eventId: 'e7',
      event: { title: 'Team lunch' },
      booking: { id: 'b1' },
    });
  });
});
