/**
 * How the adapter words its Graph requests: paths scoped to the connection's calendar, the `Prefer` header every
 * request carries (immutable ids, UTC times, text bodies), the delta query, and `transactionId`s.
 * https://learn.microsoft.com/graph/outlook-immutable-id · https://learn.microsoft.com/graph/delta-query-events
 */
import { createHash } from 'node:crypto';
import type { SyncWindow } from '../../sync';
import { tagPropertyIds, tagsExpand } from './graph-tags';

/** Prefix of every `transactionId` the agent writes, so a change feed row can say "perhaps ours" on its own. */
export const transactionIdPrefix = 'schedsync-';

/**
 * The preferences of every request. Immutable ids keep an event's id stable when it moves between folders;
 * UTC times make instants exact without knowing the mailbox's zone; text bodies match what the agent writes.
 */
export function preferHeader(pageSize?: number): string {
  const preferences = ['IdType="ImmutableId"', 'outlook.timezone="UTC"', 'outlook.body-content-type="text"'];
  if (pageSize !== undefined) preferences.push(`odata.maxpagesize=${pageSize}`);
  return preferences.join(', ');
}

/** The calendar's path below the version root. */
export function calendarPath(calendarId: string): string {
  return `/me/calendars/${encodeURIComponent(calendarId)}`;
}

/** An event of the calendar, with the agent's tags expanded (404 when the event is in another calendar). */
export function eventPath(calendarId: string, eventId: string, withTags = true): string {
  const path = `${calendarPath(calendarId)}/events/${encodeURIComponent(eventId)}`;
  return withTags ? `${path}?$expand=${encodeURIComponent(tagsExpand)}` : path;
}

/** The calendar's events tagged for `connectionId` (any date), with their tags expanded. */
export function taggedEventsPath(calendarId: string, connectionId: string): string {
  const quoted = (text: string) => `'${text.replaceAll("'", "''")}'`;
  const filter =
    `singleValueExtendedProperties/any(ep: ep/id eq ${quoted(tagPropertyIds.connectionId)}` +
    ` and ep/value eq ${quoted(connectionId)})`;
  return (
    `${calendarPath(calendarId)}/events?$filter=${encodeURIComponent(filter)}` +
    `&$expand=${encodeURIComponent(tagsExpand)}`
  );
}

/** The first request of a full delta round over the window (Graph refuses `$expand` and `$select` here). */
export function deltaPath(calendarId: string, window: SyncWindow): string {
  const query = `startDateTime=${encodeURIComponent(window.start)}&endDateTime=${encodeURIComponent(window.end)}`;
  return `${calendarPath(calendarId)}/calendarView/delta?${query}`;
}

/** The `transactionId` of a create: the same idempotency key always gives the same one, so Graph de-duplicates. */
export function transactionIdFor(idempotencyKey: string): string {
  return `${transactionIdPrefix}${createHash('sha256').update(idempotencyKey, 'utf8').digest('hex')}`;
}

/** One request inside a `$batch` body. */
export interface BatchRequest {
  id: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  headers: Record<string, string>;
  body?: unknown;
  dependsOn?: string[];
}

/**
 * A `$batch` body reading events, at most 20. Each request depends on the one before so only one runs at a time:
 * batch items otherwise run in parallel and count against the mailbox's 4 concurrent requests.
 * https://learn.microsoft.com/graph/json-batching#sequencing-requests-with-the-dependson-property
 */
export function batchOfEventReads(calendarId: string, eventIds: string[]): { requests: BatchRequest[] } {
  if (eventIds.length > 20) throw new RangeError('A Graph $batch holds at most 20 requests.');
  return {
    requests: eventIds.map((eventId, index) => ({
      id: String(index + 1),
      method: 'GET',
      url: eventPath(calendarId, eventId),
      headers: { Prefer: preferHeader() },
      ...(index > 0 ? { dependsOn: [String(index)] } : {}),
    })),
  };
}

/**
 * A `$batch` body writing events (creates, updates, deletes), at most 20, chained with `dependsOn` for the same reason
 * as reads. Each create's body carries its own `transactionId` and each update or delete its `If-Match`, so sending
 * the batch again makes nothing twice.
 */
export function batchOfEventWrites(writes: Omit<BatchRequest, 'id' | 'dependsOn'>[]): {
  requests: BatchRequest[];
} {
  if (writes.length > 20) throw new RangeError('A Graph $batch holds at most 20 requests.');
  return {
    requests: writes.map((write, index) => ({
      ...write,
      id: String(index + 1),
      headers: {
        Prefer: preferHeader(),
        ...(write.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...write.headers,
      },
      ...(index > 0 ? { dependsOn: [String(index)] } : {}),
    })),
  };
}
