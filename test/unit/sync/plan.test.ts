import { describe, expect, it } from 'vitest';
import type { SyncItem } from '../../../main/sync';
import { plan } from '../../../main/sync';
import { booking, connection, edited, event, linkOf, london, planInput, settings } from './fixtures';

const writes = (items: ReturnType<typeof plan>) =>
  items.actions.filter(
    (action) => action.type === 'create' || action.type === 'update' || action.type === 'delete',
  );

describe('plan: the sync window', () => {
  const farPast = { start: london('2024-12-01T10:00'), end: london('2024-12-01T11:00') };
  const farFuture = { start: london('2026-01-05T10:00'), end: london('2026-01-05T11:00') };

  it('copies only new items inside the window', () => {
    const result = plan(
      planInput({ sched: { items: [booking('b1', farPast), booking('b2', farFuture), booking('b3')] } }),
    );

    expect(writes(result).map((action) => action.type === 'create' && action.counterpart.id)).toEqual(['b3']);
  });

  it('does not delete a linked item that is missing from a full read because it lies outside the window', () => {
    const b = booking('b1', farPast);
    const e = event('e1', farPast);

    const result = plan(
      planInput({
        state: { links: [linkOf(b, e)] },
        sched: { items: [b] },
        external: { items: [], full: true },
      }),
    );

    expect(writes(result)).toEqual([]);
  });

  it('counts a linked item missing from a full read as deleted when it lies inside the window', () => {
    const b = booking('b1');
    const e = event('e1');

    const result = plan(
      planInput({
        state: { links: [linkOf(b, e)] },
        sched: { items: [b] },
        external: { items: [], full: true },
      }),
    );

    expect(writes(result)).toEqual([expect.objectContaining({ type: 'delete', side: 'sched', id: 'b1' })]);
  });

  it('does not count absence from an incremental read as a deletion', () => {
    const b = booking('b1');
    const e = event('e1');

    const result = plan(planInput({ state: { links: [linkOf(b, e)] }, external: { items: [] } }));

    expect(result.actions).toEqual([]);
  });

  it('still moves the copy when a linked booking is moved out of the window', () => {
    const b = booking('b1');
    const e = event('e1');

    const result = plan(
      planInput({ state: { links: [linkOf(b, e)] }, sched: { items: [edited(b, farFuture)] } }),
    );

    expect(writes(result)).toEqual([expect.objectContaining({ type: 'update', side: 'external', id: 'e1' })]);
  });
});

