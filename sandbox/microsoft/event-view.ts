/**
 * An instance as Graph prints an event: every property the v1.0 event resource has, times in UTC unless
 * `Prefer: outlook.timezone` names a zone, extended properties only when `$expand`ed.
 * https://learn.microsoft.com/graph/api/resources/event
 */
import { bodyAs, htmlToText } from './body-format';
import type { BodyType } from './body-format';
import type { Instance } from './instances';
import { etagOf } from './model';
import type { DateTimeTimeZone } from './model';
import { expandedProperties } from './odata-filter';
import type { PropertyExpansion } from './odata-filter';
import { graphDateTime, utcToLocal } from './time-zones';

/** How the request asked to see events. */
export interface ViewOptions {
  owner: string;
  /** Outlook's `Prefer: outlook.body-content-type`; HTML when not asked. */
  bodyType: BodyType;
  /** The `Prefer: outlook.timezone` zone: the name as sent and its IANA zone. */
  zone: { name: string; iana: string } | null;
  expand: PropertyExpansion;
  select: string[] | null;
}

function shownTime(
  local: DateTimeTimeZone,
  instantMs: number,
  allDay: boolean,
  options: ViewOptions,
): DateTimeTimeZone {
  const zone = options.zone ?? { name: 'UTC', iana: 'UTC' };
  // All-day events are dates, not instants: Outlook keeps them at midnight in whatever zone is asked for.
  const dateTime = allDay ? local.dateTime : utcToLocal(new Date(instantMs), zone.iana);
  return { dateTime: graphDateTime(dateTime), timeZone: zone.name };
}

function preview(body: { contentType: string; content: string }): string {
  const text = body.contentType === 'html' ? htmlToText(body.content) : body.content;
  return text.replace(/\s+/g, ' ').trim().slice(0, 255);
}

/** The Graph JSON of one instance. */
export function renderEvent(instance: Instance, options: ViewOptions): Record<string, unknown> {
  const e = instance.source;
  const isStored = instance.type !== 'occurrence';
  const out: Record<string, unknown> = {
    '@odata.etag': etagOf(e.changeKey),
    id: instance.id,
    createdDateTime: e.createdDateTime,
    lastModifiedDateTime: e.lastModifiedDateTime,
    changeKey: e.changeKey,
    categories: [...e.categories],
    transactionId: isStored ? e.transactionId : null,
    originalStartTimeZone: e.start.timeZone,
    originalEndTimeZone: e.end.timeZone,
    iCalUId: isStored ? e.iCalUId : `${e.iCalUId}-${instance.originalStart ?? ''}`,
    reminderMinutesBeforeStart: e.reminderMinutesBeforeStart,
    isReminderOn: e.isReminderOn,
    hasAttachments: false,
    subject: e.subject,
    bodyPreview: preview(e.body),
    importance: e.importance,
    sensitivity: e.sensitivity,
    isAllDay: e.isAllDay,
    isCancelled: e.isCancelled,
    isOrganizer: e.invitation === undefined,
    responseRequested: true,
    seriesMasterId: instance.type === 'occurrence' ? e.id : e.seriesMasterId,
    showAs: e.showAs,
    type: instance.type,
    webLink: `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(instance.id)}&exvsurl=1&path=/calendar/item`,
    onlineMeetingUrl: null,
    isOnlineMeeting: false,
    onlineMeetingProvider: 'unknown',
    allowNewTimeProposals: true,
    isDraft: false,
    hideAttendees: false,
    responseStatus: e.invitation
      ? { ...e.invitation.responseStatus }
      : { response: 'organizer', time: '0001-01-01T00:00:00Z' },
    body: bodyAs(e.body, options.bodyType),
    start: shownTime(instance.start, instance.startMs, e.isAllDay, options),
    end: shownTime(instance.end, instance.endMs, e.isAllDay, options),
    location: {
      displayName: e.location.displayName,
      locationType: 'default',
      uniqueIdType: e.location.displayName ? 'private' : 'unknown',
      address: {},
      coordinates: {},
    },
    locations: e.location.displayName
      ? [{ displayName: e.location.displayName, locationType: 'default', uniqueIdType: 'private' }]
      : [],
    recurrence: instance.type === 'seriesMaster' ? structuredClone(e.recurrence) : null,
    attendees: structuredClone(e.invitation?.attendees ?? []),
    organizer: {
      emailAddress: e.invitation
        ? { ...e.invitation.organizer }
        : { name: options.owner.split('@')[0], address: options.owner },
    },
    onlineMeeting: null,
  };
  if (instance.originalStart) out.originalStart = instance.originalStart;
  const props = expandedProperties(e.extendedProperties, options.expand);
  if (props.length > 0) out.singleValueExtendedProperties = props;
  return options.select ? pick(out, options.select) : out;
}

function pick(full: Record<string, unknown>, select: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = { '@odata.etag': full['@odata.etag'], id: full.id };
  for (const key of select) if (key in full) out[key] = full[key];
  if (full.singleValueExtendedProperties)
    out.singleValueExtendedProperties = full.singleValueExtendedProperties;
  return out;
}
