/**
 * Turns a create or PATCH body into stored fields, with Graph's validation: start/end required on
 * create, end not before start, all-day events at midnight, known enum values, extended property ids
 * in Graph's `Type {GUID} Name X` form. https://learn.microsoft.com/graph/api/resources/event
 */
import { fail } from './errors';
import type { DateTimeTimeZone, ExtendedProperty, StoredEvent } from './model';
import { normaliseRecurrence } from './recurrence';
import { localToUtc, parseLocal, requireZone } from './time-zones';

/** Fields a client may send; read-only ones are accepted and ignored, as Graph does. */
const WRITABLE = new Set([
  'subject',
  'body',
  'location',
  'start',
  'end',
  'isAllDay',
  'showAs',
  'sensitivity',
  'importance',
  'categories',
  'isReminderOn',
  'reminderMinutesBeforeStart',
  'recurrence',
  'transactionId',
  'singleValueExtendedProperties',
]);
const IGNORED = new Set([
  'id',
  'type',
  'seriesMasterId',
  'createdDateTime',
  'lastModifiedDateTime',
  'changeKey',
  'iCalUId',
  'originalStart',
  'originalStartTimeZone',
  'originalEndTimeZone',
  'isCancelled',
  'isOrganizer',
  'organizer',
  'attendees',
  'locations',
  'webLink',
  'bodyPreview',
  'responseStatus',
  'responseRequested',
  'hasAttachments',
  'isOnlineMeeting',
  'onlineMeetingProvider',
  'onlineMeetingUrl',
  'onlineMeeting',
  'allowNewTimeProposals',
  'isDraft',
  'hideAttendees',
]);
const SHOW_AS = ['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown'];
const SENSITIVITY = ['normal', 'personal', 'private', 'confidential'];
const IMPORTANCE = ['low', 'normal', 'high'];
const PROPERTY_ID =
  /^(String|Integer|Boolean|SystemTime|Double|Binary|Long|Currency|Short|Float|CLSID) \{([0-9a-fA-F-]{36})\} (Name|Id) (.+)$/;

type Body = Record<string, unknown>;

/** The event fields a create or patch may set (everything else is kept by the store). */
export type EventFields = Pick<
  StoredEvent,
  | 'subject'
  | 'body'
  | 'location'
  | 'start'
  | 'end'
  | 'isAllDay'
  | 'showAs'
  | 'sensitivity'
  | 'importance'
  | 'categories'
  | 'isReminderOn'
  | 'reminderMinutesBeforeStart'
  | 'recurrence'
  | 'transactionId'
  | 'extendedProperties'
>;

/** Fields of a new event from a create body. */
export function fieldsForCreate(body: unknown): EventFields {
  const input = asObject(body);
  if (!input.start || !input.end) fail("Your request can't be completed. An event needs both start and end.");
  const base: EventFields = {
    subject: '',
    body: { contentType: 'text', content: '' },
    location: { displayName: '' },
    start: { dateTime: '', timeZone: 'UTC' },
    end: { dateTime: '', timeZone: 'UTC' },
    isAllDay: false,
    showAs: 'busy',
    sensitivity: 'normal',
    importance: 'normal',
    categories: [],
    isReminderOn: true,
    reminderMinutesBeforeStart: 15,
    recurrence: null,
    transactionId: null,
    extendedProperties: [],
  };
  return applyPatch(base, input, true);
}

/** The fields after a PATCH body; `allowRecurrence` is false for occurrences and exceptions. */
export function fieldsForPatch(current: EventFields, body: unknown, allowRecurrence: boolean): EventFields {
  const input = asObject(body);
  if (!allowRecurrence && input.recurrence)
    fail('Recurrence can only be set on a series master or a single event.');
  return applyPatch(
    { ...current, extendedProperties: [...current.extendedProperties] },
    input,
    allowRecurrence,
  );
}

