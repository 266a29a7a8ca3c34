/**
 * The fields that say whether an event makes its calendar's owner busy: `transparency`, `eventType` and the
 * attendees' `responseStatus`, checked and completed as Google documents them.
 * https://developers.google.com/calendar/api/v3/reference/events#resource
 * https://developers.google.com/calendar/api/guides/calendar-status (focus time, out of office, working location)
 */
import { invalid, required } from './errors';
import type { StoredCalendar } from './model';

/** The event types a client may write; Google makes `birthday` and `fromGmail` events itself. */
export const WRITABLE_EVENT_TYPES = ['default', 'outOfOffice', 'focusTime', 'workingLocation'] as const;
/** Every type events.list may return or filter on (`eventTypes`). */
export const EVENT_TYPES = [...WRITABLE_EVENT_TYPES, 'birthday', 'fromGmail'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

const TRANSPARENCIES = ['opaque', 'transparent'];
const RESPONSES = ['needsAction', 'declined', 'tentative', 'accepted'];
const WORKING_LOCATIONS = ['homeOffice', 'officeLocation', 'customLocation'];
/** Status events, which Google allows only on primary calendars and with a fixed transparency. */
const STATUS_TRANSPARENCY: Partial<Record<EventType, string>> = {
  outOfOffice: 'opaque',
  focusTime: 'opaque',
  workingLocation: 'transparent',
};
const PROPERTIES: Partial<Record<EventType, string>> = {
  outOfOffice: 'outOfOfficeProperties',
  focusTime: 'focusTimeProperties',
  workingLocation: 'workingLocationProperties',
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The type a stored event's fields give it (`default` when none was written). */
export function eventTypeOf(fields: Record<string, unknown>): EventType {
  return (fields.eventType as EventType | undefined) ?? 'default';
}

function checkAttendees(value: unknown): Record<string, unknown>[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw invalid('Invalid value for attendees.');
  return value.map((attendee, index) => {
    if (!isPlainObject(attendee)) throw invalid(`Invalid attendee at attendees[${index}].`);
    if (typeof attendee.email !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(attendee.email)) {
      throw invalid(`Invalid attendee email: attendees[${index}].email.`);
    }
    const response = attendee.responseStatus ?? 'needsAction';
    if (typeof response !== 'string' || !RESPONSES.includes(response)) {
      throw invalid(`Invalid value for attendees[${index}].responseStatus: ${String(response)}`);
    }
    // `self` and `organizer` are read-only: the server works them out for each calendar that shows the event.
    const { self: _self, organizer: _organizer, ...kept } = attendee;
    return { ...kept, responseStatus: response };
  });
}

/**
 * Checks and completes the availability fields of a full event body about to be stored in `calendar`.
 * `previousType` is the stored event's type on update and patch: Google does not let it change.
 */
export function checkEventKind(
  fields: Record<string, unknown>,
  allDay: boolean,
  calendar: Pick<StoredCalendar, 'primary'>,
  previousType?: EventType,
): void {
  const written = fields.eventType ?? previousType ?? 'default';
  if (!WRITABLE_EVENT_TYPES.includes(written as (typeof WRITABLE_EVENT_TYPES)[number])) {
    throw invalid(`Invalid value for eventType: ${String(written)}`);
  }
  const type = written as EventType;
  if (previousType !== undefined && type !== previousType) {
    throw invalid(`The eventType of an event cannot be changed (it is ${previousType}).`);
  }
  if (fields.transparency !== undefined && !TRANSPARENCIES.includes(fields.transparency as string)) {
    throw invalid(`Invalid value for transparency: ${String(fields.transparency)}`);
  }
  const attendees = checkAttendees(fields.attendees);
  if (attendees) fields.attendees = attendees;
  if (type === 'default') {
    delete fields.eventType;
    return;
  }
  fields.eventType = type;
  if (!calendar.primary) throw invalid(`A ${type} event can only be created in a primary calendar.`);
  if (allDay && type !== 'workingLocation') throw invalid(`A ${type} event cannot be an all-day event.`);
  const transparency = STATUS_TRANSPARENCY[type] as string;
  if (fields.transparency !== undefined && fields.transparency !== transparency) {
    throw invalid(`A ${type} event must have transparency ${transparency}.`);
  }
  fields.transparency = transparency;
  const propertiesField = PROPERTIES[type] as string;
  const properties = fields[propertiesField] ?? (type === 'workingLocation' ? undefined : {});
  if (!isPlainObject(properties)) throw required(`Missing ${propertiesField} for a ${type} event.`);
  fields[propertiesField] = properties;
  if (type === 'workingLocation') {
    if (!WORKING_LOCATIONS.includes(properties.type as string)) {
      throw invalid(`Invalid value for workingLocationProperties.type: ${String(properties.type)}`);
    }
    fields.visibility = 'public';
  }
}

/** Attendees as `calendar` shows them: `self` on the calendar's own entry, `organizer` on the organizer's. */
export function renderAttendees(
  attendees: unknown,
  calendarId: string,
  organizerEmail: string,
): Record<string, unknown>[] | undefined {
  if (!Array.isArray(attendees)) return undefined;
  return attendees.map((attendee: Record<string, unknown>) => {
    const shown = { ...attendee };
    const email = String(attendee.email).toLowerCase();
    if (email === organizerEmail.toLowerCase()) shown.organizer = true;
    if (email === calendarId.toLowerCase()) shown.self = true;
    return shown;
  });
}

/** Reads the `eventTypes` filter of events.list; an empty list means every type. */
export function parseEventTypes(values: string[]): EventType[] {
  return values.map((value) => {
    if (!EVENT_TYPES.includes(value as EventType)) throw invalid(`Invalid value for eventTypes: ${value}`);
    return value as EventType;
  });
}
