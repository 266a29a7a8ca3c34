import { describe, expect, it } from 'vitest';
import { exceptionItemId, plan, planInboundAs } from '../../../main/sync';
import { booking, event, linkOf, planInput, settings } from './fixtures';

const source = { calendarService: 'google' as const, calendarId: 'room-a@example.com', eventId: 'e1' };

describe('planInboundAs: a change of inbound_as converts what the calendar’s events made', () => {
  it('to busy: cancels the booking made from an event and makes the event an exception, keyed apart', () => {
    const b = booking('b1', { source });
    const e = event('e1');
    const result = planInboundAs(
      planInput({
        settings: settings({ inbound_as: 'busy' }),
        state: { links: [linkOf(b, e, 'external')] },
        sched: { items: [b], full: true },
        external: { items: [e], full: true },
      }),
      plan,
    );

    expect(result.actions).toEqual([
      expect.objectContaining({ type: 'delete', side: 'sched', id: 'b1', reason: 'remap' }),
      expect.objectContaining({
        type: 'create',
        side: 'sched',
        idempotencyKey: 'conn-1:sched:e1:after:b1',
        source: expect.objectContaining({ eventId: 'e1' }),
      }),
    ]);
  });

  it('leaves links of the wanted kind to the ordinary plan', () => {
    const x = booking(exceptionItemId('x1'), { source });
    const e = event('e1');
    const input = planInput({
      settings: settings({ inbound_as: 'busy' }),
      state: { links: [linkOf(x, e, 'external')] },
      sched: { items: [x], full: true },
      external: { items: [e], full: true },
    });

    expect(planInboundAs(input, plan)).toEqual(plan(input));
  });

  it('to bookings: removes the agent’s event copies of exceptions, and only tagged ones, never importing a copy that lost its tags', () => {
    const x = booking(exceptionItemId('x1'));
    const y = booking(exceptionItemId('y1'));
    const tagged = event('e1', { tags: { bookingId: x.id, connectionId: 'conn-1' } });
    const untagged = event('e2');
    const result = planInboundAs(
      planInput({
        state: { links: [linkOf(x, tagged), linkOf(y, untagged)] },
        external: { items: [tagged, untagged], full: true },
      }),
      plan,
    );

    expect(result.actions).toEqual([
      expect.objectContaining({ type: 'delete', side: 'external', id: 'e1', ifMatch: 'e1-etag1' }),
      { type: 'unlink', link: { bookingId: y.id, eventId: 'e2' }, reason: 'remap' },
    ]);
  });

  it('to busy: a booking made from an event, gone before its event was read again, unlinks it and never deletes the event', () => {
    const b = booking('b1', { source });
    const e = event('e1');
    const input = planInput({
      settings: settings({ inbound_as: 'busy' }),
      state: { links: [linkOf(b, e, 'external')] },
      // A crashed conversion cancelled the booking; the event, its day past the window, is not in this read.
      sched: { items: [{ ...b, status: 'cancelled' }] },
      external: { items: [] },
    });

    const result = planInboundAs(input, plan);

    expect(plan(input).actions).toEqual([
      expect.objectContaining({ type: 'delete', side: 'external', id: 'e1' }),
    ]);
    expect(result.actions).toEqual([
      { type: 'unlink', link: { bookingId: 'b1', eventId: 'e1' }, reason: 'remap' },
    ]);
    expect(result.counts.delete).toEqual({ sched: 0, external: 0 });
  });
});