describe('plan: identity and relinking', () => {
  it('never imports an event that carries booking tags, even from another connection', () => {
    const ours = event('e1', { tags: { bookingId: 'b-unknown', connectionId: 'conn-1' } });
    const older = event('e2', { tags: { bookingId: 'b-other', connectionId: 'conn-0' } });

    const result = plan(planInput({ external: { items: [ours, older], full: true } }));

    expect(result.actions).toEqual([]);
  });

  it('never exports a booking it imported from this calendar', () => {
    const imported = booking('b1', {
      source: { calendarService: 'google', calendarId: connection.calendarId, eventId: 'e9' },
    });

    const result = plan(planInput({ sched: { items: [imported] } }));

    expect(result.actions).toEqual([]);
  });

  it('after the state is lost, relinks every pair by its tags and creates and deletes nothing', () => {
    const exported = booking('b1');
    const exportedCopy = event('e1', {
      title: exported.title,
      tags: { bookingId: 'b1', connectionId: 'conn-1' },
    });
    const importedEvent = event('e2', {
      title: 'Dentist',
      start: london('2025-03-13T09:00'),
      end: london('2025-03-13T10:00'),
    });
    const importedCopy = booking('b2', {
      title: 'Dentist',
      start: importedEvent.start,
      end: importedEvent.end,
      source: { calendarService: 'google', calendarId: connection.calendarId, eventId: 'e2' },
    });

    const result = plan(
      planInput({
        state: { links: [] },
        sched: { items: [exported, importedCopy], full: true },
        external: { items: [exportedCopy, importedEvent], full: true },
      }),
    );

    expect(writes(result)).toEqual([]);
    expect(result.actions).toEqual([
      expect.objectContaining({
        type: 'link',
        reason: 'relink',
        link: expect.objectContaining({ origin: 'sched' }),
      }),
      expect.objectContaining({
        type: 'link',
        reason: 'relink',
        link: expect.objectContaining({ origin: 'external' }),
      }),
    ]);
    expect(result.guard.verdict).toBe('ok');
  });

  it('after the state is lost, a pair found again that differs takes the side changed later, whichever the rule prefers', () => {
    const moved = { start: london('2025-03-13T09:00'), end: london('2025-03-13T10:00') };
    const copyOf = (b: ReturnType<typeof booking>, updated: string) =>
      event('e1', { title: b.title, updated, tags: { bookingId: b.id, connectionId: 'conn-1' } });
    const planned = (
      conflict_resolution: 'prefer-sched' | 'prefer-external' | 'manual',
      sched: ReturnType<typeof booking>,
      external: ReturnType<typeof event>,
    ) =>
      plan(
        planInput({
          settings: settings({ conflict_resolution }),
          state: { links: [] },
          sched: { items: [sched], full: true },
          external: { items: [external], full: true },
        }),
      )
        .actions.filter((action) => action.type !== 'link')
        .map((action) => [action.type, 'side' in action ? action.side : '']);
    // Moved in Sched after the copy was last written: the move wins under prefer-external too.
    const movedBooking = booking('b1', { ...moved, updated: '2025-03-09T10:00:00.000Z' });
    const oldCopy = copyOf(movedBooking, '2025-03-02T09:00:00.000Z');
    expect(
      planned('prefer-external', movedBooking, {
        ...oldCopy,
        start: london('2025-03-12T09:00'),
        end: london('2025-03-12T10:00'),
      }),
    ).toEqual([['update', 'external']]);
    // The copy moved later: it wins under prefer-sched.
    const plain = booking('b1', { updated: '2025-03-02T09:00:00.000Z' });
    expect(
      planned('prefer-sched', plain, { ...copyOf(plain, '2025-03-09T10:00:00.000Z'), ...moved }),
    ).toEqual([['update', 'sched']]);
    // The same time on both: the rule decides; `manual` always asks.
    const same = copyOf(plain, plain.updated);
    expect(planned('prefer-external', plain, { ...same, ...moved })).toEqual([['update', 'sched']]);
    expect(
      planned('manual', movedBooking, {
        ...oldCopy,
        start: london('2025-03-12T09:00'),
        end: london('2025-03-12T10:00'),
      }),
    ).toEqual([['conflict', '']]);
  });

  it('relinks even a calendar that lost the source side and then makes the copy match in one-way mode', () => {
    const b = booking('b1', { title: 'Board meeting' });
    const stale = event('e1', { title: 'Old title', tags: { bookingId: 'b1', connectionId: 'conn-1' } });

    const result = plan(
      planInput({
        settings: settings({ direction: 'sched-to-external' }),
        sched: { items: [b], full: true },
        external: { items: [stale], full: true },
      }),
    );

    expect(result.actions).toEqual([
      expect.objectContaining({ type: 'link', reason: 'relink' }),
      expect.objectContaining({
        type: 'update',
        side: 'external',
        fields: expect.objectContaining({ title: 'Board meeting' }),
      }),
    ]);
  });

  it('leaves a tagged event alone when its booking is already linked to another event', () => {
    const b = booking('b1');
    const e = event('e1', { title: b.title });
    const duplicate = event('e2', { tags: { bookingId: 'b1', connectionId: 'conn-1' } });

    const result = plan(
      planInput({
        state: { links: [linkOf(b, e)] },
        sched: { items: [b] },
        external: { items: [e, duplicate] },
      }),
    );

    expect(result.actions).toEqual([]);
  });
});

