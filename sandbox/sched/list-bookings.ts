/**
 * `GET /bookings`: a windowed list, or with `sync_token` every booking changed since that token (cancelled
 * ones included), both paged. Like Google's sync guide, `next_sync_token` comes only on the last page and a
 * token this server no longer honours answers 410 so the client knows to do a full read.
 */
import { ApiFailure, FieldError, schedError } from './errors';
import type { Booking, SchedState } from './model';
import { instantOf, isDateTime } from './time';

/** Paging limits for `max_results`. */
export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 500;

interface SyncToken {
  e: string;
  s: number;
  t: number;
  r: string | null;
}

interface PageToken {
  e: string;
  m: 'list' | 'sync';
  /** list: items already returned; sync: the last sequence number returned. */
  o: number;
  /** Changes after this sequence number are left to the next sync. */
  u: number;
  r: string | null;
  since: number;
  min: string | null;
  max: string | null;
  c: boolean;
}

function encode(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function decode<T>(token: string): T | undefined {
  try {
    return JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as T;
  } catch {
    return undefined;
  }
}

/** The query of one list request. */
export interface ListQuery {
  resourceId: string | null;
  timeMin: string | null;
  timeMax: string | null;
  syncToken: string | null;
  pageToken: string | null;
  includeCancelled: boolean;
  pageSize: number;
}

/** Reads and checks the query string. */
export function parseListQuery(query: URLSearchParams): ListQuery {
  const timeMin = query.get('time_min');
  const timeMax = query.get('time_max');
  for (const [field, value] of [
    ['time_min', timeMin],
    ['time_max', timeMax],
  ] as const) {
    if (value !== null && !isDateTime(value))
      throw new FieldError(field, 'must be an RFC 3339 date-time with an offset.');
  }
  if (timeMin && timeMax && Date.parse(timeMax) <= Date.parse(timeMin)) {
    throw new FieldError('time_max', 'must be after time_min.');
  }
  const syncToken = query.get('sync_token');
  if (syncToken !== null && (timeMin !== null || timeMax !== null)) {
    throw new FieldError(timeMin !== null ? 'time_min' : 'time_max', 'cannot be combined with sync_token.');
  }
  const size = query.get('max_results');
  const pageSize = size === null ? DEFAULT_PAGE_SIZE : Number(size);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw new FieldError('max_results', `must be a whole number from 1 to ${MAX_PAGE_SIZE}.`);
  }
  return {
    resourceId: query.get('resource_id'),
    timeMin,
    timeMax,
    syncToken,
    pageToken: query.get('page_token'),
    includeCancelled: query.get('include_cancelled') === 'true',
    pageSize,
  };
}

/** Options that decide how long a sync token stays good. */
export interface FeedOptions {
  nowMs: number;
  syncTokenMaxAgeMs: number;
}

function gone(code: string, message: string): ApiFailure {
  return new ApiFailure(schedError(410, code, message));
}

function readSyncToken(state: SchedState, token: string, options: FeedOptions): SyncToken {
  const parsed = decode<SyncToken>(token);
  if (!parsed || typeof parsed.s !== 'number' || parsed.e !== state.epoch) {
    throw gone('invalid_sync_token', 'This sync_token is unknown here; do a full list without it.');
  }
  if (options.nowMs - parsed.t > options.syncTokenMaxAgeMs) {
    throw gone('sync_token_expired', 'This sync_token is too old; do a full list without it.');
  }
  return parsed;
}

function readPageToken(state: SchedState, token: string, query: ListQuery): PageToken {
  const parsed = decode<PageToken>(token);
  const sameQuery =
    parsed !== undefined &&
    parsed.e === state.epoch &&
    // A change feed's resource comes from its sync_token, so a follow-up page may leave resource_id out.
    (parsed.r === query.resourceId || (parsed.m === 'sync' && query.resourceId === null)) &&
    parsed.min === query.timeMin &&
    parsed.max === query.timeMax &&
    parsed.c === query.includeCancelled;
  if (!parsed || !sameQuery) {
    throw new FieldError('page_token', 'is not a page token of this query; start again without it.');
  }
  return parsed;
}

