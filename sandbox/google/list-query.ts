/**
 * The query parameters of events.list and events.instances, validated as Google validates them.
 * https://developers.google.com/calendar/api/v3/reference/events/list#parameters
 */
import { invalid, GoogleApiError } from './errors';
import { parseEventTypes, type EventType } from './event-kinds';
import { parseInstant } from './event-times';
import { isValidZone } from '../core/zones';

/** A validated events.list query. */
export interface ListQuery {
  timeMinMs?: number;
  timeMaxMs?: number;
  updatedMinMs?: number;
  singleEvents: boolean;
  orderBy?: 'startTime' | 'updated';
  showDeleted: boolean;
  privateProperties: [string, string][];
  sharedProperties: [string, string][];
  words: string[];
  /** `eventTypes` (repeatable): only events of these types; empty for every type. */
  eventTypes: EventType[];
  iCalUID?: string;
  maxResults: number;
  pageToken?: string;
  syncToken?: string;
  timeZone?: string;
  /** Everything but pageToken, so a page token only continues the list it came from. */
  fingerprint: string;
}

/** Parameters that Google refuses next to a syncToken (its sync guide lists them). */
const notWithSyncToken = [
  'timeMin',
  'timeMax',
  'q',
  'updatedMin',
  'orderBy',
  'iCalUID',
  'privateExtendedProperty',
  'sharedExtendedProperty',
];

export const defaultMaxResults = 250;
export const maxMaxResults = 2500;

function bool(query: URLSearchParams, name: string): boolean {
  const value = query.get(name);
  if (value === null || value === '') return false;
  if (value !== 'true' && value !== 'false') throw invalid(`Invalid value for ${name}: ${value}`);
  return value === 'true';
}

function instant(query: URLSearchParams, name: string): number | undefined {
  const value = query.get(name);
  if (value === null || value === '') return undefined;
  const ms = parseInstant(value);
  if (ms === null)
    throw invalid(`Invalid value for ${name}: ${value} (an RFC 3339 timestamp with an offset)`);
  return ms;
}

function properties(query: URLSearchParams, name: string): [string, string][] {
  return query.getAll(name).map((constraint) => {
    const cut = constraint.indexOf('=');
    if (cut <= 0) throw invalid(`Invalid value for ${name}: ${constraint} (expected propertyName=value)`);
    return [constraint.slice(0, cut), constraint.slice(cut + 1)];
  });
}

/** Reads and checks an events.list query. */
export function parseListQuery(query: URLSearchParams): ListQuery {
  const syncToken = query.get('syncToken') || undefined;
  if (syncToken) {
    const clash = notWithSyncToken.find((name) => query.has(name) && query.get(name) !== '');
    if (clash) throw invalid(`The syncToken parameter cannot be combined with ${clash}.`);
  }
  const singleEvents = bool(query, 'singleEvents');
  const orderBy = query.get('orderBy') || undefined;
  if (orderBy !== undefined && orderBy !== 'startTime' && orderBy !== 'updated') {
    throw invalid(`Invalid value for orderBy: ${orderBy}`);
  }
  if (orderBy === 'startTime' && !singleEvents) {
    throw invalid('The requested ordering is not available for the particular query.');
  }
  const rawMax = query.get('maxResults');
  let maxResults = defaultMaxResults;
  if (rawMax !== null && rawMax !== '') {
    maxResults = Number(rawMax);
    if (!Number.isInteger(maxResults) || maxResults < 1)
      throw invalid(`Invalid value for maxResults: ${rawMax}`);
    maxResults = Math.min(maxResults, maxMaxResults);
  }
  const timeMinMs = instant(query, 'timeMin');
  const timeMaxMs = instant(query, 'timeMax');
  if (timeMinMs !== undefined && timeMaxMs !== undefined && timeMaxMs <= timeMinMs) {
    throw new GoogleApiError(400, 'timeRangeEmpty', 'The specified time range is empty.');
  }
  const timeZone = query.get('timeZone') || undefined;
  if (timeZone !== undefined && !isValidZone(timeZone))
    throw invalid(`Invalid value for timeZone: ${timeZone}`);
  const rest = new URLSearchParams(query);
  rest.delete('pageToken');
  rest.sort();
  return {
    timeMinMs,
    timeMaxMs,
    updatedMinMs: instant(query, 'updatedMin'),
    singleEvents,
    orderBy,
    showDeleted: bool(query, 'showDeleted'),
    privateProperties: properties(query, 'privateExtendedProperty'),
    sharedProperties: properties(query, 'sharedExtendedProperty'),
    words: (query.get('q') ?? '').toLowerCase().split(/\s+/).filter(Boolean),
    eventTypes: parseEventTypes(query.getAll('eventTypes')),
    iCalUID: query.get('iCalUID') || undefined,
    maxResults,
    pageToken: query.get('pageToken') || undefined,
    syncToken,
    timeZone,
    fingerprint: rest.toString(),
  };
}
