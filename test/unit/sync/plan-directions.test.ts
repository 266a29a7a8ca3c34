import { describe, expect, it } from 'vitest';
import { plan } from '../../../main/sync';
import { booking, connection, edited, event, linkOf, london, planInput, settings } from './fixtures';

const writeTypes = new Set(['create', 'update', 'delete']);

describe('plan: new items per direction', () => {
  it('two-way copies a new booking out as a tagged event and a new event in as a booking with source', () => {
    const b = booking('b1');
    const e = event('e1', { title: 'Dentist' });

    const result = plan(planInput({ sched: { items: [b] }, external: { items: [e] } }));

    expect(result.actions).toEqual([
      expect.objectContaining({
        type: 'create',
        side: 'external',
        fields: expect.objectContaining({ title: 'Booking b1' }),
        tags: { bookingId: 'b1', connectionId: 'conn-1' },
        idempotencyKey: 'conn-1:external:b1',
        counterpart: expect.objectContaining({ id: 'b1', version: 'b1-v1' }),
      }),
      expect.objectContaining({
        type: 'create',
        side: 'sched',
        fields: expect.objectContaining({ title: 'Dentist' }),
        source: { calendarService: 'google', calendarId: connection.calendarId, eventId: 'e1' },
        idempotencyKey: 'conn-1:sched:e1',
      }),
    ]);
    expect(result.counts.create).toEqual({ sched: 1, external: 1 });
  });

  it('sched-to-external exports bookings and leaves unlinked events alone', () => {
    const result = plan(
      planInput({
        settings: settings({ direction: 'sched-to-external' }),
        sched: { items: [booking('b1')] },
        external: { items: [event('e1')] },
      }),
    );

    expect(result.actions).toHaveLength(1);
    expect(result.actions[0]).toMatchObject({ type: 'create', side: 'external' });
  });

  it('external-to-sched imports events and leaves unlinked bookings alone', () => {
    const result = plan(
      planInput({
        settings: settings({ direction: 'external-to-sched' }),
        sched: { items: [booking('b1')] },
        external: { items: [event('e1')] },
      }),
    );

    expect(result.actions).toHaveLength(1);
    expect(result.actions[0]).toMatchObject({ type: 'create', side: 'sched' });
  });

  it('does not copy cancelled items', () => {
    const result = plan(
      planInput({
        sched: { items: [booking('b1', { status: 'cancelled' })] },
        external: { items: [event('e1', { status: 'cancelled' })] },
      }),
    );

    expect(result.actions).toEqual([]);
  });
});

