import { describe, expect, it } from 'vitest';
import {
  eventForCreate,
  eventPatchFor,
  eventToItem,
  tagPropertyIds,
  timeToGraph,
  type GraphEvent,
} from '../../../main/providers/microsoft';
import type { ItemFields } from '../../../main/sync';
import { instantAt } from '../../../main/sync';

/** A timed single event as Graph prints it when asked for UTC. */
function graphEvent(overrides: Partial<GraphEvent> = {}): GraphEvent {
  return {
    id: 'AAMkAGI2',
    '@odata.etag': 'W/"DwAAABYAAAA"',
    lastModifiedDateTime: '2025-03-05T12:00:00.1234567Z',
    subject: 'Consultation',
    body: { contentType: 'text', content: 'Bring the X-rays.' },
    location: { displayName: 'Room 3' },
    start: { dateTime: '2025-03-12T09:00:00.0000000', timeZone: 'UTC' },
    end: { dateTime: '2025-03-12T10:00:00.0000000', timeZone: 'UTC' },
    originalStartTimeZone: 'W. Europe Standard Time',
    originalEndTimeZone: 'W. Europe Standard Time',
    isAllDay: false,
    isCancelled: false,
    type: 'singleInstance',
    seriesMasterId: null,
    transactionId: null,
    ...overrides,
  };
}

describe('Graph event → item', () => {
  it('reads a timed event as a UTC instant in the zone it was written in', () => {
    const item = eventToItem(graphEvent());

    expect(item).toMatchObject({
      id: 'AAMkAGI2',
      version: 'W/"DwAAABYAAAA"',
      updated: '2025-03-05T12:00:00.123Z',
      status: 'confirmed',
      title: 'Consultation',
      description: 'Bring the X-rays.',
      location: 'Room 3',
      start: { kind: 'instant', utc: '2025-03-12T09:00:00.000Z', zone: 'Europe/Berlin' },
      end: { kind: 'instant', utc: '2025-03-12T10:00:00.000Z', zone: 'Europe/Berlin' },
    });
    expect(item?.recurrence).toBeUndefined();
    expect(item?.tags).toBeUndefined();
  });

  it('keeps IANA zone names as written and reads Exchange UTC as UTC', () => {
    const iana = eventToItem(graphEvent({ originalStartTimeZone: 'America/New_York' }));
    const exchangeUtc = eventToItem(graphEvent({ originalStartTimeZone: 'tzone://Microsoft/Utc' }));

    expect(iana?.start).toMatchObject({ zone: 'America/New_York' });
    expect(exchangeUtc?.start).toMatchObject({ zone: 'UTC' });
  });

  it('falls back to the zone of the shown time when the written zone is unknown', () => {
    const item = eventToItem(graphEvent({ originalStartTimeZone: 'Customized Time Zone' }));

    expect(item?.start).toMatchObject({ kind: 'instant', zone: 'UTC' });
  });

  it('reads times shown in another zone correctly when the UTC preference was not applied', () => {
    const item = eventToItem(
      graphEvent({
        start: { dateTime: '2025-07-01T09:00:00.0000000', timeZone: 'Pacific Standard Time' },
        end: { dateTime: '2025-07-01T10:00:00.0000000', timeZone: 'Pacific Standard Time' },
      }),
    );

    expect(item?.start).toMatchObject({ utc: '2025-07-01T16:00:00.000Z' });
    expect(item?.end).toMatchObject({ utc: '2025-07-01T17:00:00.000Z' });
  });

  it('keeps the hour across a DST change: 09:00 in London is 09:00Z before and 08:00Z after', () => {
    const before = eventToItem(
      graphEvent({
        originalStartTimeZone: 'GMT Standard Time',
        start: { dateTime: '2025-03-29T09:00:00.0000000', timeZone: 'UTC' },
        end: { dateTime: '2025-03-29T10:00:00.0000000', timeZone: 'UTC' },
      }),
    );
    const after = eventToItem(
      graphEvent({
        originalStartTimeZone: 'GMT Standard Time',
        start: { dateTime: '2025-03-30T08:00:00.0000000', timeZone: 'UTC' },
        end: { dateTime: '2025-03-30T09:00:00.0000000', timeZone: 'UTC' },
      }),
    );

    expect(before?.start).toEqual(instantAt('2025-03-29T09:00', 'Europe/London'));
    expect(after?.start).toEqual(instantAt('2025-03-30T09:00', 'Europe/London'));
  });

  it('reads an all-day event as dates with an exclusive end, whatever zone it is shown in', () => {
    const item = eventToItem(
      graphEvent({
        isAllDay: true,
        start: { dateTime: '2025-03-15T00:00:00.0000000', timeZone: 'Tokyo Standard Time' },
        end: { dateTime: '2025-03-17T00:00:00.0000000', timeZone: 'Tokyo Standard Time' },
      }),
    );

    expect(item?.start).toEqual({ kind: 'date', date: '2025-03-15' });
    expect(item?.end).toEqual({ kind: 'date', date: '2025-03-17' });
  });

  it('marks a cancelled meeting as cancelled', () => {
    expect(eventToItem(graphEvent({ isCancelled: true }))?.status).toBe('cancelled');
  });

  it('reads an HTML body as the text a person sees', () => {
    const item = eventToItem(
      graphEvent({
        body: {
          contentType: 'html',
          content: '<html><body><p>Fish &amp; chips</p><p>At 12</p></body></html>',
        },
      }),
    );

    expect(item?.description).toBe('Fish & chips\nAt 12');
  });

  it('gives an occurrence its series and, unmoved, its own start as the original start', () => {
    const item = eventToItem(graphEvent({ type: 'occurrence', seriesMasterId: 'master-1' }));

    expect(item?.recurrence).toEqual({
      seriesId: 'master-1',
      originalStart: { kind: 'instant', utc: '2025-03-12T09:00:00.000Z', zone: 'Europe/Berlin' },
    });
  });

  it('gives a moved exception the original start it was moved from', () => {
    const item = eventToItem(
      graphEvent({
        type: 'exception',
        seriesMasterId: 'master-1',
        originalStart: '2025-03-10T09:00:00Z',
      }),
    );

    expect(item?.start).toMatchObject({ utc: '2025-03-12T09:00:00.000Z' });
    expect(item?.recurrence?.originalStart).toEqual({
      kind: 'instant',
      utc: '2025-03-10T09:00:00.000Z',
      zone: 'Europe/Berlin',
    });
  });

  it('gives an all-day occurrence its original date', () => {
    const item = eventToItem(
      graphEvent({
        type: 'occurrence',
        seriesMasterId: 'master-2',
        isAllDay: true,
        originalStartTimeZone: 'Tokyo Standard Time',
        originalStart: '2025-03-14T15:00:00Z',
        start: { dateTime: '2025-03-15T00:00:00.0000000', timeZone: 'UTC' },
        end: { dateTime: '2025-03-16T00:00:00.0000000', timeZone: 'UTC' },
      }),
    );

    expect(item?.recurrence?.originalStart).toEqual({ kind: 'date', date: '2025-03-15' });
  });

  it('leaves out series masters and removed rows', () => {
    expect(eventToItem(graphEvent({ type: 'seriesMaster' }))).toBeNull();
    expect(eventToItem({ id: 'gone', '@removed': { reason: 'deleted' } })).toBeNull();
  });

  it('reads both tags whatever case Graph prints the GUID in', () => {
    const item = eventToItem(
      graphEvent({
        singleValueExtendedProperties: [
          {
            id: tagPropertyIds.bookingId.toUpperCase().replace('STRING', 'String').replace('NAME', 'Name'),
            value: 'b-1',
          },
          { id: tagPropertyIds.connectionId, value: 'conn-9' },
        ],
      }),
    );

    expect(item?.tags).toEqual({ bookingId: 'b-1', connectionId: 'conn-9' });
  });

  it('reads no tags when only one of the two properties is there', () => {
    const item = eventToItem(
      graphEvent({ singleValueExtendedProperties: [{ id: tagPropertyIds.bookingId, value: 'b-1' }] }),
    );

    expect(item?.tags).toBeUndefined();
  });
});

