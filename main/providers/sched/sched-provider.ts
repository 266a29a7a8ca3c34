/**
 * One Sched resource's bookings as a `CalendarProvider`: full reads of the window, the `sync_token` change feed,
 * idempotent creates, `If-Match` updates and cancellations. Requests go through the client's gate and are
 * counted per provider, so the engine's run summary gets this connection's figure only.
 */
import type { ItemFields, SyncItem } from '../../sync';
import { madeFrom } from '../../sync';
import type {
  CalendarProvider,
  CalendarRef,
  CreateRequest,
  ListRequest,
  ListResult,
  UpdateOptions,
} from '../port';
import { schedCapabilities, NotFoundError, PreconditionFailedError, SlotUnavailableError } from '../port';
import {
  bookingCreateFor,
  bookingDescription,
  bookingTitle,
  bookingToItem,
  bookingUpdateFor,
  type ResourceRef,
} from './sched-booking-mapper';
import { SchedBookingsClient } from './sched-bookings-client';
import { SchedExceptionsClient } from './sched-exceptions-client';
import type { SchedHttp } from './sched-http';
import type { BookingListQuery, SchedBooking } from './sched-wire';

/** What the provider needs: the account's HTTP side and the resource it syncs. */
export interface SchedCalendarProviderOptions {
  /** The account's `SchedHttp`; the provider keeps a scoped copy that shares its gate and counts on its own. */
  http: SchedHttp;
  /** The resource's id and IANA zone (all-day dates are counted in it). */
  resource: ResourceRef;
  /** Bookings per page (`max_results`); Sched's default when absent. */
  pageSize?: number;
}

/** The bookings of one Sched resource. */
export class SchedCalendarProvider implements CalendarProvider {
  readonly side = 'sched' as const;
  readonly capabilities = schedCapabilities;
  private readonly client: SchedBookingsClient;
  private readonly exceptions: SchedExceptionsClient;
  private readonly resource: ResourceRef;
  private readonly pageSize?: number;

  constructor(options: SchedCalendarProviderOptions) {
    this.client = new SchedBookingsClient(options.http.scoped());
    this.resource = { id: options.resource.id, timezone: options.resource.timezone };
    // Same scoped HTTP side, so the read of a blocking exception counts as this provider's request.
    this.exceptions = new SchedExceptionsClient(this.client.http, this.resource.id);
    this.pageSize = options.pageSize;
  }

  /** HTTP requests this provider sent, paging and retries included. */
  requestCount(): number {
    return this.client.requestCount();
  }

  async listChanges(request: ListRequest): Promise<ListResult> {
    const full = request.cursor === null;
    const query: BookingListQuery = full
      ? { resource_id: this.resource.id, time_min: request.window.start, time_max: request.window.end }
      : // The feed's resource comes from the token; a time range is not allowed with it.
        { sync_token: request.cursor ?? undefined };
    if (this.pageSize !== undefined) query.max_results = this.pageSize;
    const { bookings, nextSyncToken } = await this.client.listAllBookings(query);
    // A booking the feed lists with another resource moved there: it is gone from this resource, not cancelled.
    const mine = bookings.filter((booking) => booking.resource_id === this.resource.id);
    const movedAway = full ? [] : bookings.filter((booking) => booking.resource_id !== this.resource.id);
    const items = mine.map((booking) => this.toItem(booking));
    return { items, deleted: movedAway.map((booking) => booking.id), nextCursor: nextSyncToken, full };
  }

  /** The booking, or null when there is none or it belongs to another resource (moved away, for this resource). */
  async get(id: string): Promise<SyncItem | null> {
    const booking = await this.client.getBooking(id);
    return booking === null || booking.resource_id !== this.resource.id ? null : this.toItem(booking);
  }

  /** The booking on whichever resource holds it now (a remap moves it from its old resource), cancelled included. */
  async locate(id: string): Promise<SyncItem | null> {
    const booking = await this.client.getBooking(id);
    return booking === null ? null : { ...this.toItem(booking), resourceId: booking.resource_id };
  }

  /** The live bookings of this resource made from `calendar`'s events: every page of its bookings, all time. */
  async listMadeFrom(calendar: CalendarRef): Promise<SyncItem[]> {
    const query: BookingListQuery = { resource_id: this.resource.id };
    if (this.pageSize !== undefined) query.max_results = this.pageSize;
    const { bookings } = await this.client.listAllBookings(query);
    const mine = bookings.filter((booking) => booking.resource_id === this.resource.id);
    return madeFrom(
      mine.map((booking) => this.toItem(booking)),
      calendar,
    );
  }

  /**
   * A blank title becomes `untitledBooking` (Sched refuses a blank one), and texts past Sched's limits are cut. Said
   * here, so the engine takes a booking it made from such an event for its own write, not a person's edit since.
   */
  keeps(fields: ItemFields): ItemFields {
    return {
      ...fields,
      title: bookingTitle(fields.title),
      description: bookingDescription(fields.description),
    };
  }

  /** `POST /bookings`; a slot that is taken throws `SlotUnavailableError` unless `allowOverlap` is set. */
  async create(request: CreateRequest): Promise<SyncItem> {
    const booking = await this.explainingBlocks(() =>
      this.client.createBooking(bookingCreateFor(request, this.resource), request.idempotencyKey),
    );
    return this.toItem(booking);
  }

  /**
   * `PUT /bookings/{id}`, always naming this resource: a remap moves a booking the agent made from the calendar's
   * event by updating it here. A move onto a taken slot throws `SlotUnavailableError` unless `allowOverlap` is set.
   */
  async update(id: string, fields: ItemFields, options: UpdateOptions): Promise<SyncItem> {
    const body = { resource_id: this.resource.id, ...bookingUpdateFor(fields, this.resource.timezone) };
    if (options.allowOverlap) body.allow_overlap = true;
    const booking = await this.explainingBlocks(() => this.client.updateBooking(id, body, options.ifMatch));
    return this.toItem(booking);
  }

  /**
   * A slot refused because an availability exception blocks it is said with the exception's reason ("The slot is
   * blocked in Sched (maintenance)"), read with one more request; without it when that read fails.
   */
  private async explainingBlocks(write: () => Promise<SchedBooking>): Promise<SchedBooking> {
    try {
      return await write();
    } catch (error) {
      if (!(error instanceof SlotUnavailableError) || !error.blockedBy) throw error;
      const { exceptionId } = error.blockedBy;
      const exception = await this.exceptions.get(exceptionId).catch(() => null);
      const reason = exception?.reason?.trim();
      throw new SlotUnavailableError(undefined, reason ? { exceptionId, reason } : { exceptionId });
    }
  }

  /** Cancels the booking. Gone already, or cancelled already, is the wanted end state and not an error. */
  async delete(id: string, options?: { ifMatch?: string }): Promise<void> {
    try {
      await this.client.cancelBooking(id, options?.ifMatch);
    } catch (error) {
      if (error instanceof NotFoundError) return;
      // A retried cancel whose first attempt went through finds the version moved: check what is there now.
      if (error instanceof PreconditionFailedError) {
        const now = await this.client.getBooking(id);
        if (now === null || now.status === 'cancelled') return;
        throw new PreconditionFailedError(id, String(now.version));
      }
      throw error;
    }
  }

  /** A booking of this resource as an item. */
  private toItem(booking: SchedBooking): SyncItem {
    return bookingToItem(booking, this.resource.timezone);
  }
}
