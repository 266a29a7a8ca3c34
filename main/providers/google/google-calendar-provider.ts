/**
 * The Google Calendar side of a connection, through `@googleapis/calendar` exactly as against Google (only `rootUrl` differs
 * in sandbox mode). Reads use `singleEvents` and sync tokens; writes use client-chosen ids, private extended
 * properties, `If-Match` and `sendUpdates: "none"`. Every request goes through the account's `RequestGate`.
 * https://developers.google.com/calendar/api/guides/sync
 */
import * as google from '@googleapis/calendar';
import type { calendar_v3 } from '@googleapis/calendar';
import type { OAuth2Client } from 'google-auth-library';
import type { ItemFields, SyncItem } from '../../sync';
import { RequestGate, googleLimits, type RequestGateOptions } from '../gate';
import type { CalendarProvider, CreateRequest, ListRequest, ListResult, UpdateOptions } from '../port';
import type { SignInReading } from '../sign-in-reading';
import {
  AuthError,
  calendarCapabilities,
  CursorExpiredError,
  NotFoundError,
  PreconditionFailedError,
} from '../port';
import { GoogleCaller } from './google-call';
import { GoogleRequestError, classifyGoogleFailure, googleStatusOf } from './google-errors';
import { eventIdFor } from './google-event-id';
import {
  eventForInsert,
  eventPatchFor,
  eventToItem,
  needsCalendarZone,
  tagProperties,
} from './google-event-mapper';

const providerName = 'Google Calendar';

/** What the adapter needs; one gate is shared by every calendar of the same Google account. */
export interface GoogleCalendarProviderOptions {
  /** The account's client (`GoogleAccount.client`); googleapis takes tokens from it and refreshes them. */
  auth: OAuth2Client;
  calendarId: string;
  /** The account's reading of its failures (`GoogleAccount` is one): a refused sign-in becomes `AuthError`. */
  signIn: SignInReading;
  /** The API root; the sandbox's `google.root_url` in sandbox mode, Google's own when absent. */
  rootUrl?: string;
  /** The account's gate; a gate with Google's published limits when absent. */
  gate?: RequestGate;
  /**
   * Gets a new access token after a 401 (`GoogleAccount.refresh` also picks up a sign-in saved since). By default
   * the cached token is dropped so the client refreshes with its refresh token.
   */
  refreshAccessToken?: () => Promise<unknown>;
  /** Events per page (Google allows up to 2500); larger pages mean fewer requests. */
  pageSize?: number;
}

/** A gate for one Google account: Google's limits and the Google classifier, other options as given. */
export function createGoogleGate(options: Partial<RequestGateOptions> = {}): RequestGate {
  return new RequestGate({
    provider: providerName,
    classify: classifyGoogleFailure,
    ...googleLimits,
    ...options,
  });
}

/** One Google calendar as a `CalendarProvider`. */
export class GoogleCalendarProvider implements CalendarProvider {
  readonly side = 'external' as const;
  readonly capabilities = calendarCapabilities;
  /**
   * Google publishes no cap on requests in flight, only the per-minute quota the gate keeps; four writes at once
   * hide most of the latency without bursting past what a calendar's own write rate tolerates.
   */
  readonly writeConcurrency = 4;
  /** The gate requests go through; the engine reads its counter into the run summary. */
  readonly gate: RequestGate;
  private readonly api: calendar_v3.Calendar;
  private readonly calendarId: string;
  private readonly pageSize: number;
  private readonly caller: GoogleCaller;
  /** The calendar's zone, for timed events that carry no zone of their own; learned from list answers. */
  private calendarZone?: string;

  constructor(options: GoogleCalendarProviderOptions) {
    this.calendarId = options.calendarId;
    this.gate = options.gate ?? createGoogleGate();
    this.pageSize = options.pageSize ?? 2500;
    // gaxios retries on its own by default; the gate does that here, so that every attempt is paced and counted.
    this.api = google.calendar({
      version: 'v3',
      auth: options.auth,
      retry: false,
      ...(options.rootUrl ? { rootUrl: options.rootUrl } : {}),
    });
    const refresh =
      options.refreshAccessToken ??
      (async () => {
        // Without a refresh token only a new sign-in can give the client a working token.
        if (!options.auth.credentials.refresh_token) throw new AuthError(providerName);
        options.auth.setCredentials({ refresh_token: options.auth.credentials.refresh_token });
        await options.auth.getAccessToken();
      });
    this.caller = new GoogleCaller(this.gate, options.signIn, refresh);
  }

  /** HTTP requests this provider sent, paging and retries included (the engine's run summary reads it). */
  requestCount(): number {
    return this.caller.sent;
  }

  async listChanges(request: ListRequest): Promise<ListResult> {
    const items: SyncItem[] = [];
    const deleted: string[] = [];
    const last = await this.listPages(
      'list events',
      // A sync token implies showDeleted and refuses a time range (Google's sync guide).
      request.cursor === null
        ? { timeMin: request.window.start, timeMax: request.window.end }
        : { syncToken: request.cursor },
      (event, item) => {
        if (item) items.push(item);
        else if (event.id && event.status === 'cancelled') deleted.push(event.id);
      },
      (error) => (googleStatusOf(error) === 410 ? new CursorExpiredError(providerName) : undefined),
    );
    if (!last.nextSyncToken) throw new GoogleRequestError('give a sync token', undefined, undefined);
    return { items, deleted, nextCursor: last.nextSyncToken, full: request.cursor === null };
  }

