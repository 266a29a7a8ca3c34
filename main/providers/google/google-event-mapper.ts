/**
 * Google Calendar events ⇄ the core's `SyncItem` (shared/SYNC.md, "Time" and "Identity"). All-day events stay
 * dates, timed ones keep the zone they were written in, instances of a series carry their series and original
 * start, and the agent's tags travel as private extended properties.
 * https://developers.google.com/calendar/api/v3/reference/events#resource
 */
import { descriptionText } from '../html-text';
import type { calendar_v3 } from 'googleapis';
import type { EventTags, ItemFields, ItemStatus, ItemTime, SyncItem } from '../../sync';

type GoogleEvent = calendar_v3.Schema$Event;
type GoogleTime = calendar_v3.Schema$EventDateTime;

/** The private extended property names that carry the agent's tags. */
export const tagProperties = {
  bookingId: 'schedSyncBookingId',
  connectionId: 'schedSyncConnectionId',
} as const;

/** A Google start/end as an item time; `undefined` when the event carries none (a bare cancellation). */
export function timeFromGoogle(time: GoogleTime | undefined, calendarZone: string): ItemTime | undefined {
  if (time?.date) return { kind: 'date', date: time.date };
  if (!time?.dateTime) return undefined;
  const ms = Date.parse(time.dateTime);
  if (Number.isNaN(ms)) return undefined;
  return { kind: 'instant', utc: new Date(ms).toISOString(), zone: time.timeZone || calendarZone };
}

/** An item time as Google takes it: a date, or the UTC instant plus the zone so Google shows it in that zone. */
export function timeToGoogle(time: ItemTime): GoogleTime {
  return time.kind === 'date' ? { date: time.date } : { dateTime: time.utc, timeZone: time.zone };
}

/**
 * The same for a patch: the unused form is sent as `null` so an event switching between all-day and timed loses
 * the old form instead of keeping both.
 */
function timeToGooglePatch(time: ItemTime): GoogleTime {
  return time.kind === 'date'
    ? { date: time.date, dateTime: null, timeZone: null }
    : { dateTime: time.utc, timeZone: time.zone, date: null };
}

function statusFromGoogle(status: string | null | undefined): ItemStatus {
  if (status === 'cancelled') return 'cancelled';
  if (status === 'tentative') return 'tentative';
  return 'confirmed';
}

function tagsFromGoogle(event: GoogleEvent): EventTags | undefined {
  const props = event.extendedProperties?.private;
  const bookingId = props?.[tagProperties.bookingId];
  const connectionId = props?.[tagProperties.connectionId];
  return bookingId && connectionId ? { bookingId, connectionId } : undefined;
}

/** True when a time of the event is a dateTime without its own zone, so mapping it needs the calendar's zone. */
export function needsCalendarZone(event: GoogleEvent): boolean {
  return [event.start, event.end, event.originalStartTime].some((time) => time?.dateTime && !time.timeZone);
}

/**
 * Whether the event blocks the calendar's owner (shared/SYNC.md, "Availability"): free when it is transparent
 * (status events included: `workingLocation` is always transparent, `outOfOffice` and `focusTime` always opaque),
 * a working location, cancelled, or declined by the owner (the attendee entry Google marks `self: true`).
 */
export function availabilityFromGoogle(event: GoogleEvent): 'busy' | 'free' {
  if (event.eventType === 'workingLocation' || event.transparency === 'transparent') return 'free';
  if (event.status === 'cancelled') return 'free';
  const own = event.attendees?.find((attendee) => attendee.self === true);
  return own?.responseStatus === 'declined' ? 'free' : 'busy';
}

/**
 * An event as a `SyncItem`, or `null` when it has no id or no times (Google reports a deletion in a change feed
 * as little more than the id and `status: "cancelled"`; the adapter lists those ids as deleted).
 */
export function eventToItem(event: GoogleEvent, calendarZone: string): SyncItem | null {
  const start = timeFromGoogle(event.start, calendarZone);
  const end = timeFromGoogle(event.end, calendarZone);
  if (!event.id || !start || !end) return null;
  const item: SyncItem = {
    id: event.id,
    version: event.etag ?? '',
    updated: event.updated ? new Date(Date.parse(event.updated)).toISOString() : '',
    status: statusFromGoogle(event.status),
    title: event.summary ?? '',
    description: descriptionText(event.description ?? ''),
    location: event.location ?? '',
    start,
    end,
    availability: availabilityFromGoogle(event),
  };
  const original = timeFromGoogle(event.originalStartTime, calendarZone);
  if (event.recurringEventId && original) {
    item.recurrence = { seriesId: event.recurringEventId, originalStart: original };
  }
  const tags = tagsFromGoogle(event);
  if (tags) item.tags = tags;
  return item;
}

/**
 * The body of an insert: the synced fields, the client-chosen id and the tags. Never attendees, so nobody is
 * invited or mailed (SYNC.md, "Time": "Nobody is invited").
 */
export function eventForInsert(id: string, fields: ItemFields, tags?: EventTags): GoogleEvent {
  const event: GoogleEvent = {
    id,
    summary: fields.title,
    description: fields.description,
    location: fields.location,
    start: timeToGoogle(fields.start),
    end: timeToGoogle(fields.end),
  };
  if (tags) {
    event.extendedProperties = {
      private: { [tagProperties.bookingId]: tags.bookingId, [tagProperties.connectionId]: tags.connectionId },
    };
  }
  return event;
}

/**
 * The body of a patch: only the synced fields (and the tags, when they are rewritten), so whatever else a person set
 * on the event stays as it was; a patch merges private properties key by key.
 */
export function eventPatchFor(fields: ItemFields, tags?: EventTags): GoogleEvent {
  return {
    summary: fields.title,
    description: fields.description,
    location: fields.location,
    start: timeToGooglePatch(fields.start),
    end: timeToGooglePatch(fields.end),
    ...(tags
      ? {
          extendedProperties: {
            private: {
              [tagProperties.bookingId]: tags.bookingId,
              [tagProperties.connectionId]: tags.connectionId,
            },
          },
        }
      : {}),
  };
}
