/**
 * Graph events ⇄ the core's `SyncItem` (shared/SYNC.md, "Time" and "Identity"). The adapter asks for times in UTC
 * (`Prefer: outlook.timezone="UTC"`) and keeps the zone the event was written in from `originalStartTimeZone`;
 * all-day events stay dates; occurrences and exceptions carry their series and original start; the agent's tags
 * travel as single-value extended properties. https://learn.microsoft.com/graph/api/resources/event
 */
import type { EventTags, ItemFields, ItemTime, SyncItem } from '../../sync';
import { dateInZone, utcToWallTime, wallTimeToUtc } from '../../sync';
import type { GraphDateTime, GraphEvent } from './graph-event';
import { tagsFromProperties, tagsToProperties } from './graph-tags';
import { bodyText } from './graph-text';
import { ianaZoneOf } from './windows-zones';

const wallPattern = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::(\d{2}))?(?:\.\d+)?Z?$/;

/** `2025-03-30T01:00:00.0000000` → `2025-03-30T01:00:00`; `undefined` when it is not a wall time. */
function wallOf(dateTime: string | null | undefined): string | undefined {
  const match = wallPattern.exec(dateTime?.trim() ?? '');
  return match ? `${match[1]}T${match[2]}:${match[3] ?? '00'}` : undefined;
}

/**
 * A Graph start or end as an item time. `shownIn` is the zone of the wall time (UTC when the preference held);
 * `writtenIn` the event's own zone, kept so the other side shows it as the person wrote it.
 */
export function timeFromGraph(
  time: GraphDateTime | null | undefined,
  isAllDay: boolean,
  writtenIn: string | undefined,
): ItemTime | undefined {
  const wall = wallOf(time?.dateTime);
  if (!wall) return undefined;
  // Outlook keeps all-day events at midnight of their dates in whatever zone it is asked for: they are dates.
  if (isAllDay) return { kind: 'date', date: wall.slice(0, 10) };
  const shownIn = ianaZoneOf(time?.timeZone) ?? 'UTC';
  return { kind: 'instant', utc: wallTimeToUtc(wall, shownIn), zone: writtenIn ?? shownIn };
}

/** An item time as Graph takes it: the wall time in the item's own zone, or midnight of a date. */
export function timeToGraph(time: ItemTime): GraphDateTime {
  if (time.kind === 'date') return { dateTime: `${time.date}T00:00:00`, timeZone: 'UTC' };
  return { dateTime: utcToWallTime(time.utc, time.zone), timeZone: time.zone };
}

function isoOf(value: string | null | undefined): string {
  const ms = Date.parse(value ?? '');
  return Number.isNaN(ms) ? '' : new Date(ms).toISOString();
}

/** Where an instance of a series began before any move; an unmoved occurrence is where it always was. */
function originalStartOf(event: GraphEvent, start: ItemTime, zone: string | undefined): ItemTime | undefined {
  const utc = isoOf(event.originalStart);
  if (!utc) return event.type === 'occurrence' ? start : undefined;
  if (event.isAllDay) return { kind: 'date', date: dateInZone(utc, zone ?? 'UTC') };
  return { kind: 'instant', utc, zone: zone ?? 'UTC' };
}

/** True when a row lacks something the mapper needs, so the full event must be read. */
export function isIncomplete(event: GraphEvent): boolean {
  if (!event.id || !wallOf(event.start?.dateTime) || !wallOf(event.end?.dateTime)) return true;
  if (event.isAllDay === undefined || event.type === undefined) return true;
  return event.type === 'exception' && (!event.seriesMasterId || !event.originalStart);
}

/** `showAs` values that leave the owner bookable; `busy`, `tentative`, `oof` and `unknown` block. */
const freeShowAs = new Set(['free', 'workingElsewhere']);

/**
 * Whether the event blocks the mailbox's owner (shared/SYNC.md, "Availability"): free when shown as free or
 * working elsewhere, declined by the owner, or a cancelled instance. A row without `showAs` blocks, the safe side.
 */
export function availabilityFromGraph(event: GraphEvent): 'busy' | 'free' {
  if (event.isCancelled === true || event.responseStatus?.response === 'declined') return 'free';
  return event.showAs && freeShowAs.has(event.showAs) ? 'free' : 'busy';
}

/**
 * An event as a `SyncItem`, or `null` for what is not an item: series masters (their instances are the items),
 * removed rows, and rows too incomplete to read.
 */
export function eventToItem(event: GraphEvent): SyncItem | null {
  if (!event.id || event['@removed'] || event.type === 'seriesMaster') return null;
  const isAllDay = event.isAllDay === true;
  const startZone = ianaZoneOf(event.originalStartTimeZone);
  const start = timeFromGraph(event.start, isAllDay, startZone);
  const end = timeFromGraph(event.end, isAllDay, ianaZoneOf(event.originalEndTimeZone) ?? startZone);
  if (!start || !end) return null;
  const item: SyncItem = {
    id: event.id,
    version: event['@odata.etag'] ?? event.changeKey ?? '',
    updated: isoOf(event.lastModifiedDateTime),
    status: event.isCancelled ? 'cancelled' : 'confirmed',
    title: event.subject ?? '',
    description: bodyText(event.body),
    location: event.location?.displayName ?? '',
    start,
    end,
    availability: availabilityFromGraph(event),
  };
  if ((event.type === 'occurrence' || event.type === 'exception') && event.seriesMasterId) {
    const originalStart = originalStartOf(event, start, startZone);
    if (originalStart) item.recurrence = { seriesId: event.seriesMasterId, originalStart };
  }
  const tags = tagsFromProperties(event.singleValueExtendedProperties);
  if (tags) item.tags = tags;
  return item;
}

/** The synced fields as Graph event properties; `isAllDay` always sent so a switch either way takes. */
function fieldsToGraph(fields: ItemFields): GraphEvent {
  return {
    subject: fields.title,
    body: { contentType: 'text', content: fields.description },
    location: { displayName: fields.location },
    start: timeToGraph(fields.start),
    end: timeToGraph(fields.end),
    isAllDay: fields.start.kind === 'date',
  };
}

/**
 * The body of a create: the synced fields, the tags and the `transactionId` that makes a retry return the first
 * event. Never attendees, so nobody is invited or mailed (SYNC.md, "Time").
 */
export function eventForCreate(fields: ItemFields, transactionId: string, tags?: EventTags): GraphEvent {
  return {
    ...fieldsToGraph(fields),
    transactionId,
    ...(tags ? { singleValueExtendedProperties: tagsToProperties(tags) } : {}),
  };
}

/** The body of a PATCH: only the synced fields (and the agent's tags, when given), so whatever else a person set stays. */
export function eventPatchFor(fields: ItemFields, tags?: EventTags): GraphEvent {
  return {
    ...fieldsToGraph(fields),
    ...(tags ? { singleValueExtendedProperties: tagsToProperties(tags) } : {}),
  };
}