describe('plan: busy-only privacy', () => {
  const busy = settings({ privacy: 'busy-only' });

  it('writes new events as "Busy" with no details', () => {
    const result = plan(planInput({ settings: busy, sched: { items: [booking('b1')] } }));

    expect(result.actions[0]).toMatchObject({
      type: 'create',
      fields: { title: 'Busy', description: '', location: '' },
    });
  });

  it('writes nothing when only details change, since the event would still say "Busy"', () => {
    const b = booking('b1');
    const e = event('e1', { title: 'Busy', description: '', location: '' });

    const result = plan(
      planInput({
        settings: busy,
        state: { links: [linkOf(b, e)] },
        sched: { items: [edited(b, { title: 'Renamed' })] },
      }),
    );

    expect(writes(result)).toEqual([]);
    expect(result.actions).toEqual([expect.objectContaining({ type: 'link', reason: 'refresh' })]);
  });

  it('copies only the times of a moved "Busy" event back to the booking', () => {
    const b = booking('b1');
    const e = event('e1', { title: 'Busy', description: '', location: '' });
    const moved = edited(e, { start: london('2025-03-12T14:00'), end: london('2025-03-12T15:00') });

    const result = plan(
      planInput({ settings: busy, state: { links: [linkOf(b, e)] }, external: { items: [moved] } }),
    );

    expect(result.actions).toEqual([
      expect.objectContaining({
        type: 'update',
        side: 'sched',
        fields: {
          title: b.title,
          description: b.description,
          location: b.location,
          start: moved.start,
          end: moved.end,
        },
      }),
    ]);
  });
});

describe('plan: a switch of privacy', () => {
  const b = booking('b1', { title: 'Board meeting', description: 'Budget', location: 'Room 4' });
  const copyInFull = event('e1', { title: b.title, description: b.description, location: b.location });
  const busyCopy = event('e1', { title: 'Busy', description: '', location: '' });

  it('writes a copy made before a switch to busy-only as "Busy" again, though neither side changed', () => {
    const result = plan(
      planInput({ settings: settings({ privacy: 'busy-only' }), state: { links: [linkOf(b, copyInFull)] } }),
    );

    expect(writes(result)).toEqual([
      expect.objectContaining({
        type: 'update',
        side: 'external',
        id: 'e1',
        fields: expect.objectContaining({ title: 'Busy', description: '', location: '' }),
        reason: 'privacy',
      }),
    ]);
  });

  it('writes the details back onto a "Busy" copy after a switch back to full', () => {
    const result = plan(planInput({ settings: settings(), state: { links: [linkOf(b, busyCopy)] } }));

    expect(writes(result)).toEqual([
      expect.objectContaining({
        type: 'update',
        side: 'external',
        fields: expect.objectContaining({
          title: 'Board meeting',
          description: 'Budget',
          location: 'Room 4',
        }),
        reason: 'privacy',
      }),
    ]);
  });

  it('leaves a copy a person retitled to the ordinary rules: the switch never writes over it', () => {
    const retitled = edited(copyInFull, { title: 'Board meeting (moved to Zoom)' });
    const busyOnly = settings({ privacy: 'busy-only' });

    const seen = plan(
      planInput({
        settings: busyOnly,
        state: { links: [linkOf(b, copyInFull)] },
        external: { items: [retitled] },
      }),
    );
    const after = plan(planInput({ settings: busyOnly, state: { links: [linkOf(b, retitled)] } }));

    expect(writes(seen).filter((action) => action.side === 'external')).toEqual([]);
    expect(writes(after)).toEqual([]);
  });

  it('leaves alone an event the booking was imported from, a calendar-to-Sched copy, and a copy as its privacy says', () => {
    const busyOnly = settings({ privacy: 'busy-only' });
    const imported = plan(
      planInput({ settings: busyOnly, state: { links: [linkOf(b, copyInFull, 'external')] } }),
    );
    const inbound = plan(
      planInput({
        settings: settings({ privacy: 'busy-only', direction: 'external-to-sched' }),
        state: { links: [linkOf(b, copyInFull)] },
      }),
    );
    const settled = plan(planInput({ settings: busyOnly, state: { links: [linkOf(b, busyCopy)] } }));

    expect([writes(imported), writes(inbound), writes(settled)]).toEqual([[], [], []]);
  });
});

