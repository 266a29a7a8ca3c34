/**
 * events.insert/update/patch/delete with Google's rules: client ids and 409 on a duplicate, If-Match and
 * 412, `sequence`, delete as cancellation (kept for the change feed), and writes to an instance id stored
 * as an exception of its series.
 */
import { randomBytes } from 'node:crypto';
import { GoogleApiError, invalid, notFound } from './errors';
import type { EventStore } from './event-store';
import { etagOf, virtualInstance } from './event-resource';
import { mergePatch, parseEventInput, storedAsBody, validateClientId, type EventInput } from './event-input';
import { eventTypeOf } from './event-kinds';
import { sameTime } from './event-times';
import { expansionHorizonMs, maxInstancesPerSeries } from './list-events';
import type { StoredCalendar, StoredEvent } from './model';
import { expandSeries } from './recurrence';

/** A write's target and preconditions, as the route read them. */
export interface WriteRequest {
  calendar: StoredCalendar;
  eventId: string;
  body: unknown;
  /** The If-Match header, if any. */
  ifMatch?: string;
}

const base32hex = '0123456789abcdefghijklmnopqrstuv';

/** A server-chosen id: 26 base32hex characters, like Google's. */
export function generateEventId(): string {
  return Array.from(randomBytes(26), (byte) => base32hex[byte % 32]).join('');
}

/** sendUpdates is accepted (nobody is mailed in the sandbox) but must be one of Google's values. */
export function checkSendUpdates(query: URLSearchParams): void {
  const value = query.get('sendUpdates');
  if (value !== null && value !== '' && !['all', 'externalOnly', 'none'].includes(value)) {
    throw invalid(`Invalid value for sendUpdates: ${value}`);
  }
}

function checkIfMatch(ifMatch: string | undefined, current: StoredEvent): void {
  if (ifMatch === undefined || ifMatch.trim() === '*') return;
  const wanted = ifMatch.trim().replace(/^W\//, '');
  if (wanted !== etagOf(current)) throw new GoogleApiError(412, 'conditionNotMet', 'Precondition Failed');
}

/** events.insert. */
export function insertEvent(store: EventStore, calendar: StoredCalendar, body: unknown): StoredEvent {
  const requestedId = (body as { id?: unknown } | null)?.id;
  const id =
    requestedId === undefined || requestedId === null ? generateEventId() : validateClientId(requestedId);
  if (store.record(calendar.id, id) || store.instanceRef(calendar, id)) {
    throw new GoogleApiError(409, 'duplicate', 'The requested identifier already exists.');
  }
  const input = parseEventInput(body, calendar);
  const now = store.nowIso();
  return store.save({
    id,
    calendarId: calendar.id,
    status: input.status,
    start: input.start,
    end: input.end,
    fields: input.fields,
    recurrence: input.recurrence,
    iCalUID: input.iCalUID ?? `${id}@google.com`,
    sequence: input.sequence ?? 0,
    created: now,
    updated: now,
    changeSeq: 0,
    createdSeq: store.nextCreatedSeq(),
  });
}

function nextSequence(current: StoredEvent, input: EventInput): number {
  if (input.sequence !== undefined) {
    if (input.sequence < current.sequence) {
      throw invalid(
        'Invalid sequence value. The specified sequence number is below the current sequence number of the resource.',
      );
    }
    return input.sequence;
  }
  const moved =
    !sameTime(current.start, input.start) ||
    !sameTime(current.end, input.end) ||
    JSON.stringify(current.recurrence) !== JSON.stringify(input.recurrence);
  return moved ? current.sequence + 1 : current.sequence;
}

/** The stored record an id names, or a new exception for an instance of a series; 404 otherwise. */
function target(
  store: EventStore,
  calendar: StoredCalendar,
  eventId: string,
): { record: StoredEvent; isNew: boolean } {
  const record = store.record(calendar.id, eventId);
  if (record) return { record, isNew: false };
  const ref = store.instanceRef(calendar, eventId);
  if (!ref) throw notFound();
  return { record: virtualInstance(ref.series, ref.occurrence), isNew: true };
}

/** events.update (full replacement) and events.patch (merge onto the stored event). */
export function replaceEvent(store: EventStore, write: WriteRequest, mode: 'update' | 'patch'): StoredEvent {
  const { record: current } = target(store, write.calendar, write.eventId);
  checkIfMatch(write.ifMatch, current);
  const body = mode === 'patch' ? mergePatch(storedAsBody(current), write.body) : write.body;
  const input = parseEventInput(body, write.calendar, eventTypeOf(current.fields));
  // An instance cannot carry its own rule; Google ignores recurrence on exceptions likewise.
  if (current.recurringEventId) input.recurrence = undefined;
  const next: StoredEvent = {
    ...current,
    status: input.status,
    start: input.start,
    end: input.end,
    fields: input.fields,
    recurrence: input.recurrence,
    sequence: nextSequence(current, input),
  };
  const saved = store.save(next);
  if (current.recurrence && !current.recurringEventId)
    cancelVanishedInstances(store, write.calendar, current, saved);
  return saved;
}

/**
 * When a series moves or its rule changes, instances that no longer exist are stored as cancelled,
 * so a client syncing with singleEvents learns that their ids are gone instead of keeping stale copies.
 */
function cancelVanishedInstances(
  store: EventStore,
  calendar: StoredCalendar,
  before: StoredEvent,
  after: StoredEvent,
): void {
  if (
    sameTime(before.start, after.start) &&
    JSON.stringify(before.recurrence) === JSON.stringify(after.recurrence)
  ) {
    return;
  }
  const until = Math.max(
    Date.parse(store.nowIso()),
    Date.parse(before.start.dateTime ?? before.start.date ?? ''),
  );
  const expand = (series: StoredEvent) =>
    expandSeries(series, calendar.timeZone, -62e12, until + expansionHorizonMs, maxInstancesPerSeries);
  const remaining = new Set(after.recurrence ? expand(after).map((occurrence) => occurrence.stamp) : []);
  const exceptions = store.exceptionsOf(before);
  for (const occurrence of expand(before)) {
    if (remaining.has(occurrence.stamp)) continue;
    const existing = exceptions.get(occurrence.stamp);
    if (existing?.status === 'cancelled') continue;
    const gone = existing ?? virtualInstance(before, occurrence);
    store.save({ ...gone, status: 'cancelled', createdSeq: after.createdSeq });
  }
}

/** events.delete: the event (or instance) stays, cancelled, so change feeds can report it. */
export function deleteEvent(store: EventStore, write: Omit<WriteRequest, 'body'>): void {
  const { record: current } = target(store, write.calendar, write.eventId);
  if (current.status === 'cancelled') throw new GoogleApiError(410, 'deleted', 'Resource has been deleted');
  checkIfMatch(write.ifMatch, current);
  store.save({ ...current, status: 'cancelled', sequence: current.sequence + 1 });
  if (current.recurrence && !current.recurringEventId) {
    for (const exception of store.exceptionsOf(current).values()) {
      if (exception.status !== 'cancelled') store.save({ ...exception, status: 'cancelled' });
    }
  }
}
