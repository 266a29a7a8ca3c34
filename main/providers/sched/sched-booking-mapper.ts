/**
 * Sched bookings ⇄ the core's `SyncItem` (shared/SYNC.md, "Time"; shared/API.md §3). All-day bookings stay dates,
 * counted in the resource's zone; timed bookings are instants with the booking's own zone, or the resource's.
 * Sched has no location field: items read from Sched have an empty location and a location written to Sched is
 * dropped, so a place set in a calendar is not copied into Sched (the per-side content hashes keep this from
 * looking like a change on every run).
 */
import type { BookingSource, ItemFields, ItemStatus, ItemTime, SyncItem } from '../../sync';
import { allDayFromInstants, isValidZone, startOfDayUtc } from '../../sync';
import type { CreateRequest } from '../port';
import type { SchedBooking, SchedBookingSource, SchedBookingWrite } from './sched-wire';

/** What Sched refuses (a blank title) is written as this instead. */
export const untitledBooking = '(No title)';

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/** The one resource a mapper works for: its id and IANA zone. */
export interface ResourceRef {
  id: string;
  timezone: string;
}

/** An instant as Sched stores it: RFC 3339 in UTC, whole seconds when there are no milliseconds. */
function rfc3339(ms: number): string {
  return new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
}

function instantOf(value: string, zone: string): ItemTime {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new RangeError(`Sched sent a booking time that is not RFC 3339: ${value}`);
  return { kind: 'instant', utc: new Date(ms).toISOString(), zone };
}

/** The time fields Sched's bookings and availability exceptions share. */
export type SchedTimesWire = Pick<SchedBooking, 'start' | 'end' | 'all_day' | 'timezone'>;

/** Sched's times as item times: dates stay dates; instants keep the item's zone, or the resource's. */
export function timesFromSched(
  booking: SchedTimesWire,
  resourceZone: string,
): { start: ItemTime; end: ItemTime } {
  const zone = booking.timezone && isValidZone(booking.timezone) ? booking.timezone : resourceZone;
  const bothDates = datePattern.test(booking.start) && datePattern.test(booking.end);
  if (bothDates)
    return { start: { kind: 'date', date: booking.start }, end: { kind: 'date', date: booking.end } };
  // An all-day booking given as instants (local midnights) becomes dates in the resource's zone.
  if (booking.all_day) return allDayFromInstants(booking.start, booking.end, resourceZone);
  const asInstant = (value: string): ItemTime =>
    datePattern.test(value) ? instantOf(startOfDayUtc(value, zone), zone) : instantOf(value, zone);
  return { start: asInstant(booking.start), end: asInstant(booking.end) };
}

const statuses: readonly ItemStatus[] = ['pending', 'confirmed', 'cancelled', 'completed'];

/** Sched's `source` as the core's, when it names an event. */
export function sourceFromSched(source: SchedBookingSource | null | undefined): BookingSource | undefined {
  if (!source?.calendar_id || !source.event_id) return undefined;
  return {
    calendarService: source.calendar_service,
    calendarId: source.calendar_id,
    eventId: source.event_id,
  };
}

/** An RFC 3339 stamp as the core keeps `updated`: ISO in UTC, or empty when Sched sent none. */
export function normalisedTime(value: string | undefined): string {
  const ms = value ? Date.parse(value) : Number.NaN;
  return Number.isNaN(ms) ? '' : new Date(ms).toISOString();
}

/** A booking as a `SyncItem`; `pending` and `completed` are kept as they are. */
export function bookingToItem(booking: SchedBooking, resourceZone: string): SyncItem {
  const item: SyncItem = {
    id: booking.id,
    version: String(booking.version),
    updated: normalisedTime(booking.updated_at ?? booking.created_at),
    status: statuses.includes(booking.status) ? booking.status : 'confirmed',
    title: booking.title ?? '',
    description: booking.description ?? '',
    location: '',
    ...timesFromSched(booking, resourceZone),
  };
  const source = sourceFromSched(booking.source);
  if (source) item.source = source;
  return item;
}

/** The time fields of a write: dates with `all_day` in the resource's zone, or UTC instants with their zone. */
export function timesForSched(
  fields: Pick<ItemFields, 'start' | 'end'>,
  resourceZone: string,
): Pick<SchedBookingWrite, 'start' | 'end' | 'all_day' | 'timezone'> {
  const { start, end } = fields;
  if (start.kind === 'date' && end.kind === 'date') {
    return { start: start.date, end: end.date, all_day: true, timezone: resourceZone };
  }
  // A mix of a date and an instant is not something calendars write; read the date as local midnight.
  const ms = (time: ItemTime): number =>
    Date.parse(time.kind === 'instant' ? time.utc : startOfDayUtc(time.date, resourceZone));
  const zone = start.kind === 'instant' && isValidZone(start.zone) ? start.zone : resourceZone;
  return { start: rfc3339(ms(start)), end: rfc3339(ms(end)), all_day: false, timezone: zone };
}

/**
 * Sched refuses a booking whose title or description is longer than these (a 400 that would stop every run on one
 * event with a long invitation text), so the agent writes their start: a booking cut short beats none.
 */
const titleLimit = 1024;
const descriptionLimit = 8192;

/** The title Sched holds for a booking written with `title`: a blank one, which it refuses, as `untitledBooking`. */
export function bookingTitle(title: string): string {
  return title.trim() === '' ? untitledBooking : title.slice(0, titleLimit);
}

/** The description Sched holds for a booking written with `description`. */
export function bookingDescription(description: string): string {
  return description.slice(0, descriptionLimit);
}

/** The synced fields as the body of `PUT /bookings/{id}`: status, client and source stay as Sched has them. */
export function bookingUpdateFor(fields: ItemFields, resourceZone: string): SchedBookingWrite {
  return {
    title: bookingTitle(fields.title),
    description: bookingDescription(fields.description),
    ...timesForSched(fields, resourceZone),
  };
}

/** The core's `source` as Sched writes it. */
export function sourceForSched(source: BookingSource): SchedBookingSource {
  return {
    calendar_service: source.calendarService,
    calendar_id: source.calendarId,
    event_id: source.eventId,
  };
}

/** The body of `POST /bookings` for a create the agent makes: confirmed, marked with `source` when given. */
export function bookingCreateFor(request: CreateRequest, resource: ResourceRef): SchedBookingWrite {
  const body: SchedBookingWrite = {
    resource_id: resource.id,
    ...bookingUpdateFor(request.fields, resource.timezone),
    status: 'confirmed',
  };
  if (request.source) body.source = sourceForSched(request.source);
  // Only sent when asked for, so a retry of the same create sends the same body (Sched compares it with the key).
  if (request.allowOverlap) body.allow_overlap = true;
  return body;
}
