/**
 * Stored records → Google's `calendar#event` resources, including virtual instances of a series.
 * https://developers.google.com/calendar/api/v3/reference/events#resource
 */
import { renderAttendees } from './event-kinds';
import { renderTime } from './event-times';
import type { StoredCalendar, StoredEvent } from './model';
import type { Occurrence } from './recurrence';

/** What rendering needs besides the record. */
export interface RenderContext {
  calendar: StoredCalendar;
  /** https://127.0.0.1:PORT, for htmlLink. */
  baseUrl: string;
}

/** Google's event etags are quoted numbers that change on every write. */
export function etagOf(record: StoredEvent): string {
  return `"${Date.parse(record.updated)}${String(record.changeSeq % 1_000_000).padStart(6, '0')}"`;
}

function htmlLink(baseUrl: string, calendarId: string, eventId: string): string {
  const eid = Buffer.from(`${eventId} ${calendarId}`).toString('base64url');
  return `${baseUrl}/google/calendar/event?eid=${eid}`;
}

/** A stored record as the API returns it. */
export function renderEvent(record: StoredEvent, rc: RenderContext): Record<string, unknown> {
  const zone = rc.calendar.timeZone;
  const resource: Record<string, unknown> = {
    kind: 'calendar#event',
    etag: etagOf(record),
    id: record.id,
    status: record.status,
    htmlLink: htmlLink(rc.baseUrl, rc.calendar.id, record.id),
    created: record.created,
    updated: record.updated,
    ...record.fields,
    creator: { email: rc.calendar.owner, self: true },
    organizer: record.organizer
      ? { ...record.organizer }
      : { email: rc.calendar.id, displayName: rc.calendar.summary, self: true },
    start: renderTime(record.start, zone),
    end: renderTime(record.end, zone),
  };
  const organizerEmail = record.organizer?.email ?? rc.calendar.id;
  const attendees = renderAttendees(record.fields.attendees, rc.calendar.id, organizerEmail);
  if (attendees) resource.attendees = attendees;
  if (record.recurrence) resource.recurrence = [...record.recurrence];
  if (record.recurringEventId) resource.recurringEventId = record.recurringEventId;
  if (record.originalStartTime) resource.originalStartTime = renderTime(record.originalStartTime, zone);
  resource.iCalUID = record.iCalUID;
  resource.sequence = record.sequence;
  resource.reminders ??= { useDefault: true };
  resource.eventType ??= 'default';
  return resource;
}

/**
 * An unmodified instance of a series as its own record: the series' fields at the occurrence's time.
 * `cancelled` renders the instances of a deleted series for the change feed.
 */
export function virtualInstance(series: StoredEvent, occurrence: Occurrence, cancelled = false): StoredEvent {
  const { recurrence: _recurrence, ...rest } = series;
  return {
    ...rest,
    id: `${series.id}_${occurrence.stamp}`,
    status: cancelled ? 'cancelled' : series.status,
    start: occurrence.start,
    end: occurrence.end,
    recurringEventId: series.id,
    originalStartTime: occurrence.start,
  };
}