describe('item → Graph event', () => {
  const fields: ItemFields = {
    title: 'Checkup',
    description: 'Fasting',
    location: 'Room 1',
    start: instantAt('2025-03-30T09:00', 'Europe/London'),
    end: instantAt('2025-03-30T09:30', 'Europe/London'),
  };

  it('writes the wall time in the item zone, so Outlook shows it as written across DST', () => {
    expect(timeToGraph(fields.start)).toEqual({ dateTime: '2025-03-30T09:00:00', timeZone: 'Europe/London' });
    expect(timeToGraph(instantAt('2025-03-29T09:00', 'Europe/London'))).toEqual({
      dateTime: '2025-03-29T09:00:00',
      timeZone: 'Europe/London',
    });
  });

  it('creates with text body, transactionId and both tags, and invites nobody', () => {
    const body = eventForCreate(fields, 'schedsync-abc', { bookingId: 'b-7', connectionId: 'c-1' });

    expect(body).toMatchObject({
      subject: 'Checkup',
      body: { contentType: 'text', content: 'Fasting' },
      location: { displayName: 'Room 1' },
      isAllDay: false,
      transactionId: 'schedsync-abc',
      singleValueExtendedProperties: [
        { id: tagPropertyIds.bookingId, value: 'b-7' },
        { id: tagPropertyIds.connectionId, value: 'c-1' },
      ],
    });
    expect(body).not.toHaveProperty('attendees');
  });

  it('writes all-day items as midnights flagged isAllDay', () => {
    const body = eventPatchFor({
      ...fields,
      start: { kind: 'date', date: '2025-03-15' },
      end: { kind: 'date', date: '2025-03-16' },
    });

    expect(body).toMatchObject({
      isAllDay: true,
      start: { dateTime: '2025-03-15T00:00:00' },
      end: { dateTime: '2025-03-16T00:00:00' },
    });
  });

  it('patches only the synced fields and never the tags or transactionId', () => {
    const body = eventPatchFor(fields);

    expect(Object.keys(body).sort()).toEqual(['body', 'end', 'isAllDay', 'location', 'start', 'subject']);
  });

  it('reads back what it writes', () => {
    const written = eventForCreate(fields, 'schedsync-x');
    const echoed = eventToItem({
      ...written,
      id: 'e1',
      type: 'singleInstance',
      originalStartTimeZone: written.start?.timeZone,
      start: { dateTime: '2025-03-30T08:00:00.0000000', timeZone: 'UTC' },
      end: { dateTime: '2025-03-30T08:30:00.0000000', timeZone: 'UTC' },
    });

    expect(echoed).toMatchObject({
      title: fields.title,
      description: fields.description,
      start: fields.start,
      end: fields.end,
    });
  });
});