describe('plan: busy-only recreates', () => {
  it('recreates a deleted event as the agent’s own "Busy" copy, even when the booking came from an event', () => {
    const e = event('e1', { title: 'Dentist' });
    const b = booking('b1', {
      title: 'Dentist',
      source: { calendarService: 'google', calendarId: connection.calendarId, eventId: 'e1' },
    });

    const result = plan(
      planInput({
        settings: settings({ direction: 'sched-to-external', privacy: 'busy-only' }),
        state: { links: [linkOf(b, e, 'external')] },
        external: { items: [], deleted: ['e1'] },
      }),
    );

    expect(result.actions).toEqual([
      expect.objectContaining({
        type: 'create',
        side: 'external',
        fields: expect.objectContaining({ title: 'Busy', description: '' }),
        tags: { bookingId: 'b1', connectionId: 'conn-1' },
      }),
    ]);
  });
});

describe('plan: recurring instances and all-day items', () => {
  const series = (id: string, day: string, patch: Partial<SyncItem> = {}): SyncItem =>
    event(id, {
      title: 'Weekly standup',
      start: london(`${day}T09:00`),
      end: london(`${day}T09:30`),
      recurrence: { seriesId: 's1', originalStart: london(`${day}T09:00`) },
      ...patch,
    });

  it('imports each instance of a series as its own single booking', () => {
    const instances = [
      series('s1_1', '2025-03-11'),
      series('s1_2', '2025-03-18'),
      series('s1_3', '2025-03-25'),
    ];

    const result = plan(planInput({ external: { items: instances, full: true } }));

    expect(writes(result)).toHaveLength(3);
    for (const action of writes(result)) {
      expect(action).toMatchObject({ type: 'create', side: 'sched' });
      expect(action.type === 'create' && 'recurrence' in action.fields).toBe(false);
    }
  });

  it('changes only the link of a moved or cancelled instance', () => {
    const instances = [
      series('s1_1', '2025-03-11'),
      series('s1_2', '2025-03-18'),
      series('s1_3', '2025-03-25'),
    ];
    const bookings = instances.map((instance, index) =>
      booking(`b${index}`, { title: instance.title, start: instance.start, end: instance.end }),
    );
    const links = instances.map((instance, index) =>
      linkOf(bookings[index] as SyncItem, instance, 'external'),
    );
    const moved = edited(instances[1] as SyncItem, {
      start: london('2025-03-19T09:00'),
      end: london('2025-03-19T09:30'),
    });
    const cancelled = edited(instances[2] as SyncItem, { status: 'cancelled' });

    const result = plan(planInput({ state: { links }, external: { items: [moved, cancelled] } }));

    expect(writes(result)).toEqual([
      expect.objectContaining({
        type: 'update',
        side: 'sched',
        id: 'b1',
        fields: expect.objectContaining({ start: moved.start }),
      }),
      expect.objectContaining({ type: 'delete', side: 'sched', id: 'b2' }),
    ]);
  });

  it('exports an all-day booking as the same dates, whatever the zones', () => {
    const allDay = booking('b1', {
      start: { kind: 'date', date: '2025-03-12' },
      end: { kind: 'date', date: '2025-03-13' },
    });

    const result = plan(planInput({ resourceTimezone: 'Pacific/Auckland', sched: { items: [allDay] } }));

    expect(result.actions[0]).toMatchObject({
      type: 'create',
      fields: { start: { kind: 'date', date: '2025-03-12' }, end: { kind: 'date', date: '2025-03-13' } },
    });
  });

  it('exports a booking on the day after the London clocks change at the right UTC instant', () => {
    const afterChange = booking('b1', { start: london('2025-03-31T10:00'), end: london('2025-03-31T11:00') });

    const result = plan(planInput({ sched: { items: [afterChange] } }));

    expect(result.actions[0]).toMatchObject({
      fields: { start: { kind: 'instant', utc: '2025-03-31T09:00:00.000Z', zone: 'Europe/London' } },
    });
  });
});

describe('plan: double booking', () => {
  it('creates with allow_overlap an event the person chose to import anyway', () => {
    const result = plan(planInput({ external: { items: [event('e1')] }, importAnyway: ['e1'] }));

    expect(result.actions[0]).toMatchObject({ type: 'create', side: 'sched', allowOverlap: true });
  });

  it('never imports an event the person chose to skip', () => {
    const result = plan(
      planInput({
        state: { links: [], skippedEventIds: ['e1'] },
        external: { items: [event('e1')], full: true },
      }),
    );

    expect(result.actions).toEqual([]);
  });
});