/**
 * True when the booking moved away from `resourceId` after sequence `since`. A moved booking is not cancelled,
 * so the old resource's feed lists it as it now is, with its new `resource_id`: that is how a client reading
 * one resource learns that the booking left it. (Google's feed shows an event moved to another calendar as
 * cancelled in the first; a moved booking is not cancelled, and its new `resource_id` says where it went.)
 */
function leftSince(state: SchedState, bookingId: string, resourceId: string, since: number): boolean {
  return (state.departed[bookingId]?.[resourceId] ?? 0) > since;
}

function startOf(booking: Booking): number {
  return instantOf(booking.start, booking.timezone).getTime();
}

/** Answers one `GET /bookings`. */
export function listBookings(
  state: SchedState,
  query: ListQuery,
  options: FeedOptions,
): Record<string, unknown> {
  if (query.resourceId !== null && !state.resources.some((resource) => resource.id === query.resourceId)) {
    throw new FieldError('resource_id', `no resource with id ${query.resourceId}.`);
  }
  let page: PageToken;
  if (query.pageToken !== null) {
    page = readPageToken(state, query.pageToken, query);
  } else if (query.syncToken !== null) {
    const token = readSyncToken(state, query.syncToken, options);
    if (query.resourceId !== null && token.r !== query.resourceId) {
      throw new FieldError('resource_id', 'differs from the resource_id the sync_token was issued for.');
    }
    query = { ...query, resourceId: token.r };
    page = {
      e: state.epoch,
      m: 'sync',
      o: token.s,
      u: state.next_seq - 1,
      r: token.r,
      since: token.s,
      min: null,
      max: null,
      c: query.includeCancelled,
    };
  } else {
    page = {
      e: state.epoch,
      m: 'list',
      o: 0,
      u: state.next_seq - 1,
      r: query.resourceId,
      since: 0,
      min: query.timeMin,
      max: query.timeMax,
      c: query.includeCancelled,
    };
  }

  const all = Object.values(state.bookings);
  let items: Booking[];
  let nextOffset: number;
  if (page.m === 'sync') {
    const changed = all
      .filter(
        (b) => page.r === null || b.resource_id === page.r || leftSince(state, b.id, page.r, page.since),
      )
      .map((booking) => ({ booking, seq: state.changed_at_seq[booking.id] ?? 0 }))
      .filter(({ seq }) => seq > page.o && seq <= page.u)
      .sort((a, b) => a.seq - b.seq);
    const slice = changed.slice(0, query.pageSize);
    items = slice.map(({ booking }) => booking);
    nextOffset = slice.at(-1)?.seq ?? page.o;
    const more = changed.length > slice.length;
    return respond(items, more ? { ...page, o: nextOffset } : undefined, page, options.nowMs);
  }
  const min = page.min === null ? -Infinity : Date.parse(page.min);
  const max = page.max === null ? Infinity : Date.parse(page.max);
  const matching = all
    .filter((b) => page.r === null || b.resource_id === page.r)
    .filter((b) => page.c || b.status !== 'cancelled')
    .filter((b) => instantOf(b.end, b.timezone).getTime() > min && startOf(b) < max)
    .sort((a, b) => startOf(a) - startOf(b) || a.id.localeCompare(b.id));
  items = matching.slice(page.o, page.o + query.pageSize);
  nextOffset = page.o + items.length;
  return respond(
    items,
    nextOffset < matching.length ? { ...page, o: nextOffset } : undefined,
    page,
    options.nowMs,
  );
}

function respond(
  items: Booking[],
  next: PageToken | undefined,
  page: PageToken,
  nowMs: number,
): Record<string, unknown> {
  const body: Record<string, unknown> = { bookings: items };
  if (next) body.next_page_token = encode(next);
  else body.next_sync_token = encode({ e: page.e, s: page.u, t: nowMs, r: page.r } satisfies SyncToken);
  return body;
}
