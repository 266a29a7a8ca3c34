/**
 * One Sched resource's availability exceptions as a `CalendarProvider` (shared/SYNC.md, "Availability"): full
 * reads of the window, the `sync_token` change feed, idempotent creates naming their event in `source`, `If-Match`
 * updates and cancellations. The second kind of Sched item beside bookings: the engine keeps its own cursor for
 * it, since Sched's exception feed and bookings feed hand out tokens that are no good in each other.
 */
import type { ItemFields, SyncItem } from '../../sync';
import { madeFrom } from '../../sync';
import type { CalendarProvider, CalendarRef, CreateRequest, ListRequest, ListResult } from '../port';
import { NotFoundError, PreconditionFailedError } from '../port';
import type { ResourceRef } from './sched-booking-mapper';
import { exceptionCreateFor, exceptionToItem, exceptionUpdateFor } from './sched-exception-mapper';
import { SchedExceptionsClient } from './sched-exceptions-client';
import type { SchedHttp } from './sched-http';
import type { ExceptionListQuery } from './sched-wire';

/** What the provider needs: the account's HTTP side and the resource whose exceptions it syncs. */
export interface SchedExceptionsProviderOptions {
  /** The account's `SchedHttp`; the provider keeps a scoped copy that shares its gate and counts on its own. */
  http: SchedHttp;
  /** The resource's id and IANA zone (all-day dates are counted in it). */
  resource: ResourceRef;
  /** Exceptions per page (`max_results`); Sched's default when absent. */
  pageSize?: number;
}

/** An exception holds a time and a reason only: no description and no location (shared/API.md §3). */
export const schedExceptionCapabilities = { storesLocation: false } as const;

/** The availability exceptions of one Sched resource. */
export class SchedExceptionsProvider implements CalendarProvider {
  readonly side = 'sched' as const;
  readonly capabilities = schedExceptionCapabilities;
  private readonly client: SchedExceptionsClient;
  private readonly resource: ResourceRef;
  private readonly pageSize?: number;

  constructor(options: SchedExceptionsProviderOptions) {
    this.resource = { id: options.resource.id, timezone: options.resource.timezone };
    this.client = new SchedExceptionsClient(options.http.scoped(), this.resource.id);
    this.pageSize = options.pageSize;
  }

  /** HTTP requests this provider sent, paging and retries included. */
  requestCount(): number {
    return this.client.requestCount();
  }

  async listChanges(request: ListRequest): Promise<ListResult> {
    const full = request.cursor === null;
    const query: ExceptionListQuery = full
      ? { time_min: request.window.start, time_max: request.window.end }
      : // A time range is not allowed with a sync token; the token holds the resource and the feed.
        { sync_token: request.cursor ?? undefined };
    if (this.pageSize !== undefined) query.max_results = this.pageSize;
    const { exceptions, nextSyncToken } = await this.client.listAll(query);
    const items = exceptions.map((exception) => exceptionToItem(exception, this.resource.timezone));
    return { items, deleted: [], nextCursor: nextSyncToken, full };
  }

  async get(id: string): Promise<SyncItem | null> {
    const exception = await this.client.get(id);
    return exception === null ? null : exceptionToItem(exception, this.resource.timezone);
  }

  /** The live exceptions of this resource made from `calendar`'s events: every page of its exceptions, all time. */
  async listMadeFrom(calendar: CalendarRef): Promise<SyncItem[]> {
    const query: ExceptionListQuery = {};
    if (this.pageSize !== undefined) query.max_results = this.pageSize;
    const { exceptions } = await this.client.listAll(query);
    return madeFrom(
      exceptions.map((exception) => exceptionToItem(exception, this.resource.timezone)),
      calendar,
    );
  }

  /** Blocks the time; Sched lets exceptions overlap, so there is no slot to refuse. */
  async create(request: CreateRequest): Promise<SyncItem> {
    const exception = await this.client.create(
      exceptionCreateFor(request, this.resource),
      request.idempotencyKey,
    );
    return exceptionToItem(exception, this.resource.timezone);
  }

  async update(id: string, fields: ItemFields, options: { ifMatch: string }): Promise<SyncItem> {
    const exception = await this.client.update(
      id,
      exceptionUpdateFor(fields, this.resource.timezone),
      options.ifMatch,
    );
    return exceptionToItem(exception, this.resource.timezone);
  }

  /** Cancels the exception. Gone already, or cancelled already, is the wanted end state and not an error. */
  async delete(id: string, options?: { ifMatch?: string }): Promise<void> {
    try {
      await this.client.cancel(id, options?.ifMatch);
    } catch (error) {
      if (error instanceof NotFoundError) return;
      // A retried cancel whose first attempt went through finds the version moved: check what is there now.
      if (error instanceof PreconditionFailedError) {
        const now = await this.client.get(id);
        if (now === null || now.status === 'cancelled') return;
        throw new PreconditionFailedError(id, String(now.version));
      }
      throw error;
    }
  }
}
