/**
 * events.instances: the instances of one series, exceptions applied, in start order.
 * https://developers.google.com/calendar/api/v3/reference/events/instances
 */
import { invalid, notFound } from './errors';
import type { EventStore } from './event-store';
import { parseEventTime, sameTime, timeMs } from './event-times';
import { plainInstances } from './list-events';
import type { ListQuery } from './list-query';
import type { StoredCalendar, StoredEvent } from './model';
import { decodePageToken, encodePageToken } from './sync-tokens';

/** One page of instances, records still to be rendered. */
export interface InstancesResult {
  items: StoredEvent[];
  nextPageToken?: string;
}

/** Instances of the series `seriesId`; `originalStart` picks one instance by its original start. */
export function listInstances(
  store: EventStore,
  calendar: StoredCalendar,
  seriesId: string,
  query: ListQuery,
  originalStart: string | undefined,
  now: Date,
): InstancesResult {
  const series = store.record(calendar.id, seriesId);
  if (!series || series.recurringEventId) throw notFound();
  if (!series.recurrence) return { items: [] };
  const wanted = originalStart
    ? parseEventTime(series.start.date ? { date: originalStart } : { dateTime: originalStart }, 'start')
    : undefined;
  const min = query.timeMinMs ?? -Infinity;
  const max = query.timeMaxMs ?? Infinity;
  const all = [
    ...plainInstances(store, series, calendar, query.timeMinMs, query.timeMaxMs, now.getTime()),
    ...store.exceptionsOf(series).values(),
  ].filter(
    (record) =>
      (query.showDeleted || record.status !== 'cancelled') &&
      timeMs(record.end, calendar.timeZone) > min &&
      timeMs(record.start, calendar.timeZone) < max &&
      (!wanted ||
        sameTime({ ...record.originalStartTime, timeZone: undefined }, { ...wanted, timeZone: undefined })),
  );
  const keyed = all
    .map((record) => ({
      key: `${record.originalStartTime?.date ?? record.originalStartTime?.dateTime}`,
      record,
    }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  let after = '';
  if (query.pageToken) {
    const page = decodePageToken(query.pageToken);
    if (!page || page.query !== query.fingerprint) throw invalid('Invalid page token value.');
    after = page.after;
  }
  const rest = keyed.filter((entry) => entry.key > after);
  const page = rest.slice(0, query.maxResults);
  const result: InstancesResult = { items: page.map((entry) => entry.record) };
  if (rest.length > page.length) {
    result.nextPageToken = encodePageToken({
      after: page[page.length - 1]!.key,
      seq: store.state.seq,
      query: query.fingerprint,
    });
  }
  return result;
}
