/**
 * events.list: full lists (window, filters, singleEvents expansion, ordering) and incremental lists
 * from a sync token, paged with keyset cursors so a change between pages never shifts the next page.
 * https://developers.google.com/calendar/api/guides/sync
 */
import { GoogleApiError, invalid } from './errors';
import type { EventStore } from './event-store';
import { eventTypeOf } from './event-kinds';
import { virtualInstance } from './event-resource';
import { timeMs } from './event-times';
import type { ListQuery } from './list-query';
import type { StoredCalendar, StoredEvent } from './model';
import { expandSeries } from './recurrence';
import { decodePageToken, decodeSyncToken, encodePageToken, encodeSyncToken } from './sync-tokens';

/** How far ahead an open-ended series is expanded when the query gives no timeMax. */
export const expansionHorizonMs = 2 * 365 * 86_400_000;
/** At most this many instances of one series per list, as a guard against endless rules. */
export const maxInstancesPerSeries = 2500;
const earliestMs = -62e12;

/** Options of the lister that the service's factory may set. */
export interface ListOptions {
  /** Sync tokens older than this answer 410 (the client must do a full sync). */
  syncTokenMaxAgeMs: number;
}

/** One page of a list, records still to be rendered. */
export interface ListResult {
  items: StoredEvent[];
  nextPageToken?: string;
  nextSyncToken?: string;
}

function fullSyncRequired(): GoogleApiError {
  return new GoogleApiError(
    410,
    'fullSyncRequired',
    'Sync token is no longer valid, a full sync is required.',
  );
}

function sinceSeq(
  store: EventStore,
  calendar: StoredCalendar,
  token: string,
  nowMs: number,
  opts: ListOptions,
): number {
  const data = decodeSyncToken(token);
  if (
    !data ||
    data.epoch !== store.state.epoch ||
    data.calendarId !== calendar.id ||
    data.seq > store.state.seq ||
    nowMs - data.issuedMs > opts.syncTokenMaxAgeMs
  ) {
    throw fullSyncRequired();
  }
  return data.seq;
}

/** A series' instances without a stored exception, cancelled as a whole when the series is. */
export function plainInstances(
  store: EventStore,
  series: StoredEvent,
  calendar: StoredCalendar,
  fromMs: number | undefined,
  toMs: number | undefined,
  nowMs: number,
): StoredEvent[] {
  const exceptions = store.exceptionsOf(series);
  const seriesStart = timeMs(series.start, calendar.timeZone);
  const until = toMs ?? Math.max(nowMs, seriesStart) + expansionHorizonMs;
  return expandSeries(series, calendar.timeZone, fromMs ?? earliestMs, until, maxInstancesPerSeries)
    .filter((occurrence) => !exceptions.has(occurrence.stamp))
    .map((occurrence) => virtualInstance(series, occurrence, series.status === 'cancelled'));
}

function isSeries(record: StoredEvent): boolean {
  return Boolean(record.recurrence) && !record.recurringEventId;
}

function overlaps(record: StoredEvent, calendar: StoredCalendar, query: ListQuery): boolean {
  const min = query.timeMinMs ?? earliestMs;
  const max = query.timeMaxMs ?? Number.MAX_SAFE_INTEGER;
  if (isSeries(record))
    return expandSeries(record, calendar.timeZone, min, Math.min(max, 8e15), 1).length > 0;
  return timeMs(record.end, calendar.timeZone) > min && timeMs(record.start, calendar.timeZone) < max;
}

function propertiesMatch(
  record: StoredEvent,
  scope: 'private' | 'shared',
  wanted: [string, string][],
): boolean {
  const props = (
    record.fields.extendedProperties as Record<string, Record<string, string> | undefined> | undefined
  )?.[scope];
  return wanted.every(([key, value]) => props?.[key] === value);
}

function textMatches(record: StoredEvent, words: string[]): boolean {
  const text = ['summary', 'description', 'location']
    .map((key) => record.fields[key])
    .filter((value) => typeof value === 'string')
    .join(' ')
    .toLowerCase();
  return words.every((word) => text.includes(word));
}

