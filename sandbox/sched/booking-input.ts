/** Checks `POST /bookings` and `PUT /bookings/{id}` bodies; every failure names the field to fix. */
import { FieldError } from './errors';
import type { BookingClient, BookingSource, BookingStatus, Resource } from './model';
import { instantOf, isDate, isDateTime, isTimeZone, toUtcString } from './time';

/** The writable fields of a booking, after validation. */
export interface BookingFields {
  resource_id: string;
  title: string;
  description: string;
  start: string;
  end: string;
  all_day: boolean;
  timezone: string;
  status: BookingStatus;
  client: BookingClient | null;
  source: BookingSource | null;
}

/** The time fields bookings and availability exceptions share. */
export interface TimeSpan {
  start: string;
  end: string;
  all_day: boolean;
  timezone: string;
}

/** A create or update request: the fields plus whether an overlap is accepted. */
export interface BookingInput {
  fields: Partial<BookingFields>;
  allowOverlap: boolean;
}

const STATUSES: readonly BookingStatus[] = ['pending', 'confirmed', 'cancelled', 'completed'];

/** True for a plain JSON object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalString(body: Record<string, unknown>, field: string, max: number): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new FieldError(field, 'must be a string.');
  if (value.length > max) throw new FieldError(field, `must be at most ${max} characters.`);
  return value;
}

function parseClient(value: unknown): BookingClient | null {
  if (value === null) return null;
  if (!isRecord(value)) throw new FieldError('client', 'must be an object with name and email.');
  const client: BookingClient = {};
  for (const key of ['name', 'email'] as const) {
    const item = value[key];
    if (item === undefined || item === null) continue;
    if (typeof item !== 'string') throw new FieldError(`client.${key}`, 'must be a string.');
    client[key] = item;
  }
  if (client.email !== undefined && !/^[^@\s]+@[^@\s]+$/.test(client.email)) {
    throw new FieldError('client.email', 'must be an e-mail address.');
  }
  return client;
}

/** `source`: the calendar event an item was made from, or null. */
export function parseSource(value: unknown): BookingSource | null {
  if (value === null) return null;
  if (!isRecord(value)) throw new FieldError('source', 'must be an object.');
  const service = value.calendar_service;
  if (service !== 'google' && service !== 'microsoft') {
    throw new FieldError('source.calendar_service', 'must be "google" or "microsoft".');
  }
  for (const key of ['calendar_id', 'event_id'] as const) {
    if (typeof value[key] !== 'string' || (value[key] as string).length === 0) {
      throw new FieldError(`source.${key}`, 'must be a non-empty string.');
    }
  }
  return {
    calendar_service: service,
    calendar_id: value.calendar_id as string,
    event_id: value.event_id as string,
  };
}

/** Reads `start`, `end`, `all_day` and `timezone` where present; the caller settles them (`settleTimes`). */
export function parseTimeSpan(body: Record<string, unknown>): Partial<TimeSpan> {
  const span: Partial<TimeSpan> = {};
  for (const key of ['start', 'end'] as const) {
    if (body[key] === undefined) continue;
    if (!isDate(body[key]) && !isDateTime(body[key])) {
      throw new FieldError(key, 'must be an RFC 3339 date-time with an offset, or a date for all-day items.');
    }
    span[key] = body[key] as string;
  }
  if (body.all_day !== undefined) {
    if (typeof body.all_day !== 'boolean') throw new FieldError('all_day', 'must be true or false.');
    span.all_day = body.all_day;
  }
  if (body.timezone !== undefined && body.timezone !== null) {
    if (!isTimeZone(body.timezone))
      throw new FieldError('timezone', 'must be an IANA time zone such as Europe/London.');
    span.timezone = body.timezone;
  }
  return span;
}

/** Reads the fields present in a body; `create` makes resource_id, title, start and end required. */
export function parseBookingBody(body: unknown, mode: 'create' | 'update'): BookingInput {
  if (!isRecord(body)) throw new FieldError('body', 'send a JSON object.');
  const fields: Partial<BookingFields> = {};
  const required = mode === 'create' ? ['resource_id', 'title', 'start', 'end'] : [];
  for (const field of required) {
    if (body[field] === undefined || body[field] === null || body[field] === '') {
      throw new FieldError(field, 'is required.');
    }
  }
  const resourceId = optionalString(body, 'resource_id', 200);
  if (resourceId !== undefined) fields.resource_id = resourceId;
  const title = optionalString(body, 'title', 1024);
  if (title !== undefined) {
    if (title.trim().length === 0) throw new FieldError('title', 'must not be blank.');
    fields.title = title;
  }
  const description = optionalString(body, 'description', 8192);
  if (description !== undefined) fields.description = description;
  Object.assign(fields, parseTimeSpan(body));
  if (body.status !== undefined) {
    if (!STATUSES.includes(body.status as BookingStatus)) {
      throw new FieldError('status', `must be one of ${STATUSES.join(', ')}.`);
    }
    fields.status = body.status as BookingStatus;
  }
  if (body.client !== undefined) fields.client = parseClient(body.client);
  if (body.source !== undefined) fields.source = parseSource(body.source);
  if (body.allow_overlap !== undefined && typeof body.allow_overlap !== 'boolean') {
    throw new FieldError('allow_overlap', 'must be true or false.');
  }
  return { fields, allowOverlap: body.allow_overlap === true };
}

/**
 * Completes and checks a booking's times: all-day bookings hold dates (SYNC.md: "all-day items stay dates"),
 * timed ones are stored in UTC, and the end must come after the start.
 */
export function settleTimes<T extends TimeSpan>(fields: T, resource: Resource): T {
  const settled = { ...fields };
  if (settled.all_day) {
    for (const key of ['start', 'end'] as const) {
      if (!isDate(settled[key]))
        throw new FieldError(key, 'must be a date (YYYY-MM-DD) for an all-day item.');
    }
  } else {
    for (const key of ['start', 'end'] as const) {
      if (!isDateTime(settled[key])) {
        throw new FieldError(key, 'must be an RFC 3339 date-time with an offset (or set all_day).');
      }
      settled[key] = toUtcString(new Date(settled[key]));
    }
  }
  if (!settled.timezone) settled.timezone = resource.timezone;
  if (instantOf(settled.end, settled.timezone) <= instantOf(settled.start, settled.timezone)) {
    throw new FieldError('end', 'must be after start.');
  }
  return settled;
}
