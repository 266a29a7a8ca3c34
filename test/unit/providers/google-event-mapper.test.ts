import { describe, expect, it } from 'vitest';
import type { calendar_v3 } from '@googleapis/calendar';
import {
  eventForInsert,
  eventPatchFor,
  eventToItem,
  timeFromGoogle,
  timeToGoogle,
} from '../../../main/providers/google/google-event-mapper';
import type { ItemFields } from '../../../main/sync';

const calendarZone = 'America/New_York';

function event(overrides: calendar_v3.Schema$Event = {}): calendar_v3.Schema$Event {
  return {
    id: 'abc123',
    etag: '"3381234567890000"',
    status: 'confirmed',
    updated: '2025-03-01T09:30:00.123Z',
    summary: 'Dentist',
    description: 'Bring the forms',
    location: 'Room 2',
    start: { dateTime: '2025-03-10T10:00:00+01:00', timeZone: 'Europe/Berlin' },
    end: { dateTime: '2025-03-10T11:00:00+01:00', timeZone: 'Europe/Berlin' },
    ...overrides,
  };
}

describe('eventToItem', () => {
  it('reads an HTML description (as Google Calendar writes them) down to plain text', () => {
    const item = eventToItem(
      event({
        description:
          '<b>Bring</b> the <a href="https://example.com">slides</a><br>Room 2<script>alert(1)</script>',
      }),
      calendarZone,
    );

    expect(item?.description).toBe('Bring the slides\nRoom 2');
  });

  it('keeps a plain-text description as it is, angle brackets and spacing included', () => {
    const plain = 'Budget < 5k and > 2k\n\n  indented line';

    expect(eventToItem(event({ description: plain }), calendarZone)?.description).toBe(plain);
  });

  it('maps a timed event to an instant in UTC with the zone it was written in', () => {
    const item = eventToItem(event(), calendarZone);

    expect(item).toEqual({
      id: 'abc123',
      version: '"3381234567890000"',
      updated: '2025-03-01T09:30:00.123Z',
      status: 'confirmed',
      title: 'Dentist',
      description: 'Bring the forms',
      location: 'Room 2',
      start: { kind: 'instant', utc: '2025-03-10T09:00:00.000Z', zone: 'Europe/Berlin' },
      end: { kind: 'instant', utc: '2025-03-10T10:00:00.000Z', zone: 'Europe/Berlin' },
      availability: 'busy',
    });
  });

  it("falls back to the calendar's zone when the event names none", () => {
    const item = eventToItem(event({ start: { dateTime: '2025-03-10T10:00:00-04:00' } }), calendarZone);

    expect(item?.start).toEqual({ kind: 'instant', utc: '2025-03-10T14:00:00.000Z', zone: calendarZone });
  });

  it('keeps all-day events as dates with an exclusive end', () => {
    const item = eventToItem(
      event({ start: { date: '2025-03-29' }, end: { date: '2025-03-31' } }),
      calendarZone,
    );

    expect(item?.start).toEqual({ kind: 'date', date: '2025-03-29' });
    expect(item?.end).toEqual({ kind: 'date', date: '2025-03-31' });
  });

  it('reads missing text fields as empty', () => {
    const item = eventToItem(
      event({ summary: undefined, description: null, location: undefined }),
      calendarZone,
    );

    expect(item).toMatchObject({ title: '', description: '', location: '' });
  });

  it('gives an instance of a series its series id and original start', () => {
    const item = eventToItem(
      event({
        id: 'series1_20250310T090000Z',
        recurringEventId: 'series1',
        originalStartTime: { dateTime: '2025-03-10T10:00:00+01:00', timeZone: 'Europe/Berlin' },
        start: { dateTime: '2025-03-10T12:00:00+01:00', timeZone: 'Europe/Berlin' },
      }),
      calendarZone,
    );

    expect(item?.recurrence).toEqual({
      seriesId: 'series1',
      originalStart: { kind: 'instant', utc: '2025-03-10T09:00:00.000Z', zone: 'Europe/Berlin' },
    });
  });

  it('reads the agent tags from private extended properties only', () => {
    const tagged = eventToItem(
      event({
        extendedProperties: { private: { schedSyncBookingId: 'b1', schedSyncConnectionId: 'c1' } },
      }),
      calendarZone,
    );
    const shared = eventToItem(
      event({ extendedProperties: { shared: { schedSyncBookingId: 'b1', schedSyncConnectionId: 'c1' } } }),
      calendarZone,
    );

    expect(tagged?.tags).toEqual({ bookingId: 'b1', connectionId: 'c1' });
    expect(shared?.tags).toBeUndefined();
  });

  it('maps cancelled and tentative statuses', () => {
    expect(eventToItem(event({ status: 'cancelled' }), calendarZone)?.status).toBe('cancelled');
    expect(eventToItem(event({ status: 'tentative' }), calendarZone)?.status).toBe('tentative');
  });

  it('gives null for a bare cancellation without times', () => {
    expect(eventToItem({ id: 'gone1', status: 'cancelled' }, calendarZone)).toBeNull();
  });
});

describe('events written to Google', () => {
  const fields: ItemFields = {
    title: 'Room booking',
    description: 'Quarterly review',
    location: 'Meeting Room A',
    start: { kind: 'instant', utc: '2025-10-26T00:30:00.000Z', zone: 'Europe/London' },
    end: { kind: 'instant', utc: '2025-10-26T02:30:00.000Z', zone: 'Europe/London' },
  };

  it('inserts with the chosen id, the tags as private properties and no attendees', () => {
    const body = eventForInsert('0123456789abcdef', fields, { bookingId: 'b9', connectionId: 'c2' });

    expect(body).toEqual({
      id: '0123456789abcdef',
      summary: 'Room booking',
      description: 'Quarterly review',
      location: 'Meeting Room A',
      start: { dateTime: '2025-10-26T00:30:00.000Z', timeZone: 'Europe/London' },
      end: { dateTime: '2025-10-26T02:30:00.000Z', timeZone: 'Europe/London' },
      extendedProperties: { private: { schedSyncBookingId: 'b9', schedSyncConnectionId: 'c2' } },
    });
    expect(body).not.toHaveProperty('attendees');
  });

  it('patches only the synced fields and clears the unused time form', () => {
    const allDay: ItemFields = {
      ...fields,
      start: { kind: 'date', date: '2025-10-26' },
      end: { kind: 'date', date: '2025-10-27' },
    };

    const patch = eventPatchFor(allDay);

    expect(Object.keys(patch).sort()).toEqual(['description', 'end', 'location', 'start', 'summary']);
    expect(patch.start).toEqual({ date: '2025-10-26', dateTime: null, timeZone: null });
  });

  it('round-trips times across a DST change', () => {
    const start = timeToGoogle(fields.start);

    expect(timeFromGoogle(start, 'UTC')).toEqual(fields.start);
    expect(timeFromGoogle(timeToGoogle(fields.end), 'UTC')).toEqual(fields.end);
  });
});