describe('plan: changes to linked items', () => {
  const b = booking('b1');
  const e = event('e1', { title: b.title });
  const state = { links: [linkOf(b, e)] };

  it('two-way copies a booking edit to the event, conditional on the stored etag', () => {
    const moved = edited(b, { title: 'Moved meeting' });

    const result = plan(planInput({ state, sched: { items: [moved] } }));

    expect(result.actions).toEqual([
      expect.objectContaining({
        type: 'update',
        side: 'external',
        id: 'e1',
        ifMatch: 'e1-etag1',
        fields: expect.objectContaining({ title: 'Moved meeting' }),
        before: expect.objectContaining({ title: b.title }),
        counterpart: expect.objectContaining({ id: 'b1', version: moved.version }),
        reason: 'changed',
      }),
    ]);
  });

  it('two-way copies an event edit to the booking', () => {
    const result = plan(planInput({ state, external: { items: [edited(e, { location: 'Room B' })] } }));

    expect(result.actions).toEqual([
      expect.objectContaining({ type: 'update', side: 'sched', id: 'b1', ifMatch: 'b1-v1' }),
    ]);
    expect(result.actions[0]).toMatchObject({ fields: { location: 'Room B' } });
  });

  it('deletes the event when the booking is cancelled in Sched', () => {
    const result = plan(planInput({ state, sched: { items: [edited(b, { status: 'cancelled' })] } }));

    expect(result.actions).toEqual([
      expect.objectContaining({ type: 'delete', side: 'external', id: 'e1', reason: 'deleted' }),
    ]);
  });

  it('cancels the booking when the event is deleted, in inbound directions only', () => {
    const deleted = { items: [], deleted: ['e1'] };

    const twoWay = plan(planInput({ state, external: deleted }));
    const inbound = plan(
      planInput({ state, external: deleted, settings: settings({ direction: 'external-to-sched' }) }),
    );
    const outbound = plan(
      planInput({ state, external: deleted, settings: settings({ direction: 'sched-to-external' }) }),
    );

    expect(twoWay.actions).toEqual([expect.objectContaining({ type: 'delete', side: 'sched', id: 'b1' })]);
    expect(inbound.actions).toEqual([expect.objectContaining({ type: 'delete', side: 'sched', id: 'b1' })]);
    expect(outbound.actions.filter((action) => action.type === 'delete')).toEqual([]);
  });

  it('sched-to-external overwrites an external edit with the booking', () => {
    const result = plan(
      planInput({
        state,
        settings: settings({ direction: 'sched-to-external' }),
        external: { items: [edited(e, { title: 'Renamed in Outlook' })] },
      }),
    );

    expect(result.actions).toEqual([
      expect.objectContaining({
        type: 'update',
        side: 'external',
        fields: expect.objectContaining({ title: b.title }),
        ifMatch: 'e1-etag1+',
        reason: 'overwrite',
      }),
    ]);
  });

  it('sched-to-external recreates an event deleted externally, under a new idempotency key', () => {
    const result = plan(
      planInput({
        state,
        settings: settings({ direction: 'sched-to-external' }),
        external: { items: [], deleted: ['e1'] },
      }),
    );

    expect(result.actions).toEqual([
      expect.objectContaining({
        type: 'create',
        side: 'external',
        idempotencyKey: 'conn-1:external:b1:after:e1',
        replaces: { bookingId: 'b1', eventId: 'e1' },
        tags: { bookingId: 'b1', connectionId: 'conn-1' },
        reason: 'recreate',
      }),
    ]);
  });

  it('external-to-sched overwrites an edit made in Sched with the event', () => {
    const result = plan(
      planInput({
        state,
        settings: settings({ direction: 'external-to-sched' }),
        sched: { items: [edited(b, { description: 'changed in Sched' })] },
      }),
    );

    expect(result.actions).toEqual([
      expect.objectContaining({
        type: 'update',
        side: 'sched',
        fields: expect.objectContaining({ description: e.description }),
      }),
    ]);
  });

  it('external-to-sched writes nothing outward when a booking is cancelled in Sched, but books it again', () => {
    const result = plan(
      planInput({
        state,
        settings: settings({ direction: 'external-to-sched' }),
        sched: { items: [edited(b, { status: 'cancelled' })] },
      }),
    );

    expect(result.actions).toEqual([
      expect.objectContaining({
        type: 'create',
        side: 'sched',
        source: expect.objectContaining({ eventId: 'e1' }),
        reason: 'recreate',
      }),
    ]);
  });

  it('writes nothing back for a change the agent made itself (echo suppression)', () => {
    const echo = { ...b, version: 'b1-v2', updated: '2025-03-09T10:00:00.000Z' };

    const result = plan(planInput({ state, sched: { items: [echo] } }));

    expect(result.actions.filter((action) => writeTypes.has(action.type))).toEqual([]);
    expect(result.actions).toEqual([
      expect.objectContaining({
        type: 'link',
        reason: 'refresh',
        link: expect.objectContaining({ sched: expect.objectContaining({ version: 'b1-v2' }) }),
      }),
    ]);
  });

  it('plans nothing at all when nothing changed', () => {
    expect(plan(planInput({ state })).actions).toEqual([]);
  });

  it('unlinks a link deleted on both sides without writing', () => {
    const result = plan(
      planInput({
        state,
        sched: { items: [edited(b, { status: 'cancelled' })] },
        external: { items: [], deleted: ['e1'] },
      }),
    );

    expect(result.actions).toEqual([
      { type: 'unlink', link: { bookingId: 'b1', eventId: 'e1' }, reason: 'both-gone' },
    ]);
  });
});

describe('plan: a booking another calendar of the resource imports one way', () => {
  it('two-way puts a change to its copy back instead of moving the booking that calendar moves back', () => {
    const b = booking('b1');
    const e = event('e1', { title: 'Booking b1', tags: { bookingId: 'b1', connectionId: 'conn-1' } });
    const state = { links: [linkOf(b, e)], heldBookingIds: ['b1'] };
    const moved = edited(e, { title: 'Moved here' });

    const result = plan(planInput({ state, external: { items: [moved] } }));

    expect(result.actions).toEqual([
      expect.objectContaining({
        type: 'update',
        side: 'external',
        id: 'e1',
        fields: expect.objectContaining({ title: 'Booking b1' }),
      }),
    ]);
  });

  it('two-way makes its copy again when a person deletes it, and never cancels the booking', () => {
    const b = booking('b1');
    const e = event('e1', { tags: { bookingId: 'b1', connectionId: 'conn-1' } });
    const state = { links: [linkOf(b, e)], heldBookingIds: ['b1'] };

    const result = plan(planInput({ state, external: { items: [], deleted: ['e1'] } }));

    expect(result.actions).toEqual([expect.objectContaining({ type: 'create', side: 'external' })]);
  });
});

describe('plan: external-to-sched, a copy of a booking another calendar of the resource made from its event', () => {
  const b = booking('b1', { start: london('2025-03-12T11:00'), end: london('2025-03-12T12:00') });
  const e = event('e1', { tags: { bookingId: 'b1', connectionId: 'conn-1' } });
  const state = { links: [linkOf(booking('b1'), e)], followedBookingIds: ['b1'] };
  const oneWay = settings({ direction: 'external-to-sched' });

  it('writes nothing for the pair when the booking moved, nor when its stale copy here was edited', () => {
    const bookingMoved = plan(planInput({ settings: oneWay, state, sched: { items: [b] } }));
    const copyEdited = plan(
      planInput({ settings: oneWay, state, external: { items: [edited(e, { title: 'Moved here' })] } }),
    );

    expect(bookingMoved.actions).toEqual([]);
    expect(copyEdited.actions).toEqual([]);
  });

  it('copies the booking’s move once the calendar is two-way again', () => {
    const result = plan(planInput({ state, sched: { items: [b] } }));

    expect(result.actions).toEqual([expect.objectContaining({ type: 'update', side: 'external', id: 'e1' })]);
  });
});