  async listTagged(connectionId: string): Promise<SyncItem[]> {
    const items: SyncItem[] = [];
    await this.listPages(
      'list the agent’s events',
      { privateExtendedProperty: [`${tagProperties.connectionId}=${connectionId}`] },
      (_event, item) => {
        if (item && item.status !== 'cancelled') items.push(item);
      },
    );
    return items;
  }

  /**
   * Lists the calendar's events (`singleEvents`, the largest pages allowed) with `filter`, page by page, handing each
   * event and its item (`null` when it maps to none) to `take`; answers the last page, which holds the sync token.
   */
  private async listPages(
    what: string,
    filter: calendar_v3.Params$Resource$Events$List,
    take: (event: calendar_v3.Schema$Event, item: SyncItem | null) => void,
    failure?: (error: unknown) => Error | undefined,
  ): Promise<calendar_v3.Schema$Events> {
    let pageToken: string | undefined;
    for (;;) {
      const query = {
        ...filter,
        calendarId: this.calendarId,
        singleEvents: true,
        maxResults: this.pageSize,
        pageToken,
      };
      const page = await this.caller.call(what, () => this.api.events.list(query), failure);
      if (page.data.timeZone) this.calendarZone = page.data.timeZone;
      for (const event of page.data.items ?? []) take(event, await this.mapEvent(event));
      pageToken = page.data.nextPageToken ?? undefined;
      if (!pageToken) return page.data;
    }
  }

  async get(id: string): Promise<SyncItem | null> {
    const answer = await this.caller.callUnlessAbsent(
      'read an event',
      () => this.api.events.get({ calendarId: this.calendarId, eventId: id }),
      (status) => status === 404,
    );
    return answer === null ? null : this.mapEvent(answer.data);
  }

  async create(request: CreateRequest): Promise<SyncItem> {
    const eventId = eventIdFor(request.idempotencyKey);
    const inserted = await this.caller.callUnlessAbsent(
      'create an event',
      () =>
        this.api.events.insert({
          calendarId: this.calendarId,
          sendUpdates: 'none',
          requestBody: eventForInsert(eventId, request.fields, request.tags),
        }),
      // 409: an earlier attempt with this key already created it (perhaps before a crash); that one is the answer.
      (status) => status === 409,
    );
    const event = inserted?.data ?? (await this.existing(eventId));
    return this.toItem(event, 'read the created event');
  }

  async update(id: string, fields: ItemFields, options: UpdateOptions): Promise<SyncItem> {
    const answer = await this.caller.call(
      'update an event',
      () =>
        this.api.events.patch(
          {
            calendarId: this.calendarId,
            eventId: id,
            sendUpdates: 'none',
            requestBody: eventPatchFor(fields, options.tags),
          },
          { headers: { 'If-Match': options.ifMatch } },
        ),
      (error) => this.writeFailure(error, id),
    );
    return this.toItem(answer.data, 'read the updated event');
  }

  async delete(id: string, options?: { ifMatch?: string }): Promise<void> {
    await this.caller.callUnlessAbsent(
      'delete an event',
      () =>
        this.api.events.delete(
          { calendarId: this.calendarId, eventId: id, sendUpdates: 'none' },
          options?.ifMatch ? { headers: { 'If-Match': options.ifMatch } } : {},
        ),
      // Already deleted (410) or never there (404): the wanted end state holds.
      (status) => status === 404 || status === 410,
      (error) => (googleStatusOf(error) === 412 ? new PreconditionFailedError(id) : undefined),
    );
  }

  private writeFailure(error: unknown, id: string): Error | undefined {
    const status = googleStatusOf(error);
    if (status === 412) return new PreconditionFailedError(id);
    if (status === 404 || status === 410) return new NotFoundError(id);
    return undefined;
  }

  private async existing(eventId: string): Promise<calendar_v3.Schema$Event> {
    const answer = await this.caller.call('read the existing event', () =>
      this.api.events.get({ calendarId: this.calendarId, eventId }),
    );
    return answer.data;
  }

  private async toItem(
    event: calendar_v3.Schema$Event | null | undefined,
    operation: string,
  ): Promise<SyncItem> {
    const item = event ? await this.mapEvent(event) : null;
    if (!item) throw new GoogleRequestError(operation, undefined, 'incomplete event');
    return item;
  }

  /** Maps an event, reading the calendar's zone first only when the event needs it and no list has told it. */
  private async mapEvent(event: calendar_v3.Schema$Event): Promise<SyncItem | null> {
    const zone = needsCalendarZone(event) ? await this.zone() : (this.calendarZone ?? 'UTC');
    return eventToItem(event, zone);
  }

  /** The calendar's zone; read once from the calendar (one request) when no list has told it yet. */
  private async zone(): Promise<string> {
    if (this.calendarZone) return this.calendarZone;
    const answer = await this.caller.call('read the calendar', () =>
      this.api.calendars.get({ calendarId: this.calendarId }),
    );
    this.calendarZone = answer.data.timeZone ?? 'UTC';
    return this.calendarZone;
  }
}