/** Records of a full (non-incremental) list, before paging. */
function fullListRecords(
  store: EventStore,
  calendar: StoredCalendar,
  query: ListQuery,
  nowMs: number,
): StoredEvent[] {
  const showDeleted = query.showDeleted || query.updatedMinMs !== undefined;
  const records = store.records(calendar.id);
  const seriesCancelled = (record: StoredEvent) =>
    record.recurringEventId !== undefined &&
    store.record(calendar.id, record.recurringEventId)?.status === 'cancelled';
  let candidates: StoredEvent[];
  if (query.singleEvents) {
    candidates = records.flatMap((record) =>
      isSeries(record)
        ? plainInstances(store, record, calendar, query.timeMinMs, query.timeMaxMs, nowMs)
        : [record],
    );
  } else {
    candidates = records;
  }
  return candidates.filter((record) => {
    if (record.status === 'cancelled' && !showDeleted) {
      // Google keeps cancelled instances of a live series in non-expanded lists (see showDeleted in its reference).
      const keptException =
        !query.singleEvents && record.recurringEventId !== undefined && !seriesCancelled(record);
      if (!keptException) return false;
    }
    if (query.updatedMinMs !== undefined && Date.parse(record.updated) < query.updatedMinMs) return false;
    if (query.iCalUID !== undefined && record.iCalUID !== query.iCalUID) return false;
    return (
      overlaps(record, calendar, query) &&
      textMatches(record, query.words) &&
      propertiesMatch(record, 'private', query.privateProperties) &&
      propertiesMatch(record, 'shared', query.sharedProperties)
    );
  });
}

/** Everything written since the token, cancelled included; with singleEvents, a changed series as its instances. */
function changedRecords(
  store: EventStore,
  calendar: StoredCalendar,
  query: ListQuery,
  since: number,
  nowMs: number,
) {
  const changed = store.records(calendar.id).filter((record) => record.changeSeq > since);
  if (!query.singleEvents) return changed;
  return changed.flatMap((record) =>
    isSeries(record) ? plainInstances(store, record, calendar, undefined, undefined, nowMs) : [record],
  );
}

function padMs(ms: number): string {
  return String(Math.round(ms + 1e14)).padStart(16, '0');
}

function sortKey(record: StoredEvent, calendar: StoredCalendar, orderBy: ListQuery['orderBy']): string {
  const startMs = timeMs(record.start, calendar.timeZone);
  if (orderBy === 'startTime') return `${padMs(startMs)}|${record.id}`;
  if (orderBy === 'updated') return `${record.updated}|${record.id}`;
  const originalMs = record.originalStartTime ? timeMs(record.originalStartTime, calendar.timeZone) : startMs;
  return `${String(record.createdSeq).padStart(12, '0')}|${padMs(originalMs)}|${record.id}`;
}

/** One page of events.list for a calendar the caller owns. */
export function listEvents(
  store: EventStore,
  calendar: StoredCalendar,
  query: ListQuery,
  now: Date,
  opts: ListOptions,
): ListResult {
  const nowMs = now.getTime();
  let after = '';
  let seqAtStart = store.state.seq;
  if (query.pageToken) {
    const page = decodePageToken(query.pageToken);
    if (!page || page.query !== query.fingerprint) throw invalid('Invalid page token value.');
    after = page.after;
    seqAtStart = page.seq;
  }
  const records = query.syncToken
    ? changedRecords(store, calendar, query, sinceSeq(store, calendar, query.syncToken, nowMs, opts), nowMs)
    : fullListRecords(store, calendar, query, nowMs);
  const keyed = records
    .filter(
      (record) => query.eventTypes.length === 0 || query.eventTypes.includes(eventTypeOf(record.fields)),
    )
    .map((record) => ({ key: sortKey(record, calendar, query.orderBy), record }))
    .filter((entry) => entry.key > after)
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const page = keyed.slice(0, query.maxResults);
  const result: ListResult = { items: page.map((entry) => entry.record) };
  if (keyed.length > page.length) {
    const last = page[page.length - 1]!;
    result.nextPageToken = encodePageToken({ after: last.key, seq: seqAtStart, query: query.fingerprint });
  } else {
    result.nextSyncToken = encodeSyncToken({
      epoch: store.state.epoch,
      calendarId: calendar.id,
      seq: seqAtStart,
      issuedMs: nowMs,
    });
  }
  return result;
}
