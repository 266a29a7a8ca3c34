/**
 * The list-and-feed reads Sched offers for bookings and availability exceptions: a windowed list, or with
 * `sync_token` every item changed since that token (cancelled ones included), both paged. Like Google's sync
 * guide, `next_sync_token` comes only on the last page, and a token this server no longer honours answers 410
 * so the client knows to do a full read. Tokens name their feed (`k`), so one feed's token is no good in another.
 */
import { ApiFailure, FieldError, schedError } from './errors';
import type { SchedState } from './model';
import { instantOf, isDateTime } from './time';

/** Paging limits for `max_results`. */
export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 500;

/** Which feed a token belongs to; tokens from before exceptions existed are bookings tokens. */
export type FeedKind = 'bookings' | 'exceptions';

interface SyncToken {
  e: string;
  k?: FeedKind;
  s: number;
  t: number;
  r: string | null;
}

interface PageToken {
  e: string;
  k?: FeedKind;
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

/** Reads and checks the query string (`resource_id` comes from the path for exceptions). */
export function parseListQuery(query: URLSearchParams, resourceId = query.get('resource_id')): ListQuery {
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
    resourceId,
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

/** An item either feed lists. */
export interface FeedItem {
  id: string;
  resource_id: string;
  start: string;
  end: string;
  timezone: string;
  status: string;
}

/** What one feed reads from the state. */
export interface FeedSource<T extends FeedItem> {
  kind: FeedKind;
  items: T[];
  /** The sequence number of an item's last change. */
  seqOf(item: T): number;
  /** For a change feed of one resource: also list this item, which is no longer the resource's (a move). */
  leftResource?(item: T, resourceId: string, since: number): boolean;
}

/** One page: the items, and a page token or (on the last page) a sync token. */
export interface FeedPage<T> {
  items: T[];
  next_page_token?: string;
  next_sync_token?: string;
}

function gone(code: string, message: string): ApiFailure {
  return new ApiFailure(schedError(410, code, message));
}

function readSyncToken(state: SchedState, kind: FeedKind, token: string, options: FeedOptions): SyncToken {
  const parsed = decode<SyncToken>(token);
  if (
    !parsed ||
    typeof parsed.s !== 'number' ||
    parsed.e !== state.epoch ||
    (parsed.k ?? 'bookings') !== kind
  ) {
    throw gone('invalid_sync_token', 'This sync_token is unknown here; do a full list without it.');
  }
  if (options.nowMs - parsed.t > options.syncTokenMaxAgeMs) {
    throw gone('sync_token_expired', 'This sync_token is too old; do a full list without it.');
  }
  return parsed;
}

function readPageToken(state: SchedState, kind: FeedKind, token: string, query: ListQuery): PageToken {
  const parsed = decode<PageToken>(token);
  const sameQuery =
    parsed !== undefined &&
    parsed.e === state.epoch &&
    (parsed.k ?? 'bookings') === kind &&
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

function firstPage(state: SchedState, kind: FeedKind, query: ListQuery, options: FeedOptions): PageToken {
  const base = { e: state.epoch, k: kind, u: state.next_seq - 1, c: query.includeCancelled };
  if (query.syncToken === null) {
    return {
      ...base,
      m: 'list',
      o: 0,
      r: query.resourceId,
      since: 0,
      min: query.timeMin,
      max: query.timeMax,
    };
  }
  const token = readSyncToken(state, kind, query.syncToken, options);
  if (query.resourceId !== null && token.r !== query.resourceId) {
    throw new FieldError('resource_id', 'differs from the resource_id the sync_token was issued for.');
  }
  return { ...base, m: 'sync', o: token.s, r: token.r, since: token.s, min: null, max: null };
}

function startOf(item: FeedItem): number {
  return instantOf(item.start, item.timezone).getTime();
}

/** Answers one list or change-feed read. */
export function readFeed<T extends FeedItem>(
  state: SchedState,
  source: FeedSource<T>,
  query: ListQuery,
  options: FeedOptions,
): FeedPage<T> {
  const page =
    query.pageToken !== null
      ? readPageToken(state, source.kind, query.pageToken, query)
      : firstPage(state, source.kind, query, options);
  const resourceId = page.r;
  if (page.m === 'sync') {
    const changed = source.items
      .filter(
        (item) =>
          resourceId === null ||
          item.resource_id === resourceId ||
          source.leftResource?.(item, resourceId, page.since) === true,
      )
      .map((item) => ({ item, seq: source.seqOf(item) }))
      .filter(({ seq }) => seq > page.o && seq <= page.u)
      .sort((a, b) => a.seq - b.seq);
    const slice = changed.slice(0, query.pageSize);
    const more = changed.length > slice.length;
    const next = more ? { ...page, o: slice.at(-1)?.seq ?? page.o } : undefined;
    return respond(
      slice.map(({ item }) => item),
      next,
      page,
      options.nowMs,
    );
  }
  const min = page.min === null ? -Infinity : Date.parse(page.min);
  const max = page.max === null ? Infinity : Date.parse(page.max);
  const matching = source.items
    .filter((item) => resourceId === null || item.resource_id === resourceId)
    .filter((item) => page.c || item.status !== 'cancelled')
    .filter((item) => instantOf(item.end, item.timezone).getTime() > min && startOf(item) < max)
    .sort((a, b) => startOf(a) - startOf(b) || a.id.localeCompare(b.id));
  const items = matching.slice(page.o, page.o + query.pageSize);
  const nextOffset = page.o + items.length;
  return respond(
    items,
    nextOffset < matching.length ? { ...page, o: nextOffset } : undefined,
    page,
    options.nowMs,
  );
}

function respond<T>(items: T[], next: PageToken | undefined, page: PageToken, nowMs: number): FeedPage<T> {
  if (next) return { items, next_page_token: encode(next) };
  const sync: SyncToken = { e: page.e, k: page.k, s: page.u, t: nowMs, r: page.r };
  return { items, next_sync_token: encode(sync) };
}
