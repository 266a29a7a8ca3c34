/**
 * Sched's bookings (shared/API.md §3, "Bookings"): list pages and change feeds, read, create with an
 * `Idempotency-Key`, update with `If-Match`, cancel. Statuses the operations expect become the port's typed errors.
 */
import {
  CursorExpiredError,
  KeyReusedError,
  NotFoundError,
  PreconditionFailedError,
  SlotUnavailableError,
} from '../port';
import { SchedRequestError, type SchedHttpError } from './sched-errors';
import { idempotencyHeader, type SchedHttp } from './sched-http';
import type { BookingListQuery, BookingPage, SchedBooking, SchedBookingWrite } from './sched-wire';

/** The bookings of one Sched account, over its `SchedHttp`. */
export class SchedBookingsClient {
  constructor(readonly http: SchedHttp) {}

  /** HTTP requests sent through this client's `SchedHttp`, every retry counted. */
  requestCount(): number {
    return this.http.requestCount();
  }

  /** One page of `GET /bookings`; a stale `sync_token` (410) is `CursorExpiredError`. */
  listBookingsPage(query: BookingListQuery): Promise<BookingPage> {
    return this.http.send<BookingPage>('list bookings', {
      method: 'GET',
      path: '/bookings',
      query: { ...query },
      special: (error) => (error.status === 410 ? new CursorExpiredError('Sched') : undefined),
    });
  }

  /** Every page of `GET /bookings`, and the `next_sync_token` of the last one. */
  async listAllBookings(
    query: BookingListQuery,
  ): Promise<{ bookings: SchedBooking[]; nextSyncToken: string }> {
    const bookings: SchedBooking[] = [];
    let page: BookingPage;
    let pageToken: string | undefined;
    do {
      page = await this.listBookingsPage(pageToken ? { ...query, page_token: pageToken } : query);
      bookings.push(...(page.bookings ?? []));
      pageToken = page.next_page_token ?? undefined;
    } while (pageToken);
    if (!page.next_sync_token) {
      throw new SchedRequestError('list bookings', 200, undefined, 'the last page had no next_sync_token');
    }
    return { bookings, nextSyncToken: page.next_sync_token };
  }

  /** `GET /bookings/{id}`, cancelled bookings included; `null` when Sched has no such booking. */
  async getBooking(id: string): Promise<SchedBooking | null> {
    try {
      return await this.http.send<SchedBooking>('read a booking', {
        method: 'GET',
        path: `/bookings/${encodeURIComponent(id)}`,
        special: (error) => (error.status === 404 ? new NotFoundError(id) : undefined),
      });
    } catch (error) {
      if (error instanceof NotFoundError) return null;
      throw error;
    }
  }

  /**
   * `POST /bookings` with an `Idempotency-Key`: a retry, or a second call after a crash, returns the booking the
   * first one made. 409 `slot_unavailable` is `SlotUnavailableError`, 422 `idempotency_key_reused` `KeyReusedError`.
   */
  createBooking(body: SchedBookingWrite, idempotencyKey: string): Promise<SchedBooking> {
    return this.http.send<SchedBooking>('create a booking', {
      method: 'POST',
      path: '/bookings',
      body,
      headers: { 'idempotency-key': idempotencyHeader(idempotencyKey) },
      special: (error) => slotUnavailable(error) ?? keyReused(error, idempotencyKey),
    });
  }

  /** `PUT /bookings/{id}` with `If-Match: <version>`; 412 is `PreconditionFailedError`, 404 `NotFoundError`. */
  updateBooking(id: string, body: SchedBookingWrite, ifMatch: string): Promise<SchedBooking> {
    return this.http.send<SchedBooking>('update a booking', {
      method: 'PUT',
      path: `/bookings/${encodeURIComponent(id)}`,
      body,
      headers: { 'if-match': ifMatchHeader(ifMatch) },
      special: (error) => versionOrAbsence(error, id) ?? slotUnavailable(error),
    });
  }

  /** `DELETE /bookings/{id}`: Sched keeps the booking as `cancelled` and returns it. */
  cancelBooking(id: string, ifMatch?: string): Promise<SchedBooking> {
    return this.http.send<SchedBooking>('cancel a booking', {
      method: 'DELETE',
      path: `/bookings/${encodeURIComponent(id)}`,
      headers: ifMatch ? { 'if-match': ifMatchHeader(ifMatch) } : {},
      special: (error) => versionOrAbsence(error, id),
    });
  }
}

/** Sched versions are plain numbers; send them quoted, as an entity tag. */
export function ifMatchHeader(version: string): string {
  return /^(W\/)?".*"$/.test(version) ? version : `"${version}"`;
}

function slotUnavailable(error: SchedHttpError): Error | undefined {
  if (error.status !== 409 || error.errorCode !== 'slot_unavailable') return undefined;
  const clash = error.body.conflicting_booking_id;
  const blocking = error.body.conflicting_exception_id;
  if (typeof blocking === 'string') return new SlotUnavailableError(undefined, { exceptionId: blocking });
  return new SlotUnavailableError(typeof clash === 'string' ? clash : undefined);
}

/** 422 `idempotency_key_reused` as `KeyReusedError`: the key made an item before, for another request. */
export function keyReused(error: SchedHttpError, idempotencyKey: string): Error | undefined {
  if (error.status !== 422 || error.errorCode !== 'idempotency_key_reused') return undefined;
  return new KeyReusedError(idempotencyKey);
}

/** 412 as `PreconditionFailedError` and 404 as `NotFoundError`, for writes on one item. */
export function versionOrAbsence(error: SchedHttpError, id: string): Error | undefined {
  if (error.status === 412) return new PreconditionFailedError(id);
  if (error.status === 404) return new NotFoundError(id);
  return undefined;
}
