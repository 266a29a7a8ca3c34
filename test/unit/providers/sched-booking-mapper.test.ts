import { describe, expect, it } from 'vitest';
import {
  bookingCreateFor,
  bookingToItem,
  bookingUpdateFor,
  untitledBooking,
  type SchedBooking,
} from '../../../main/providers/sched';
import type { ItemFields } from '../../../main/sync';

const resource = { id: 'res_room_a', timezone: 'Europe/London' };

function booking(overrides: Partial<SchedBooking> = {}): SchedBooking {
  return {
    id: 'bkg_1',
    resource_id: resource.id,
    title: 'Dentist',
    description: 'Check-up',
    start: '2025-06-10T09:00:00Z',
    end: '2025-06-10T10:00:00Z',
    all_day: false,
    timezone: 'Europe/Paris',
    status: 'confirmed',
    client: null,
    source: null,
    version: 3,
    created_at: '2025-06-01T08:00:00Z',
    updated_at: '2025-06-02T08:00:00Z',
    ...overrides,
  };
}

describe('Sched booking → item', () => {
  it('reads a timed booking as instants in the booking’s own zone', () => {
    const item = bookingToItem(booking(), resource.timezone);

    expect(item).toMatchObject({
      id: 'bkg_1',
      version: '3',
      updated: '2025-06-02T08:00:00.000Z',
      status: 'confirmed',
      title: 'Dentist',
      description: 'Check-up',
      location: '',
      start: { kind: 'instant', utc: '2025-06-10T09:00:00.000Z', zone: 'Europe/Paris' },
      end: { kind: 'instant', utc: '2025-06-10T10:00:00.000Z', zone: 'Europe/Paris' },
    });
  });

  it('falls back to the resource’s zone when the booking has none', () => {
    const item = bookingToItem(booking({ timezone: null }), resource.timezone);

    expect(item.start).toMatchObject({ kind: 'instant', zone: 'Europe/London' });
  });

  it('keeps an all-day booking as dates', () => {
    const item = bookingToItem(
      booking({ all_day: true, start: '2025-03-29', end: '2025-03-31' }),
      resource.timezone,
    );

    expect(item.start).toEqual({ kind: 'date', date: '2025-03-29' });
    expect(item.end).toEqual({ kind: 'date', date: '2025-03-31' });
  });

  it('turns an all-day booking sent as local midnights across a DST change into the same dates', () => {
    // London springs forward on 30 March 2025: midnight on the 31st is 23:00 UTC on the 30th.
    const item = bookingToItem(
      booking({ all_day: true, start: '2025-03-29T00:00:00Z', end: '2025-03-30T23:00:00Z' }),
      resource.timezone,
    );

    expect(item.start).toEqual({ kind: 'date', date: '2025-03-29' });
    expect(item.end).toEqual({ kind: 'date', date: '2025-03-31' });
  });

  it('keeps pending and completed statuses, and cancelled as cancelled', () => {
    const statuses = (['pending', 'completed', 'cancelled'] as const).map(
      (status) => bookingToItem(booking({ status }), resource.timezone).status,
    );

    expect(statuses).toEqual(['pending', 'completed', 'cancelled']);
  });

  it('reads the source of a booking the agent imported', () => {
    const item = bookingToItem(
      booking({ source: { calendar_service: 'google', calendar_id: 'ann@example.com', event_id: 'ev1' } }),
      resource.timezone,
    );

    expect(item.source).toEqual({ calendarService: 'google', calendarId: 'ann@example.com', eventId: 'ev1' });
  });

  it('leaves source out for a booking made in Sched', () => {
    expect(bookingToItem(booking(), resource.timezone).source).toBeUndefined();
  });
});

describe('item → Sched booking', () => {
  const timed: ItemFields = {
    title: 'Standup',
    description: 'Daily',
    location: 'Room 4',
    start: { kind: 'instant', utc: '2025-03-30T00:30:00.000Z', zone: 'Europe/London' },
    end: { kind: 'instant', utc: '2025-03-30T01:30:00.000Z', zone: 'Europe/London' },
  };

  it('writes a timed item as UTC instants with its zone, on the night clocks go forward', () => {
    const body = bookingUpdateFor(timed, resource.timezone);

    expect(body).toEqual({
      title: 'Standup',
      description: 'Daily',
      start: '2025-03-30T00:30:00Z',
      end: '2025-03-30T01:30:00Z',
      all_day: false,
      timezone: 'Europe/London',
    });
  });

  it('writes an all-day item as dates in the resource’s zone', () => {
    const allDay: ItemFields = {
      ...timed,
      start: { kind: 'date', date: '2025-10-25' },
      end: { kind: 'date', date: '2025-10-27' },
    };

    expect(bookingUpdateFor(allDay, 'America/New_York')).toMatchObject({
      start: '2025-10-25',
      end: '2025-10-27',
      all_day: true,
      timezone: 'America/New_York',
    });
  });

  it('drops the location, which Sched has no field for', () => {
    expect(bookingUpdateFor(timed, resource.timezone)).not.toHaveProperty('location');
  });

  it('gives a blank title a placeholder, since Sched refuses blank titles', () => {
    expect(bookingUpdateFor({ ...timed, title: '  ' }, resource.timezone).title).toBe(untitledBooking);
  });

  it('creates confirmed bookings on the resource with the source snake_cased', () => {
    const body = bookingCreateFor(
      {
        fields: timed,
        idempotencyKey: 'k',
        source: { calendarService: 'microsoft', calendarId: 'cal-1', eventId: 'AAMk=' },
      },
      resource,
    );

    expect(body).toMatchObject({
      resource_id: 'res_room_a',
      status: 'confirmed',
      source: { calendar_service: 'microsoft', calendar_id: 'cal-1', event_id: 'AAMk=' },
    });
    expect(body).not.toHaveProperty('allow_overlap');
  });

  it('asks for an overlap only when told to', () => {
    const body = bookingCreateFor({ fields: timed, idempotencyKey: 'k', allowOverlap: true }, resource);

    expect(body.allow_overlap).toBe(true);
  });

  it('reads back what it wrote, location aside', () => {
    const body = bookingUpdateFor(timed, resource.timezone);
    const stored = booking({ ...body, title: body.title!, start: body.start!, end: body.end! });

    const item = bookingToItem(stored, resource.timezone);

    expect(item).toMatchObject({ ...timed, location: '' });
  });
});