function applyPatch(out: EventFields, input: Body, allowRecurrence: boolean): EventFields {
  for (const key of Object.keys(input)) {
    if (!WRITABLE.has(key) && !IGNORED.has(key) && !key.startsWith('@odata')) {
      fail(
        `The property '${key}' does not exist on type 'microsoft.graph.event'. Make sure to only use property names that are defined by the type or mark the type as open type.`,
        'RequestBodyRead',
      );
    }
  }
  if ('subject' in input) out.subject = String(input.subject ?? '');
  if ('body' in input) {
    const b = asObject(input.body);
    const contentType = String(b.contentType ?? 'text').toLowerCase();
    if (contentType !== 'text' && contentType !== 'html')
      fail(`Body contentType '${contentType}' is not valid.`);
    out.body = { contentType, content: String(b.content ?? '') };
  }
  if ('location' in input) out.location = { displayName: String(asObject(input.location).displayName ?? '') };
  if ('start' in input) out.start = dateTimeTimeZone(input.start, 'start');
  if ('end' in input) out.end = dateTimeTimeZone(input.end, 'end');
  if ('isAllDay' in input) out.isAllDay = Boolean(input.isAllDay);
  if ('showAs' in input) out.showAs = oneOf(input.showAs, SHOW_AS, 'showAs');
  if ('sensitivity' in input) out.sensitivity = oneOf(input.sensitivity, SENSITIVITY, 'sensitivity');
  if ('importance' in input) out.importance = oneOf(input.importance, IMPORTANCE, 'importance');
  if ('categories' in input) out.categories = ((input.categories as unknown[]) ?? []).map(String);
  if ('isReminderOn' in input) out.isReminderOn = Boolean(input.isReminderOn);
  if ('reminderMinutesBeforeStart' in input)
    out.reminderMinutesBeforeStart = Number(input.reminderMinutesBeforeStart);
  if ('transactionId' in input && input.transactionId != null)
    out.transactionId = String(input.transactionId);
  if ('recurrence' in input && allowRecurrence) {
    out.recurrence =
      input.recurrence == null ? null : normaliseRecurrence(input.recurrence, out.start.timeZone);
  }
  if ('singleValueExtendedProperties' in input) {
    for (const prop of (input.singleValueExtendedProperties as unknown[]) ?? []) {
      setProperty(out.extendedProperties, asObject(prop));
    }
  }
  checkTimes(out);
  return out;
}

function checkTimes(fields: EventFields): void {
  const start = localToUtc(fields.start.dateTime, requireZone(fields.start.timeZone)).getTime();
  const end = localToUtc(fields.end.dateTime, requireZone(fields.end.timeZone)).getTime();
  if (end < start) fail("Your request can't be completed. The end time must be on or after the start time.");
  if (fields.isAllDay) {
    const midnight = fields.start.dateTime.endsWith('T00:00:00') && fields.end.dateTime.endsWith('T00:00:00');
    if (!midnight || end <= start) {
      fail(
        "Your request can't be completed. If the event is an all-day event, the start and end times must be set to midnight and the end must be at least one day after the start.",
      );
    }
  }
}

/** Adds or replaces one property; Graph matches ids case-insensitively and prints the GUID in lower case. */
function setProperty(list: ExtendedProperty[], prop: Body): void {
  const match = PROPERTY_ID.exec(String(prop.id ?? ''));
  if (!match)
    fail(`The extended property id '${String(prop.id)}' is not valid.`, 'ErrorInvalidExtendedPropertyValue');
  const id = `${match[1]} {${match[2]!.toLowerCase()}} ${match[3]} ${match[4]}`;
  const existing = list.find((p) => p.id.toLowerCase() === id.toLowerCase());
  const value = String(prop.value ?? '');
  if (existing) existing.value = value;
  else list.push({ id, value });
}

function dateTimeTimeZone(value: unknown, name: string): DateTimeTimeZone {
  const v = asObject(value);
  if (typeof v.dateTime !== 'string') fail(`The ${name} dateTime is required.`);
  const timeZone = typeof v.timeZone === 'string' && v.timeZone !== '' ? v.timeZone : 'UTC';
  requireZone(timeZone);
  return { dateTime: parseLocal(v.dateTime), timeZone };
}

function oneOf(value: unknown, allowed: string[], name: string): string {
  const found = allowed.find((a) => a.toLowerCase() === String(value).toLowerCase());
  if (!found) fail(`Requested value '${String(value)}' was not found for ${name}.`, 'RequestBodyRead');
  return found;
}

function asObject(value: unknown): Body {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    fail('Empty Payload. JSON content expected.', 'BadRequest');
  }
  return value as Body;
}
