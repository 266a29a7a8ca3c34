/**
 * Reads the body of events.insert/update/patch into what the store keeps, rejecting what Google rejects.
 */
import { GoogleApiError, invalid } from './errors';
import { parseEventTime, renderTime, timeMs } from './event-times';
import { checkEventKind, type EventType } from './event-kinds';
import type { StoredCalendar, StoredEvent, StoredTime } from './model';
import { validateRecurrence } from './recurrence';

/** A validated write. */
export interface EventInput {
  status: StoredEvent['status'];
  start: StoredTime;
  end: StoredTime;
  fields: Record<string, unknown>;
  recurrence?: string[];
  sequence?: number;
  iCalUID?: string;
}

/** Fields the server owns or keeps apart from `fields`. */
const notStoredAsFields = new Set([
  'kind',
  'etag',
  'id',
  'status',
  'htmlLink',
  'created',
  'updated',
  'creator',
  'organizer',
  'start',
  'end',
  'recurrence',
  'recurringEventId',
  'originalStartTime',
  'iCalUID',
  'sequence',
  'hangoutLink',
]);

const statuses = new Set(['confirmed', 'tentative', 'cancelled']);
const idPattern = /^[a-v0-9]{5,1024}$/;

/** Client-chosen ids must be base32hex (a-v, 0-9), 5 to 1024 characters. */
export function validateClientId(id: unknown): string {
  if (typeof id !== 'string' || !idPattern.test(id)) throw invalid('Invalid resource id value.');
  return id;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkExtendedProperties(value: unknown): void {
  if (value === undefined || value === null) return;
  if (!isPlainObject(value)) throw invalid('Invalid extendedProperties.');
  for (const scope of ['private', 'shared']) {
    const map = value[scope];
    if (map === undefined || map === null) continue;
    if (!isPlainObject(map) || Object.values(map).some((v) => typeof v !== 'string')) {
      throw invalid(`Invalid extendedProperties.${scope}: values must be strings.`);
    }
  }
}

/**
 * Parses a full event body (insert, update, or a patch merged onto the stored event) for `calendar`;
 * `previousType` is the stored event's type on update and patch.
 */
export function parseEventInput(
  body: unknown,
  calendar: Pick<StoredCalendar, 'timeZone' | 'primary'>,
  previousType?: EventType,
): EventInput {
  const calendarZone = calendar.timeZone;
  if (!isPlainObject(body)) throw invalid('The request body must be an event resource.');
  const status = body.status ?? 'confirmed';
  if (typeof status !== 'string' || !statuses.has(status)) throw invalid('Invalid value for status.');
  const start = parseEventTime(body.start, 'start');
  const end = parseEventTime(body.end, 'end');
  if (Boolean(start.date) !== Boolean(end.date)) {
    throw invalid('Start and end times must either both be date or both be dateTime.');
  }
  if (timeMs(end, calendarZone) < timeMs(start, calendarZone) || (start.date && start.date === end.date)) {
    throw new GoogleApiError(400, 'timeRangeEmpty', 'The specified time range is empty.');
  }
  const recurrence = validateRecurrence(body.recurrence);
  if (recurrence && start.dateTime && !start.timeZone) {
    throw invalid('Missing time zone definition for start time.');
  }
  for (const key of ['summary', 'description', 'location']) {
    if (body[key] !== undefined && body[key] !== null && typeof body[key] !== 'string') {
      throw invalid(`Invalid value for ${key}.`);
    }
  }
  checkExtendedProperties(body.extendedProperties);
  const sequence = body.sequence;
  if (sequence !== undefined && (!Number.isInteger(sequence) || (sequence as number) < 0)) {
    throw invalid('Invalid sequence value.');
  }
  if (body.iCalUID !== undefined && (typeof body.iCalUID !== 'string' || body.iCalUID === '')) {
    throw invalid('Invalid iCalUID value.');
  }
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (!notStoredAsFields.has(key) && value !== undefined && value !== null) fields[key] = value;
  }
  checkEventKind(fields, Boolean(start.date), calendar, previousType);
  return {
    status: status as EventInput['status'],
    start,
    end,
    fields,
    recurrence,
    sequence: sequence as number | undefined,
    iCalUID: body.iCalUID as string | undefined,
  };
}

/** The stored event as a body a patch can be merged onto. */
export function storedAsBody(record: StoredEvent): Record<string, unknown> {
  const zoneless = (time: StoredTime) => renderTime(time, 'UTC');
  return {
    ...structuredClone(record.fields),
    status: record.status,
    start: zoneless(record.start),
    end: zoneless(record.end),
    recurrence: record.recurrence,
  };
}

/**
 * Patch semantics: nested objects merge, arrays and start/end are replaced, null clears a field.
 * https://developers.google.com/calendar/api/guides/performance#patch
 */
export function mergePatch(base: Record<string, unknown>, patch: unknown): Record<string, unknown> {
  if (!isPlainObject(patch)) throw invalid('The request body must be an event resource.');
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else if (key !== 'start' && key !== 'end' && isPlainObject(value) && isPlainObject(out[key])) {
      out[key] = mergePatch(out[key] as Record<string, unknown>, value);
    } else out[key] = value;
  }
  return out;
}
