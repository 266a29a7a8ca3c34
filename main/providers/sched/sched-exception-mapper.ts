/**
 * Sched availability exceptions ⇄ the core's `SyncItem` (shared/SYNC.md, "Availability"; shared/API.md §3). An
 * exception carries only its time and reason: the reason is the item's title, description and location are
 * always empty, and nothing else a calendar event holds crosses. Times follow bookings exactly (all-day dates in
 * the resource's zone, instants with their own zone).
 */
import type { ItemFields, SyncItem } from '../../sync';
import type { CreateRequest } from '../port';
import {
  normalisedTime,
  sourceForSched,
  sourceFromSched,
  timesForSched,
  timesFromSched,
  type ResourceRef,
} from './sched-booking-mapper';
import type { SchedException, SchedExceptionWrite } from './sched-wire';

/** An exception as a `SyncItem`: `active` is confirmed, `cancelled` stays cancelled. */
export function exceptionToItem(exception: SchedException, resourceZone: string): SyncItem {
  const item: SyncItem = {
    id: exception.id,
    version: String(exception.version),
    updated: normalisedTime(exception.updated_at ?? exception.created_at),
    status: exception.status === 'cancelled' ? 'cancelled' : 'confirmed',
    title: exception.reason ?? '',
    description: '',
    location: '',
    ...timesFromSched(exception, resourceZone),
    // An exception is blocked time by definition.
    availability: 'busy',
  };
  const source = sourceFromSched(exception.source);
  if (source) item.source = source;
  return item;
}

/** Sched keeps at most this many characters of a reason. */
const reasonLimit = 1024;

/** The reason Sched holds for an exception written with the title `title`: its first `reasonLimit` characters. */
export function exceptionReason(title: string): string {
  return title.slice(0, reasonLimit);
}

/** The synced fields as the body of `PUT …/exceptions/{id}`: the title becomes the reason; source stays. */
export function exceptionUpdateFor(fields: ItemFields, resourceZone: string): SchedExceptionWrite {
  return { reason: exceptionReason(fields.title), ...timesForSched(fields, resourceZone) };
}

/** The body of `POST …/availability/exceptions`, naming the calendar event in `source` when given. */
export function exceptionCreateFor(request: CreateRequest, resource: ResourceRef): SchedExceptionWrite {
  const body = exceptionUpdateFor(request.fields, resource.timezone);
  if (request.source) body.source = sourceForSched(request.source);
  return body;
}
